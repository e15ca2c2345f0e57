/**
 * CSV import of milestones and progress updates for plan owners. Every row goes through the same
 * writer (validation, scope, audit) as the API, inside one transaction: a dry run always rolls it
 * back, an apply commits only when no row has a problem. Problems are reported by row and column.
 */
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { Viewer } from '../domain/access';
import { Clock } from '../domain/clock';
import { isValidIsoDate } from '../domain/dates';
import { Role, Visibility } from '../domain/enums';
import { ErrorCode } from '../domain/refusal';
import { Agency, Goal, Milestone, Plan } from '../entities';
import { toGlobalId } from '../entities/global-id';
import { csvCellValue } from './csv';
import { CairnError, notFound, userError } from './errors';
import { rowIdOf } from './ids';
import { MilestoneLifecycleWriter, ProgressReport } from './milestone-lifecycle-writer';
import { MilestoneChanges, MilestoneWriter, NewMilestone } from './milestone-writer';
import { Transaction, Writer } from './unit-of-work';
import { visibleMilestones } from './visibility';
import { WriteLock } from './write-lock';

export enum ImportKind {
  MILESTONES = 'MILESTONES',
  PROGRESS_UPDATES = 'PROGRESS_UPDATES',
}

export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  [ImportKind.MILESTONES]: { required: ['code'], optional: ['goal', 'title', 'description', 'leadAgency', 'startDate', 'startDateReason', 'dueDate', 'dueDateReason', 'weight', 'visibility'] },
  [ImportKind.PROGRESS_UPDATES]: { required: ['code', 'percentComplete'], optional: ['reportedOn', 'note'] },
};

export interface ImportProblem {
  /** Spreadsheet row: the header is row 1. */
  row: number;
  column: string | null;
  message: string;
}

export interface ImportResult {
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  problems: ImportProblem[];
}

type Row = Record<string, string>;

/** The writer's refusals that are a row's problem; any other error stops the import. */
const ROW_PROBLEMS = new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.FORBIDDEN]);

/** A problem in one row, raised to skip the rest of that row. */
class RowProblem extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

function text(row: Row, column: string): string | undefined {
  const value = row[column];
  return value === undefined || value === '' ? undefined : csvCellValue(value);
}

function date(row: Row, column: string): string | undefined {
  const value = text(row, column);
  if (value !== undefined && !isValidIsoDate(value)) throw new RowProblem(column, `"${column}" must be a date YYYY-MM-DD that exists.`);
  return value;
}

function number(row: Row, column: string): number | undefined {
  const value = text(row, column);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RowProblem(column, `"${column}" must be a number.`);
  return n;
}

/** The first thing wrong with an input, by field. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * The checks (lengths, ranges) the API applies to a mutation's input before a writer sees it.
 * They are declared on the GraphQL input types, which supply them here, so that a row is held
 * to the same ones.
 */
export interface ApiInputChecks {
  newMilestone(input: NewMilestone): Promise<InputProblem | null>;
  milestoneChanges(input: MilestoneChanges): Promise<InputProblem | null>;
  progressReport(input: ProgressReport): Promise<InputProblem | null>;
}

async function check(problem: Promise<InputProblem | null>): Promise<void> {
  const found = await problem;
  if (found) throw new RowProblem(found.field, found.message);
}

export class CsvImporter extends Writer {
  constructor(
    ds: DataSource,
    clock: Clock,
    lock: WriteLock,
    private readonly milestones: MilestoneWriter,
    private readonly lifecycle: MilestoneLifecycleWriter,
    private readonly inputChecks: ApiInputChecks,
  ) {
    super(ds, clock, lock);
  }

  async import(planId: string, kind: ImportKind, csv: string, apply: boolean, viewer: Viewer): Promise<ImportResult> {
    const plan = await this.ds.getRepository(Plan).findOneBy({ rowId: rowIdOf(planId, 'Plan', 'planId') });
    if (!plan) throw notFound('plan', 'planId');
    let rows: Row[];
    try {
      rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      return { applied: false, rows: 0, created: 0, updated: 0, problems: [{ row: line ?? 1, column: null, message: `The file is not valid CSV: ${(error as Error).message.split(':')[0]}.` }] };
    }
    if (rows.length > MAX_IMPORT_ROWS) throw userError(`The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`, 'csv');
    const header = rows.length ? Object.keys(rows[0]) : csv.split(/\r?\n/)[0].split(',').map((c) => c.trim());
    const { required, optional } = IMPORT_COLUMNS[kind];
    const problems: ImportProblem[] = [
      ...required.filter((c) => !header.includes(c)).map((c) => ({ row: 1, column: c, message: `The column "${c}" is missing.` })),
      ...header.flatMap((c, i) => (required.includes(c) || optional.includes(c) ? [] : [{ row: 1, column: null, message: `Column ${i + 1} is not a known column; expected ${[...required, ...optional].join(', ')}.` }])),
    ];
    if (problems.length) return { applied: false, rows: rows.length, created: 0, updated: 0, problems };

    // Every row's changes join the batch's one transaction, and its reads go through it.
    return this.batch(viewer, async (tx) => {
      const counts = { created: 0, updated: 0 };
      for (const [index, row] of rows.entries()) {
        try {
          const outcome = kind === ImportKind.MILESTONES ? await this.milestoneRow(tx, plan, row) : await this.progressRow(tx, plan, row);
          counts[outcome] += 1;
        } catch (error) {
          problems.push(this.problem(index + 2, error));
        }
      }
      const commit = apply && problems.length === 0;
      return { commit, result: { applied: commit, rows: rows.length, ...counts, problems } };
    });
  }

