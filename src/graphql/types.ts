/** GraphQL-only types: inputs, connections, roll-up shapes. Entities are object types of their own. */
import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Direction } from '../domain/indicator';
import { AgencyKind, AgencyRole, Jurisdiction, MilestoneStatus, PartnerRole, Role, Visibility } from '../domain/enums';
import { StatusCounts as StatusCountsRecord } from '../domain/statuses';
import { Agency } from '../entities/agency';
import { AuditEntry } from '../entities/audit-entry';
import { Milestone } from '../entities/milestone';
import { MAX } from '../entities/limits';
import { MilestoneOrderField, OrderDirection } from '../services/milestone-search';
import { DateScalar } from '../entities/scalars';
import { AgencyChanges, NewAgency } from '../services/agency-writer';
import { CommitteeChanges, NewCommittee } from '../services/committee-writer';
import { GoalChanges, NewGoal } from '../services/goal-writer';
import { IndicatorChanges, NewIndicator, NewMeasurement } from '../services/indicator-writer';
import { ProgressReport } from '../services/milestone-lifecycle-writer';
import { MilestoneChanges, NewMilestone, PartnerLink } from '../services/milestone-writer';
import { NewMeeting, NewPlan, PlanChanges } from '../services/plan-writer';

/** A string of at most `max` characters; `required` ones must not be empty. Messages name the field. */
function Text(max: number, { required = false, nonEmpty = false }: { required?: boolean; nonEmpty?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    if (!required) IsOptional()(target, key);
    if (required || nonEmpty) MinLength(1, { message: '$property must not be empty' })(target, key);
    MaxLength(max, { message: `$property must be at most ${max} characters` })(target, key);
  };
}

/** An optional whole number within [min, max]. */
function Range(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    Min(min, { message: `$property must be between ${min} and ${max}` })(target, key);
    Max(max, { message: `$property must be between ${min} and ${max}` })(target, key);
  };
}

@ObjectType({ description: 'How many milestones are in each status on a date.' })
export class StatusCounts implements StatusCountsRecord {
  @Field(() => Int, { description: 'Cancelled.' }) CANCELLED: number;
  @Field(() => Int, { description: 'Completed on time.' }) COMPLETED: number;
  @Field(() => Int, { description: 'Completed after the due date.' }) COMPLETED_LATE: number;
  @Field(() => Int, { description: 'Past the due date and unfinished.' }) OVERDUE: number;
  @Field(() => Int, { description: 'At risk.' }) AT_RISK: number;
  @Field(() => Int, { description: 'Not started.' }) NOT_STARTED: number;
  @Field(() => Int, { description: 'On track.' }) ON_TRACK: number;
  @Field(() => Int, { description: 'All milestones counted.' }) total: number;
}

export function toStatusCounts(counts: StatusCountsRecord): StatusCounts {
  return Object.assign(new StatusCounts(), counts, { total: Object.values(counts).reduce((a, b) => a + b, 0) });
}

@ObjectType({ description: 'An agency taking part in a milestone it does not lead.' })
export class Partner {
  @Field(() => Agency, { description: 'The partner agency.' })
  agency: Agency;

  @Field(() => PartnerRole, { description: 'Its role.' })
  role: PartnerRole;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' }) hasNextPage: boolean;
  @Field({ description: 'Whether items precede this page.' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item on the page.' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item on the page; pass it as `after` for the next page.' }) endCursor: string | null;
}

@ObjectType({ description: 'A milestone in a page of results, with its cursor.' })
export class MilestoneEdge {
  @Field({ description: 'Opaque cursor of this item.' }) cursor: string;
  @Field(() => Milestone, { description: 'The milestone.' }) node: Milestone;
}

@ObjectType({ description: 'A page of milestones (Relay connection).' })
export class MilestoneConnection {
  @Field(() => [MilestoneEdge], { description: 'The page, with cursors.' }) edges: MilestoneEdge[];
  @Field(() => [Milestone], { description: 'The page, without cursors.' }) nodes: Milestone[];
  @Field(() => PageInfo, { description: 'Paging information.' }) pageInfo: PageInfo;
  @Field(() => Int, { description: 'How many milestones match the filter, over all pages.' }) totalCount: number;
}

@InputType({ description: 'Which milestones to list. All conditions must hold.' })
export class MilestoneFilter {
  @Field(() => ID, { nullable: true, description: 'Only milestones of this plan.' })
  planId?: string;

