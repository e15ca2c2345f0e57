/**
 * Exports over plain HTTP, for spreadsheets and calendars: the same filters, visibility and
 * computed status as the GraphQL API, through the same services.
 *
 *   GET /export/milestones.csv?planId=…&status=OVERDUE,AT_RISK&asOf=2015-06-30&…
 *   GET /calendar/plan/<planId>.ics      GET /calendar/agency/<agencyId>.ics
 *
 * Calendar clients cannot send headers, so these also accept `?token=`; every route here only reads.
 */
import { Request, Response, Router } from 'express';
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { isValidIsoDate } from '../domain/dates';
import { AgencyRole, MilestoneStatus, Visibility } from '../domain/enums';
import { cancelledOnAsOf, completedOnAsOf } from '../domain/milestone';
import { Milestone } from '../entities';
import { csvFile } from '../services/csv';
import { userError } from '../services/errors';
import { MilestoneFilter, MilestoneOrder, MilestoneOrderField, OrderDirection } from '../services/milestone-search';
import { RequestReader } from '../services/request-reader';
import { rowIdOf } from '../services/ids';
import { sendError } from './errors';

/** What a route reads through: the reader of the request's viewer (who is signed in, or anonymous where allowed). */
export interface ReadContext {
  readonly reader: RequestReader;
}

export type ContextFor = (req: Request, tokenFromQuery: boolean) => Promise<ReadContext>;

function one(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw userError(`${name} must be given once.`, name);
  return value;
}

function oneOf<T extends string>(req: Request, name: string, values: readonly T[]): T | undefined {
  const value = one(req, name);
  if (value !== undefined && !values.includes(value as T)) throw userError(`${name} must be one of ${values.join(', ')}.`, name);
  return value as T | undefined;
}

function date(req: Request, name: string): string | undefined {
  const value = one(req, name);
  if (value !== undefined && !isValidIsoDate(value)) throw userError(`${name} is not a valid date: use YYYY-MM-DD.`, name);
  return value;
}

/** The `milestones` filter, from query parameters of the same names (status comma-separated). */
function filterFrom(req: Request): MilestoneFilter {
  const statuses = one(req, 'status')?.split(',').filter(Boolean);
  for (const s of statuses ?? []) if (!(Object.values(MilestoneStatus) as string[]).includes(s)) throw userError(`status must be among ${Object.values(MilestoneStatus).join(', ')}.`, 'status');
  return {
    planId: one(req, 'planId'),
    goalId: one(req, 'goalId'),
    agencyId: one(req, 'agencyId'),
    agencyRole: oneOf(req, 'agencyRole', Object.values(AgencyRole)),
    committeeId: one(req, 'committeeId'),
    status: statuses as MilestoneStatus[] | undefined,
    asOf: date(req, 'asOf'),
    dueFrom: date(req, 'dueFrom'),
    dueTo: date(req, 'dueTo'),
    search: one(req, 'search'),
    visibility: oneOf(req, 'visibility', Object.values(Visibility)),
    movedFrom: date(req, 'movedFrom'),
    movedTo: date(req, 'movedTo'),
  };
}

function orderFrom(req: Request): MilestoneOrder {
  return {
    field: oneOf(req, 'orderBy', Object.values(MilestoneOrderField)) ?? MilestoneOrderField.DUE_DATE,
    direction: oneOf(req, 'direction', Object.values(OrderDirection)) ?? OrderDirection.ASC,
  };
}

const CSV_COLUMNS = ['code', 'title', 'goal', 'leadAgency', 'partners', 'visibility', 'startDate', 'dueDate', 'baselineDueDate', 'slipDays', 'completedOn', 'cancelledOn', 'status', 'progress', 'expectedProgress', 'daysOverdue', 'daysRemaining', 'lastUpdatedOn', 'statusReason', 'asOf'];

