/**
 * Goals' values to date, strategies' implementation status, and the tracked conditions of an approval.
 */
import type { GoalValue, Implementation } from '../domain/workflow/progress.ts';
import { byPlan, type Executor } from './batch.ts';

export async function insertGoalValue(db: Executor, planId: number, v: GoalValue, by: number, at: string): Promise<void> {
  await db.insertInto('goal_value').values({ plan_id: planId, goal_id: v.goalId, value: v.value, as_of: v.asOf, source: v.source, note: v.note, recorded_by: by, at }).execute();
}

export async function goalValuesOf(db: Executor, planId: number): Promise<GoalValue[]> {
  return (await goalValuesOfPlans(db, [planId])).get(planId)!;
}

export async function goalValuesOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, GoalValue[]>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('goal_value').select(['plan_id', 'goal_id', 'value', 'as_of', 'source', 'note']).where('plan_id', 'in', ids).orderBy('as_of').orderBy('id').execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, rs.map((r): GoalValue => ({ goalId: r.goal_id, value: Number(r.value), asOf: r.as_of, source: r.source === 'imported' ? 'imported' : 'entered', note: r.note }))]));
}

export async function setStrategyStatus(db: Executor, planId: number, strategyId: string, status: Implementation, note: string, by: number, at: string): Promise<void> {
  await db
    .insertInto('strategy_status')
    .values({ plan_id: planId, strategy_id: strategyId, status, note, updated_by: by, at })
    .onConflict((oc) => oc.columns(['plan_id', 'strategy_id']).doUpdateSet({ status, note, updated_by: by, at }))
    .execute();
}

export type StrategyStatuses = Map<string, { status: Implementation; note: string; at: string }>;

export async function strategyStatusesOf(db: Executor, planId: number): Promise<StrategyStatuses> {
  return (await strategyStatusesOfPlans(db, [planId])).get(planId)!;
}

export async function strategyStatusesOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, StrategyStatuses>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('strategy_status').select(['plan_id', 'strategy_id', 'status', 'note', 'at']).where('plan_id', 'in', ids).execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, new Map(rs.map((r) => [r.strategy_id, { status: r.status as Implementation, note: r.note, at: r.at }]))]));
}

export interface ConditionRecord {
  readonly item: number;
  readonly evidence: string;
  readonly met: boolean | null;
  /** The monitoring meeting that reviewed it last (null when reviewed outside one, or not yet). */
  readonly meetingId: number | null;
  readonly at: string;
}

export async function conditionRecordsOf(db: Executor, planId: number): Promise<Map<number, ConditionRecord>> {
  return (await conditionRecordsOfPlans(db, [planId])).get(planId)!;
}

export async function conditionRecordsOfPlans(db: Executor, planIds: readonly number[]): Promise<Map<number, Map<number, ConditionRecord>>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('plan_condition').select(['plan_id', 'item', 'evidence', 'met', 'meeting_id', 'at']).where('plan_id', 'in', ids).execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, new Map(rs.map((r) => [Number(r.item), { item: Number(r.item), evidence: r.evidence, met: r.met === null ? null : Boolean(r.met), meetingId: r.meeting_id === null ? null : Number(r.meeting_id), at: r.at }]))]));
}

/** The district's evidence for a condition (a review already made stands until the state reviews again). */
export async function setConditionEvidence(db: Executor, planId: number, item: number, evidence: string, at: string): Promise<void> {
  await db.insertInto('plan_condition').values({ plan_id: planId, item, evidence, met: null, reviewed_by: null, at }).onConflict((oc) => oc.columns(['plan_id', 'item']).doUpdateSet({ evidence, at })).execute();
}

/** The state's finding on a condition, at a monitoring meeting (`meetingId`) or outside one (null). */
export async function reviewCondition(db: Executor, planId: number, item: number, met: boolean, by: number, at: string, meetingId: number | null = null): Promise<void> {
  await db
    .insertInto('plan_condition')
    .values({ plan_id: planId, item, evidence: '', met: met ? 1 : 0, reviewed_by: by, meeting_id: meetingId, at })
    .onConflict((oc) => oc.columns(['plan_id', 'item']).doUpdateSet({ met: met ? 1 : 0, reviewed_by: by, meeting_id: meetingId, at }))
    .execute();
}