  @Field(() => ID, { nullable: true, description: 'Only milestones of this goal and all goals nested under it.' })
  goalId?: string;

  @Field(() => ID, { nullable: true, description: 'Only milestones this agency is involved in (see `agencyRole`).' })
  agencyId?: string;

  @Field(() => AgencyRole, { nullable: true, defaultValue: AgencyRole.LEAD, description: 'How `agencyId` must be involved; LEAD by default.' })
  agencyRole?: AgencyRole;

  @Field(() => ID, { nullable: true, description: 'Only milestones of goals assigned to this committee (and goals nested under them).' })
  committeeId?: string;

  @Field(() => [MilestoneStatus], { nullable: true, description: 'Only milestones in one of these statuses on `asOf`.' })
  status?: MilestoneStatus[];

  @Field(() => DateScalar, { nullable: true, description: 'The date statuses and due dates are judged on; today by default.' })
  asOf?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only milestones due on or after this date.' })
  dueFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only milestones due on or before this date.' })
  dueTo?: string;

  @Field({ nullable: true, description: 'Only milestones whose title or code contains this text (case-insensitive).' })
  @Text(MAX.title)
  search?: string;

  @Field(() => Visibility, { nullable: true, description: 'Only milestones with this visibility.' })
  visibility?: Visibility;

  @Field(() => DateScalar, { nullable: true, description: 'Only milestones whose due date was moved on or after this date (what slipped in a period).' })
  movedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only milestones whose due date was moved on or before this date.' })
  movedTo?: string;
}

@InputType({ description: 'Sort order for milestones.' })
export class MilestoneOrder {
  @Field(() => MilestoneOrderField, { defaultValue: MilestoneOrderField.DUE_DATE, description: 'What to sort by.' })
  field: MilestoneOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction: OrderDirection;
}

@InputType({ description: 'A new agency.' })
export class CreateAgencyInput implements NewAgency {
  @Field({ description: 'Full name, unique.' }) @Text(MAX.name, { required: true }) name: string;
  @Field({ description: 'Short name, unique, e.g. "SFPD".' }) @Text(MAX.shortName, { required: true }) shortName: string;
  @Field(() => AgencyKind, { description: 'Kind of body.' }) kind: AgencyKind;
  @Field(() => Jurisdiction, { description: 'Level of government.' }) jurisdiction: Jurisdiction;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are.' })
export class UpdateAgencyInput implements AgencyChanges {
  @Field({ nullable: true, description: 'Full name.' }) @Text(MAX.name, { nonEmpty: true }) name?: string;
  @Field({ nullable: true, description: 'Short name.' }) @Text(MAX.shortName, { nonEmpty: true }) shortName?: string;
  @Field(() => AgencyKind, { nullable: true, description: 'Kind of body.' }) kind?: AgencyKind;
  @Field(() => Jurisdiction, { nullable: true, description: 'Level of government.' }) jurisdiction?: Jurisdiction;
}

@InputType({ description: 'A new plan.' })
export class CreatePlanInput implements NewPlan {
  @Field({ description: 'Title.' }) @Text(MAX.title, { required: true }) title: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => DateScalar, { description: 'First day.' }) startDate: string;
  @Field(() => DateScalar, { description: 'Last day.' }) endDate: string;
  @Field({ nullable: true, description: 'IANA time zone; America/Los_Angeles by default.' }) @Text(MAX.timeZone) timeZone?: string;
  @Field(() => Int, { nullable: true, description: 'First month of the reporting year (1–12); 7 by default.' }) @Range(1, 12) fiscalYearStartMonth?: number;
  @Field(() => ID, { nullable: true, description: 'The agency that staffs the plan.' }) staffAgencyId?: string;
  @Field(() => Int, { nullable: true, description: 'At-risk threshold in percentage points (1–100); 25 by default.' }) @Range(1, 100) atRiskThreshold?: number;
  @Field(() => Int, { nullable: true, description: 'Update cadence in days (1–366); 61 by default.' }) @Range(1, 366) updateCadenceDays?: number;
  @Field(() => Int, { nullable: true, description: 'Percent (1–100) of a roll-up\'s milestones, cancelled ones left out, that must be OVERDUE for it to be OFF_TRACK; 10 by default.' }) @Range(1, 100) offTrackShare?: number;
  @Field(() => Int, { nullable: true, description: 'Suppression threshold for sensitive values (1–1000); 11 by default.' }) @Range(1, 1000) suppressionThreshold?: number;
}

