/**
 * The machinery every write shares: input clean-up, validation helpers, optimistic locking,
 * audit entries, and the scope checks on milestones, bound to one open transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { canChangeMilestoneAccess, canEditMilestone, canSeeMilestone, MilestoneParties, Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { isValidTimeZone, IsoDate } from '../domain/dates';
import { PartnerRole } from '../domain/enums';
import { Agency, AuditEntry, Committee, CommitteeMember, Goal, Milestone, MilestoneDependency, MilestonePartner, Plan } from '../entities';
import { fromGlobalId, NodeTypeName } from '../entities/global-id';
import { MAX } from '../entities/limits';
import { conflict, forbidden, notFound, userError } from './errors';
import { visibleMilestones } from './visibility';
import { WriteLock } from './write-lock';

export type Versioned = ObjectLiteral & { rowId: number; version: number };

/** Decodes a global ID of the expected type; anything else is the caller's mistake. */
export function rowIdOf(globalId: string, type: NodeTypeName, field = 'id'): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw userError(`${field} is not a ${type} ID.`, field);
  return decoded.id;
}

/** Surrounding spaces are never meant: "G4.M4 " and "G4.M4" are one code. */
function trimmed<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value])) as T;
}

/** A create input, trimmed, with explicit nulls dropped: a null optional field gets its default, as if left out. */
export function createInput<T extends object>(input: T): T {
  return trimmed(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as T);
}

/** An update input, trimmed; it may set to null only the links that can be cleared. */
export function updateInput<T extends object>(input: T, clearable: string[] = []): T {
  for (const [key, value] of Object.entries(input)) {
    if (value === null && !clearable.includes(key)) throw userError(`${key} cannot be null: leave it out to keep the current value.`, key);
  }
  return trimmed(input);
}

export function requireText(value: string | undefined, field: string): void {
  if (value !== undefined && value.trim() === '') throw userError(`${field} must not be blank.`, field);
}

export function requireWeight(weight: number | undefined): void {
  if (weight !== undefined && !(Number.isFinite(weight) && weight > 0 && weight <= 1000)) throw userError(`weight must be greater than 0 and at most 1000, got ${weight}.`, 'weight');
}

export function requireTimeZone(timeZone: string | undefined): void {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw userError('timeZone is not an IANA time zone (e.g. America/Los_Angeles).', 'timeZone');
}

function plainValues(row: ObjectLiteral): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (['version', 'createdAt', 'updatedAt'].includes(key)) continue;
    values[key] = value instanceof Date ? value.toISOString() : value;
  }
  return values;
}

/** { field: { before, after } } for the fields that differ. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

/** Base of the write services: each mutation runs serialised with other writes, in one transaction, audited. */
export abstract class Writer {
  constructor(
    protected readonly ds: DataSource,
    protected readonly clock: Clock,
    private readonly lock: WriteLock,
  ) {}

  protected run<T>(work: (tx: Transaction) => Promise<T>, viewer: Viewer): Promise<T> {
    // Inside a batch (a CSV import), every change joins the batch's one transaction.
    const batch = batchTransaction.getStore();
    if (batch) return work(batch);
    return this.lock.transaction(this.ds, (em) => work(new Transaction(em, this.clock, viewer)));
  }

  /**
   * Where to read inside a batch: its transaction, which holds the batch's own earlier writes.
   * (On SQLite every read shares the one connection; on PostgreSQL a read through the
   * DataSource would take another pooled connection and not see them.)
   */
  protected get batchReads(): EntityManager {
    return batchTransaction.getStore()?.em ?? this.ds.manager;
  }

