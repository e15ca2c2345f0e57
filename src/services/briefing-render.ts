/** A meeting's briefing as Markdown, ready to paste into an agenda; user text stays text (`./markdown`). */
import { BriefingMilestone } from '../domain/briefing';
import { formatPercent } from '../domain/numbers';
import { Meeting, Milestone } from '../entities';
import { MeetingBriefingData } from './briefing-reader';
import { mdHeading, mdListItem, mdParagraph, mdText } from './markdown';

function line(m: BriefingMilestone<Milestone>, lead: (m: Milestone) => string, detail: string): string {
  return mdListItem(`**${mdText(m.item.code)}** ${mdText(m.item.title)} (${mdText(lead(m.item))}): ${mdText(detail)}`);
}

export function briefingMarkdown(meeting: Meeting, b: MeetingBriefingData): string {
  const lead = (m: Milestone) => b.leadOf(m).shortName;
  const section = (title: string, lines: string[]) => [mdHeading(3, `${title} (${lines.length})`), '', ...(lines.length ? lines : [mdListItem('None.')]), ''];
  return [
    mdHeading(2, `Briefing: ${mdText(meeting.title)}`),
    '',
    mdParagraph(mdText(`${b.body}, ${meeting.date}. Changes since ${b.since ?? 'the start of the plan'}${b.projection ? ` up to ${b.until}` : ''}; due dates up to ${b.horizon}.`)),
    '',
    ...(b.projection ? [mdParagraph(mdText(`This meeting is still ahead: the briefing is as of ${b.until} and is a projection.`)), ''] : []),
    ...section('Completed', b.completed.map((m) => line(m, lead, `completed ${m.completedOn}${m.now.daysOverdue > 0 ? `, ${m.now.daysOverdue} days late` : ''}`))),
    ...section('Newly overdue', b.newlyOverdue.map((m) => line(m, lead, m.now.statusReason))),
    ...section('Due dates moved', b.dueDatesMoved.map(({ milestone, change }) => line(milestone, lead, `${change.fromDate} → ${change.toDate} (${change.changedOn}): ${change.reason}`))),
    ...section('Falling due before the next meeting', b.fallingDue.map((m) => line(m, lead, `due ${m.now.dueDate}, ${m.now.status.replace('_', ' ').toLowerCase()}, ${formatPercent(m.now.progress)} reported`))),
    ...section('Stale updates', b.staleUpdates.map((m) => line(m, lead, m.now.lastUpdatedOn ? `last update ${m.now.lastUpdatedOn}` : 'never updated'))),
    ...section('Agencies asked for an update', b.updateRequests.map((r) => mdListItem(`**${mdText(r.agency.shortName)}**: ${r.milestones.map((m) => mdText(m.item.code)).join(', ')}`))),
  ].join('\n');
}
