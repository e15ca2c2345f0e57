/**
 * The annual report rendered for people: Markdown, and one self-contained HTML page (inline CSS
 * and SVG charts, no scripts, no external requests). Every text that comes from users is escaped:
 * with entities in HTML, and in Markdown as `./markdown` writes it.
 */
import { daysBetween } from '../domain/dates';
import { MilestoneStatus } from '../domain/enums';
import { formatPercent } from '../domain/numbers';
import { AnnualReportData, ReportRollup } from './annual-report';
import { ShownValue } from './indicator-suppression';
import { mdHeading, mdParagraph, mdTable, mdText } from './markdown';

const STATUS_ORDER: MilestoneStatus[] = [
  MilestoneStatus.COMPLETED,
  MilestoneStatus.COMPLETED_LATE,
  MilestoneStatus.ON_TRACK,
  MilestoneStatus.NOT_STARTED,
  MilestoneStatus.AT_RISK,
  MilestoneStatus.OVERDUE,
  MilestoneStatus.CANCELLED,
];

const STATUS_COLOR: Record<MilestoneStatus, string> = {
  COMPLETED: '#2e7d32',
  COMPLETED_LATE: '#81c784',
  ON_TRACK: '#1976d2',
  NOT_STARTED: '#b0bec5',
  AT_RISK: '#f9a825',
  OVERDUE: '#c62828',
  CANCELLED: '#757575',
};

const label = (status: string) => status.replace(/_/g, ' ').toLowerCase();

