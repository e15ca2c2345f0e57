/**
 * When a milestone may be completed, cancelled, reopened, have a date moved or progress reported.
 * Each rule returns why it refuses, or null; the order of the checks is the order in which a
 * caller with several problems learns of them. "Today" is given, taken in the plan's time zone.
 */
import { IsoDate } from './dates';
import { MilestoneDate } from './enums';
import { isCancelledAsOf, isCompletedAsOf } from './milestone';
import { hasAtMostTwoDecimals } from './numbers';
import { badInput, Refusal, stateConflict } from './refusal';

/** What these rules read of a milestone. */
export interface MilestoneLifecycle {
  code: string;
  startDate: IsoDate;
  dueDate: IsoDate;
  completedOn: IsoDate | null;
  cancelledOn: IsoDate | null;
}

/** What they read of its plan: its span, and the zone in which today was taken. */
export interface PlanSpan {
  startDate: IsoDate;
  endDate: IsoDate;
  timeZone: string;
}

/** A date that must fall within the plan (a meeting, a target, a moved start or due date). */
export function dateOutsidePlan(plan: PlanSpan, date: IsoDate, field: string): Refusal | null {
  return date < plan.startDate || date > plan.endDate ? badInput(`${field} ${date} is outside the plan (${plan.startDate} … ${plan.endDate}).`, field) : null;
}

/** The day something happened (progress reported, completed, cancelled, measured): not after today, not before the plan. */
export function eventDateRefusal(plan: PlanSpan, date: IsoDate, field: string, today: IsoDate): Refusal | null {
  if (date > today) return badInput(`${field} ${date} is in the future (today is ${today} in ${plan.timeZone}).`, field);
  if (date < plan.startDate) return badInput(`${field} ${date} is before the plan starts (${plan.startDate}).`, field);
  return null;
}

/** Progress is 0–100 with at most two decimals, and is reported only while the milestone is open on that day. */
export function progressReportRefusal(milestone: MilestoneLifecycle, plan: PlanSpan, percentComplete: number, reportedOn: IsoDate, today: IsoDate): Refusal | null {
  if (!(Number.isFinite(percentComplete) && percentComplete >= 0 && percentComplete <= 100)) return badInput(`percentComplete must be between 0 and 100, got ${percentComplete}.`, 'percentComplete');
  if (!hasAtMostTwoDecimals(percentComplete)) return badInput(`percentComplete has at most two decimals, got ${percentComplete}.`, 'percentComplete');
  const date = eventDateRefusal(plan, reportedOn, 'reportedOn', today);
  if (date) return date;
  if (isCancelledAsOf(milestone, reportedOn)) return stateConflict(`${milestone.code} was cancelled on ${milestone.cancelledOn}; reopen it before reporting progress.`);
  if (isCompletedAsOf(milestone, reportedOn)) return stateConflict(`${milestone.code} was completed on ${milestone.completedOn}; reopen it before reporting progress.`);
  return null;
}

/** A new milestone's timeline: start on or before due, both within the plan. */
export function timelineRefusal(plan: PlanSpan, startDate: IsoDate, dueDate: IsoDate): Refusal | null {
  if (startDate > dueDate) return badInput(`The due date ${dueDate} is before the start date ${startDate}.`, 'dueDate');
  if (startDate < plan.startDate || startDate > plan.endDate) return badInput(`The start date ${startDate} is outside the plan (${plan.startDate} … ${plan.endDate}).`, 'startDate');
  if (dueDate < plan.startDate || dueDate > plan.endDate) return badInput(`The due date ${dueDate} is outside the plan (${plan.startDate} … ${plan.endDate}).`, 'dueDate');
  return null;
}

/** Only an open milestone is completed. */
export function completionRefusal(milestone: MilestoneLifecycle, plan: PlanSpan, completedOn: IsoDate, today: IsoDate): Refusal | null {
  if (milestone.completedOn) return stateConflict(`${milestone.code} is already completed (on ${milestone.completedOn}).`);
  if (milestone.cancelledOn) return stateConflict(`${milestone.code} was cancelled on ${milestone.cancelledOn}; reopen it before completing it.`);
  return eventDateRefusal(plan, completedOn, 'completedOn', today);
}

/** Only an open milestone is cancelled. */
export function cancellationRefusal(milestone: MilestoneLifecycle, plan: PlanSpan, cancelledOn: IsoDate, today: IsoDate): Refusal | null {
  if (milestone.cancelledOn) return stateConflict(`${milestone.code} is already cancelled (on ${milestone.cancelledOn}).`);
  if (milestone.completedOn) return stateConflict(`${milestone.code} was completed on ${milestone.completedOn}; reopen it before cancelling it.`);
  return eventDateRefusal(plan, cancelledOn, 'cancelledOn', today);
}

/** Only a completed or cancelled milestone is reopened. */
export function reopeningRefusal(milestone: MilestoneLifecycle): Refusal | null {
  return !milestone.completedOn && !milestone.cancelledOn ? stateConflict(`${milestone.code} is neither completed nor cancelled; there is nothing to reopen.`) : null;
}

/** What differs between moving a milestone's start date and its due date. */
export const DATE_MOVES = {
  [MilestoneDate.START_DATE]: {
    column: 'startDate',
    field: 'newStartDate',
    words: 'start date',
    already: (code: string, date: IsoDate) => `${code} already starts on ${date}.`,
    outOfOrder: (start: IsoDate, due: IsoDate) => `The start date ${start} is after the due date ${due}.`,
  },
  [MilestoneDate.DUE_DATE]: {
    column: 'dueDate',
    field: 'newDueDate',
    words: 'due date',
    already: (code: string, date: IsoDate) => `${code} is already due on ${date}.`,
    outOfOrder: (start: IsoDate, due: IsoDate) => `The due date ${due} is before the start date ${start}.`,
  },
} as const;

/**
 * A date moves only while the milestone is open (a finished one is judged against the dates it
 * had; moving them afterwards would rewrite that verdict), to a new day, keeping start ≤ due,
 * within the plan.
 */
export function dateMoveRefusal(milestone: MilestoneLifecycle, plan: PlanSpan, which: MilestoneDate, newDate: IsoDate): Refusal | null {
  const move = DATE_MOVES[which];
  if (milestone.completedOn || milestone.cancelledOn) return stateConflict(`${milestone.code} is already ${milestone.completedOn ? 'completed' : 'cancelled'}; reopen it before moving its ${move.words}.`);
  if (newDate === milestone[move.column]) return badInput(move.already(milestone.code, newDate), move.field);
  const timeline = { startDate: milestone.startDate, dueDate: milestone.dueDate, [move.column]: newDate };
  if (timeline.startDate > timeline.dueDate) return badInput(move.outOfOrder(timeline.startDate, timeline.dueDate), move.field);
  return dateOutsidePlan(plan, newDate, move.field);
}