@InputType({ description: 'Changes to a plan; omitted fields stay as they are.' })
export class UpdatePlanInput implements PlanChanges {
  @Field({ nullable: true, description: 'Title.' }) @Text(MAX.title, { nonEmpty: true }) title?: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => DateScalar, { nullable: true, description: 'First day.' }) startDate?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day.' }) endDate?: string;
  @Field({ nullable: true, description: 'IANA time zone.' }) @Text(MAX.timeZone) timeZone?: string;
  @Field(() => Int, { nullable: true, description: 'First month of the reporting year (1–12).' }) @Range(1, 12) fiscalYearStartMonth?: number;
  @Field(() => ID, { nullable: true, description: 'The agency that staffs the plan.' }) staffAgencyId?: string;
  @Field(() => Int, { nullable: true, description: 'At-risk threshold (1–100).' }) @Range(1, 100) atRiskThreshold?: number;
  @Field(() => Int, { nullable: true, description: 'Update cadence in days (1–366).' }) @Range(1, 366) updateCadenceDays?: number;
  @Field(() => Int, { nullable: true, description: 'Off-track share in percent (1–100).' }) @Range(1, 100) offTrackShare?: number;
  @Field(() => Int, { nullable: true, description: 'Suppression threshold (1–1000).' }) @Range(1, 1000) suppressionThreshold?: number;
}

@InputType({ description: 'A new committee.' })
export class CreateCommitteeInput implements NewCommittee {
  @Field(() => ID, { description: 'The plan.' }) planId: string;
  @Field({ description: 'Name, unique in the plan.' }) @Text(MAX.name, { required: true }) name: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => ID, { nullable: true, description: 'The chairing agency.' }) chairAgencyId?: string;
  @Field(() => [ID], { nullable: true, description: 'Member agencies.' }) memberAgencyIds?: string[];
}

@InputType({ description: 'Changes to a committee; omitted fields stay as they are.' })
export class UpdateCommitteeInput implements CommitteeChanges {
  @Field({ nullable: true, description: 'Name.' }) @Text(MAX.name, { nonEmpty: true }) name?: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => ID, { nullable: true, description: 'The chairing agency.' }) chairAgencyId?: string;
  @Field(() => [ID], { nullable: true, description: 'Member agencies (replaces the list).' }) memberAgencyIds?: string[];
}

@InputType({ description: 'A new goal.' })
export class CreateGoalInput implements NewGoal {
  @Field(() => ID, { description: 'The plan.' }) planId: string;
  @Field(() => ID, { nullable: true, description: 'The parent goal, for a nested goal.' }) parentId?: string;
  @Field(() => ID, { nullable: true, description: 'The committee that oversees it.' }) committeeId?: string;
  @Field(() => ID, { nullable: true, description: 'The lead agency.' }) leadAgencyId?: string;
  @Field({ description: 'Code, unique in the plan, e.g. "G2".' }) @Text(MAX.code, { required: true }) code: string;
  @Field({ description: 'Title.' }) @Text(MAX.title, { required: true }) title: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => Float, { nullable: true, description: 'Weight (> 0); 1 by default.' }) weight?: number;
  @Field(() => Int, { nullable: true, description: 'Sort position among siblings.' }) position?: number;
}

@InputType({ description: 'Changes to a goal; omitted fields stay as they are.' })
export class UpdateGoalInput implements GoalChanges {
  @Field(() => ID, { nullable: true, description: 'The parent goal.' }) parentId?: string;
  @Field(() => ID, { nullable: true, description: 'The committee.' }) committeeId?: string;
  @Field(() => ID, { nullable: true, description: 'The lead agency.' }) leadAgencyId?: string;
  @Field({ nullable: true, description: 'Code.' }) @Text(MAX.code, { nonEmpty: true }) code?: string;
  @Field({ nullable: true, description: 'Title.' }) @Text(MAX.title, { nonEmpty: true }) title?: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => Float, { nullable: true, description: 'Weight (> 0).' }) weight?: number;
  @Field(() => Int, { nullable: true, description: 'Sort position.' }) position?: number;
}

@InputType({ description: 'A partner agency and its role.' })
export class PartnerInput implements PartnerLink {
  @Field(() => ID, { description: 'The agency.' }) agencyId: string;
  @Field(() => PartnerRole, { description: 'Its role.' }) role: PartnerRole;
}

