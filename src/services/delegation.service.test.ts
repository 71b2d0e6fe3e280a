/**
 * The commissioner's delegation, on SQLite and PostgreSQL: while it holds, the delegate decides
 * and releases funds on the commissioner's behalf (and the record says so); before, after, or
 * once revoked, they cannot; a delegate cannot pass it on; each step is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { actingFor, can, PERMISSIONS, type Grant } from '../domain/auth/permissions.ts';
import { auditOf, verifyAudit } from './audit.service.ts';
import { createUser, grantRole, revokeRole, userByEmail, userById, type User } from './auth.service.ts';
import { delegate, delegationsFrom, revokeDelegation } from './delegation.service.ts';
import { DEMO_DOMAIN, seedDemo } from './demo.service.ts';
import { decide, planView, recommend, releaseFunds } from './plans/index.ts';

const today = new Date().toISOString().slice(0, 10);
const plus = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('delegated grants (pure)', () => {
  const delegated: Grant[] = [
    { role: 'program-staff', districtCode: null },
    { role: 'commissioner', districtCode: null, delegatedBy: 42 },
  ];
  it('carry the commissioner’s decisions, on the commissioner’s behalf, but not the power to delegate', () => {
    expect(can(delegated, PERMISSIONS.approvePlanAny)).toBe(true);
    expect(actingFor(delegated, PERMISSIONS.approvePlanAny)).toBe(42);
    expect(actingFor(delegated, PERMISSIONS.reviewPlanAny)).toBeNull();
    expect(can(delegated, PERMISSIONS.delegateApprovalAny)).toBe(false);
    expect(can([{ role: 'commissioner', districtCode: null }], PERMISSIONS.delegateApprovalAny)).toBe(true);
    expect(actingFor([{ role: 'commissioner', districtCode: null }, { role: 'commissioner', districtCode: null, delegatedBy: 7 }], PERMISSIONS.approvePlanAny)).toBeNull();
  });
});

describe.each(dialects)('the commissioner’s delegation ($name)', (dialect) => {
  let store: Store;
  let commissioner: User;
  let reviewer: User;
  let bridgeport: number;

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    commissioner = (await userByEmail(store.db, `commissioner@${DEMO_DOMAIN}`))!;
    reviewer = (await userByEmail(store.db, `reviewer@${DEMO_DOMAIN}`))!;
    bridgeport = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0150011').executeTakeFirstOrThrow()).id);
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('refuses nonsense and people outside the state’s staff', async () => {
    const editor = (await userByEmail(store.db, `editor.hartford@${DEMO_DOMAIN}`))!;
    await expect(delegate(store, commissioner, { toUserId: editor.id, startsOn: today, endsOn: plus(5), reason: 'Away' })).rejects.toThrow(/state's staff/);
    await expect(delegate(store, commissioner, { toUserId: reviewer.id, startsOn: plus(5), endsOn: today, reason: 'Away' })).rejects.toThrow(/ends before it starts/);
    await expect(delegate(store, commissioner, { toUserId: reviewer.id, startsOn: today, endsOn: plus(5), reason: ' ' })).rejects.toThrow(/Say why/);
    await expect(delegate(store, reviewer, { toUserId: commissioner.id, startsOn: today, endsOn: plus(5), reason: 'x' })).rejects.toMatchObject({ status: 403 });
  });

  it('a delegate decides and releases on the commissioner’s behalf while it holds, and not after it is revoked', async () => {
    await recommend(store, reviewer, bridgeport, 'Meets the guidelines.');
    await expect(decide(store, reviewer, bridgeport, 'approve', {})).rejects.toMatchObject({ status: 403 });

    const future = await delegate(store, commissioner, { toUserId: reviewer.id, startsOn: plus(3), endsOn: plus(10), reason: 'Conference' });
    expect(can((await userById(store.db, reviewer.id))!.grants, PERMISSIONS.approvePlanAny)).toBe(false); // not yet
    await revokeDelegation(store, commissioner, future.id);

    const d = await delegate(store, commissioner, { toUserId: reviewer.id, startsOn: today, endsOn: plus(7), reason: 'Conflict of interest: a relative works in the district' });
    const delegateNow = (await userById(store.db, reviewer.id))!;
    expect(can(delegateNow.grants, PERMISSIONS.delegateApprovalAny)).toBe(false);
    await expect(delegate(store, delegateNow, { toUserId: commissioner.id, startsOn: today, endsOn: plus(1), reason: 'x' })).rejects.toMatchObject({ status: 403 });

    await decide(store, delegateNow, bridgeport, 'approve', {});
    await releaseFunds(store, delegateNow, bridgeport, { date: today });
    const view = await planView(store.db, commissioner, bridgeport);
    const decision = view.events.filter((e) => e.kind === 'decision').at(-1)!;
    expect(decision).toMatchObject({ userId: reviewer.id, onBehalfOf: commissioner.id, onBehalfOfName: 'Casey Commissioner', decision: 'approve' });
    const release = view.events.find((e) => e.kind === 'release')!;
    expect(release).toMatchObject({ kind: 'release', approvedBy: commissioner.id });
    const audit = await auditOf(store.db, `plan:${bridgeport}`);
    expect(audit.find((e) => e.action === 'plan.approved')!.onBehalfOf).toBe(`user:${commissioner.id}`);
    expect(audit.find((e) => e.action === 'funds.released')!.onBehalfOf).toBe(`user:${commissioner.id}`);

    await revokeDelegation(store, commissioner, d.id);
    expect(can((await userById(store.db, reviewer.id))!.grants, PERMISSIONS.approvePlanAny)).toBe(false);
    const list = await delegationsFrom(store.db, commissioner.id);
    expect(list.map((x) => [x.to.name, Boolean(x.revokedAt)])).toEqual([
      ['Riley Reviewer', true],
      ['Riley Reviewer', true],
    ]);
    expect((await auditOf(store.db, `user:${reviewer.id}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['delegation.granted', 'delegation.revoked']));
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it('a delegation holds only while its reason holds, checked when the delegate acts', async () => {
    const staff = await createUser(store, 'test', { email: 'deputy@example.org', name: 'Dana Deputy', password: 'a long enough test password', grants: [{ role: 'program-staff', districtCode: null }] });
    const d = await delegate(store, commissioner, { toUserId: staff.user.id, startsOn: today, endsOn: plus(7), reason: 'Leave' });
    const hartford = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0640011').executeTakeFirstOrThrow()).id);
    const derby = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', '0370011').executeTakeFirstOrThrow()).id);
    // Loaded while the delegation held (a page open in the browser)…
    const loaded = (await userById(store.db, staff.user.id))!;
    expect(can(loaded.grants, PERMISSIONS.approvePlanAny, '0370011')).toBe(true);
    // …then given a role in Derby: no decisions on Derby's plan, with the delegation or without.
    await grantRole(store, 'test', staff.user.id, { role: 'district-viewer', districtCode: '0370011' });
    await expect(releaseFunds(store, loaded, derby, { date: today })).rejects.toMatchObject({ status: 403 });
    expect(can((await userById(store.db, staff.user.id))!.grants, PERMISSIONS.approvePlanAny, '0370011')).toBe(false);
    expect(can((await userById(store.db, staff.user.id))!.grants, PERMISSIONS.approvePlanAny, '0640011')).toBe(true);
    // …then no longer state staff: the delegation ends with the role, though the page still offers it.
    await revokeRole(store, 'test', staff.user.id, { role: 'program-staff', districtCode: null });
    expect(can((await userById(store.db, staff.user.id))!.grants, PERMISSIONS.approvePlanAny, '0640011')).toBe(false);
    const before = (await planView(store.db, commissioner, hartford)).rowVersion;
    await expect(decide(store, loaded, hartford, 'deny', {})).rejects.toMatchObject({ status: 403 });
    expect((await planView(store.db, commissioner, hartford)).rowVersion).toBe(before);
    await revokeDelegation(store, commissioner, d.id);
  });

  it('a delegation from someone who is no longer the commissioner carries nothing', async () => {
    await delegate(store, commissioner, { toUserId: reviewer.id, startsOn: today, endsOn: plus(2), reason: 'Away' });
    expect(can((await userById(store.db, reviewer.id))!.grants, PERMISSIONS.approvePlanAny)).toBe(true);
    await store.db.deleteFrom('user_grant').where('user_id', '=', commissioner.id).where('role', '=', 'commissioner').execute();
    expect(can((await userById(store.db, reviewer.id))!.grants, PERMISSIONS.approvePlanAny)).toBe(false);
  });
});
