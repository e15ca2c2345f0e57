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
import { MilestoneStatus, Visibility } from '../domain/enums';
import { Milestone } from '../entities';
import { RequestContext } from '../graphql/context';
import { AgencyRole, MilestoneOrderField, OrderDirection } from '../graphql/enums';
import { MilestoneFilter, MilestoneOrder } from '../graphql/types';
import { csvFile } from '../services/csv';
import { userError } from '../services/errors';
import { rowIdOf } from '../services/ids';
import { sendError } from './errors';

export type ContextFor = (req: Request, tokenFromQuery: boolean) => Promise<RequestContext>;

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

async function csvRows(ctx: RequestContext, milestones: Milestone[], asOf: string | undefined): Promise<string[][]> {
  const loaders = ctx.reader.loaders;
  return Promise.all(
    milestones.map(async (m) => {
      const [a, goal, lead, links] = await Promise.all([ctx.reader.assess(m, asOf), loaders.goal.load(m.goalId), loaders.agency.load(m.leadAgencyId), loaders.partnersByMilestone.load(m.rowId)]);
      const partners = await Promise.all(links.map(async (l) => `${(await loaders.agency.load(l.agencyId))?.shortName} (${l.role})`));
      const completedOn = m.completedOn && m.completedOn <= a.asOf ? m.completedOn : '';
      const cancelledOn = m.cancelledOn && m.cancelledOn <= a.asOf ? m.cancelledOn : '';
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

  const handle = (tokenFromQuery: boolean, work: (ctx: RequestContext, req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await work(await contextFor(req, tokenFromQuery), req, res);
    } catch (error) {
      sendError(res, error, 'Export');
    }
  };

  router.get(
    '/export/milestones.csv',
    handle(false, async (ctx, req, res) => {
      const filter = filterFrom(req);
      const milestones = await ctx.search.all(filter, orderFrom(req));
      const csv = csvFile([CSV_COLUMNS, ...(await csvRows(ctx, milestones, filter.asOf))]);
      res.type('text/csv; charset=utf-8').attachment('milestones.csv').send(csv);
    }),
  );

  const events = async (ctx: RequestContext, milestones: Milestone[]) =>
    Promise.all(
      milestones.map(async (m) => {
        const a = await ctx.reader.assess(m);
        return { m, lead: (await ctx.reader.loaders.agency.load(m.leadAgencyId))?.shortName ?? '', status: a.status, reason: a.statusReason };
      }),
    );

  router.get(
    '/calendar/plan/:id.ics',
    handle(true, async (ctx, req, res) => {
      const plan = await ctx.reader.loaders.plan.load(rowIdOf(String(req.params.id), 'Plan'));
      if (!plan) throw userError('No such plan.', 'id');
      const milestones = await ctx.search.all({ planId: String(req.params.id) }, { field: MilestoneOrderField.DUE_DATE, direction: OrderDirection.ASC });
      res.type('text/calendar; charset=utf-8').send(calendar(plan.title, await events(ctx, milestones), publicUrl()));
    }),
  );

  router.get(
    '/calendar/agency/:id.ics',
    handle(true, async (ctx, req, res) => {
      const agency = await ctx.reader.loaders.agency.load(rowIdOf(String(req.params.id), 'Agency'));
      if (!agency) throw userError('No such agency.', 'id');
      const milestones = await ctx.search.all({ agencyId: String(req.params.id), agencyRole: AgencyRole.ANY }, { field: MilestoneOrderField.DUE_DATE, direction: OrderDirection.ASC });
      res.type('text/calendar; charset=utf-8').send(calendar(`${agency.shortName} milestones`, await events(ctx, milestones), publicUrl()));
    }),
  );

  return router;
}

