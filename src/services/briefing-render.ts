/**
 * A meeting's briefing for people: its content is built once (`briefingDocument`), then written as
 * Markdown, ready to paste into an agenda, and as one self-contained HTML page like the annual
 * report's (inline CSS, no scripts, no external requests). User text stays text in both
 * (`./markdown`, `escapeHtml`).
 */
import { BriefingMilestone } from '../domain/briefing';
import { formatPercent } from '../domain/numbers';
import { Meeting, Milestone } from '../entities';
import { MeetingBriefingData } from './briefing-reader';
import { mdHeading, mdListItem, mdParagraph, mdText } from './markdown';
import { escapeHtml, htmlPage } from './report-render';

/** One line of a section: a milestone with what happened to it, or an agency asked for an update. */
export type BriefingLine =
  | { kind: 'milestone'; code: string; title: string; lead: string; detail: string }
  | { kind: 'agency'; agency: string; codes: string[] };

/** What a briefing says, in plain text, before it is written as Markdown or HTML. */
export interface BriefingDocument {
  title: string;
  intro: string;
  /** For a meeting still ahead: that the briefing is a projection as of today. */
  projection: string | null;
  sections: { title: string; lines: BriefingLine[] }[];
}

export function briefingDocument(meeting: Meeting, b: MeetingBriefingData): BriefingDocument {
  const line = (m: BriefingMilestone<Milestone>, detail: string): BriefingLine => ({ kind: 'milestone', code: m.item.code, title: m.item.title, lead: b.leadOf(m.item).shortName, detail });
  return {
    title: `Briefing: ${meeting.title}`,
    intro: `${b.body}, ${meeting.date}. Changes since ${b.since ?? 'the start of the plan'}${b.projection ? ` up to ${b.until}` : ''}; due dates up to ${b.horizon}.`,
    projection: b.projection ? `This meeting is still ahead: the briefing is as of ${b.until} and is a projection.` : null,
    sections: [
      { title: 'Completed', lines: b.completed.map((m) => line(m, `completed ${m.completedOn}${m.now.daysOverdue > 0 ? `, ${m.now.daysOverdue} days late` : ''}`)) },
      { title: 'Newly overdue', lines: b.newlyOverdue.map((m) => line(m, m.now.statusReason)) },
      { title: 'Due dates moved', lines: b.dueDatesMoved.map(({ milestone, change }) => line(milestone, `${change.fromDate} → ${change.toDate} (${change.changedOn}): ${change.reason}`)) },
      { title: 'Falling due before the next meeting', lines: b.fallingDue.map((m) => line(m, `due ${m.now.dueDate}, ${m.now.status.replace('_', ' ').toLowerCase()}, ${formatPercent(m.now.progress)} reported`)) },
      { title: 'Stale updates', lines: b.staleUpdates.map((m) => line(m, m.now.lastUpdatedOn ? `last update ${m.now.lastUpdatedOn}` : 'never updated')) },
      { title: 'Agencies asked for an update', lines: b.updateRequests.map((r) => ({ kind: 'agency', agency: r.agency.shortName, codes: r.milestones.map((m) => m.item.code) })) },
    ],
  };
}

export function briefingMarkdown(d: BriefingDocument): string {
  const line = (l: BriefingLine) =>
    l.kind === 'milestone'
      ? mdListItem(`**${mdText(l.code)}** ${mdText(l.title)} (${mdText(l.lead)}): ${mdText(l.detail)}`)
      : mdListItem(`**${mdText(l.agency)}**: ${l.codes.map(mdText).join(', ')}`);
  return [
    mdHeading(2, mdText(d.title)),
    '',
    mdParagraph(mdText(d.intro)),
    '',
    ...(d.projection ? [mdParagraph(mdText(d.projection)), ''] : []),
    ...d.sections.flatMap((s) => [mdHeading(3, `${s.title} (${s.lines.length})`), '', ...(s.lines.length ? s.lines.map(line) : [mdListItem('None.')]), '']),
  ].join('\n');
}

const BRIEFING_CSS = `.projection { border-left: 4px solid #f9a825; padding: 0.3rem 0.6rem; background: #fffde7; }
ul { padding-left: 1.2rem; } li { margin: 0.2rem 0; }
`;

export function briefingHtml(d: BriefingDocument): string {
  const e = escapeHtml;
  const line = (l: BriefingLine) =>
    l.kind === 'milestone' ? `<li><strong>${e(l.code)}</strong> ${e(l.title)} (${e(l.lead)}): ${e(l.detail)}</li>` : `<li><strong>${e(l.agency)}</strong>: ${l.codes.map(e).join(', ')}</li>`;
  return htmlPage(
    d.title,
    [
      `<h1>${e(d.title)}</h1>`,
      `<p>${e(d.intro)}</p>`,
      ...(d.projection ? [`<p class="projection"><strong>Projection.</strong> ${e(d.projection)}</p>`] : []),
      ...d.sections.map((s) => `<h2>${e(s.title)} (${s.lines.length})</h2>\n${s.lines.length ? `<ul>${s.lines.map(line).join('')}</ul>` : '<p>None.</p>'}`),
    ].join('\n'),
    BRIEFING_CSS,
  );
}

/** The stable URL path of a meeting's briefing as HTML (and `.md` for Markdown). */
export function briefingPath(meetingId: string, format: 'html' | 'md' = 'html'): string {
  return `/meetings/${encodeURIComponent(meetingId)}/briefing.${format}`;
}
