/**
 * Bench 4's data: Hartford's monitored demo plan copied, row for row, to synthetic districts, so
 * the staff monitoring board and the cycle board can be timed over the same N approved plans.
 * The copies carry everything the boards read (versions, events, meetings and follow-ups,
 * expenditure reports and rows, goal values, implementation, conditions, revisions).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/data/schema.ts';

type Row = Record<string, unknown>;
const PER_PLAN = ['plan_version', 'plan_event', 'goal_value', 'strategy_status', 'plan_condition', 'budget_revision', 'annual_review'] as const;

async function insertAll(db: Kysely<Database>, table: keyof Database, rows: Row[]): Promise<void> {
  const width = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(4000 / width));
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

const without = (r: Row, ...keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** Copies plan `sourceId` (with its monitoring year) to `count` synthetic districts of the same cycle, numbered from `first`. */
export async function replicatePlan(db: Kysely<Database>, sourceId: number, count: number, first = 1): Promise<void> {
  const plan = (await db.selectFrom('plan').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow()) as Row;
  const perPlan = new Map<string, Row[]>();
  for (const t of PER_PLAN) perPlan.set(t, (await db.selectFrom(t).selectAll().where('plan_id', '=', sourceId).execute()) as Row[]);
  const meetings = (await db.selectFrom('monitoring_meeting').selectAll().where('plan_id', '=', sourceId).execute()) as Row[];
  const followUps = (await db.selectFrom('follow_up').selectAll().where('plan_id', '=', sourceId).execute()) as Row[];
  const reports = (await db.selectFrom('expenditure_report').selectAll().where('plan_id', '=', sourceId).execute()) as Row[];
  const expenditures = (await db.selectFrom('expenditure').selectAll().where('plan_id', '=', sourceId).execute()) as Row[];
  for (let n = first; n < first + count; n++) {
    await db.transaction().execute(async (trx) => {
      const code = `S${String(n).padStart(6, '0')}`;
      const { id } = await trx.insertInto('plan').values(without({ ...plan, district_code: code }, 'id') as never).returning('id').executeTakeFirstOrThrow();
      const planId = Number(id);
      for (const [t, rows] of perPlan) if (rows.length) await insertAll(trx, t as keyof Database, rows.map((r) => (t === 'annual_review' ? { ...r, plan_id: planId } : without({ ...r, plan_id: planId }, 'id'))));
      for (const m of meetings) {
        const made = await trx.insertInto('monitoring_meeting').values(without({ ...m, plan_id: planId }, 'id') as never).returning('id').executeTakeFirstOrThrow();
        const mine = followUps.filter((f) => f.meeting_id === m.id).map((f) => without({ ...f, plan_id: planId, meeting_id: made.id }, 'id'));
        if (mine.length) await insertAll(trx, 'follow_up', mine);
      }
      for (const r of reports) {
        const made = await trx.insertInto('expenditure_report').values(without({ ...r, plan_id: planId }, 'id') as never).returning('id').executeTakeFirstOrThrow();
        const mine = expenditures.filter((e) => e.report_id === r.id).map((e) => without({ ...e, plan_id: planId, report_id: made.id }, 'id'));
        if (mine.length) await insertAll(trx, 'expenditure', mine);
      }
    });
  }
}
