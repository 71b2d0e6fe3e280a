/**
 * Goals' values to date, strategies' implementation status, and the tracked conditions of an approval.
 */
import type { GoalValue, Implementation } from '../domain/workflow/progress.ts';
import type { Executor } from './batch.ts';

export async function insertGoalValue(db: Executor, planId: number, v: GoalValue, by: number, at: string): Promise<void> {
  await db.insertInto('goal_value').values({ plan_id: planId, goal_id: v.goalId, value: v.value, as_of: v.asOf, source: v.source, note: v.note, recorded_by: by, at }).execute();
}

export async function goalValuesOf(db: Executor, planId: number): Promise<GoalValue[]> {
  const rows = await db.selectFrom('goal_value').select(['goal_id', 'value', 'as_of', 'source', 'note']).where('plan_id', '=', planId).orderBy('as_of').orderBy('id').execute();
  return rows.map((r) => ({ goalId: r.goal_id, value: Number(r.value), asOf: r.as_of, source: r.source === 'imported' ? 'imported' : 'entered', note: r.note }));
}

export async function setStrategyStatus(db: Executor, planId: number, strategyId: string, status: Implementation, note: string, by: number, at: string): Promise<void> {
  await db
    .insertInto('strategy_status')
    .values({ plan_id: planId, strategy_id: strategyId, status, note, updated_by: by, at })
    .onConflict((oc) => oc.columns(['plan_id', 'strategy_id']).doUpdateSet({ status, note, updated_by: by, at }))
    .execute();
}

export async function strategyStatusesOf(db: Executor, planId: number): Promise<Map<string, { status: Implementation; note: string; at: string }>> {
  const rows = await db.selectFrom('strategy_status').select(['strategy_id', 'status', 'note', 'at']).where('plan_id', '=', planId).execute();
  return new Map(rows.map((r) => [r.strategy_id, { status: r.status as Implementation, note: r.note, at: r.at }]));
}

export interface ConditionRecord {
  readonly item: number;
  readonly evidence: string;
  readonly met: boolean | null;
  readonly at: string;
}

export async function conditionRecordsOf(db: Executor, planId: number): Promise<Map<number, ConditionRecord>> {
  const rows = await db.selectFrom('plan_condition').select(['item', 'evidence', 'met', 'at']).where('plan_id', '=', planId).execute();
  return new Map(rows.map((r) => [Number(r.item), { item: Number(r.item), evidence: r.evidence, met: r.met === null ? null : Boolean(r.met), at: r.at }]));
}

/** The district's evidence for a condition (a review already made stands until the state reviews again). */
export async function setConditionEvidence(db: Executor, planId: number, item: number, evidence: string, at: string): Promise<void> {
  await db.insertInto('plan_condition').values({ plan_id: planId, item, evidence, met: null, reviewed_by: null, at }).onConflict((oc) => oc.columns(['plan_id', 'item']).doUpdateSet({ evidence, at })).execute();
}

export async function reviewCondition(db: Executor, planId: number, item: number, met: boolean, by: number, at: string): Promise<void> {
  await db
    .insertInto('plan_condition')
    .values({ plan_id: planId, item, evidence: '', met: met ? 1 : 0, reviewed_by: by, at })
    .onConflict((oc) => oc.columns(['plan_id', 'item']).doUpdateSet({ met: met ? 1 : 0, reviewed_by: by, at }))
    .execute();
}
