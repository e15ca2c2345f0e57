/**
 * The shape of a sample plan as written in seeds/. Agencies are referred to by `key`
 * (their short name), committees by `key`, milestones in `dependsOn` by `code`.
 * Dates are ISO calendar dates (YYYY-MM-DD).
 */
import { AgencyKind, Jurisdiction, PartnerRole, Visibility } from '../src/domain/enums';
import { Direction } from '../src/domain/indicator';

export interface SeedAgency {
  key: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  jurisdiction: Jurisdiction;
}

export interface SeedCommittee {
  key: string;
  name: string;
  description: string;
  chair: string;
  members: string[];
}

export interface SeedProgressUpdate {
  reportedOn: string;
  percentComplete: number;
  note: string;
  /** Who reported it, e.g. "SFPD Special Victims Unit". */
  author: string;
}

/** A recorded due-date move: on `changedOn` the due date became `newDueDate`. */
export interface SeedDueDateMove {
  changedOn: string;
  newDueDate: string;
  reason: string;
}

export interface SeedMilestone {
  code: string;
  title: string;
  description: string;
  lead: string;
  partners?: { agency: string; role: PartnerRole }[];
  startDate: string;
  /** The due date as first set (the baseline). Later moves are in `moves`. */
  dueDate: string;
  moves?: SeedDueDateMove[];
  completedOn?: string;
  cancelledOn?: string;
  cancelReason?: string;
  weight?: number;
  visibility?: Visibility;
  dependsOn?: string[];
  updates?: SeedProgressUpdate[];
}

export interface SeedGoal {
  code: string;
  title: string;
  description: string;
  lead: string;
  committee?: string;
  weight?: number;
  milestones: SeedMilestone[];
  children?: SeedGoal[];
}

export interface SeedPlan {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  staffAgency: string;
  atRiskThreshold?: number;
  updateCadenceDays?: number;
  suppressionThreshold?: number;
  committees: SeedCommittee[];
  goals: SeedGoal[];
  indicators?: SeedIndicator[];
}

export interface SeedIndicator {
  name: string;
  description: string;
  unit: string;
  /** Agency key (short name) of the owner. */
  agency: string;
  /** Goal code, if it measures a goal. */
  goal?: string;
  baselineValue: number;
  targetValue: number;
  targetDate: string;
  direction: Direction;
  sensitive: boolean;
  measurements: { measuredOn: string; value: number; note: string }[];
}