  /**
   * Runs many changes in one transaction, all or nothing: committed only when `work` returns
   * `commit: true`; otherwise everything it wrote is rolled back (a dry run, or a batch with errors).
   */
  protected async batch<T>(viewer: Viewer, work: () => Promise<{ commit: boolean; result: T }>): Promise<T> {
    let outcome: { commit: boolean; result: T } | undefined;
    try {
      await this.lock.transaction(this.ds, async (em) => {
        outcome = await batchTransaction.run(new Transaction(em, this.clock, viewer), work);
        if (!outcome.commit) throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return outcome!.result;
  }
}

const batchTransaction = new AsyncLocalStorage<Transaction>();
const ROLLBACK = new Error('rollback');

/** Helpers bound to one open transaction and its actor. */
export class Transaction {
  constructor(
    readonly em: EntityManager,
    private readonly clock: Clock,
    readonly viewer: Viewer,
  ) {}

  /** The name recorded as author and in the audit trail. */
  get actor(): string {
    return this.viewer.name;
  }

  today(plan: Plan): IsoDate {
    return this.clock.today(plan.timeZone);
  }

  async find<T extends Versioned>(entity: EntityTarget<T> & { name: string }, globalId: string, field = 'id'): Promise<T> {
    const type = entity.name as NodeTypeName;
    const row = await this.em.findOneBy(entity, { rowId: rowIdOf(globalId, type, field) } as never);
    if (!row) throw notFound(type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), field);
    return row;
  }

  /** A milestone this viewer may see; a restricted one is NOT_FOUND, so its existence does not leak. */
  async visibleMilestone(globalId: string, field = 'id'): Promise<Milestone> {
    const milestone = await this.find(Milestone, globalId, field);
    if (!canSeeMilestone(this.viewer, await this.parties(milestone))) throw notFound('milestone', field);
    return milestone;
  }

  /** A milestone this viewer may change: admins any, editors those their agency leads or partners on. */
  async editableMilestone(globalId: string, field = 'id'): Promise<Milestone> {
    const milestone = await this.visibleMilestone(globalId, field);
    if (!canEditMilestone(this.viewer, await this.parties(milestone))) {
      throw forbidden(`You may change only milestones your agency leads or partners on; ${milestone.code} is not one of them.`);
    }
    return milestone;
  }

  /** Refuses a change of who may see or edit a milestone (`what`: "the visibility of", …) to partners' editors. */
  requireAccessChange(milestone: Milestone, what: string): void {
    if (!canChangeMilestoneAccess(this.viewer, milestone)) throw forbidden(`Only admins and editors of its lead agency may change ${what} ${milestone.code}.`);
  }

  private async parties(milestone: Milestone): Promise<MilestoneParties> {
    const partners = await this.em.findBy(MilestonePartner, { milestoneId: milestone.rowId });
    return { visibility: milestone.visibility, leadAgencyId: milestone.leadAgencyId, partnerAgencyIds: partners.map((p) => p.agencyId) };
  }

  async requireUnique<T extends Versioned>(entity: EntityTarget<T>, where: Partial<T>, message: string, exceptRowId?: number): Promise<void> {
    const existing = await this.em.findOneBy(entity, where as never);
    if (existing && existing.rowId !== exceptRowId) throw conflict(message);
  }

  async requireUniqueAgency(name: string | undefined, shortName: string | undefined, exceptRowId?: number): Promise<void> {
    if (name !== undefined) await this.requireUnique(Agency, { name }, 'An agency with this name already exists.', exceptRowId);
    if (shortName !== undefined) await this.requireUnique(Agency, { shortName }, 'An agency with this short name already exists.', exceptRowId);
  }

  requireTimeline(plan: Plan, startDate: IsoDate, dueDate: IsoDate): void {
    if (startDate > dueDate) throw userError(`The due date ${dueDate} is before the start date ${startDate}.`, 'dueDate');
    if (startDate < plan.startDate || startDate > plan.endDate) throw userError(`The start date ${startDate} is outside the plan (${plan.startDate} … ${plan.endDate}).`, 'startDate');
    if (dueDate < plan.startDate || dueDate > plan.endDate) throw userError(`The due date ${dueDate} is outside the plan (${plan.startDate} … ${plan.endDate}).`, 'dueDate');
  }

  requireWithinPlan(plan: Plan, date: IsoDate, field: string): void {
    if (date < plan.startDate || date > plan.endDate) throw userError(`${field} ${date} is outside the plan (${plan.startDate} … ${plan.endDate}).`, field);
  }

  requirePastOrToday(plan: Plan, date: IsoDate, field: string): void {
    const today = this.today(plan);
    if (date > today) throw userError(`${field} ${date} is in the future (today is ${today} in ${plan.timeZone}).`, field);
  }

  requireReason(reason: string): void {
    if (reason.trim() === '') throw userError('A reason is required.', 'reason');
    if (reason.length > MAX.reason) throw userError(`The reason must be at most ${MAX.reason} characters.`, 'reason');
  }

  async insert<T extends ObjectLiteral & { rowId: number }>(entity: EntityTarget<T>, values: Partial<T>, action: string, planOf: ((row: T) => number) | null, milestoneId?: number): Promise<T> {
    const row = await this.em.save(this.em.create(entity, values as never));
    const saved = row as unknown as T;
    const planId = planOf ? planOf(saved) : null;
    await this.audit(action, (entity as { name: string }).name, saved.rowId, planId, diff({}, plainValues(saved)), milestoneId);
    return saved;
  }

  /**
   * Compare-and-set on the version column: the UPDATE only matches the version the caller saw
   * (or, without `expectedVersion`, the version just read), so concurrent writers cannot both win.
   */
  async update<T extends Versioned>(
    row: T,
    changes: Partial<T>,
    expectedVersion: number | undefined,
    action: string,
    planId: number | null,
    alwaysAudit = false,
    extra: Record<string, { before: unknown; after: unknown }> = {},
  ): Promise<T> {
    const entity = row.constructor as EntityTarget<T> & { name: string };
    // null (an optional variable left unset) means no check, like an omitted argument.
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== row.version) {
      throw conflict(`${entity.name} was changed by someone else (now version ${row.version}, you expected ${expectedVersion}). Reload and try again.`, { currentVersion: row.version });
    }
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
    const changed = diff(plainValues(row), { ...plainValues(row), ...defined });
    if (Object.keys(changed).length === 0 && !alwaysAudit) return row;
    const result = await this.em
      .createQueryBuilder()
      .update(entity)
      .set({ ...defined, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id: row.rowId, version: row.version })
      .execute();
    if (result.affected !== 1) {
      const current = await this.em.findOneBy(entity, { rowId: row.rowId } as never);
      throw conflict(`${entity.name} was changed by someone else (now version ${current?.version}). Reload and try again.`, { currentVersion: current?.version ?? null });
    }
    await this.audit(action, entity.name, row.rowId, planId, { ...changed, ...extra });
    return (await this.em.findOneBy(entity, { rowId: row.rowId } as never))!;
  }

  /** One audit entry; `milestoneId` ties it to a milestone so the trail is hidden wherever the milestone is. */
  async audit(
    action: string,
    entityType: string,
    entityRowId: number,
    planId: number | null,
    changes: Record<string, unknown>,
    milestoneId: number | null = entityType === 'Milestone' ? entityRowId : null,
    relatedMilestoneId: number | null = null,
  ): Promise<void> {
    await this.em.insert(AuditEntry, {
      milestoneId,
      relatedMilestoneId,
      occurredAt: this.clock.now().toISOString(),
      actor: this.actor,
      actorUserId: this.viewer.userId,
      action,
      entityType,
      entityRowId,
      planId,
      changes: JSON.stringify(changes),
    });
  }

  async setCommitteeMembers(committee: Committee, agencyIds: string[]): Promise<void> {
    const agencies = await Promise.all(agencyIds.map((id) => this.find(Agency, id, 'memberAgencyIds')));
    const before = await this.em.findBy(CommitteeMember, { committeeId: committee.rowId });
    await this.em.delete(CommitteeMember, { committeeId: committee.rowId });
    const unique = [...new Map(agencies.map((a) => [a.rowId, a])).values()];
    if (unique.length > 0) await this.em.insert(CommitteeMember, unique.map((a) => ({ committeeId: committee.rowId, agencyId: a.rowId })));
    const beforeIds = before.map((m) => m.agencyId).sort((a, b) => a - b);
    const afterIds = unique.map((a) => a.rowId).sort((a, b) => a - b);
    if (JSON.stringify(beforeIds) !== JSON.stringify(afterIds)) {
      await this.audit('setCommitteeMembers', 'Committee', committee.rowId, committee.planId, { memberAgencyIds: { before: beforeIds, after: afterIds } });
    }
  }

  /** Resolves and checks a goal's parent, committee and lead agency (same plan; no cycles). */
  async goalLinks(planId: number, input: { parentId?: string | null; committeeId?: string | null; leadAgencyId?: string | null }, goal?: Goal): Promise<Partial<Goal>> {
    const links: Partial<Goal> = {};
    if (input.parentId !== undefined) {
      if (input.parentId === null) links.parentId = null;
      else {
        const parent = await this.find(Goal, input.parentId, 'parentId');
        if (parent.planId !== planId) throw userError(`Goal ${parent.code} belongs to another plan.`, 'parentId');
        if (goal) {
          const goals = await this.em.findBy(Goal, { planId });
          const byId = new Map(goals.map((g) => [g.rowId, g]));
          for (let g: Goal | undefined = parent; g; g = g.parentId === null ? undefined : byId.get(g.parentId)) {
            if (g.rowId === goal.rowId) throw userError(`Goal ${goal.code} cannot be nested under ${parent.code}, which is inside it.`, 'parentId');
          }
        }
        links.parentId = parent.rowId;
      }
    }
    if (input.committeeId !== undefined) {
      if (input.committeeId === null) links.committeeId = null;
      else {
        const committee = await this.find(Committee, input.committeeId, 'committeeId');
        if (committee.planId !== planId) throw userError(`Committee "${committee.name}" belongs to another plan.`, 'committeeId');
        links.committeeId = committee.rowId;
      }
    }
    if (input.leadAgencyId !== undefined) links.leadAgencyId = input.leadAgencyId === null ? null : (await this.find(Agency, input.leadAgencyId, 'leadAgencyId')).rowId;
    return links;
  }

  async addPartner(milestone: Milestone, agencyId: string, role: PartnerRole): Promise<void> {
    const agency = await this.find(Agency, agencyId, 'agencyId');
    if (agency.rowId === milestone.leadAgencyId) throw userError(`${agency.shortName} leads ${milestone.code}; a lead agency is not also a partner.`, 'agencyId');
    const existing = await this.em.findOneBy(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId });
    if (existing?.role === role) return;
    await this.em.save(MilestonePartner, { milestoneId: milestone.rowId, agencyId: agency.rowId, role });
    await this.audit('addPartner', 'Milestone', milestone.rowId, milestone.planId, {
      partner: { before: existing ? `${agency.shortName} (${existing.role})` : null, after: `${agency.shortName} (${role})` },
    });
  }

