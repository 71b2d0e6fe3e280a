/**
 * A plan's history: typed events (src/domain/workflow/events.ts), each with who did it, on whose
 * behalf, at which version and when.
 */
import { decodeEvent, encodeEvent, type PlanEventData } from '../domain/workflow/events.ts';
import { byPlan, type Executor } from './batch.ts';

export type StoredPlanEvent = Readonly<{
  id: number;
  version: number;
  userId: number;
  userName: string;
  onBehalfOf: number | null;
  onBehalfOfName: string | null;
  at: string;
}> &
  PlanEventData;

export async function appendEvent(db: Executor, e: { planId: number; version: number; userId: number; onBehalfOf: number | null; at: string; event: Exclude<PlanEventData, { kind: 'other' }> }): Promise<void> {
  const { kind, data } = encodeEvent(e.event);
  await db.insertInto('plan_event').values({ plan_id: e.planId, version: e.version, kind, user_id: e.userId, on_behalf_of: e.onBehalfOf, data, at: e.at }).execute();
}

/** Every event of a plan, oldest first, with the names of who acted. */
export async function eventsOf(db: Executor, planId: number): Promise<StoredPlanEvent[]> {
  const rows = await db
    .selectFrom('plan_event')
    .leftJoin('app_user', 'app_user.id', 'plan_event.user_id')
    .leftJoin('app_user as principal', 'principal.id', 'plan_event.on_behalf_of')
    .select(['plan_event.id', 'plan_event.version', 'plan_event.kind', 'plan_event.user_id', 'plan_event.on_behalf_of', 'plan_event.data', 'plan_event.at', 'app_user.name', 'principal.name as onBehalfOfName'])
    .where('plan_event.plan_id', '=', planId)
    .orderBy('plan_event.id')
    .execute();
  return rows.map((e) => ({
    id: Number(e.id),
    version: Number(e.version),
    userId: Number(e.user_id),
    userName: e.name ?? `user ${e.user_id}`,
    onBehalfOf: e.on_behalf_of === null ? null : Number(e.on_behalf_of),
    onBehalfOfName: e.onBehalfOfName ?? null,
    at: e.at,
    ...decodeEvent(e.kind, e.data),
  }));
}

/** Each plan's events of one kind, oldest first (without who acted: for facts, not history). */
export async function eventsOfKind<K extends PlanEventData['kind']>(db: Executor, planIds: readonly number[], kind: K): Promise<Map<number, Extract<PlanEventData, { kind: K }>[]>> {
  const rows = await byPlan(planIds, (ids) => db.selectFrom('plan_event').select(['plan_id', 'kind', 'data']).where('plan_id', 'in', ids).where('kind', '=', kind).orderBy('id').execute(), (r) => Number(r.plan_id));
  return new Map([...rows].map(([id, rs]) => [id, rs.map((r) => decodeEvent(r.kind, r.data) as Extract<PlanEventData, { kind: K }>)]));
}

/** One event of a plan, or null. */
export async function eventOf(db: Executor, planId: number, id: number): Promise<PlanEventData | null> {
  const r = await db.selectFrom('plan_event').select(['kind', 'data']).where('id', '=', id).where('plan_id', '=', planId).executeTakeFirst();
  return r ? decodeEvent(r.kind, r.data) : null;
}

/** Who made the plan's latest decision (the person, or whom they acted for). */
export async function latestDecider(db: Executor, planId: number): Promise<number | null> {
  const r = await db.selectFrom('plan_event').select(['user_id', 'on_behalf_of']).where('plan_id', '=', planId).where('kind', '=', 'decision').orderBy('id', 'desc').executeTakeFirst();
  return r ? Number(r.on_behalf_of ?? r.user_id) : null;
}
