/**
 * Plans, their versions and the release of their funds. A plan row changes only through
 * `updatePlanIf` (optimistic concurrency: the row version read must still be there).
 */
import type { BudgetLine } from '../domain/workflow/budget.ts';
import type { PlanContent } from '../domain/workflow/content.ts';
import type { IsoDate } from '../domain/time/fiscal-year.ts';
import type { Selectable } from 'kysely';
import { byPlan, type Executor } from './batch.ts';
import type { PlanTable } from './schema.ts';

/** A plan row as stored (schema.ts's PlanTable), its numbers as numbers on both dialects. */
export type PlanRow = Selectable<PlanTable>;

export type PlanUpdate = Partial<Omit<PlanRow, 'id' | 'cycle_id' | 'district_code' | 'allocation_cents' | 'deadline_extensions'>>;

function toRow(r: PlanRow): PlanRow {
  return { ...r, id: Number(r.id), cycle_id: Number(r.cycle_id), allocation_cents: Number(r.allocation_cents), row_version: Number(r.row_version), current_version: Number(r.current_version), funds_released: Number(r.funds_released), amendment: Number(r.amendment), published: Number(r.published) };
}

export async function getPlan(db: Executor, id: number): Promise<PlanRow | null> {
  const r = await db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

/** The district a plan belongs to (what permissions are checked against), or null. */
export async function districtOfPlan(db: Executor, id: number): Promise<string | null> {
  const r = await db.selectFrom('plan').select('district_code').where('id', '=', id).executeTakeFirst();
  return r?.district_code ?? null;
}

export async function plansOfCycle(db: Executor, cycleId: number, states?: readonly string[]): Promise<PlanRow[]> {
  let q = db.selectFrom('plan').selectAll().where('cycle_id', '=', cycleId);
  if (states) q = q.where('state', 'in', [...states]);
  return (await q.orderBy('district_code').execute()).map(toRow);
}

export async function publishedPlansOf(db: Executor, districtCode: string): Promise<PlanRow[]> {
  return (await db.selectFrom('plan').selectAll().where('district_code', '=', districtCode).where('published', '=', 1).execute()).map(toRow);
}

export async function planIdOf(db: Executor, cycleId: number, districtCode: string): Promise<number | null> {
  const r = await db.selectFrom('plan').select('id').where('cycle_id', '=', cycleId).where('district_code', '=', districtCode).executeTakeFirst();
  return r ? Number(r.id) : null;
}

export async function insertPlan(db: Executor, p: { cycleId: number; districtCode: string; allocationCents: number; at: string }): Promise<number> {
  const r = await db
    .insertInto('plan')
    .values({ cycle_id: p.cycleId, district_code: p.districtCode, allocation_cents: p.allocationCents, state: 'draft', current_version: 1, approved_version: null, board_approved_version: null, certified_version: null, reviewers: '[]', updated_at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Applies the update if the plan is still at the row version read; false if someone changed it since. */
export async function updatePlanIf(db: Executor, id: number, expectedRowVersion: number, set: PlanUpdate): Promise<boolean> {
  const r = await db.updateTable('plan').set(set).where('id', '=', id).where('row_version', '=', expectedRowVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Stores a plan's extensions if they are still those read; false if another extension came first. */
export async function updateExtensionsIf(db: Executor, id: number, expected: string, next: string): Promise<boolean> {
  const r = await db.updateTable('plan').set({ deadline_extensions: next }).where('id', '=', id).where('deadline_extensions', '=', expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface PlanVersion {
  readonly content: PlanContent;
  readonly budget: BudgetLine[];
  readonly hash: string;
  readonly createdAt: string;
  readonly createdBy: number;
}

const toVersion = (v: { content: string; budget: string; content_hash: string; created_at: string; created_by: number }): PlanVersion => ({ content: JSON.parse(v.content) as PlanContent, budget: JSON.parse(v.budget) as BudgetLine[], hash: v.content_hash, createdAt: v.created_at, createdBy: Number(v.created_by) });

export async function getVersion(db: Executor, planId: number, version: number): Promise<PlanVersion | null> {
  const v = await db.selectFrom('plan_version').selectAll().where('plan_id', '=', planId).where('version', '=', version).executeTakeFirst();
  return v ? toVersion(v) : null;
}

/** The approved version of each of these plans (one not approved is absent). */
export async function approvedVersionsOf(db: Executor, planIds: readonly number[]): Promise<Map<number, PlanVersion>> {
  const rows = await byPlan(
    planIds,
    (ids) => db.selectFrom('plan_version').innerJoin('plan', 'plan.id', 'plan_version.plan_id').whereRef('plan_version.version', '=', 'plan.approved_version').where('plan.id', 'in', ids).selectAll('plan_version').execute(),
    (r) => Number(r.plan_id),
  );
  const out = new Map<number, PlanVersion>();
  for (const [id, [v]] of rows) if (v) out.set(id, toVersion(v));
  return out;
}

export async function listVersions(db: Executor, planId: number): Promise<{ version: number; createdAt: string; createdBy: number; hash: string }[]> {
  const rows = await db.selectFrom('plan_version').select(['version', 'created_at', 'created_by', 'content_hash']).where('plan_id', '=', planId).orderBy('version').execute();
  return rows.map((x) => ({ version: Number(x.version), createdAt: x.created_at, createdBy: Number(x.created_by), hash: x.content_hash }));
}

export async function insertVersion(db: Executor, v: { planId: number; version: number; content: PlanContent; budget: readonly BudgetLine[]; hash: string; createdBy: number; at: string }): Promise<void> {
  await db.insertInto('plan_version').values({ plan_id: v.planId, version: v.version, content: JSON.stringify(v.content), budget: JSON.stringify(v.budget), content_hash: v.hash, created_by: v.createdBy, created_at: v.at }).execute();
}

export interface FundRelease {
  readonly amountCents: number;
  readonly date: IsoDate;
  readonly planId: number;
  readonly at: string;
}

/** The release of a cycle's funds to a district, if there has been one. */
export async function releaseOf(db: Executor, cycleId: number, districtCode: string): Promise<FundRelease | null> {
  const r = await db.selectFrom('fund_release').select(['amount_cents', 'released_on', 'plan_id', 'at']).where('cycle_id', '=', cycleId).where('district_code', '=', districtCode).executeTakeFirst();
  return r ? { amountCents: Number(r.amount_cents), date: r.released_on as IsoDate, planId: Number(r.plan_id), at: r.at } : null;
}

/** Records a release; the database refuses a second one for the same cycle and district (a unique key). */
export async function insertRelease(
  db: Executor,
  r: { cycleId: number; districtCode: string; planId: number; amountCents: number; date: string; approvedVersion: number | null; approvedBy: number | null; recordedBy: number; onBehalfOf: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('fund_release')
    .values({ cycle_id: r.cycleId, district_code: r.districtCode, plan_id: r.planId, amount_cents: r.amountCents, released_on: r.date, approved_version: r.approvedVersion, approved_by: r.approvedBy, recorded_by: r.recordedBy, on_behalf_of: r.onBehalfOf, at: r.at })
    .execute();
}

/** Whether a database refused a row because of a unique key (SQLite and PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** A district's latest approved plan of a cycle before the fiscal year given (what a new plan starts from). */
export async function latestApprovedPlanBefore(db: Executor, districtCode: string, fiscalYear: number): Promise<PlanRow | null> {
  const r = await db
    .selectFrom('plan')
    .innerJoin('cycle', 'cycle.id', 'plan.cycle_id')
    .selectAll('plan')
    .where('plan.district_code', '=', districtCode)
    .where('cycle.fiscal_year', '<', fiscalYear)
    .where('plan.approved_version', 'is not', null)
    .orderBy('cycle.fiscal_year', 'desc')
    .executeTakeFirst();
  return r ? toRow(r) : null;
}
