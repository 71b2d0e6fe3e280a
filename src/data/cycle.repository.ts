/**
 * Cycles: one row per fiscal year's round of plans, with its schedule and settings as JSON.
 */
import { DEFAULT_SETTINGS, type Cycle, type CycleSettings } from '../domain/workflow/cycle.ts';
import type { Deadlines } from '../domain/workflow/deadlines.ts';
import { deadlinesOf, scheduleOf, type Milestone, type Schedule } from '../domain/workflow/schedule.ts';
import type { FiscalYear } from '../domain/time/fiscal-year.ts';
import type { Executor } from './batch.ts';

interface CycleRow {
  id: number;
  fiscal_year: number;
  title: string;
  status: string;
  deadlines: string;
  settings: string;
  schedule: string | null;
  row_version: number;
  created_at: string;
}

function toCycle(r: CycleRow): Cycle {
  const schedule = r.schedule ? (JSON.parse(r.schedule) as Milestone[]) : scheduleOf(JSON.parse(r.deadlines) as Deadlines);
  return {
    id: Number(r.id),
    fiscalYear: r.fiscal_year as FiscalYear,
    title: r.title,
    status: r.status,
    schedule,
    deadlines: deadlinesOf(schedule),
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(r.settings) as Partial<CycleSettings>) },
    rowVersion: Number(r.row_version),
    openedAt: r.created_at,
  };
}

export async function listCycles(db: Executor): Promise<Cycle[]> {
  return (await db.selectFrom('cycle').selectAll().orderBy('fiscal_year', 'desc').execute()).map(toCycle);
}

export async function getCycle(db: Executor, id: number): Promise<Cycle | null> {
  const r = await db.selectFrom('cycle').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCycle(r) : null;
}

export async function cycleIdOfFiscalYear(db: Executor, fy: FiscalYear): Promise<number | null> {
  const r = await db.selectFrom('cycle').select('id').where('fiscal_year', '=', fy).executeTakeFirst();
  return r ? Number(r.id) : null;
}

export async function insertCycle(db: Executor, c: { fiscalYear: FiscalYear; title: string; schedule: Schedule; settings: CycleSettings; at: string }): Promise<number> {
  const r = await db
    .insertInto('cycle')
    .values({ fiscal_year: c.fiscalYear, title: c.title, status: 'open', deadlines: JSON.stringify(deadlinesOf(c.schedule)), schedule: JSON.stringify(c.schedule), settings: JSON.stringify(c.settings), created_at: c.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Stores a new schedule if the cycle is still at the row version read; false if someone changed it since. */
export async function updateScheduleIf(db: Executor, id: number, expectedRowVersion: number, schedule: Schedule): Promise<boolean> {
  const r = await db
    .updateTable('cycle')
    .set({ schedule: JSON.stringify(schedule), deadlines: JSON.stringify(deadlinesOf(schedule)), row_version: expectedRowVersion + 1 })
    .where('id', '=', id)
    .where('row_version', '=', expectedRowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
