/**
 * Supports assigned to plans. A status changes only from the status read (the update asks for
 * it), so two people acting at once cannot both win.
 */
import { byPlan, type Executor } from './batch.ts';

export type AssignmentStatus = 'open' | 'submitted' | 'accepted';

export interface SupportAssignment {
  readonly id: number;
  readonly planId: number;
  readonly supportId: string;
  readonly tier: number;
  readonly ownerId: number;
  readonly dueOn: string;
  readonly note: string;
  readonly status: AssignmentStatus;
  readonly evidence: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string;
  readonly createdAt: string;
}

type Row = { id: number; plan_id: number; support_id: string; tier: number; owner_id: number; due_on: string; note: string; status: string; evidence: string; submitted_at: string | null; decided_at: string | null; decision_note: string; created_at: string };
const toAssignment = (r: Row): SupportAssignment => ({
  id: Number(r.id),
  planId: Number(r.plan_id),
  supportId: r.support_id,
  tier: Number(r.tier),
  ownerId: Number(r.owner_id),
  dueOn: r.due_on,
  note: r.note,
  status: r.status as AssignmentStatus,
  evidence: r.evidence,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  createdAt: r.created_at,
});

export async function insertAssignment(db: Executor, a: { planId: number; supportId: string; tier: number; ownerId: number; dueOn: string; note: string; by: number; at: string }): Promise<number> {
  const r = await db.insertInto('support_assignment').values({ plan_id: a.planId, support_id: a.supportId, tier: a.tier, owner_id: a.ownerId, due_on: a.dueOn, note: a.note, assigned_by: a.by, created_at: a.at, submitted_by: null, submitted_at: null, decided_by: null, decided_at: null }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function getAssignment(db: Executor, id: number): Promise<SupportAssignment | null> {
  const r = await db.selectFrom('support_assignment').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toAssignment(r) : null;
}

export async function assignmentsOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, SupportAssignment[]>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('support_assignment').selectAll().where('plan_id', 'in', ids).orderBy('due_on').orderBy('id').execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, rs.map(toAssignment)]));
}

/** The district's evidence, if the assignment is still open; false if it is not (submitted or accepted since). */
export async function submitIfOpen(db: Executor, id: number, e: { evidence: string; by: number; at: string }): Promise<boolean> {
  const r = await db.updateTable('support_assignment').set({ status: 'submitted', evidence: e.evidence, submitted_by: e.by, submitted_at: e.at, decision_note: '' }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The state's decision on submitted evidence (or, for a support with none to give, on an open one); false if its status changed since. */
export async function decideIf(db: Executor, id: number, from: AssignmentStatus, d: { accept: boolean; note: string; by: number; at: string }): Promise<boolean> {
  const r = await db.updateTable('support_assignment').set({ status: d.accept ? 'accepted' : 'open', decided_by: d.by, decided_at: d.at, decision_note: d.note }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
