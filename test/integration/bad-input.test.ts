/**
 * Bad input, table-driven, over real HTTP on the sample plans (today fixed at 2026-11-28).
 * Every case must come back as a GraphQL error with the right `extensions.code` and a message a
 * plan owner understands (checked by key words), with no stack trace, no SQL and no internals
 * in the response, and must change nothing at all: every table, the audit trail included, is
 * fingerprinted before and after.
 */
import { expect } from 'chai';
import { sql } from '../support/database';
import { toGlobalId } from '../../src/entities/global-id';
import { databaseFingerprint, startTestServer, TestServer } from '../support/test-server';

/** IDs of the sample data, read through the API. */
interface Sample {
  currentPlan: string;
  firstPlan: string;
  /** Current plan: goals and milestones by code. */
  goal: (code: string) => string;
  milestone: (code: string) => string;
  /** First plan (FY2014–2017): milestones and goals by code. */
  firstPlanMilestone: (code: string) => string;
  firstPlanGoal: (code: string) => string;
  agency: (shortName: string) => string;
  /** A committee of the current plan. */
  committeeName: string;
  committeeId: string;
}

type Vars = Record<string, unknown>;

interface BadCase {
  name: string;
  query: string;
  variables?: (s: Sample) => Vars;
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';
  /** Key words the message must contain (case-insensitive for strings). */
  words: (string | RegExp)[] | ((s: Sample) => (string | RegExp)[]);
  /** Input that must not be echoed back in the message (production error hygiene). */
  absent?: string[] | ((s: Sample) => string[]);
}

const NONEXISTENT_MILESTONE = toGlobalId('Milestone', 987654);
const NONEXISTENT_AGENCY = toGlobalId('Agency', 987654);
const LONG_TITLE = 'T'.repeat(201);
const LONG_CODE = 'C'.repeat(41);

const COMPLETE = 'mutation ($id: ID!, $d: Date) { completeMilestone(id: $id, completedOn: $d) { id } }';
const CANCEL = 'mutation ($id: ID!, $reason: String!) { cancelMilestone(id: $id, reason: $reason) { id } }';
const REOPEN = 'mutation ($id: ID!) { reopenMilestone(id: $id) { id } }';
const REPORT = 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id } }';
const MOVE = 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveDueDate(id: $id, newDueDate: $d, reason: $reason) { id } }';
const MOVE_START = 'mutation ($id: ID!, $d: Date!, $reason: String!) { moveStartDate(id: $id, newStartDate: $d, reason: $reason) { id } }';
const CREATE_MILESTONE = 'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }';
const UPDATE_MILESTONE = 'mutation ($id: ID!, $input: UpdateMilestoneInput!) { updateMilestone(id: $id, input: $input) { id } }';
const CREATE_GOAL = 'mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }';
const UPDATE_GOAL = 'mutation ($id: ID!, $input: UpdateGoalInput!) { updateGoal(id: $id, input: $input) { id } }';
const CREATE_PLAN = 'mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }';
const UPDATE_PLAN = 'mutation ($id: ID!, $input: UpdatePlanInput!) { updatePlan(id: $id, input: $input) { id } }';
const CREATE_AGENCY = 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }';
const ADD_DEPENDENCY = 'mutation ($m: ID!, $d: ID!) { addDependency(milestoneId: $m, dependsOnId: $d) { id } }';
const MILESTONES = 'query ($first: Int, $after: String, $f: MilestoneFilter) { milestones(first: $first, after: $after, filter: $f) { totalCount } }';

/** A valid new milestone in the current plan's G4, with `changes` applied. */
const newMilestone = (s: Sample, changes: Vars = {}): Vars => ({
  input: { goalId: s.goal('G4'), code: 'G4.M99', title: 'A new milestone', leadAgencyId: s.agency('DPH'), startDate: '2026-12-01', dueDate: '2027-06-30', ...changes },
});
const report = (s: Sample, changes: Vars = {}): Vars => ({ input: { milestoneId: s.milestone('G4.M6'), percentComplete: 55, ...changes } });
const plan = (changes: Vars = {}): Vars => ({ input: { title: 'A new plan', startDate: '2027-01-01', endDate: '2030-12-31', ...changes } });

