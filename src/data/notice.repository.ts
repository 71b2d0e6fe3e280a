/**
 * The deadline notices sent: one row per plan, milestone, kind and date, so a notice goes out once.
 */
import type { Executor } from './batch.ts';

export async function noticeRecorded(db: Executor, n: { planId: number; milestone: string; kind: string; date: string }): Promise<boolean> {
  const r = await db.selectFrom('deadline_notice').select('id').where('plan_id', '=', n.planId).where('deadline', '=', n.milestone).where('kind', '=', n.kind).where('deadline_date', '=', n.date).executeTakeFirst();
  return Boolean(r);
}

export async function recordNotice(db: Executor, n: { planId: number; milestone: string; kind: string; date: string; at: string }): Promise<void> {
  await db.insertInto('deadline_notice').values({ plan_id: n.planId, deadline: n.milestone, kind: n.kind, deadline_date: n.date, at: n.at }).execute();
}