  private problem(row: number, error: unknown): ImportProblem {
    if (error instanceof RowProblem) return { row, column: error.column, message: error.message };
    if (error instanceof CairnError && ROW_PROBLEMS.has(error.code)) return { row, column: error.field ?? null, message: error.message };
    throw error;
  }

  /** The milestone with this code, if the viewer may see it (a restricted one does not exist for others). */
  private milestone(tx: Transaction, plan: Plan, code: string): Promise<Milestone | null> {
    const query = tx.em.getRepository(Milestone).createQueryBuilder('m').where('m.plan_id = :planId AND m.code = :code', { planId: plan.rowId, code });
    return visibleMilestones(query, 'm', tx.viewer).getOne();
  }

  private async lookup(tx: Transaction, plan: Plan, row: Row): Promise<{ goalId?: string; leadAgencyId?: string }> {
    const ids: { goalId?: string; leadAgencyId?: string } = {};
    const goalCode = text(row, 'goal');
    if (goalCode !== undefined) {
      const goal = await tx.em.getRepository(Goal).findOneBy({ planId: plan.rowId, code: goalCode });
      if (!goal) throw new RowProblem('goal', 'No goal with this code in this plan.');
      ids.goalId = toGlobalId('Goal', goal.rowId);
    }
    const lead = text(row, 'leadAgency');
    if (lead !== undefined) {
      const agency = await tx.em.getRepository(Agency).findOneBy({ shortName: lead });
      if (!agency) throw new RowProblem('leadAgency', 'No agency with this short name.');
      ids.leadAgencyId = toGlobalId('Agency', agency.rowId);
    }
    return ids;
  }

  private async milestoneRow(tx: Transaction, plan: Plan, row: Row): Promise<'created' | 'updated'> {
    const code = text(row, 'code');
    if (!code) throw new RowProblem('code', 'Every row needs a code.');
    const visibility = text(row, 'visibility');
    if (visibility !== undefined && !(Object.values(Visibility) as string[]).includes(visibility)) throw new RowProblem('visibility', 'visibility must be PUBLIC or PARTNERS.');
    const fields = {
      title: text(row, 'title'),
      description: text(row, 'description'),
      weight: number(row, 'weight'),
      visibility: visibility as Visibility | undefined,
    };
    const startDate = date(row, 'startDate');
    const dueDate = date(row, 'dueDate');
    const { goalId, leadAgencyId } = await this.lookup(tx, plan, row);
    const existing = await this.milestone(tx, plan, code);
    if (!existing) {
      // The API lets only admins create milestones (the authChecker guards createMilestone); so does the import.
      if (tx.viewer.role !== Role.ADMIN) throw new RowProblem('code', 'No milestone with this code in this plan; only an admin can create one.');
      if (!goalId) throw new RowProblem('goal', 'A new milestone needs the code of its goal.');
      if (!leadAgencyId) throw new RowProblem('leadAgency', 'A new milestone needs its lead agency.');
      if (!fields.title) throw new RowProblem('title', 'A new milestone needs its title.');
      if (!startDate || !dueDate) throw new RowProblem(startDate ? 'dueDate' : 'startDate', 'A new milestone needs its start and due dates.');
      const input: NewMilestone = { ...fields, code, goalId, leadAgencyId, startDate, dueDate, title: fields.title };
      await check(this.inputChecks.newMilestone(input));
      await this.milestones.createMilestone(input, tx);
      return 'created';
    }
    const id = toGlobalId('Milestone', existing.rowId);
    const input: MilestoneChanges = Object.fromEntries(Object.entries({ ...fields, goalId, leadAgencyId }).filter(([, v]) => v !== undefined));
    await check(this.inputChecks.milestoneChanges(input));
    await this.milestones.updateMilestone(id, input, undefined, tx);
    const moves = [
      { column: 'startDate', from: existing.startDate, to: startDate, move: (reason: string) => this.lifecycle.moveStartDate(id, startDate!, reason, undefined, tx) },
      { column: 'dueDate', from: existing.dueDate, to: dueDate, move: (reason: string) => this.lifecycle.moveDueDate(id, dueDate!, reason, undefined, tx) },
    ].filter((m) => m.to !== undefined && m.to !== m.from);
    // A start moving past the old due date can only follow the due date's move; otherwise the start goes first.
    if (startDate !== undefined && startDate > existing.dueDate) moves.reverse();
    for (const { column, from, to, move } of moves) {
      const reason = text(row, `${column}Reason`);
      if (!reason) throw new RowProblem(`${column}Reason`, `Moving ${existing.code}'s ${column === 'startDate' ? 'start' : 'due'} date from ${from} to ${to} needs a reason.`);
      await move(reason);
    }
    return 'updated';
  }

  private async progressRow(tx: Transaction, plan: Plan, row: Row): Promise<'created'> {
    const code = text(row, 'code');
    if (!code) throw new RowProblem('code', 'Every row needs a code.');
    const existing = await this.milestone(tx, plan, code);
    if (!existing) throw new RowProblem('code', 'No milestone with this code in this plan.');
    const percentComplete = number(row, 'percentComplete');
    if (percentComplete === undefined) throw new RowProblem('percentComplete', 'Give percentComplete (0–100).');
    const input: ProgressReport = { milestoneId: toGlobalId('Milestone', existing.rowId), percentComplete, reportedOn: date(row, 'reportedOn'), note: text(row, 'note') };
    await check(this.inputChecks.progressReport(input));
    await this.lifecycle.reportProgress(input, tx);
    return 'created';
  }
}
