/** GraphQL registration of the domain and service vocabulary, with a description for every value. */
import { STATUS_URGENCY } from '../domain/statuses';
import { Direction } from '../domain/indicator';
import { Interval } from '../domain/periods';
import { registerEnumType } from 'type-graphql';
import { AgencyKind, AgencyRole, Health, Jurisdiction, MilestoneDate, MilestoneStatus, PartnerRole, Role, Visibility } from '../domain/enums';
import { BreakdownBy } from '../services/dashboard-reader';
import { MilestoneOrderField, OrderDirection } from '../services/milestone-search';

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of body an agency is.',
  valuesConfig: {
    LAW_ENFORCEMENT: { description: 'Police and other law enforcement.' },
    PROSECUTION: { description: 'Prosecutors (district attorney, U.S. attorney).' },
    IMMIGRATION: { description: 'Immigration and border agencies.' },
    SOCIAL_SERVICES: { description: 'Social and human services.' },
    HEALTH: { description: 'Public health.' },
    COMMUNITY_ORGANIZATION: { description: 'Community-based and non-governmental organisations.' },
    GOVERNMENT: { description: 'Other government offices (mayor, commissions, staff departments).' },
    EDUCATION: { description: 'Schools and education departments.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(Jurisdiction, {
  name: 'Jurisdiction',
  description: 'The level of government an agency belongs to.',
  valuesConfig: {
    CITY: { description: 'City government.' },
    COUNTY: { description: 'County government.' },
    STATE: { description: 'State government.' },
    FEDERAL: { description: 'Federal government.' },
    NONPROFIT: { description: 'Not government: a non-profit organisation.' },
  },
});

registerEnumType(PartnerRole, {
  name: 'PartnerRole',
  description: 'The part a partner agency plays in a milestone it does not lead.',
  valuesConfig: {
    SUPPORT: { description: 'Does part of the work.' },
    CONSULTED: { description: 'Is asked for input.' },
  },
});

registerEnumType(MilestoneDate, {
  name: 'MilestoneDate',
  description: 'Which of a milestone\'s dates a recorded move changed.',
  valuesConfig: {
    START_DATE: { description: 'The start date.' },
    DUE_DATE: { description: 'The due date.' },
  },
});

registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may see a milestone.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone who may read the plan.' },
    PARTNERS: { description: 'Only admins and members of its lead and partner agencies.' },
  },
});

registerEnumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'The status of a milestone on a date: the first rule that holds, in this order.',
  valuesConfig: {
    CANCELLED: { description: 'Cancelled on or before the date.' },
    COMPLETED: { description: 'Completed on or before its due date.' },
    COMPLETED_LATE: { description: 'Completed after its due date.' },
    OVERDUE: { description: 'Past its due date and not finished.' },
    AT_RISK: { description: 'Behind expected progress by the plan\'s threshold, or held up by a dependency.' },
    NOT_STARTED: { description: 'Before its start date with no progress reported.' },
    ON_TRACK: { description: 'None of the above.' },
  },
});

registerEnumType(Health, {
  name: 'Health',
  description: 'The health of a goal, plan, agency or committee: the first that holds, in this order.',
  valuesConfig: {
    COMPLETED: { description: 'Every milestone finished or cancelled, at least one finished.' },
    OFF_TRACK: { description: 'At least one milestone OVERDUE.' },
    AT_RISK: { description: 'At least one milestone AT_RISK.' },
    NOT_STARTED: { description: 'No milestone started yet.' },
    ON_TRACK: { description: 'Otherwise.' },
  },
});

registerEnumType(AgencyRole, {
  name: 'AgencyRole',
  description: 'How an agency is involved in a milestone.',
  valuesConfig: {
    LEAD: { description: 'It leads (owns) the milestone.' },
    SUPPORT: { description: 'It is a SUPPORT partner.' },
    CONSULTED: { description: 'It is a CONSULTED partner.' },
    PARTNER: { description: 'It is a partner in any role.' },
    ANY: { description: 'It leads or partners.' },
  },
});

registerEnumType(MilestoneOrderField, {
  name: 'MilestoneOrderField',
  description: 'What to sort milestones by. Ties are broken by code.',
  valuesConfig: {
    DUE_DATE: { description: 'Due date (in effect on `asOf`).' },
    START_DATE: { description: 'Start date (in effect on `asOf`).' },
    CODE: { description: 'Code.' },
    TITLE: { description: 'Title.' },
    STATUS: { description: `Status, most urgent first: ${STATUS_URGENCY.join(', ')}.` },
    DAYS_OVERDUE: { description: 'Days overdue.' },
  },
});

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything, and sees every milestone.' },
    EDITOR: { description: 'Reads; changes the milestones its agency leads or partners on.' },
    VIEWER: { description: 'Reads.' },
  },
});

registerEnumType(BreakdownBy, {
  name: 'BreakdownBy',
  description: 'How to group milestones in a breakdown.',
  valuesConfig: {
    GOAL: { description: 'By goal: top-level goals of a plan, child goals of a goal, the goals of a committee.' },
    AGENCY: { description: 'By lead agency.' },
    COMMITTEE: { description: 'By the committee of the milestone\'s goal (or its nearest ancestor with one).' },
    STATUS: { description: 'By status, most urgent first.' },
  },
});

registerEnumType(Interval, {
  name: 'Interval',
  description: 'The spacing of points in a history.',
  valuesConfig: {
    WEEK: { description: 'Week ends (Sundays).' },
    MONTH: { description: 'Month ends.' },
    QUARTER: { description: 'Quarter ends of the plan\'s reporting year.' },
  },
});

registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way an indicator should move.',
  valuesConfig: {
    INCREASE: { description: 'Up from the baseline to a higher target.' },
    DECREASE: { description: 'Down from the baseline to a lower target.' },
  },
});
