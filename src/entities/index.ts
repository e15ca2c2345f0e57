import { Agency } from './agency';
import { ApiToken } from './api-token';
import { AuditEntry } from './audit-entry';
import { BrowserSession, SignInAttempt } from './browser-session';
import { Committee } from './committee';
import { CommitteeMember } from './committee-member';
import { DateChange, DueDateChange } from './date-change';
import { Goal } from './goal';
import { Indicator } from './indicator';
import { IndicatorMeasurement } from './indicator-measurement';
import { Meeting } from './meeting';
import { Milestone } from './milestone';
import { MilestoneDependency } from './milestone-dependency';
import { MilestonePartner } from './milestone-partner';
import { Plan } from './plan';
import { ProgressUpdate } from './progress-update';
import { PublishedReport } from './published-report';
import { User } from './user';

export { Agency, ApiToken, AuditEntry, BrowserSession, Committee, CommitteeMember, DateChange, DueDateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate, PublishedReport, SignInAttempt, User };

export const ENTITIES = [Agency, ApiToken, AuditEntry, BrowserSession, Committee, CommitteeMember, DateChange, Goal, Indicator, IndicatorMeasurement, Meeting, Milestone, MilestoneDependency, MilestonePartner, Plan, ProgressUpdate, PublishedReport, SignInAttempt, User];