async function csvRows(reader: RequestReader, milestones: Milestone[], asOf: string | undefined): Promise<string[][]> {
  return Promise.all(
    milestones.map(async (m) => {
      const [a, goal, lead, links] = await Promise.all([reader.assess(m, asOf), reader.goal(m.goalId), reader.agency(m.leadAgencyId), reader.partnerLinks(m)]);
      const partners = await Promise.all(links.map(async (l) => `${(await reader.agency(l.agencyId))?.shortName} (${l.role})`));
      const completedOn = completedOnAsOf(m, a.asOf) ?? '';
      const cancelledOn = cancelledOnAsOf(m, a.asOf) ?? '';
      return [m.code, m.title, goal?.code ?? '', lead?.shortName ?? '', partners.join('; '), m.visibility, a.startDate, a.dueDate, m.baselineDueDate, String(a.slipDays), completedOn, cancelledOn, a.status, String(a.progress), String(a.expectedProgress), String(a.daysOverdue), String(a.daysRemaining), a.lastUpdatedOn ?? '', a.statusReason, a.asOf];
    }),
  );
}

function calendar(name: string, milestones: { m: Milestone; lead: string; status: string; reason: string }[], publicUrl: string) {
  const cal = ical({ name, prodId: { company: 'Cairn', product: 'Cairn milestones' } });
  for (const { m, lead, status, reason } of milestones) {
    const due = DateTime.fromISO(m.dueDate, { zone: 'utc' });
    cal.createEvent({
      id: `milestone-${m.rowId}@cairn`,
      start: due,
      end: due.plus({ days: 1 }),
      allDay: true,
      floating: true,
      summary: `${m.code} due: ${m.title} (${lead})`,
      description: `Status: ${status}. ${reason}`,
      url: `${publicUrl}/graphql`,
    });
  }
  return cal.toString();
}

/** `publicUrl` gives where clients reach Cairn: never the request's Host header, which the client chooses. */
export function exportRoutes(contextFor: ContextFor, publicUrl: () => string): Router {
  const router = Router();

  const handle = (tokenFromQuery: boolean, work: (reader: RequestReader, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await work((await contextFor(req, tokenFromQuery)).reader, req, res);
    } catch (error) {
      sendError(res, error, 'Export');
    }
  };

  router.get(
    '/export/milestones.csv',
    handle(false, async (reader, req, res) => {
      const filter = filterFrom(req);
      const milestones = await reader.allMilestones(filter, orderFrom(req));
      const csv = csvFile([CSV_COLUMNS, ...(await csvRows(reader, milestones, filter.asOf))]);
      res.type('text/csv; charset=utf-8').attachment('milestones.csv').send(csv);
    }),
  );

  const events = async (reader: RequestReader, milestones: Milestone[]) =>
    Promise.all(
      milestones.map(async (m) => {
        const a = await reader.assess(m);
        return { m, lead: (await reader.agency(m.leadAgencyId))?.shortName ?? '', status: a.status, reason: a.statusReason };
      }),
    );

  router.get(
    '/calendar/plan/:id.ics',
    handle(true, async (reader, req, res) => {
      const plan = await reader.plan(rowIdOf(String(req.params.id), 'Plan'));
      if (!plan) throw userError('No such plan.', 'id');
      const milestones = await reader.allMilestones({ planId: String(req.params.id) }, { field: MilestoneOrderField.DUE_DATE, direction: OrderDirection.ASC });
      res.type('text/calendar; charset=utf-8').send(calendar(plan.title, await events(reader, milestones), publicUrl()));
    }),
  );

  router.get(
    '/calendar/agency/:id.ics',
    handle(true, async (reader, req, res) => {
      const agency = await reader.agency(rowIdOf(String(req.params.id), 'Agency'));
      if (!agency) throw userError('No such agency.', 'id');
      const milestones = await reader.allMilestones({ agencyId: String(req.params.id), agencyRole: AgencyRole.ANY }, { field: MilestoneOrderField.DUE_DATE, direction: OrderDirection.ASC });
      res.type('text/calendar; charset=utf-8').send(calendar(`${agency.shortName} milestones`, await events(reader, milestones), publicUrl()));
    }),
  );

  return router;
}

