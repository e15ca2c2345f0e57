/**
 * Editions published before issue 11 show an indicator's progress next to its suppressed baseline
 * or target, and the two shown values with the progress give the suppressed one back. Editions are
 * otherwise never changed; this withdraws exactly that figure (as a new edition would show it: no
 * progress) from the stored figures and from the Markdown and HTML indicator rows that show a
 * suppressed value beside a percentage. Nothing to undo: the withdrawn figure must not come back.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from './helpers';

interface Shown {
  suppressed: boolean;
}

interface IndicatorRow {
  baseline: Shown;
  target: Shown;
  latest: Shown | null;
  progress: number | null;
}

/** `text` with `fix` applied to the part from `start` up to the next `end`. */
function inSection(text: string, start: string, end: string, fix: (section: string) => string): string {
  const from = text.indexOf(start);
  if (from < 0) return text;
  const next = text.indexOf(end, from + start.length);
  const to = next < 0 ? text.length : next;
  return text.slice(0, from) + fix(text.slice(from, to)) + text.slice(to);
}

/** `| … | suppressed | … | 57.4% |` → `| … | suppressed | … | — |`, in the Indicators section only. */
function withdrawMarkdown(markdown: string): string {
  return inSection(markdown, '\n## Indicators', '\n## ', (section) => section.replace(/^(\|.* suppressed \|.*\| )-?\d+(?:\.\d+)?%( \|)$/gm, '$1—$2'));
}

/** The same in the HTML indicator table: a row with a suppressed cell loses its percentage. */
function withdrawHtml(html: string): string {
  return inSection(html, '<h2>Indicators</h2>', '</table>', (section) =>
    section.replace(/<tr>(?:(?!<\/tr>)[\s\S])*<\/tr>/g, (row) => (row.includes('class="suppressed"') ? row.replace(/<td>-?\d+(?:\.\d+)?%<\/td><\/tr>$/, '<td>—</td></tr>') : row)),
  );
}

export class WithdrawDerivableIndicatorProgress1765200000000 implements MigrationInterface {
  name = 'WithdrawDerivableIndicatorProgress1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const editions: { id: number; figures: string; markdown: string; html: string }[] = await queryRunner.query('SELECT id, figures, markdown, html FROM published_report ORDER BY id');
    const update = isPostgres(queryRunner) ? 'UPDATE published_report SET figures = $1, markdown = $2, html = $3 WHERE id = $4' : 'UPDATE published_report SET figures = ?, markdown = ?, html = ? WHERE id = ?';
    for (const edition of editions) {
      const figures = JSON.parse(edition.figures) as { indicators?: IndicatorRow[] };
      const derivable = (figures.indicators ?? []).filter((i) => i.progress !== null && [i.baseline, i.target, i.latest].some((v) => v?.suppressed));
      if (derivable.length === 0) continue;
      for (const i of derivable) i.progress = null;
      await queryRunner.query(update, [JSON.stringify(figures), withdrawMarkdown(edition.markdown), withdrawHtml(edition.html), edition.id]);
    }
  }

  async down(): Promise<void> {}
}
