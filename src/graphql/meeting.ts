/** Meetings and their briefings: what changed since the last meeting of the same body, and what comes next. */
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Briefing as BriefingData, BriefingMilestone } from '../domain/briefing';
import { Role } from '../domain/enums';
import { formatPercent } from '../domain/numbers';
import { Committee, Meeting, Milestone, Plan } from '../entities';
import { BriefingReader } from '../services/briefing-reader';
import { RequestContext } from './context';
import { MilestoneOnDate } from './dashboard';
import { listCost, TYPICAL_SIZE } from './limits';
import { loadByGlobalId, loadOptional } from './resolvers/ids';
import { DateScalar } from './scalars';
import { CreateMeetingInput } from './types';

@ObjectType({ description: 'A recorded move of a due date within a briefing\'s window.' })
export class DueDateMove {
  @Field(() => MilestoneOnDate, { description: 'The milestone, on the meeting date.' }) milestone: MilestoneOnDate;
  @Field(() => DateScalar, { description: 'When the move was decided.' }) changedOn: string;
  @Field(() => DateScalar, { description: 'The due date before.' }) fromDate: string;
  @Field(() => DateScalar, { description: 'The due date after.' }) toDate: string;
  @Field({ description: 'Why it moved.' }) reason: string;
}

@ObjectType({ description: 'How many milestones each part of a briefing holds.' })
export class BriefingCounts {
  @Field(() => Int, { description: 'Completed since the previous meeting.' }) completed: number;
  @Field(() => Int, { description: 'Overdue now, and not at the previous meeting.' }) newlyOverdue: number;
  @Field(() => Int, { description: 'Due-date moves recorded since the previous meeting.' }) dueDatesMoved: number;
  @Field(() => Int, { description: 'Open and falling due before the next meeting.' }) fallingDue: number;
  @Field(() => Int, { description: 'Started, unfinished and without a recent update.' }) staleUpdates: number;
}

@ObjectType({ description: 'What a meeting needs to know, computed from the plan on the meeting date.' })
export class MeetingBriefing {
  @Field(() => DateScalar, { nullable: true, description: 'The previous meeting of the same body; changes are counted after it.' }) since: string | null;
  @Field(() => DateScalar, { description: 'The meeting date: the briefing is the plan as of this day.' }) until: string;
  @Field(() => DateScalar, { description: 'The next meeting of the same body (or one cycle ahead): "falling due" is up to here.' }) horizon: string;
  @Field(() => BriefingCounts, { description: 'Counts of each part.' }) counts: BriefingCounts;
  @Field(() => [MilestoneOnDate], { description: 'Completed since the previous meeting, in order.' }) completed: MilestoneOnDate[];
  @Field(() => [MilestoneOnDate], { description: 'Newly overdue, by due date.' }) newlyOverdue: MilestoneOnDate[];
  @Field(() => [DueDateMove], { description: 'Due dates moved, with the reasons.' }) dueDatesMoved: DueDateMove[];
  @Field(() => [MilestoneOnDate], { description: 'Falling due before the next meeting, by due date.' }) fallingDue: MilestoneOnDate[];
  @Field(() => [MilestoneOnDate], { description: 'Stale updates, longest silent first.' }) staleUpdates: MilestoneOnDate[];
  @Field({ description: 'The whole briefing as Markdown, ready to paste into an agenda.' }) markdown: string;
}

function onDate(m: BriefingMilestone<Milestone>): MilestoneOnDate {
  return { milestone: m.item, ...m.now };
}

function line(m: BriefingMilestone<Milestone>, lead: (m: Milestone) => string, detail: string): string {
  return `- **${m.item.code}** ${m.item.title} (${lead(m.item)}): ${detail}`;
}