/** A percentage as the report's data has it (rounded to two decimals once, in src/domain). */
export function percent(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

export function shown(value: ShownValue | null): string {
  if (value === null) return '—';
  return value.suppressed ? 'suppressed' : String(value.value);
}

/** HTML text and attribute escaping. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Health with the counts behind it, e.g. "at risk — 4 of 44 milestones (9.09%) are overdue, …". */
export function healthText(r: Pick<ReportRollup, 'health' | 'healthReason'>): string {
  return r.health ? `${label(r.health)} — ${r.healthReason}` : r.healthReason;
}

function counts(r: ReportRollup): string {
  return STATUS_ORDER.filter((s) => r.statusCounts[s] > 0).map((s) => `${r.statusCounts[s]} ${label(s)}`).join(', ') || 'none';
}

function summaryLines(d: AnnualReportData): [string, string][] {
  const s = d.summary;
  return [
    ['Milestones due in the year', String(s.dueInYear)],
    ['Completed in the year', String(s.completedInYear)],
    ['Completed on time', String(s.completedOnTime)],
    ['Completed late', String(s.completedLate)],
    ['Overdue at year end', String(s.overdueAtYearEnd)],
    ['Cancelled in the year', String(s.cancelledInYear)],
    ['Milestones whose due date moved', String(s.slippedMilestones)],
    ['Due-date changes', String(s.dueDateChanges)],
    ['Plan progress', percent(s.progress)],
    ['Plan health', healthText(s)],
    ['Milestones in the plan', String(s.milestoneCount)],
  ];
}

function intro(d: AnnualReportData): string {
  const asOf = d.asOf === d.period.end ? `as of ${d.period.end}, the year's last day` : `as of ${d.asOf}; the year runs until ${d.period.end}`;
  return `Year ${d.period.year}: ${d.period.start} … ${d.period.end}, ${asOf}. Prepared for ${d.audience}.`;
}

export function reportMarkdown(d: AnnualReportData): string {
  const md = mdText;
  const table = mdTable;
  const rollupRow = (r: ReportRollup) => [String(r.milestoneCount), percent(r.progress), healthText(r), counts(r)];
  return [
    mdHeading(1, `Annual report ${d.period.year}: ${md(d.plan.title)}`),
    '',
    mdParagraph(md(intro(d))),
    '',
    '## Summary',
    '',
    ...summaryLines(d).map(([k, v]) => `- ${k}: **${v}**`),
    `- Status at year end: ${counts(d.summary)}`,
    '',
    `## Completed in the year (${d.completed.length})`,
    '',
    ...table(['Milestone', 'Lead', 'Due', 'Completed', 'Status'], d.completed.map((m) => [`**${md(m.code)}** ${md(m.title)}`, md(m.leadAgency), m.dueDate, m.completedOn ?? '', label(m.status)])),
    `## Overdue at year end (${d.overdue.length})`,
    '',
    ...table(['Milestone', 'Lead', 'Due', 'Days overdue'], d.overdue.map((m) => [`**${md(m.code)}** ${md(m.title)}`, md(m.leadAgency), m.dueDate, String(m.daysOverdue)])),
    `## Due dates moved during the year (${d.slips.length})`,
    '',
    ...table(['Milestone', 'Lead', 'Decided', 'From', 'To', 'Reason'], d.slips.map((s) => [`**${md(s.code)}** ${md(s.title)}`, md(s.leadAgency), s.changedOn, s.fromDate, s.toDate, md(s.reason)])),
    '## Goals',
    '',
    ...table(['Goal', 'Milestones', 'Progress', 'Health', 'Status'], d.goals.map((g) => [`**${md(g.code)}** ${md(g.title)}`, ...rollupRow(g)])),
    '## Agencies (milestones they lead)',
    '',
    ...table(['Agency', 'Milestones', 'Progress', 'Health', 'Status', 'Completed in year', 'Overdue at year end'], d.agencies.map((a) => [`**${md(a.shortName)}** ${md(a.name)}`, ...rollupRow(a), String(a.completedInYear), String(a.overdueAtYearEnd)])),
    '## Committees',
    '',
    ...table(['Committee', 'Milestones', 'Progress', 'Health', 'Status'], d.committees.map((c) => [md(c.name), ...rollupRow(c)])),
    '## Indicators',
    '',
    ...table(
      ['Indicator', 'Agency', 'Baseline', 'Latest', 'Measured on', 'Target', 'Target date', 'Progress'],
      d.indicators.map((i) => [`${md(i.name)} (${md(i.unit)})`, md(i.agency), shown(i.baseline), shown(i.latest), i.latestOn ?? '—', shown(i.target), i.targetDate, percent(i.progress)]),
    ),
    `## Milestones due in the year (${d.timeline.length})`,
    '',
    ...table(['Milestone', 'Lead', 'Baseline due', 'Due', 'Slip (days)', 'Status at year end'], d.timeline.map((t) => [`**${md(t.code)}** ${md(t.title)}`, md(t.leadAgency), t.baselineDueDate, t.dueDate, String(t.slipDays), label(t.status)])),
  ].join('\n');
}

/** A stacked bar of status counts, one per goal. */
export function statusBar(r: ReportRollup, title: string): string {
  const width = 400;
  const height = 18;
  const totalCount = r.milestoneCount;
  let x = 0;
  const parts = STATUS_ORDER.filter((s) => r.statusCounts[s] > 0).map((s) => {
    const w = (width * r.statusCounts[s]) / totalCount;
    const rect = `<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="${height}" fill="${STATUS_COLOR[s]}"><title>${r.statusCounts[s]} ${label(s)}</title></rect>`;
    x += w;
    return rect;
  });
  const empty = totalCount === 0 ? `<rect x="0" y="0" width="${width}" height="${height}" fill="#eceff1"/>` : '';
  return `<svg class="status-bar" role="img" aria-label="${escapeHtml(`Status of ${title}: ${counts(r)}`)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${empty}${parts.join('')}</svg>`;
}

/** The year's milestones on a time axis: baseline due date (hollow) to current due date (filled, in its status colour). */
export function timelineChart(d: AnnualReportData): string {
  if (d.timeline.length === 0) return '<p>No milestones fall due in the year.</p>';
  const dates = [d.period.start, d.period.end, ...d.timeline.flatMap((t) => [t.baselineDueDate, t.dueDate])].sort();
  const from = dates[0];
  const to = dates[dates.length - 1];
  const span = Math.max(1, daysBetween(from, to));
  const left = 90;
  const plot = 560;
  const rowHeight = 20;
  const top = 24;
  const width = left + plot + 20;
  const height = top + rowHeight * d.timeline.length + 10;
  const xOf = (date: string) => (left + (plot * daysBetween(from, date)) / span).toFixed(1);
  const yearBand = `<rect x="${xOf(d.period.start)}" y="${top - 6}" width="${(Number(xOf(d.period.end)) - Number(xOf(d.period.start))).toFixed(1)}" height="${height - top}" fill="#f5f7fa"/>`;
  const axis = [
    `<text x="${xOf(d.period.start)}" y="12" font-size="10" text-anchor="start">${d.period.start}</text>`,
    `<text x="${xOf(d.period.end)}" y="12" font-size="10" text-anchor="end">${d.period.end}</text>`,
    `<line x1="${xOf(d.period.start)}" y1="${top - 6}" x2="${xOf(d.period.start)}" y2="${height}" stroke="#90a4ae" stroke-dasharray="3 3"/>`,
    `<line x1="${xOf(d.period.end)}" y1="${top - 6}" x2="${xOf(d.period.end)}" y2="${height}" stroke="#90a4ae" stroke-dasharray="3 3"/>`,
  ];
  const rows = d.timeline.map((t, i) => {
    const y = top + rowHeight * i + rowHeight / 2;
    const tip = escapeHtml(`${t.code} ${t.title} (${t.leadAgency}): baseline ${t.baselineDueDate}, due ${t.dueDate}, ${label(t.status)}`);
    return [
      `<g class="milestone"><title>${tip}</title>`,
      `<text x="${left - 6}" y="${y + 4}" font-size="11" text-anchor="end">${escapeHtml(t.code)}</text>`,
      t.baselineDueDate !== t.dueDate ? `<line x1="${xOf(t.baselineDueDate)}" y1="${y}" x2="${xOf(t.dueDate)}" y2="${y}" stroke="#78909c" stroke-width="2"/>` : '',
      `<circle class="baseline" cx="${xOf(t.baselineDueDate)}" cy="${y}" r="5" fill="#fff" stroke="#455a64" stroke-width="1.5"/>`,
      `<circle class="due" cx="${xOf(t.dueDate)}" cy="${y}" r="4" fill="${STATUS_COLOR[t.status]}"/>`,
      '</g>',
    ].join('');
  });
  return `<svg class="timeline" role="img" aria-label="Milestones due in the year: baseline against current due date" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${yearBand}${axis.join('')}${rows.join('')}</svg>`;
}

const CSS = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #212121; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #cfd8dc; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eceff1; vertical-align: top; }
dl.figures { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; } dl.figures dt { color: #546e7a; } dl.figures dd { margin: 0; font-weight: 600; }
.legend span { display: inline-block; margin-right: 1rem; font-size: 0.85rem; } .legend i { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
.suppressed { color: #757575; font-style: italic; }
svg.timeline { max-width: 100%; height: auto; }
.wide { overflow-x: auto; }
dl.figures dd { min-width: 0; overflow-wrap: anywhere; }
@media (max-width: 40rem) { body { margin: 1rem auto; } }
@media print { body { margin: 0; } }
`;

/**
 * A self-contained HTML page (the reports' and briefings' shell): inline CSS, no scripts, nothing
 * loaded from anywhere. `title` is text; `body` is HTML whose user text is escaped already; `css`
 * adds to the reports' style sheet.
 */
export function htmlPage(title: string, body: string, css = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function reportHtml(d: AnnualReportData): string {
  const e = escapeHtml;
  // A wide table scrolls in its own region on a phone (reachable by keyboard), never the whole page.
  const wide = (label: string, html: string) => `<div class="wide" tabindex="0" role="region" aria-label="${e(label)}">${html}</div>`;
  const table = (label: string, head: string[], rows: string[][]) =>
    rows.length === 0 ? '<p>None.</p>' : wide(label, `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
  const rollupCells = (r: ReportRollup) => [String(r.milestoneCount), percent(r.progress), e(healthText(r)), e(counts(r))];
  const value = (v: ShownValue | null) => (v?.suppressed ? '<span class="suppressed">suppressed</span>' : shown(v));
  const legend = `<p class="legend">${STATUS_ORDER.map((s) => `<span><i style="background:${STATUS_COLOR[s]}"></i>${label(s)}</span>`).join('')}</p>`;
  const title = `Annual report ${d.period.year}: ${d.plan.title}`;
  return htmlPage(title, `<h1>${e(title)}</h1>
<p>${e(intro(d))}</p>
<h2>Summary</h2>
<dl class="figures">${summaryLines(d).map(([k, v]) => `<dt>${k}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<p>Status at year end: ${e(counts(d.summary))}</p>
<h2>Status by goal</h2>
${legend}
${wide('Status by goal', `<table><thead><tr><th>Goal</th><th>Status</th><th>Progress</th><th>Health</th></tr></thead><tbody>${d.goals
    .map((g) => `<tr><td><strong>${e(g.code)}</strong> ${e(g.title)}</td><td>${statusBar(g, `${g.code} ${g.title}`)}</td><td>${percent(g.progress)}</td><td>${e(healthText(g))}</td></tr>`)
    .join('')}</tbody></table>`)}
<h2>Completed in the year (${d.completed.length})</h2>
${table('Completed in the year', ['Milestone', 'Lead', 'Due', 'Completed', 'Status'], d.completed.map((m) => [`<strong>${e(m.code)}</strong> ${e(m.title)}`, e(m.leadAgency), m.dueDate, m.completedOn ?? '', label(m.status)]))}
<h2>Overdue at year end (${d.overdue.length})</h2>
${table('Overdue at year end', ['Milestone', 'Lead', 'Due', 'Days overdue'], d.overdue.map((m) => [`<strong>${e(m.code)}</strong> ${e(m.title)}`, e(m.leadAgency), m.dueDate, String(m.daysOverdue)]))}
<h2>Due dates moved during the year (${d.slips.length})</h2>
${table('Due dates moved during the year', ['Milestone', 'Lead', 'Decided', 'From', 'To', 'Reason'], d.slips.map((s) => [`<strong>${e(s.code)}</strong> ${e(s.title)}`, e(s.leadAgency), s.changedOn, s.fromDate, s.toDate, e(s.reason)]))}
<h2>Milestones due in the year (${d.timeline.length})</h2>
<p>Hollow circle: the baseline due date; filled circle: the due date at year end, in its status colour. The shaded band is the year.</p>
${timelineChart(d)}
${table('Milestones due in the year', ['Milestone', 'Lead', 'Baseline due', 'Due', 'Slip (days)', 'Status at year end'], d.timeline.map((t) => [`<strong>${e(t.code)}</strong> ${e(t.title)}`, e(t.leadAgency), t.baselineDueDate, t.dueDate, String(t.slipDays), label(t.status)]))}
<h2>Goals</h2>
${table('Goals', ['Goal', 'Milestones', 'Progress', 'Health', 'Status'], d.goals.map((g) => [`<strong>${e(g.code)}</strong> ${e(g.title)}`, ...rollupCells(g)]))}
<h2>Agencies (milestones they lead)</h2>
${table('Agencies', ['Agency', 'Milestones', 'Progress', 'Health', 'Status', 'Completed in year', 'Overdue at year end'], d.agencies.map((a) => [`<strong>${e(a.shortName)}</strong> ${e(a.name)}`, ...rollupCells(a), String(a.completedInYear), String(a.overdueAtYearEnd)]))}
<h2>Committees</h2>
${table('Committees', ['Committee', 'Milestones', 'Progress', 'Health', 'Status'], d.committees.map((c) => [e(c.name), ...rollupCells(c)]))}
<h2>Indicators</h2>
${table(
    'Indicators',
    ['Indicator', 'Agency', 'Baseline', 'Latest', 'Measured on', 'Target', 'Target date', 'Progress'],
    d.indicators.map((i) => [`${e(i.name)} (${e(i.unit)})`, e(i.agency), value(i.baseline), value(i.latest), i.latestOn ?? '—', value(i.target), i.targetDate, percent(i.progress)]),
  )}`);
}
