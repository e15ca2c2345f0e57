import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { UsersAndTokens1764400000000 } from './1764400000000-users-and-tokens';
import { Indicators1764500000000 } from './1764500000000-indicators';
import { Meetings1764600000000 } from './1764600000000-meetings';
import { AuditRelatedMilestone1764700000000 } from './1764700000000-audit-related-milestone';
import { PublishedReports1764800000000 } from './1764800000000-published-reports';
import { ReadOnlyTokens1764900000000 } from './1764900000000-read-only-tokens';
import { PlanOffTrackShare1765000000000 } from './1765000000000-plan-off-track-share';
import { StartDateChanges1765100000000 } from './1765100000000-start-date-changes';
import { WithdrawDerivableIndicatorProgress1765200000000 } from './1765200000000-withdraw-derivable-indicator-progress';
import { SignIn1765300000000 } from './1765300000000-sign-in';

/** Every migration, oldest first. Listed explicitly so the compiled app never globs for files. */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  UsersAndTokens1764400000000,
  Indicators1764500000000,
  Meetings1764600000000,
  AuditRelatedMilestone1764700000000,
  PublishedReports1764800000000,
  ReadOnlyTokens1764900000000,
  PlanOffTrackShare1765000000000,
  StartDateChanges1765100000000,
  WithdrawDerivableIndicatorProgress1765200000000,
  SignIn1765300000000,
];
