/** A meeting's briefing: the milestones of its body (the plan, or one committee) the reader can see, on the two meeting dates (today for a meeting still ahead). */
import { Briefing, briefing, briefingDates, BriefingMilestone } from '../domain/briefing';
import { Agency, Meeting, Milestone } from '../entities';
import { DashboardReader, DashboardScope } from './dashboard-reader';
import { PlanReader } from './plan-reader';

/** A briefing of entities, with the body that meets (a committee's name or the plan's title) and each milestone's lead agency, for the Markdown. */
export type MeetingBriefingData = Briefing<Milestone, Agency> & { body: string; leadOf: (m: Milestone) => Agency };

export class BriefingReader {
  constructor(private readonly reader: PlanReader) {}

  /** Meetings of the same body (same plan, same committee or none), by date. */
  async sameBody(meeting: Meeting): Promise<Meeting[]> {
    const all = await this.reader.meetingsOf(meeting.planId);
    return all.filter((m) => m.committeeId === meeting.committeeId);
  }

  async neighbours(meeting: Meeting): Promise<{ previous: Meeting | null; next: Meeting | null }> {
    const meetings = await this.sameBody(meeting);
    const earlier = meetings.filter((m) => m.date < meeting.date || (m.date === meeting.date && m.rowId < meeting.rowId));
    const later = meetings.filter((m) => m.date > meeting.date || (m.date === meeting.date && m.rowId > meeting.rowId));
    return { previous: earlier.at(-1) ?? null, next: later[0] ?? null };
  }

  async briefing(meeting: Meeting): Promise<MeetingBriefingData> {
    const { previous, next } = await this.neighbours(meeting);
    const today = await this.reader.dateFor(meeting.planId);
    const dates = briefingDates(meeting.date, previous?.date ?? null, today);
    const scope: DashboardScope = meeting.committeeId === null
      ? { kind: 'plan', plan: await this.reader.planOf(meeting.planId) }
      : { kind: 'committee', committee: (await this.reader.committee(meeting.committeeId))! };
    const milestones = await new DashboardReader(this.reader).milestonesIn(scope);
    const entries: BriefingMilestone<Milestone>[] = await Promise.all(
      milestones.map(async (m) => ({
        item: m,
        completedOn: m.completedOn,
        dueDateChanges: await this.reader.dueDateChanges(m),
        now: await this.reader.assess(m, dates.until),
        before: dates.before === null ? null : await this.reader.assess(m, dates.before),
      })),
    );
    const leads = new Map<number, Agency>();
    for (const m of milestones) {
      const agency = await this.reader.agency(m.leadAgencyId);
      if (!agency) throw new Error(`agency ${m.leadAgencyId} is missing`);
      leads.set(m.leadAgencyId, agency);
    }
    const leadOf = (m: Milestone) => leads.get(m.leadAgencyId)!;
    const body = scope.kind === 'plan' ? scope.plan.title : scope.committee.name;
    return { ...briefing(entries, meeting.date, previous?.date ?? null, next?.date ?? null, today, leadOf), body, leadOf };
  }
}