@InputType({ description: 'A new milestone.' })
export class CreateMilestoneInput implements NewMilestone {
  @Field(() => ID, { description: 'The goal it belongs to.' }) goalId: string;
  @Field({ description: 'Code, unique in the plan, e.g. "G2.M3".' }) @Text(MAX.code, { required: true }) code: string;
  @Field({ description: 'Title.' }) @Text(MAX.title, { required: true }) title: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => ID, { description: 'The lead (owning) agency.' }) leadAgencyId: string;
  @Field(() => DateScalar, { description: 'Planned start, within the plan.' }) startDate: string;
  @Field(() => DateScalar, { description: 'Due date, within the plan and not before the start; also the baseline.' }) dueDate: string;
  @Field(() => Float, { nullable: true, description: 'Weight (> 0); 1 by default.' }) weight?: number;
  @Field(() => Visibility, { nullable: true, description: 'PUBLIC by default.' }) visibility?: Visibility;
  @Field(() => Int, { nullable: true, description: 'Sort position in its goal.' }) position?: number;
  @Field(() => [PartnerInput], { nullable: true, description: 'Partner agencies.' }) partners?: PartnerInput[];
  @Field(() => [ID], { nullable: true, description: 'Milestones (same plan) it depends on.' }) dependsOnIds?: string[];
}

@InputType({ description: 'Changes to a milestone; omitted fields stay as they are. Dates move only with `moveStartDate` and `moveDueDate`, which record why. Visibility and the lead agency are changed only by admins and editors of the lead agency.' })
export class UpdateMilestoneInput implements MilestoneChanges {
  @Field(() => ID, { nullable: true, description: 'Move it to another goal of the same plan.' }) goalId?: string;
  @Field({ nullable: true, description: 'Code.' }) @Text(MAX.code, { nonEmpty: true }) code?: string;
  @Field({ nullable: true, description: 'Title.' }) @Text(MAX.title, { nonEmpty: true }) title?: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field(() => ID, { nullable: true, description: 'The lead agency.' }) leadAgencyId?: string;
  @Field(() => Float, { nullable: true, description: 'Weight (> 0).' }) weight?: number;
  @Field(() => Visibility, { nullable: true, description: 'Visibility.' }) visibility?: Visibility;
  @Field(() => Int, { nullable: true, description: 'Sort position.' }) position?: number;
}

@InputType({ description: 'A progress check-in, reported by the signed-in user.' })
export class ReportProgressInput implements ProgressReport {
  @Field(() => ID, { description: 'The milestone.' }) milestoneId: string;
  @Field(() => Float, { description: 'Percent complete, 0–100, with at most two decimals.' }) percentComplete: number;
  @Field(() => DateScalar, { nullable: true, description: 'The date the figure refers to; today by default. Not in the future.' }) reportedOn?: string;
  @Field({ nullable: true, description: 'What happened.' }) @Text(MAX.note) note?: string;
}

@ObjectType({ description: 'One field changed by an audited action.' })
export class FieldChange {
  @Field({ description: 'The field (or relation, e.g. "partner", "dependsOn").' }) field: string;
  @Field(() => JSONResolver, { nullable: true, description: 'The value before; null when there was none.' }) before: unknown;
  @Field(() => JSONResolver, { nullable: true, description: 'The value after; null when removed.' }) after: unknown;
  @Field({
    description:
      'True when a value of this change is withheld from this reader; each withheld value (before, after or both) is null. Withheld are a sensitive indicator\'s values below the plan\'s suppression threshold, for readers outside the indicator\'s agency who are not admins (every value of a deleted indicator, for all but admins), and staff names (`author`), for anonymous readers.',
  })
  suppressed: boolean;
}

@ObjectType({ description: 'An audit entry in a page of results, with its cursor.' })
export class AuditEntryEdge {
  @Field({ description: 'Opaque cursor of this entry.' }) cursor: string;
  @Field(() => AuditEntry, { description: 'The entry.' }) node: AuditEntry;
}