  /** Adds "milestone depends on upstream", refusing other plans and cycles (naming the cycle). */
  async addDependency(milestone: Milestone, dependsOnId: string): Promise<void> {
    const upstream = await this.visibleMilestone(dependsOnId, 'dependsOnId');
    if (upstream.planId !== milestone.planId) throw userError(`${upstream.code} belongs to another plan; dependencies stay within one plan.`, 'dependsOnId');
    if (upstream.rowId === milestone.rowId) throw userError(`${milestone.code} cannot depend on itself.`, 'dependsOnId');
    const links = await this.em
      .getRepository(MilestoneDependency)
      .createQueryBuilder('d')
      .innerJoin(Milestone, 'm', 'm.id = d.milestone_id')
      .where('m.plan_id = :planId', { planId: milestone.planId })
      .getMany();
    if (links.some((l) => l.milestoneId === milestone.rowId && l.dependsOnId === upstream.rowId)) return;
    const path = findPath(links, upstream.rowId, milestone.rowId);
    if (path) {
      const query = this.em.getRepository(Milestone).createQueryBuilder('m').where('m.id IN (:...path)', { path });
      const rows = await visibleMilestones(query, 'm', this.viewer).getMany();
      const codes = new Map(rows.map((r) => [r.rowId, r.code]));
      const cycle = [milestone.code, ...path.map((id) => codes.get(id) ?? 'a restricted milestone')].join(' → ');
      throw userError(`${milestone.code} cannot depend on ${upstream.code}: that would make a cycle ${cycle}.`, 'dependsOnId');
    }
    await this.em.insert(MilestoneDependency, { milestoneId: milestone.rowId, dependsOnId: upstream.rowId });
    await this.audit('addDependency', 'Milestone', milestone.rowId, milestone.planId, { dependsOn: { before: null, after: upstream.code } }, milestone.rowId, upstream.rowId);
  }
}

/** The chain of "depends on" links from `from` to `to`, if any (breadth-first, so the shortest). */
function findPath(links: MilestoneDependency[], from: number, to: number): number[] | null {
  const upstreamOf = new Map<number, number[]>();
  for (const l of links) upstreamOf.set(l.milestoneId, [...(upstreamOf.get(l.milestoneId) ?? []), l.dependsOnId]);
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) {
      const path = [current];
      while (path[0] !== from) path.unshift(previous.get(path[0])!);
      return path;
    }
    for (const next of upstreamOf.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}
