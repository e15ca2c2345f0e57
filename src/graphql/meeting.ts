/** Meetings and their briefings: what changed since the last meeting of the same body, and what comes next. */
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BriefingMilestone } from '../domain/briefing';
import { Role } from '../domain/enums';
import { Agency, Committee, Meeting, Milestone, Plan } from '../entities';
import { RequestContext } from './context';
import { MilestoneOnDate } from './dashboard';
import { listCost, TYPICAL_SIZE } from './limits';
import { loadByGlobalId, loadOptional } from './resolvers/ids';
import { DateScalar } from '../entities/scalars';
import { CreateMeetingInput } from './types';
import { briefingPath } from '../services/briefing-render';

@ObjectType({ description: 'A recorded move of a due date within a briefing\'s window.' })
export class DueDateMove {
  @Field(() => MilestoneOnDate, { description: 'The milestone, on the meeting date.' }) milestone: MilestoneOnDate;
  @Field(() => DateScalar, { description: 'When the move was decided.' }) changedOn: string;
  @Field(() => DateScalar, { description: 'The due date before.' }) fromDate: string;
  @Field(() => DateScalar, { description: 'The due date after.' }) toDate: string;
  @Field({ description: 'Why it moved.' }) reason: string;
}

@ObjectType({ description: 'An agency asked for an update before a meeting, and why.' })
export class UpdateRequest {
  @Field(() => Agency, { description: 'The lead agency.' }) agency: Agency;
  @Field(() => [MilestoneOnDate], { description: 'Its milestones that are stale, overdue or at risk on the briefing date, each once, in plan order.' }) milestones: MilestoneOnDate[];
}

@ObjectType({ description: 'How many milestones each part of a briefing holds.' })
export class BriefingCounts {
  @Field(() => Int, { description: 'Completed since the previous meeting.' }) completed: number;
  @Field(() => Int, { description: 'Overdue now, and not at the previous meeting.' }) newlyOverdue: number;
  @Field(() => Int, { description: 'Due-date moves recorded since the previous meeting.' }) dueDatesMoved: number;
  @Field(() => Int, { description: 'Open and falling due before the next meeting.' }) fallingDue: number;
  @Field(() => Int, { description: 'Started, unfinished and without a recent update.' }) staleUpdates: number;
}

@ObjectType({ description: 'What a meeting needs to know, computed from the plan on the meeting date, or today for a meeting still ahead.' })
export class MeetingBriefing {
  @Field(() => DateScalar, { nullable: true, description: 'The previous meeting of the same body; changes are counted after it.' }) since: string | null;
  @Field(() => DateScalar, { description: 'The day the briefing is as of: the meeting date for a meeting held today or earlier, else today in the plan\'s time zone (a projection). Changes are counted up to and including it; statuses are on it.' }) until: string;
  @Field({ description: 'True when the meeting is still ahead (after today in the plan\'s time zone): the briefing is as of today and will change before the meeting.' }) projection: boolean;
  @Field(() => DateScalar, { description: 'The next meeting of the same body after this one (or one cycle, 61 days, after the meeting date): "falling due" runs after `until` up to here, also for a projection.' }) horizon: string;
  @Field(() => BriefingCounts, { description: 'Counts of each part.' }) counts: BriefingCounts;
  @Field(() => [MilestoneOnDate], { description: 'Completed since the previous meeting, in order.' }) completed: MilestoneOnDate[];
  @Field(() => [MilestoneOnDate], { description: 'Newly overdue, by due date.' }) newlyOverdue: MilestoneOnDate[];
  @Field(() => [DueDateMove], { description: 'Due dates moved, with the reasons.' }) dueDatesMoved: DueDateMove[];
  @Field(() => [MilestoneOnDate], { description: 'Falling due before the next meeting, by due date.' }) fallingDue: MilestoneOnDate[];
  @Field(() => [MilestoneOnDate], { description: 'Stale updates, longest silent first.' }) staleUpdates: MilestoneOnDate[];
  @Field(() => [UpdateRequest], { description: 'The lead agencies asked for an update before the meeting: those with a milestone that is stale, overdue or at risk on `until`, by short name. Only milestones the reader can see count.' }) updateRequests: UpdateRequest[];
  @Field({ description: 'The whole briefing as Markdown, ready to paste into an agenda.' }) markdown: string;
  @Field({ description: 'The same briefing as a self-contained HTML page (inline CSS, no scripts, no external requests).' }) html: string;
  @Field({ description: 'Stable URL path of the briefing as HTML (add `?download=1` to download it; `.md` instead of `.html` for Markdown).' }) url: string;
}

function onDate(m: BriefingMilestone<Milestone>): MilestoneOnDate {
  return { milestone: m.item, ...m.now };
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { description: 'One meeting.' })
  meeting(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return loadByGlobalId((rowId) => ctx.reader.meeting(rowId), 'Meeting', id);
  }

  @FieldResolver(() => Plan, { description: 'The plan.' })
  plan(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(meeting.planId);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The committee; null for the whole task force.' })
  committee(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return loadOptional((rowId) => ctx.reader.committee(rowId), meeting.committeeId);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The previous meeting of the same body.' })
  async previous(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return (await ctx.reader.meetingNeighbours(meeting)).previous;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The next meeting of the same body.' })
  async next(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return (await ctx.reader.meetingNeighbours(meeting)).next;
  }

  @FieldResolver(() => MeetingBriefing, { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'What changed since the previous meeting of the same body, what falls due before the next, and which agencies are asked for an update; for a meeting still ahead, as of today (a projection).' })
  async briefing(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingBriefing> {
    const b = await ctx.reader.briefing(meeting);
    return {
      since: b.since,
      until: b.until,
      projection: b.projection,
      horizon: b.horizon,
      counts: { completed: b.completed.length, newlyOverdue: b.newlyOverdue.length, dueDatesMoved: b.dueDatesMoved.length, fallingDue: b.fallingDue.length, staleUpdates: b.staleUpdates.length },
      completed: b.completed.map(onDate),
      newlyOverdue: b.newlyOverdue.map(onDate),
      dueDatesMoved: b.dueDatesMoved.map(({ milestone, change }) => ({ milestone: onDate(milestone), ...change })),
      fallingDue: b.fallingDue.map(onDate),
      staleUpdates: b.staleUpdates.map(onDate),
      updateRequests: b.updateRequests.map((r) => ({ agency: r.agency, milestones: r.milestones.map(onDate) })),
      markdown: b.markdown,
      html: b.html,
      url: briefingPath(meeting.id),
    };
  }

  @Mutation(() => Meeting, { description: 'Schedules a meeting of the task force or of a committee.' })
  @Authorized(Role.ADMIN)
  createMeeting(@Arg('input', () => CreateMeetingInput, { description: 'The meeting.' }) input: CreateMeetingInput, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return ctx.services.plans.createMeeting(input, ctx.viewer);
  }
}