@ObjectType({ description: 'A page of the audit trail, newest first (Relay connection).' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The page, with cursors.' }) edges: AuditEntryEdge[];
  @Field(() => [AuditEntry], { description: 'The page, without cursors.' }) nodes: AuditEntry[];
  @Field(() => PageInfo, { description: 'Paging information.' }) pageInfo: PageInfo;
}

@ObjectType({ description: 'Who the request acts for.' })
export class ViewerInfo {
  @Field({ description: 'The user\'s name, or "anonymous".' }) name: string;
  @Field(() => Role, { nullable: true, description: 'ADMIN, EDITOR or VIEWER; null when anonymous.' }) role: Role | null;
  @Field(() => Agency, { nullable: true, description: 'The agency the user belongs to, if any.' }) agency: Agency | null;
}

@ObjectType({ description: 'The state on one date of a history: actual against expected progress, and status counts.' })
export class HistoryPoint {
  @Field(() => DateScalar, { description: 'The period end (the last point is the `to` date).' }) date: string;
  @Field(() => Float, { nullable: true, description: 'Progress on that date; null with nothing to measure.' }) progress: number | null;
  @Field(() => Float, { nullable: true, description: 'Expected progress on that date, weighted the same way.' }) expectedProgress: number | null;
  @Field(() => StatusCounts, { description: 'Milestones per status on that date.' }) statusCounts: StatusCounts;
}

@ObjectType({ description: 'A number that may be suppressed: sensitive values below the plan\'s threshold reach only admins and the owning agency.' })
export class ShownNumber {
  @Field(() => Float, { nullable: true, description: 'The value; null when suppressed.' }) value: number | null;
  @Field({ description: 'True when the value is hidden from this reader.' }) suppressed: boolean;
}

@InputType({ description: 'A new indicator.' })
export class CreateIndicatorInput implements NewIndicator {
  @Field(() => ID, { description: 'The plan.' }) planId: string;
  @Field(() => ID, { nullable: true, description: 'The goal it measures, if any.' }) goalId?: string;
  @Field(() => ID, { description: 'The owning agency.' }) agencyId: string;
  @Field({ description: 'Name.' }) @Text(MAX.name, { required: true }) name: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field({ description: 'Unit, e.g. "people".' }) @Text(60, { required: true }) unit: string;
  @Field(() => Float, { description: 'Value at the start.' }) baselineValue: number;
  @Field(() => Float, { description: 'Value to reach.' }) targetValue: number;
  @Field(() => DateScalar, { description: 'When to reach it, within the plan.' }) targetDate: string;
  @Field(() => Direction, { nullable: true, description: 'Which way it should move; by default, from the baseline toward the target.' }) direction?: Direction;
  @Field({ nullable: true, description: 'Victim or survivor counts: small values are suppressed. False by default.' }) sensitive?: boolean;
}

@InputType({ description: 'Changes to an indicator; omitted fields stay as they are.' })
export class UpdateIndicatorInput implements IndicatorChanges {
  @Field(() => ID, { nullable: true, description: 'The goal it measures.' }) goalId?: string;
  @Field({ nullable: true, description: 'Name.' }) @Text(MAX.name, { nonEmpty: true }) name?: string;
  @Field({ nullable: true, description: 'Description.' }) @Text(MAX.description) description?: string;
  @Field({ nullable: true, description: 'Unit.' }) @Text(60, { nonEmpty: true }) unit?: string;
  @Field(() => Float, { nullable: true, description: 'Value at the start.' }) baselineValue?: number;
  @Field(() => Float, { nullable: true, description: 'Value to reach.' }) targetValue?: number;
  @Field(() => DateScalar, { nullable: true, description: 'When to reach it.' }) targetDate?: string;
  @Field(() => Direction, { nullable: true, description: 'Which way it should move.' }) direction?: Direction;
  @Field({ nullable: true, description: 'Whether small values are suppressed.' }) sensitive?: boolean;
}

@InputType({ description: 'A measured value of an indicator.' })
export class RecordMeasurementInput implements NewMeasurement {
  @Field(() => ID, { description: 'The indicator.' }) indicatorId: string;
  @Field(() => Float, { description: 'The value.' }) value: number;
  @Field(() => DateScalar, { nullable: true, description: 'The date it refers to; today by default. Not in the future.' }) measuredOn?: string;
  @Field({ nullable: true, description: 'Source or remarks.' }) @Text(MAX.note) note?: string;
}

@InputType({ description: 'A new meeting.' })
export class CreateMeetingInput implements NewMeeting {
  @Field(() => ID, { description: 'The plan.' }) planId: string;
  @Field(() => ID, { nullable: true, description: 'The committee, for a committee meeting; none for the whole task force.' }) committeeId?: string;
  @Field(() => DateScalar, { description: 'The day it meets.' }) date: string;
  @Field({ description: 'Title.' }) @Text(MAX.title, { required: true }) title: string;
}
