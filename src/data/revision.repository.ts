/**
 * Budget revisions of a plan, numbered per plan (the number is unique: two at once cannot both take it).
 */
import type { Transfer } from '../domain/workflow/revision.ts';
import { byPlan, type Executor } from './batch.ts';

export type RevisionStatus = 'recorded' | 'pending' | 'approved' | 'denied';

export interface BudgetRevision {
  readonly id: number;
  readonly planId: number;
  readonly number: number;
  readonly transfers: readonly Transfer[];
  readonly reason: string;
  readonly status: RevisionStatus;
  readonly requestedBy: number;
  readonly decidedBy: number | null;
  readonly at: string;
  readonly decidedAt: string | null;
}

type Row = { id: number; plan_id: number; number: number; transfers: string; reason: string; status: string; requested_by: number; decided_by: number | null; at: string; decided_at: string | null };
const toRevision = (r: Row): BudgetRevision => ({
  id: Number(r.id),
  planId: Number(r.plan_id),
  number: Number(r.number),
  transfers: JSON.parse(r.transfers) as Transfer[],
  reason: r.reason,
  status: r.status as RevisionStatus,
  requestedBy: Number(r.requested_by),
  decidedBy: r.decided_by === null ? null : Number(r.decided_by),
  at: r.at,
  decidedAt: r.decided_at,
});

export async function revisionsOf(db: Executor, planId: number): Promise<BudgetRevision[]> {
  return (await revisionsOfPlans(db, [planId])).get(planId)!;
}

export async function revisionsOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, BudgetRevision[]>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('budget_revision').selectAll().where('plan_id', 'in', ids).orderBy('number').execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, rs.map(toRevision)]));
}

export async function getRevision(db: Executor, id: number): Promise<BudgetRevision | null> {
  const r = await db.selectFrom('budget_revision').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRevision(r) : null;
}

export async function insertRevision(db: Executor, r: Omit<BudgetRevision, 'id' | 'decidedBy' | 'decidedAt'>): Promise<number> {
  const row = await db
    .insertInto('budget_revision')
    .values({ plan_id: r.planId, number: r.number, transfers: JSON.stringify(r.transfers), reason: r.reason, status: r.status, requested_by: r.requestedBy, decided_by: null, at: r.at, decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Decides a pending revision; false if it is no longer pending (decided by someone else first). */
export async function decideRevisionIfPending(db: Executor, id: number, status: 'approved' | 'denied', by: number, at: string): Promise<boolean> {
  const r = await db.updateTable('budget_revision').set({ status, decided_by: by, decided_at: at }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
