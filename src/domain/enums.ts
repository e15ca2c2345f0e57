/** Vocabulary of the plan model (docs/rules.md, "The model"). Plain string enums: stored as-is in the database. */

export enum AgencyKind {
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  PROSECUTION = 'PROSECUTION',
  IMMIGRATION = 'IMMIGRATION',
  SOCIAL_SERVICES = 'SOCIAL_SERVICES',
  HEALTH = 'HEALTH',
  COMMUNITY_ORGANIZATION = 'COMMUNITY_ORGANIZATION',
  GOVERNMENT = 'GOVERNMENT',
  EDUCATION = 'EDUCATION',
  OTHER = 'OTHER',
}

export enum Jurisdiction {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  STATE = 'STATE',
  FEDERAL = 'FEDERAL',
  NONPROFIT = 'NONPROFIT',
}

export enum PartnerRole {
  SUPPORT = 'SUPPORT',
  CONSULTED = 'CONSULTED',
}

/** How an agency is involved in a milestone, for filters and agency roll-ups. */
export enum AgencyRole {
  LEAD = 'LEAD',
  SUPPORT = 'SUPPORT',
  CONSULTED = 'CONSULTED',
  PARTNER = 'PARTNER',
  ANY = 'ANY',
}

export enum Visibility {
  PUBLIC = 'PUBLIC',
  PARTNERS = 'PARTNERS',
}

export enum MilestoneStatus {
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  COMPLETED_LATE = 'COMPLETED_LATE',
  OVERDUE = 'OVERDUE',
  AT_RISK = 'AT_RISK',
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
}

export enum Health {
  COMPLETED = 'COMPLETED',
  OFF_TRACK = 'OFF_TRACK',
  AT_RISK = 'AT_RISK',
  NOT_STARTED = 'NOT_STARTED',
  ON_TRACK = 'ON_TRACK',
}

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  VIEWER = 'VIEWER',
}

/** Which of a milestone's dates a recorded move changed. */
export enum MilestoneDate {
  START_DATE = 'START_DATE',
  DUE_DATE = 'DUE_DATE',
}