const cases: BadCase[] = [
  // Dates that do not exist or are not dates.
  { name: 'an impossible date (2025-02-30) as a variable', query: COMPLETE, variables: (s) => ({ id: s.milestone('G4.M4'), d: '2025-02-30' }), code: 'BAD_USER_INPUT', words: ['not a valid date', 'YYYY-MM-DD'], absent: ['2025-02-30'] },
  { name: 'an impossible date (2025-02-30) as an inline literal', query: 'mutation { createPlan(input: { title: "Leap plan", startDate: "2025-02-30", endDate: "2026-06-30" }) { id } }', code: 'BAD_USER_INPUT', words: ['not a valid date'], absent: ['2025-02-30'] },
  { name: 'an impossible date inline in a query (asOf: "2026-02-29")', query: '{ plans { progress(asOf: "2026-02-29") } }', code: 'BAD_USER_INPUT', words: ['not a valid date'], absent: ['2026-02-29'] },
  { name: 'a malformed date ("2025-2-3") as a variable', query: REPORT, variables: (s) => report(s, { reportedOn: '2025-2-3' }), code: 'BAD_USER_INPUT', words: ['YYYY-MM-DD'], absent: ['2025-2-3'] },
  { name: 'a malformed date ("2025-2-3") as an inline literal', query: '{ milestones(filter: { asOf: "2025-2-3" }) { totalCount } }', code: 'BAD_USER_INPUT', words: ['YYYY-MM-DD'], absent: ['2025-2-3'] },
  { name: 'a date with a time ("2026-01-05T10:00:00Z")', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2026-01-05T10:00:00Z', reason: 'Slipped' }), code: 'BAD_USER_INPUT', words: ['YYYY-MM-DD'] },
  { name: 'a date given as a number', query: COMPLETE, variables: (s) => ({ id: s.milestone('G4.M4'), d: 20250203 }), code: 'BAD_USER_INPUT', words: ['not a valid date'], absent: ['20250203'] },

  // Timelines.
  { name: 'a milestone that starts after it is due', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { startDate: '2027-03-01', dueDate: '2027-01-31' }), code: 'BAD_USER_INPUT', words: ['due date 2027-01-31', 'before the start date 2027-03-01'] },
  { name: 'a milestone due after its plan ends', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { dueDate: '2029-07-31' }), code: 'BAD_USER_INPUT', words: ['2029-07-31', 'outside the plan', '2025-07-01', '2029-06-30'] },
  { name: 'a milestone that starts before its plan', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { startDate: '2025-06-01' }), code: 'BAD_USER_INPUT', words: ['start date 2025-06-01', 'outside the plan'] },
  { name: 'moveStartDate: a start after the due date', query: MOVE_START, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2027-09-01', reason: 'Hiring freeze' }), code: 'BAD_USER_INPUT', words: ['start date 2027-09-01 is after the due date 2027-08-05'] },
  { name: 'updateMilestone: a start date (it moves only with moveStartDate, with a reason)', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { startDate: '2027-01-01' } }), code: 'BAD_USER_INPUT', words: ['"startDate" is not defined'] },
  { name: 'moveDueDate: a new due date outside the plan', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2030-01-15', reason: 'Funding delayed' }), code: 'BAD_USER_INPUT', words: ['2030-01-15', 'outside the plan'] },
  { name: 'moveDueDate: a new due date before the start', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2026-12-01', reason: 'Funding delayed' }), code: 'BAD_USER_INPUT', words: ['2026-12-01', 'before the start date'] },
  { name: 'moveDueDate: the date it is already due', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2027-08-05', reason: 'No change' }), code: 'BAD_USER_INPUT', words: ['G4.M5', 'already due on 2027-08-05'] },

  // Reasons.
  { name: 'moveDueDate with an empty reason', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2027-09-30', reason: '' }), code: 'BAD_USER_INPUT', words: ['reason is required'] },
  { name: 'moveDueDate with a blank reason', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2027-09-30', reason: '   \t ' }), code: 'BAD_USER_INPUT', words: ['reason is required'] },
  { name: 'moveDueDate with a reason over 1000 characters', query: MOVE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2027-09-30', reason: 'r'.repeat(1001) }), code: 'BAD_USER_INPUT', words: ['reason', 'at most 1000 characters'] },
  { name: 'cancelMilestone with a blank reason', query: CANCEL, variables: (s) => ({ id: s.milestone('G4.M5'), reason: '  ' }), code: 'BAD_USER_INPUT', words: ['reason is required'] },

  // Progress check-ins.
  { name: 'percentComplete -1', query: REPORT, variables: (s) => report(s, { percentComplete: -1 }), code: 'BAD_USER_INPUT', words: ['percentComplete', 'between 0 and 100', '-1'] },
  { name: 'percentComplete 100.5', query: REPORT, variables: (s) => report(s, { percentComplete: 100.5 }), code: 'BAD_USER_INPUT', words: ['percentComplete', 'between 0 and 100', '100.5'] },
  { name: 'reportedOn in the future', query: REPORT, variables: (s) => report(s, { reportedOn: '2026-11-29' }), code: 'BAD_USER_INPUT', words: ['2026-11-29', 'in the future', 'today is 2026-11-28'] },
  { name: 'reportedOn before the plan starts', query: REPORT, variables: (s) => report(s, { reportedOn: '2025-06-30' }), code: 'BAD_USER_INPUT', words: ['2025-06-30', 'before the plan starts'] },
  { name: 'a note over 2000 characters', query: REPORT, variables: (s) => report(s, { note: 'n'.repeat(2001) }), code: 'BAD_USER_INPUT', words: ['note', 'at most 2000 characters'] },

  // Lifecycle conflicts.
  { name: 'reporting progress on a cancelled milestone', query: REPORT, variables: (s) => ({ input: { milestoneId: s.milestone('G3.2.M5'), percentComplete: 50 } }), code: 'CONFLICT', words: ['G3.2.M5', 'cancelled', 'reopen it'] },
  { name: 'completing an already completed milestone', query: COMPLETE, variables: (s) => ({ id: s.milestone('G1.M1') }), code: 'CONFLICT', words: ['G1.M1', 'already completed'] },
  { name: 'completing a cancelled milestone', query: COMPLETE, variables: (s) => ({ id: s.milestone('G3.2.M5') }), code: 'CONFLICT', words: ['G3.2.M5', 'cancelled', 'reopen it'] },
  { name: 'cancelling a completed milestone', query: CANCEL, variables: (s) => ({ id: s.milestone('G1.M1'), reason: 'Changed our minds' }), code: 'CONFLICT', words: ['G1.M1', 'completed', 'reopen it'] },
  { name: 'reopening a milestone that is still open', query: REOPEN, variables: (s) => ({ id: s.milestone('G4.M5') }), code: 'CONFLICT', words: ['G4.M5', 'nothing to reopen'] },
  { name: 'completedOn in the future', query: COMPLETE, variables: (s) => ({ id: s.milestone('G4.M5'), d: '2026-12-01' }), code: 'BAD_USER_INPUT', words: ['2026-12-01', 'in the future'] },

  // IDs.
  { name: 'a well-formed ID of a milestone that does not exist (mutation)', query: REPORT, variables: () => ({ input: { milestoneId: NONEXISTENT_MILESTONE, percentComplete: 10 } }), code: 'NOT_FOUND', words: ['No milestone', 'milestoneId'], absent: [NONEXISTENT_MILESTONE] },
  { name: 'a well-formed ID of a milestone that does not exist (query)', query: 'query ($id: ID!) { milestone(id: $id) { code } }', variables: () => ({ id: NONEXISTENT_MILESTONE }), code: 'NOT_FOUND', words: ['No milestone with that id'], absent: [NONEXISTENT_MILESTONE] },
  { name: 'a garbage milestone ID', query: COMPLETE, variables: () => ({ id: 'not-an-id' }), code: 'BAD_USER_INPUT', words: ['id is not a Milestone ID'], absent: ['not-an-id'] },
  { name: 'a garbage ID in a query', query: '{ milestone(id: "!!!") { code } }', code: 'BAD_USER_INPUT', words: ['id is not a Milestone ID'], absent: ['!!!'] },
  { name: 'an agency ID where a milestone ID belongs', query: COMPLETE, variables: (s) => ({ id: s.agency('SFPD') }), code: 'BAD_USER_INPUT', words: ['not a Milestone ID'] },
  { name: 'an unknown lead agency', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { leadAgencyId: NONEXISTENT_AGENCY }), code: 'NOT_FOUND', words: ['No agency', 'leadAgencyId'], absent: [NONEXISTENT_AGENCY] },

  // Uniqueness.
  { name: 'a duplicate milestone code in the plan', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { code: 'G4.M4' }), code: 'CONFLICT', words: ['milestone with this code', 'already exists in this plan'], absent: ['G4.M4'] },
  { name: 'renaming a milestone to a code already taken', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { code: 'G4.M4' } }), code: 'CONFLICT', words: ['this code', 'already exists'], absent: ['G4.M4'] },
  { name: 'a duplicate milestone code with surrounding spaces', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { code: ' G4.M4 ' }), code: 'CONFLICT', words: ['milestone with this code', 'already exists in this plan'], absent: ['G4.M4'] },
  { name: 'a duplicate agency short name with surrounding spaces', query: CREATE_AGENCY, variables: () => ({ input: { name: 'Yet Another Police Department', shortName: ' SFPD ', kind: 'LAW_ENFORCEMENT', jurisdiction: 'CITY' } }), code: 'CONFLICT', words: ['this short name', 'already exists'], absent: ['SFPD'] },
  { name: 'a duplicate goal code in the plan', query: CREATE_GOAL, variables: (s) => ({ input: { planId: s.currentPlan, code: 'G4', title: 'Another G4' } }), code: 'CONFLICT', words: ['goal with this code', 'already exists in this plan'], absent: ['G4'] },
  { name: 'a duplicate agency short name', query: CREATE_AGENCY, variables: () => ({ input: { name: 'Some Other Police Department', shortName: 'SFPD', kind: 'LAW_ENFORCEMENT', jurisdiction: 'CITY' } }), code: 'CONFLICT', words: ['this short name', 'already exists'], absent: ['SFPD'] },
  { name: 'renaming an agency to a short name already taken', query: 'mutation ($id: ID!) { updateAgency(id: $id, input: { shortName: "SFPD" }) { id } }', variables: (s) => ({ id: s.agency('HSA') }), code: 'CONFLICT', words: ['this short name', 'already exists'], absent: ['SFPD'] },
  { name: 'a duplicate committee name in the plan', query: 'mutation ($input: CreateCommitteeInput!) { createCommittee(input: $input) { id } }', variables: (s) => ({ input: { planId: s.currentPlan, name: s.committeeName } }), code: 'CONFLICT', words: ['committee with this name', 'already exists'], absent: (s) => [s.committeeName] },

  // Dependencies.
  { name: 'a dependency cycle of two (G2.M2 already depends on G2.M1)', query: ADD_DEPENDENCY, variables: (s) => ({ m: s.milestone('G2.M1'), d: s.milestone('G2.M2') }), code: 'BAD_USER_INPUT', words: ['cycle', 'G2.M1 → G2.M2 → G2.M1'] },
  { name: 'a longer dependency cycle (G5.M3 → G2.M4 → G2.M2 → G2.M1)', query: ADD_DEPENDENCY, variables: (s) => ({ m: s.milestone('G2.M1'), d: s.milestone('G5.M3') }), code: 'BAD_USER_INPUT', words: ['G2.M1 cannot depend on G5.M3', 'G2.M1 → G5.M3 → G2.M4 → G2.M2 → G2.M1'] },
  { name: 'a dependency on a milestone of another plan', query: ADD_DEPENDENCY, variables: (s) => ({ m: s.milestone('G4.M5'), d: s.firstPlanMilestone('G1.M1') }), code: 'BAD_USER_INPUT', words: ['another plan', 'within one plan'] },
  { name: 'a milestone depending on itself', query: ADD_DEPENDENCY, variables: (s) => ({ m: s.milestone('G4.M5'), d: s.milestone('G4.M5') }), code: 'BAD_USER_INPUT', words: ['G4.M5', 'cannot depend on itself'] },
  { name: 'removing a dependency that does not exist', query: 'mutation ($m: ID!, $d: ID!) { removeDependency(milestoneId: $m, dependsOnId: $d) { id } }', variables: (s) => ({ m: s.milestone('G4.M5'), d: s.milestone('G4.M4') }), code: 'NOT_FOUND', words: ['dependency of G4.M5 on G4.M4'] },

  // Partners.
  { name: 'the lead agency as a partner', query: 'mutation ($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: SUPPORT) { id } }', variables: (s) => ({ m: s.milestone('G4.M4'), a: s.agency('DOSW') }), code: 'BAD_USER_INPUT', words: ['DOSW leads G4.M4', 'not also a partner'] },
  { name: 'removing an agency that is not a partner', query: 'mutation ($m: ID!, $a: ID!) { removePartner(milestoneId: $m, agencyId: $a) { id } }', variables: (s) => ({ m: s.milestone('G4.M4'), a: s.agency('HCSF') }), code: 'NOT_FOUND', words: ['partner HCSF on G4.M4'] },

  // Lengths, blanks and weights.
  { name: 'a title of 201 characters', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { title: LONG_TITLE }), code: 'BAD_USER_INPUT', words: ['title', 'at most 200 characters'] },
  { name: 'a goal title of 201 characters (update)', query: UPDATE_GOAL, variables: (s) => ({ id: s.goal('G4'), input: { title: LONG_TITLE } }), code: 'BAD_USER_INPUT', words: ['title', 'at most 200 characters'] },
  { name: 'a code of 41 characters', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { code: LONG_CODE }), code: 'BAD_USER_INPUT', words: ['code', 'at most 40 characters'] },
  { name: 'a goal code of 41 characters', query: CREATE_GOAL, variables: (s) => ({ input: { planId: s.currentPlan, code: LONG_CODE, title: 'Long code' } }), code: 'BAD_USER_INPUT', words: ['code', 'at most 40 characters'] },
  { name: 'an agency short name of 21 characters', query: CREATE_AGENCY, variables: () => ({ input: { name: 'Long Short Name Agency', shortName: 'S'.repeat(21), kind: 'OTHER', jurisdiction: 'CITY' } }), code: 'BAD_USER_INPUT', words: ['shortName', 'at most 20 characters'] },
  { name: 'an empty title', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { title: '' }), code: 'BAD_USER_INPUT', words: ['title', 'must not be empty'] },
  { name: 'a blank title', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { title: '   ' }), code: 'BAD_USER_INPUT', words: ['title', 'must not be blank'] },
  { name: 'weight 0 on a new milestone', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { weight: 0 }), code: 'BAD_USER_INPUT', words: ['weight', 'greater than 0', 'got 0'] },
  { name: 'a negative goal weight', query: UPDATE_GOAL, variables: (s) => ({ id: s.goal('G4'), input: { weight: -2 } }), code: 'BAD_USER_INPUT', words: ['weight', 'greater than 0'] },

  // An explicit null where a value cannot be cleared: the client's mistake, not a crash.
  { name: 'updateMilestone with title: null', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { title: null } }), code: 'BAD_USER_INPUT', words: ['title cannot be null', 'leave it out'] },
  { name: 'updateMilestone with weight: null', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { weight: null } }), code: 'BAD_USER_INPUT', words: ['weight cannot be null'] },
  { name: 'updateMilestone with goalId: null', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { goalId: null } }), code: 'BAD_USER_INPUT', words: ['goalId cannot be null'] },
  { name: 'updateGoal with position: null', query: UPDATE_GOAL, variables: (s) => ({ id: s.goal('G4'), input: { position: null } }), code: 'BAD_USER_INPUT', words: ['position cannot be null'] },
  { name: 'updatePlan with timeZone: null', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { timeZone: null } }), code: 'BAD_USER_INPUT', words: ['timeZone cannot be null'] },
  { name: 'updatePlan with endDate: null', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { endDate: null } }), code: 'BAD_USER_INPUT', words: ['endDate cannot be null'] },
  { name: 'updateAgency with shortName: null', query: 'mutation ($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { id } }', variables: (s) => ({ id: s.agency('HSA'), input: { shortName: null } }), code: 'BAD_USER_INPUT', words: ['shortName cannot be null'] },
  { name: 'updateCommittee with description: null', query: 'mutation ($id: ID!, $input: UpdateCommitteeInput!) { updateCommittee(id: $id, input: $input) { id } }', variables: (s) => ({ id: s.committeeId, input: { description: null } }), code: 'BAD_USER_INPUT', words: ['description cannot be null'] },

  // Plans.
  { name: 'an invalid time zone on createPlan', query: CREATE_PLAN, variables: () => plan({ timeZone: 'Mars/Olympus_Mons' }), code: 'BAD_USER_INPUT', words: ['timeZone', 'IANA time zone'], absent: ['Mars'] },
  { name: 'an invalid time zone on updatePlan', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { timeZone: 'Pacific Time' } }), code: 'BAD_USER_INPUT', words: ['timeZone', 'IANA time zone'], absent: ['Pacific'] },
  { name: 'a plan that ends before it starts', query: CREATE_PLAN, variables: () => plan({ startDate: '2027-07-01', endDate: '2027-06-30' }), code: 'BAD_USER_INPUT', words: ['cannot end (2027-06-30) before it starts (2027-07-01)'] },
  { name: 'updatePlan: an end before the start', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { endDate: '2025-06-30' } }), code: 'BAD_USER_INPUT', words: ['cannot end', 'before it starts'] },
  { name: 'updatePlan shrinking the dates so milestones fall outside', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { endDate: '2026-12-31' } }), code: 'BAD_USER_INPUT', words: ['milestone(s) would fall outside 2025-07-01 … 2026-12-31', /e\.g\. G\d/] },
  { name: 'updatePlan moving the start past existing milestones', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { startDate: '2026-03-01' } }), code: 'BAD_USER_INPUT', words: ['would fall outside 2026-03-01 … 2029-06-30'] },
  { name: 'fiscalYearStartMonth 13', query: CREATE_PLAN, variables: () => plan({ fiscalYearStartMonth: 13 }), code: 'BAD_USER_INPUT', words: ['fiscalYearStartMonth', 'between 1 and 12'] },
  { name: 'offTrackShare 0 on createPlan', query: CREATE_PLAN, variables: () => plan({ offTrackShare: 0 }), code: 'BAD_USER_INPUT', words: ['offTrackShare', 'between 1 and 100'] },
  { name: 'offTrackShare 101 on updatePlan', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { offTrackShare: 101 } }), code: 'BAD_USER_INPUT', words: ['offTrackShare', 'between 1 and 100'] },
  { name: 'updatePlan with offTrackShare: null', query: UPDATE_PLAN, variables: (s) => ({ id: s.currentPlan, input: { offTrackShare: null } }), code: 'BAD_USER_INPUT', words: ['offTrackShare cannot be null'] },
  { name: 'an unknown agency kind', query: CREATE_AGENCY, variables: () => ({ input: { name: 'Space Agency', shortName: 'SPACE', kind: 'SPACE_PROGRAM', jurisdiction: 'FEDERAL' } }), code: 'BAD_USER_INPUT', words: ['AgencyKind'], absent: ['SPACE_PROGRAM'] },

  // Goals.
  { name: 'nesting a goal under its own child', query: UPDATE_GOAL, variables: (s) => ({ id: s.goal('G3'), input: { parentId: s.goal('G3.1') } }), code: 'BAD_USER_INPUT', words: ['G3 cannot be nested under G3.1', 'inside it'] },
  { name: 'nesting a goal under itself', query: UPDATE_GOAL, variables: (s) => ({ id: s.goal('G4'), input: { parentId: s.goal('G4') } }), code: 'BAD_USER_INPUT', words: ['G4 cannot be nested under G4'] },
  { name: 'a parent goal from another plan', query: CREATE_GOAL, variables: (s) => ({ input: { planId: s.currentPlan, parentId: s.firstPlanGoal('G1'), code: 'G9', title: 'Cross-plan child' } }), code: 'BAD_USER_INPUT', words: ['G1', 'another plan'] },
  { name: 'moving a milestone to a goal of another plan', query: UPDATE_MILESTONE, variables: (s) => ({ id: s.milestone('G4.M5'), input: { goalId: s.firstPlanGoal('G4') } }), code: 'BAD_USER_INPUT', words: ['G4', 'another plan'] },

  // Paging.
  { name: 'first: 0 on milestones', query: MILESTONES, variables: () => ({ first: 0 }), code: 'BAD_USER_INPUT', words: ['first', 'between 1 and 100', 'got 0'] },
  { name: 'first: 101 on milestones', query: MILESTONES, variables: () => ({ first: 101 }), code: 'BAD_USER_INPUT', words: ['first', 'between 1 and 100', 'got 101'] },
  { name: 'first: -5 inline', query: '{ milestones(first: -5) { totalCount } }', code: 'BAD_USER_INPUT', words: ['between 1 and 100'] },
  { name: 'a bad `after` cursor', query: MILESTONES, variables: () => ({ after: 'not-a-cursor' }), code: 'BAD_USER_INPUT', words: ['after is not a cursor'], absent: ['not-a-cursor'] },
  { name: 'an `after` cursor that decodes to something else', query: MILESTONES, variables: () => ({ after: Buffer.from('{"id":1}').toString('base64url') }), code: 'BAD_USER_INPUT', words: ['not a cursor'] },
  { name: 'dueFrom after dueTo', query: MILESTONES, variables: () => ({ f: { dueFrom: '2027-01-01', dueTo: '2026-01-01' } }), code: 'BAD_USER_INPUT', words: ['dueFrom 2027-01-01', 'after dueTo 2026-01-01'] },

  // All or nothing: a milestone whose later parts fail is not left half-created.
  { name: 'createMilestone with a nonexistent dependency in dependsOnIds', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { dependsOnIds: [s.milestone('G4.M3'), NONEXISTENT_MILESTONE] }), code: 'NOT_FOUND', words: ['No milestone'], absent: [NONEXISTENT_MILESTONE] },
  { name: 'createMilestone with a garbage id in dependsOnIds', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { dependsOnIds: [s.milestone('G4.M3'), 'garbage'] }), code: 'BAD_USER_INPUT', words: ['not a Milestone ID'], absent: ['garbage'] },
  { name: 'createMilestone depending on a milestone of another plan', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { dependsOnIds: [s.firstPlanMilestone('G1.M1')] }), code: 'BAD_USER_INPUT', words: ['another plan'] },
  { name: 'createMilestone with its lead agency also as a partner', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { partners: [{ agencyId: s.agency('SJI'), role: 'SUPPORT' }, { agencyId: s.agency('DPH'), role: 'CONSULTED' }] }), code: 'BAD_USER_INPUT', words: ['DPH leads', 'not also a partner'] },
  { name: 'createMilestone with an unknown partner agency', query: CREATE_MILESTONE, variables: (s) => newMilestone(s, { partners: [{ agencyId: NONEXISTENT_AGENCY, role: 'SUPPORT' }] }), code: 'NOT_FOUND', words: ['No agency'] },
  {
    name: 'updateCommittee with an unknown member keeps the old members',
    query: 'mutation ($id: ID!, $input: UpdateCommitteeInput!) { updateCommittee(id: $id, input: $input) { id } }',
    variables: (s) => ({ id: s.committeeId, input: { name: 'Renamed', memberAgencyIds: [s.agency('SFPD'), NONEXISTENT_AGENCY] } }),
    code: 'NOT_FOUND',
    words: ['No agency'],
  },
];

