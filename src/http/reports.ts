/**
 * Annual reports and meeting briefings over plain HTTP, at stable URLs (the same auth as the exports; `?token=` is
 * accepted so a link can be opened in a browser):
 *
 *   GET /reports/<planId>/<year>.html   GET /reports/<planId>/<year>.md         the live report, for this reader
 *   GET /reports/<planId>/<year>/editions/<n>.html   (or .md)                   a published edition, frozen
 *   GET /meetings/<meetingId>/briefing.html   (or .md)                          a meeting's briefing, for this reader
 *
 * `?download=1` asks the browser to save the file instead of showing it.
 */
import { Request, Response, Router } from 'express';
import { notFound, userError } from '../services/errors';
import { reportHtml, reportMarkdown } from '../services/report-render';
import { RequestReader } from '../services/request-reader';
import { rowIdOf } from '../services/ids';
import { sendError } from './errors';
import { ContextFor } from './exports';

/** No scripts, no external requests: the page is self-contained, and user text cannot load anything. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function yearOf(req: Request): number {
  const value = String(req.params.year);
  if (!/^\d{4}$/.test(value)) throw userError('The year must be four digits, e.g. /reports/<planId>/2016.html.', 'year');
  return Number(value);
}

function send(req: Request, res: Response, format: 'html' | 'md', body: string, filename: string): void {
  if (format === 'html') res.type('text/html; charset=utf-8').set('Content-Security-Policy', CSP);
  else res.type('text/markdown; charset=utf-8');
  res.set('X-Content-Type-Options', 'nosniff');
  if (req.query.download === '1' || req.query.download === 'true') res.attachment(filename);
  res.send(body);
}

export function reportRoutes(contextFor: ContextFor): Router {
  const router = Router();

  const handle = (work: (reader: RequestReader, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await work((await contextFor(req, true)).reader, req, res);
    } catch (error) {
      sendError(res, error, 'Report');
    }
  };

  const plan = async (reader: RequestReader, req: Request) => {
    const id = String(req.params.planId);
    const found = await reader.plan(rowIdOf(id, 'Plan', 'planId'));
    if (!found) throw notFound('plan', 'planId');
    return found;
  };

  for (const format of ['html', 'md'] as const) {
    router.get(
      `/reports/:planId/:year.${format}`,
      handle(async (reader, req, res) => {
        const year = yearOf(req);
        const data = await reader.annualReport(await plan(reader, req), year);
        send(req, res, format, format === 'html' ? reportHtml(data) : reportMarkdown(data), `annual-report-${year}.${format}`);
      }),
    );

    router.get(
      `/reports/:planId/:year/editions/:edition.${format}`,
      handle(async (reader, req, res) => {
        const year = yearOf(req);
        const p = await plan(reader, req);
        const edition = String(req.params.edition);
        const row = /^[1-9]\d{0,8}$/.test(edition) ? await reader.publishedEdition(p, year, Number(edition)) : null;
        if (!row) throw notFound(`edition of the ${year} report`, 'edition');
        send(req, res, format, format === 'html' ? row.html : row.markdown, `annual-report-${year}-edition-${row.edition}.${format}`);
      }),
    );

    router.get(
      `/meetings/:meetingId/briefing.${format}`,
      handle(async (reader, req, res) => {
        const meeting = await reader.meeting(rowIdOf(String(req.params.meetingId), 'Meeting', 'meetingId'));
        if (!meeting) throw notFound('meeting', 'meetingId');
        const briefing = await reader.briefing(meeting);
        send(req, res, format, format === 'html' ? briefing.html : briefing.markdown, `briefing-${meeting.date}.${format}`);
      }),
    );
  }

  return router;
}