function markdown(meeting: Meeting, body: string, b: BriefingData<Milestone>, lead: (m: Milestone) => string): string {
  const section = (title: string, lines: string[]) => [`### ${title} (${lines.length})`, '', ...(lines.length ? lines : ['- None.']), ''];
  return [
    `## Briefing: ${meeting.title}`,
    '',
    `${body}, ${meeting.date}. Changes since ${b.since ?? 'the start of the plan'}; due dates up to ${b.horizon}.`,
    '',
    ...section('Completed', b.completed.map((m) => line(m, lead, `completed ${m.completedOn}${m.now.daysOverdue > 0 ? `, ${m.now.daysOverdue} days late` : ''}`))),
    ...section('Newly overdue', b.newlyOverdue.map((m) => line(m, lead, m.now.statusReason))),
    ...section('Due dates moved', b.dueDatesMoved.map(({ milestone, change }) => line(milestone, lead, `${change.fromDate} → ${change.toDate} (${change.changedOn}): ${change.reason}`))),
    ...section('Falling due before the next meeting', b.fallingDue.map((m) => line(m, lead, `due ${m.now.dueDate}, ${m.now.status.replace('_', ' ').toLowerCase()}, ${formatPercent(m.now.progress)} reported`))),
    ...section('Stale updates', b.staleUpdates.map((m) => line(m, lead, m.now.lastUpdatedOn ? `last update ${m.now.lastUpdatedOn}` : 'never updated'))),
  ].join('\n');
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { description: 'One meeting.' })
  meeting(@Arg('id', () => ID, { description: 'Its global ID.' }) id: string, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return loadByGlobalId(ctx.reader.loaders.meeting, 'Meeting', id);
  }

  @FieldResolver(() => Plan, { description: 'The plan.' })
  plan(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Plan> {
    return ctx.reader.planOf(meeting.planId);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'The committee; null for the whole task force.' })
  committee(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return loadOptional(ctx.reader.loaders.committee, meeting.committeeId);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The previous meeting of the same body.' })
  async previous(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return (await new BriefingReader(ctx.reader).neighbours(meeting)).previous;
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The next meeting of the same body.' })
  async next(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return (await new BriefingReader(ctx.reader).neighbours(meeting)).next;
  }

  @FieldResolver(() => MeetingBriefing, { complexity: listCost(TYPICAL_SIZE.agencyMilestones), description: 'What changed since the previous meeting of the same body, and what falls due before the next.' })
  async briefing(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingBriefing> {
    const reader = new BriefingReader(ctx.reader);
    const b = await reader.briefing(meeting);
    const agencies = new Map<number, string>();
    for (const m of [...b.completed, ...b.newlyOverdue, ...b.fallingDue, ...b.staleUpdates, ...b.dueDatesMoved.map((d) => d.milestone)]) {
      const agency = await ctx.reader.loaders.agency.load(m.item.leadAgencyId);
      agencies.set(m.item.leadAgencyId, agency?.shortName ?? '?');
    }
    const committee = await loadOptional(ctx.reader.loaders.committee, meeting.committeeId);
    const body = committee ? committee.name : (await ctx.reader.planOf(meeting.planId)).title;
    return {
      since: b.since,
      until: b.until,
      horizon: b.horizon,
      counts: { completed: b.completed.length, newlyOverdue: b.newlyOverdue.length, dueDatesMoved: b.dueDatesMoved.length, fallingDue: b.fallingDue.length, staleUpdates: b.staleUpdates.length },
      completed: b.completed.map(onDate),
      newlyOverdue: b.newlyOverdue.map(onDate),
      dueDatesMoved: b.dueDatesMoved.map(({ milestone, change }) => ({ milestone: onDate(milestone), ...change })),
      fallingDue: b.fallingDue.map(onDate),
      staleUpdates: b.staleUpdates.map(onDate),
      markdown: markdown(meeting, body, b, (m) => agencies.get(m.leadAgencyId) ?? '?'),
    };
  }

  @Mutation(() => Meeting, { description: 'Schedules a meeting of the task force or of a committee.' })
  @Authorized(Role.ADMIN)
  createMeeting(@Arg('input', () => CreateMeetingInput, { description: 'The meeting.' }) input: CreateMeetingInput, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return ctx.services.writer.createMeeting(input, ctx.viewer);
  }
}