/** Internals that must never reach a client. */
const LEAKS: [string, RegExp][] = [
  ['a stacktrace key', /stacktrace/i],
  ['a stack frame', /\bat [\w.<>$]+ \(|\n\s+at |\bat (async )?\S+:\d+:\d+/],
  ['a source path', /node_modules|\/src\/|\/dist\/|\.[jt]s:\d+/],
  ['SQL', /\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+"?\w+"?\s+SET)\b|SQLITE|constraint failed|QueryFailedError|TypeORM/i],
  ['a JavaScript error', /TypeError|ReferenceError|Cannot read propert|undefined|NaN|\[object Object\]/],
];

describe('bad input over HTTP: the right error code, a plain message, no internals, nothing changed', () => {
  let server: TestServer;
  let sample: Sample;

  /** POSTs like any client, returning the raw body too (to look for leaks anywhere in it). */
  async function post(query: string, variables?: Vars): Promise<{ status: number; text: string; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` }, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  }

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    const { plans, agencies } = await server.ok('{ plans { id startDate committees { id name } } agencies { id shortName } }');
    const current = plans.find((p: { startDate: string }) => p.startDate === '2025-07-01');
    const first = plans.find((p: { startDate: string }) => p.startDate === '2013-07-01');
    const contents = async (planId: string) => {
      const data = await server.ok('query ($id: ID!, $f: MilestoneFilter) { plan(id: $id) { goals(all: true) { id code } } milestones(filter: $f, first: 100) { totalCount nodes { id code } } }', { id: planId, f: { planId } });
      expect(data.milestones.totalCount).to.be.at.most(100);
      const lookup = (rows: { id: string; code: string }[], kind: string) => {
        const byCode = new Map(rows.map((r) => [r.code, r.id]));
        return (code: string) => {
          const id = byCode.get(code);
          if (!id) throw new Error(`sample data has no ${kind} ${code}`);
          return id;
        };
      };
      return { goal: lookup(data.plan.goals, 'goal'), milestone: lookup(data.milestones.nodes, 'milestone') };
    };
    const cur = await contents(current.id);
    const old = await contents(first.id);
    const agencyIds = new Map<string, string>(agencies.map((a: { id: string; shortName: string }) => [a.shortName, a.id]));
    sample = {
      currentPlan: current.id,
      firstPlan: first.id,
      goal: cur.goal,
      milestone: cur.milestone,
      firstPlanGoal: old.goal,
      firstPlanMilestone: old.milestone,
      agency: (shortName) => agencyIds.get(shortName) ?? (() => { throw new Error(`no agency ${shortName}`); })(),
      committeeName: current.committees[0].name,
      committeeId: current.committees[0].id,
    };
  });

  after(() => server.stop());

  it('the sample data holds what the cases assume', async () => {
    const q = 'query ($id: ID!) { milestone(id: $id) { status dependsOn { code } startDate dueDate leadAgency { shortName } partners { agency { shortName } } } }';
    const status = async (code: string) => (await server.ok(q, { id: sample.milestone(code) })).milestone;
    expect((await status('G4.M4')).status).to.equal('OVERDUE');
    expect((await status('G4.M4')).leadAgency.shortName).to.equal('DOSW');
    expect((await status('G4.M4')).partners.map((p: { agency: { shortName: string } }) => p.agency.shortName)).to.not.include('HCSF');
    expect(await status('G4.M5')).to.deep.include({ status: 'NOT_STARTED', startDate: '2026-12-08', dueDate: '2027-08-05', dependsOn: [] });
    expect((await status('G1.M1')).status).to.equal('COMPLETED');
    expect((await status('G3.2.M5')).status).to.equal('CANCELLED');
    expect((await status('G2.M2')).dependsOn).to.deep.equal([{ code: 'G2.M1' }]);
    expect((await status('G2.M4')).dependsOn).to.deep.equal([{ code: 'G2.M2' }]);
    expect((await status('G5.M3')).dependsOn).to.deep.equal([{ code: 'G2.M4' }]);
  });

  for (const c of cases) {
    it(`${c.name} → ${c.code}`, async () => {
      const variables = c.variables?.(sample);
      const before = await databaseFingerprint(server.dataSource);
      const { text, body } = await post(c.query, variables);

      expect(body.errors, `errors in ${text}`).to.be.an('array').with.length.greaterThan(0);
      expect(body.data ?? null, 'no data').to.equal(null);
      const error = body.errors![0];
      expect(error.extensions?.code, error.message).to.equal(c.code);
      const words = typeof c.words === 'function' ? c.words(sample) : c.words;
      for (const word of words) {
        if (typeof word === 'string') expect(error.message.toLowerCase(), `message mentions ${word}`).to.contain(word.toLowerCase());
        else expect(error.message).to.match(word);
      }
      expect(error.message).to.not.equal('Internal server error.');
      const absent = typeof c.absent === 'function' ? c.absent(sample) : (c.absent ?? []);
      for (const value of absent) expect(error.message, 'the input is not echoed back').to.not.contain(value);
      for (const [what, pattern] of LEAKS) expect(text, `no ${what} in the response`).to.not.match(pattern);

      expect(await databaseFingerprint(server.dataSource), 'nothing changed').to.equal(before);
    });
  }

  it('no answer repeats what the caller sent (a production server): GraphQL, CSV import problems, HTTP exports and reports', async () => {
    // Each sent value carries its own marker; none may come back, in any message or field.
    const sent = (n: number) => `!!!<script>alert("SENT${n}")</script>`;
    const origin = server.url.replace(/\/graphql$/, '');
    const responses: { what: string; text: string; value?: string }[] = [];
    const gqlText = async (what: string, query: string, variables?: Vars, operationName?: string, value?: string) => {
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` }, body: JSON.stringify({ query, variables, operationName }) });
      responses.push({ what, text: await response.text(), value });
    };
    await gqlText('a milestones cursor', MILESTONES, { after: sent(1) });
    await gqlText('an audit-trail cursor', 'query ($e: ID, $a: String) { auditTrail(entityId: $e, after: $a) { totalCount } }', { e: sample.milestone('G4.M4'), a: sent(2) });
    await gqlText('an audit-trail entity id', 'query ($e: ID) { auditTrail(entityId: $e) { totalCount } }', { e: sent(3) });
    await gqlText('a milestone id', COMPLETE, { id: sent(4) });
    await gqlText('a plan id in a filter', MILESTONES, { f: { planId: sent(5) } });
    const nothing = toGlobalId('Plan', 987654);
    await gqlText('a well-formed id of nothing', 'query ($id: ID!) { plan(id: $id) { id } }', { id: nothing }, undefined, nothing);
    await gqlText('a date variable', COMPLETE, { id: sample.milestone('G4.M5'), d: sent(7) });
    await gqlText('a date literal', `{ plans { progress(asOf: ${JSON.stringify(sent(8))}) } }`);
    await gqlText('a time zone', UPDATE_PLAN, { id: sample.currentPlan, input: { timeZone: sent(9) } });
    await gqlText('an enum value', MILESTONES, { f: { visibility: sent(10) } });
    await gqlText('an unknown key of an input object', MILESTONES, { f: { [sent(11)]: 1 } });
    await gqlText('an operation name', '{ plans { id } }', undefined, sent(12));
    const IMPORT = 'mutation ($p: ID!, $csv: String!) { importCsv(planId: $p, kind: MILESTONES, csv: $csv) { problems { row column message } } }';
    const csv = ['code,goal,leadAgency,startDate,title', `G4.M5,"${sent(13).replace(/"/g, '""')}",,,`, `G4.M5,,"${sent(14).replace(/"/g, '""')}",,`, `"${sent(15).replace(/"/g, '""')}",,,,x`, `G4.M5,,,"${sent(16).replace(/"/g, '""')}",`].join('\n');
    await gqlText('CSV cells', IMPORT, { p: sample.currentPlan, csv });
    await gqlText('a CSV header', IMPORT, { p: sample.currentPlan, csv: `code,"${sent(17).replace(/"/g, '""')}"\nG4.M5,x` });
    await gqlText('the plan of a CSV import', IMPORT, { p: sent(18), csv: 'code\nG4.M5' });
    for (const [what, path] of [
      ['an export filter id', `/export/milestones.csv?planId=${encodeURIComponent(sent(19))}`],
      ['an export date', `/export/milestones.csv?asOf=${encodeURIComponent(sent(20))}`],
      ['a calendar id', `/calendar/agency/${encodeURIComponent(sent(21))}.ics`],
      ['a report plan id', `/reports/${encodeURIComponent(sent(22))}/2026.md`],
      ['a report edition', `/reports/${sample.currentPlan}/2026/editions/${encodeURIComponent(sent(23))}.html`],
    ]) {
      const response = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
      responses.push({ what, text: await response.text() });
    }
    for (const { what, text, value } of responses) {
      expect(text, what).to.match(/"errors"|"problems"/);
      expect(text, `${what}: ${text}`).to.not.match(/SENT\d+|<script|!!!/);
      if (value) expect(text, `${what}: ${text}`).to.not.contain(value);
    }
    // The CSV problems still say where the problem is: row and column.
    const problems = JSON.parse(responses.find((r) => r.what === 'CSV cells')!.text).data.importCsv.problems;
    expect(problems.map((p: { row: number; column: string }) => [p.row, p.column])).to.deep.equal([[2, 'goal'], [3, 'leadAgency'], [4, 'goal'], [5, 'startDate']]);
  });

  it('after all the bad input the server still answers, and the sample plan is as it was', async () => {
    const data = await server.ok('query ($id: ID!) { plan(id: $id) { startDate endDate version statusCounts { total } } }', { id: sample.currentPlan });
    expect(data.plan).to.deep.equal({ startDate: '2025-07-01', endDate: '2029-06-30', version: 1, statusCounts: { total: 45 } });
    const [{ n }] = await sql(server.dataSource, "SELECT COUNT(*) AS n FROM audit_entry WHERE actor <> 'seed'");
    expect(Number(n), 'no audit entry from any rejected change').to.equal(0);
  });
});
