/**
 * Publishing annual reports: freezes the year's report as an edition (1, 2, 3… per plan and
 * year). The edition is computed for an anonymous reader, so restricted (PARTNERS) milestones and
 * suppressed sensitive indicator values are left out and the frozen text is safe to share.
 * Audited like every other write; editions are only ever inserted, never changed.
 */
import { ANONYMOUS, Viewer } from '../domain/access';
import { Plan, PublishedReport } from '../entities';
import { buildAnnualReport, reportPeriod } from './annual-report';
import { reportHtml, reportMarkdown } from './report-render';
import { RequestReader } from './request-reader';
import { Writer } from './unit-of-work';

export const PUBLIC_AUDIENCE = 'the public: restricted milestones and suppressed sensitive values are left out';

export class ReportWriter extends Writer {
  publishAnnualReport(planId: string, year: number, viewer: Viewer): Promise<PublishedReport> {
    return this.run(async (tx) => {
      const plan = await tx.find(Plan, planId, 'planId');
      reportPeriod(plan, year);
      const latest = await tx.em
        .getRepository(PublishedReport)
        .createQueryBuilder('r')
        .select('MAX(r.edition)', 'edition')
        .where('r.plan_id = :planId AND r.year = :year', { planId: plan.rowId, year })
        .getRawOne<{ edition: number | null }>();
      const edition = Number(latest?.edition ?? 0) + 1;
      // Computed as nobody in particular: what anyone may see, whoever publishes it.
      const reader = new RequestReader(this.ds, ANONYMOUS, this.clock);
      const audience = `${PUBLIC_AUDIENCE} (edition ${edition}, published ${tx.today(plan)} by ${tx.actor})`;
      const data = await buildAnnualReport(reader, await reader.planOf(plan.rowId), year, ANONYMOUS, audience);
      const row = await tx.em.save(
        tx.em.create(PublishedReport, { planId: plan.rowId, year, edition, publishedBy: tx.actor, markdown: reportMarkdown(data), html: reportHtml(data), figures: JSON.stringify(data) }),
      );
      await tx.audit('publishAnnualReport', 'PublishedReport', row.rowId, plan.rowId, { year: { before: null, after: year }, edition: { before: null, after: edition } });
      return row;
    }, viewer);
  }
}
