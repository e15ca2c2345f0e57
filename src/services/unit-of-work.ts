/**
 * The unit of work every write shares: one open transaction and its actor, with optimistic
 * locking, audit entries and the scope checks on milestones bound to it.
 */
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { canChangeMilestoneAccess, canEditMilestone, canSeeMilestone, milestoneParties, MilestoneParties, Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { IsoDate } from '../domain/dates';
import { AuditEntry, Milestone, MilestonePartner, Plan } from '../entities';
import { NodeTypeName } from '../entities/global-id';
import { conflict, forbidden, notFound } from './errors';
import { rowIdOf } from './ids';
import { WriteLock } from './write-lock';

export type Versioned = ObjectLiteral & { rowId: number; version: number };

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

/**
 * Base of the write services: each change runs serialised with other writes, in one
 * transaction, audited. A change made as part of a larger one (a CSV import) is given that
 * one's open Transaction instead of a viewer, and joins it.
 */
export abstract class Writer {
  constructor(
    protected readonly ds: DataSource,
    protected readonly clock: Clock,
    private readonly lock: WriteLock,
  ) {}

  protected run<T>(work: (tx: Transaction) => Promise<T>, by: Viewer | Transaction): Promise<T> {
    if (by instanceof Transaction) return work(by);
    return this.lock.transaction(this.ds, (em) => work(new Transaction(em, this.clock, by)));
  }

  /**
   * Runs many changes in one transaction, all or nothing: committed only when `work` returns
   * `commit: true`; otherwise everything it wrote is rolled back (a dry run, or a batch with errors).
   * Reads inside the batch go through `tx.em` to see its own earlier writes (on PostgreSQL a read
   * through the DataSource would take another pooled connection and not see them).
   */
  protected async batch<T>(viewer: Viewer, work: (tx: Transaction) => Promise<{ commit: boolean; result: T }>): Promise<T> {
    let outcome: { commit: boolean; result: T } | undefined;
    try {
      await this.lock.transaction(this.ds, async (em) => {
        outcome = await work(new Transaction(em, this.clock, viewer));
        if (!outcome.commit) throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return outcome!.result;
  }
}

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
    return milestoneParties(milestone, await this.em.findBy(MilestonePartner, { milestoneId: milestone.rowId }));
  }

  async requireUnique<T extends Versioned>(entity: EntityTarget<T>, where: Partial<T>, message: string, exceptRowId?: number): Promise<void> {
    const existing = await this.em.findOneBy(entity, where as never);
    if (existing && existing.rowId !== exceptRowId) throw conflict(message);
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
}
