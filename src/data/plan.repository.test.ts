/**
 * The workflow's repositories on every dialect: a plan row changes only at the row version read
 * (two writers at once: one wins), a cycle's schedule round-trips (and a row from before the
 * schedule column reads from its five deadlines), events come back typed with who acted, and
 * the database itself refuses a second release of a cycle's funds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import { fiscalYear } from '../domain/time/fiscal-year.ts';
import { DEFAULT_SETTINGS } from '../domain/workflow/cycle.ts';
import { EMPTY_CONTENT } from '../domain/workflow/content.ts';
import { scheduleOf } from '../domain/workflow/schedule.ts';
import { getCycle, insertCycle, listCycles, updateScheduleIf } from './cycle.repository.ts';
import type { Store } from './database.ts';
import { appendEvent, eventOf, eventsOf, latestDecider } from './plan-event.repository.ts';
import { districtOfPlan, getPlan, getVersion, insertPlan, insertRelease, insertVersion, isUniqueViolation, listVersions, releaseOf, updatePlanIf } from './plan.repository.ts';

const five = { draft: '2025-07-15', board: '2025-08-01', submission: '2025-08-15', review: '2025-09-15', decision: '2025-10-01' };
const fall = { id: 'fall-monitoring-meeting', label: 'Fall monitoring meeting', actor: 'district' as const, date: '2025-11-12' };

describe.each(dialects)('workflow repositories ($name)', (dialect) => {
  let store: Store;
  let cycleId: number;
  let planId: number;
  const at = '2025-07-01T12:00:00.000Z';
  beforeEach(async () => {
    store = await dialect.open();
    cycleId = await insertCycle(store.db, { fiscalYear: fiscalYear(2026), title: 'FY2026', schedule: scheduleOf(five, [fall]), settings: DEFAULT_SETTINGS, at });
    planId = await insertPlan(store.db, { cycleId, districtCode: '0640011', allocationCents: 3_869_935_500, at });
    await insertVersion(store.db, { planId, version: 1, content: EMPTY_CONTENT, budget: [], hash: 'h1', createdBy: 1, at });
  });
  afterEach(async () => dialect.close(store));

  it('a cycle keeps its schedule; a stale schedule change is refused; a row from before the schedule reads its five deadlines', async () => {
    const c = (await getCycle(store.db, cycleId))!;
    expect(c.schedule.at(-1)).toEqual(fall);
    expect(c.deadlines).toEqual(five);
    expect(await updateScheduleIf(store.db, cycleId, c.rowVersion, scheduleOf({ ...five, board: '2025-08-04' }))).toBe(true);
    expect(await updateScheduleIf(store.db, cycleId, c.rowVersion, scheduleOf(five, [fall]))).toBe(false);
    const after = (await getCycle(store.db, cycleId))!;
    expect(after.deadlines.board).toBe('2025-08-04');
    expect(after.schedule.some((m) => m.id === fall.id)).toBe(false);
    await store.db.insertInto('cycle').values({ fiscal_year: 2025, title: 'FY2025', status: 'closed', deadlines: JSON.stringify(five), schedule: null, settings: '{}', created_at: at }).execute();
    const old = (await listCycles(store.db)).find((x) => x.fiscalYear === 2025)!;
    expect(old.deadlines).toEqual(five);
    expect(old.schedule.map((m) => m.id)).toEqual(['draft', 'board', 'submission', 'review', 'decision']);
  });

  it('a plan row changes only at the row version read: of two writers at once, one wins', async () => {
    const p = (await getPlan(store.db, planId))!;
    expect(p).toMatchObject({ district_code: '0640011', allocation_cents: 3_869_935_500, state: 'draft', current_version: 1, approved_version: null, reviewers: '[]' });
    expect(await districtOfPlan(store.db, planId)).toBe('0640011');
    expect(await districtOfPlan(store.db, planId + 99)).toBeNull();
    const results = await Promise.all([
      updatePlanIf(store.db, planId, p.row_version, { state: 'submitted', row_version: p.row_version + 1 }),
      updatePlanIf(store.db, planId, p.row_version, { state: 'draft', current_version: 2, row_version: p.row_version + 1 }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await getPlan(store.db, planId))!.row_version).toBe(p.row_version + 1);
  });

  it('versions round-trip, in order', async () => {
    await insertVersion(store.db, { planId, version: 2, content: { ...EMPTY_CONTENT, narrative: 'Reading first.' }, budget: [], hash: 'h2', createdBy: 1, at });
    expect((await getVersion(store.db, planId, 2))!.content.narrative).toBe('Reading first.');
    expect(await getVersion(store.db, planId, 3)).toBeNull();
    expect((await listVersions(store.db, planId)).map((v) => [v.version, v.hash])).toEqual([
      [1, 'h1'],
      [2, 'h2'],
    ]);
  });

  it('events come back typed, oldest first, named by who acted (an account since removed by its id)', async () => {
    const u = await store.db.insertInto('app_user').values({ email: 'c@example.org', name: 'Casey Commissioner', status: 'active', password_hash: null, oidc_issuer: null, oidc_subject: null, locked_until: null, created_at: at }).returning('id').executeTakeFirstOrThrow();
    const casey = Number(u.id);
    await appendEvent(store.db, { planId, version: 1, userId: 999, onBehalfOf: null, at, event: { kind: 'comment', body: 'First', section: null, internal: false, parentId: null } });
    await appendEvent(store.db, { planId, version: 1, userId: 998, onBehalfOf: casey, at, event: { kind: 'decision', decision: 'approve', message: null, conditions: null } });
    const events = await eventsOf(store.db, planId);
    expect(events).toMatchObject([
      { kind: 'comment', body: 'First', userName: 'user 999' },
      { kind: 'decision', decision: 'approve', userName: 'user 998', onBehalfOf: casey, onBehalfOfName: 'Casey Commissioner' },
    ]);
    expect(await eventOf(store.db, planId, events[0]!.id)).toMatchObject({ kind: 'comment', body: 'First' });
    expect(await eventOf(store.db, planId + 1, events[0]!.id)).toBeNull();
    expect(await latestDecider(store.db, planId)).toBe(casey);
  });

  it('the database refuses a second release of a cycle\'s funds to a district, even at the same moment', async () => {
    const release = { cycleId, districtCode: '0640011', planId, amountCents: 3_869_935_500, date: '2025-10-03', approvedVersion: 1, approvedBy: 4, recordedBy: 2, onBehalfOf: null, at };
    const outcomes = await Promise.allSettled([insertRelease(store.db, release), insertRelease(store.db, { ...release, amountCents: 1 })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(isUniqueViolation(refused.reason)).toBe(true);
    expect(await releaseOf(store.db, cycleId, '0640011')).toMatchObject({ planId, date: '2025-10-03' });
    expect(await releaseOf(store.db, cycleId, '0150011')).toBeNull();
  });
});
