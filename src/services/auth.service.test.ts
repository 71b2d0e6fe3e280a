/**
 * Accounts and sign-in on SQLite and PostgreSQL: argon2id hashes, throttling and lockout,
 * sessions (rotated, hashed, idle and absolute timeouts), invitations and resets by e-mail,
 * personal access tokens, and the audit of every sign-in and failed sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { auditOf, verifyAudit } from './audit.service.ts';
import {
  accessTokensOf,
  accessTokenUser,
  AuthError,
  createAccessToken,
  createUser,
  grantRole,
  IP_FAILURES_PER_15_MINUTES,
  LOCK_AFTER_FAILURES,
  processResetRequests,
  requestPasswordReset,
  revokeAccessToken,
  sessionUser,
  setAccountStatus,
  signIn,
  signOut,
  usePasswordToken,
} from './auth.service.ts';
import { outbox } from './mail.service.ts';

const PASSWORD = 'purple elephants dance at noon';

describe.each(dialects)('accounts and sign-in ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
    await createUser(store, 'system', { email: 'Editor@Example.org', name: 'Eddie Editor', grants: [{ role: 'district-editor', districtCode: '0640011' }], password: PASSWORD });
  });
  afterAll(async () => dialect.close(store));

  it('stores an argon2id hash, never the password', async () => {
    const row = await store.db.selectFrom('app_user').select('password_hash').where('email', '=', 'editor@example.org').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('refuses a weak password and a malformed role when creating an account', async () => {
    await expect(createUser(store, 'system', { email: 'x@example.org', name: 'X', grants: [], password: 'short' })).rejects.toThrow(/at least 15/);
    await expect(createUser(store, 'system', { email: 'y@example.org', name: 'Y', grants: [{ role: 'district-editor', districtCode: null }] })).rejects.toThrow(/needs a district/);
    await expect(createUser(store, 'system', { email: 'EDITOR@example.org', name: 'Dup', grants: [] })).rejects.toThrow(/already an account/);
  });

  it('signs in with a fresh session each time; only the token\'s hash is stored; sign-out ends it', async () => {
    const a = await signIn(store, { email: 'editor@example.org', password: PASSWORD, ip: '10.0.0.1' });
    const b = await signIn(store, { email: 'EDITOR@example.org', password: PASSWORD, ip: '10.0.0.1' });
    expect(a.token).not.toBe(b.token);
    expect(a.user.grants).toEqual([{ role: 'district-editor', districtCode: '0640011' }]);
    const stored = await store.db.selectFrom('session').select('token_hash').execute();
    expect(stored.some((s) => s.token_hash === a.token)).toBe(false);
    expect((await sessionUser(store, a.token))?.email).toBe('editor@example.org');
    await signOut(store, a.token);
    expect(await sessionUser(store, a.token)).toBeNull();
    expect(await sessionUser(store, b.token)).not.toBeNull();
  });

  it('sessions end after 30 idle minutes and after 12 hours whatever the activity', async () => {
    const t0 = new Date('2026-11-30T08:00:00Z');
    const s = await signIn(store, { email: 'editor@example.org', password: PASSWORD, ip: '10.0.0.2', now: t0 });
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect(await sessionUser(store, s.token, at(29))).not.toBeNull();
    expect(await sessionUser(store, s.token, at(29 + 31))).toBeNull(); // idle 31 minutes
    const s2 = await signIn(store, { email: 'editor@example.org', password: PASSWORD, ip: '10.0.0.2', now: t0 });
    for (let m = 20; m < 12 * 60; m += 20) expect(await sessionUser(store, s2.token, at(m)), `minute ${m}`).not.toBeNull();
    expect(await sessionUser(store, s2.token, at(12 * 60 + 1))).toBeNull();
  });

  it('locks the account after repeated failures, and says so; the right password does not get in while locked', async () => {
    await createUser(store, 'system', { email: 'victim@example.org', name: 'Vic Tim', grants: [], password: PASSWORD });
    const now = new Date('2026-11-30T09:00:00Z');
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      await expect(signIn(store, { email: 'victim@example.org', password: 'wrong password guess number', ip: `10.1.0.${i}`, now })).rejects.toMatchObject({ code: 'auth_invalid' });
    }
    await expect(signIn(store, { email: 'victim@example.org', password: PASSWORD, ip: '10.1.1.1', now })).rejects.toMatchObject({ code: 'auth_locked' });
    const later = new Date(now.getTime() + 16 * 60_000);
    await expect(signIn(store, { email: 'victim@example.org', password: PASSWORD, ip: '10.1.1.1', now: later })).resolves.toMatchObject({ user: { email: 'victim@example.org' } });
    const events = await auditOf(store.db, `user:${(await store.db.selectFrom('app_user').select('id').where('email', '=', 'victim@example.org').executeTakeFirstOrThrow()).id}`);
    expect(events.filter((e) => e.action === 'auth.signin-failed')).toHaveLength(LOCK_AFTER_FAILURES + 1);
    expect(events.some((e) => e.action === 'auth.locked')).toBe(true);
  });

  it('throttles an address that fails too often, whatever accounts it tries', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    for (let i = 0; i < IP_FAILURES_PER_15_MINUTES; i++) {
      await signIn(store, { email: `nobody${i}@example.org`, password: 'not a real password here', ip: '192.0.2.9', now }).catch((e: unknown) => expect(e).toBeInstanceOf(AuthError));
    }
    await expect(signIn(store, { email: 'editor@example.org', password: PASSWORD, ip: '192.0.2.9', now })).rejects.toMatchObject({ code: 'auth_throttled' });
    await expect(signIn(store, { email: 'editor@example.org', password: PASSWORD, ip: '192.0.2.10', now })).resolves.toBeTruthy();
  });

  it('an invitation by e-mail lets the person choose a password, once', async () => {
    const { invitation } = await createUser(store, 'system', { email: 'new@example.org', name: 'New Person', grants: [{ role: 'program-staff', districtCode: null }] }, { baseUrl: 'https://plans.example.org' });
    const mail = (await outbox(store.db)).find((m) => m.to === 'new@example.org')!;
    expect(mail.body).toContain(`https://plans.example.org/work/welcome?token=${invitation}`);
    await expect(signIn(store, { email: 'new@example.org', password: PASSWORD, ip: '10.2.0.1' })).rejects.toBeInstanceOf(AuthError);
    await expect(usePasswordToken(store, invitation!, 'short', '10.2.0.1')).rejects.toThrow(/at least 15/);
    const s = await usePasswordToken(store, invitation!, PASSWORD, '10.2.0.1');
    expect(s.user.status).toBe('active');
    await expect(usePasswordToken(store, invitation!, PASSWORD, '10.2.0.1')).rejects.toThrow(/not valid any more/);
  });

  it('a password reset goes by e-mail and says nothing about unknown addresses: the same one write either way', async () => {
    const before = (await outbox(store.db)).length;
    await requestPasswordReset(store, 'nobody-here@example.org', 'https://plans.example.org');
    await requestPasswordReset(store, 'editor@example.org', 'https://plans.example.org');
    // Both requests are recorded alike, and nothing else happens until they are worked through.
    expect(await store.db.selectFrom('reset_request').select(['email', 'processed_at']).orderBy('id').execute()).toEqual([
      { email: 'nobody-here@example.org', processed_at: null },
      { email: 'editor@example.org', processed_at: null },
    ]);
    expect((await outbox(store.db)).length).toBe(before);
    expect(await processResetRequests(store)).toBe(1);
    expect(await processResetRequests(store)).toBe(0); // each request once
    expect((await outbox(store.db)).length).toBe(before + 1);
    const mail = (await outbox(store.db))[0]!;
    expect(mail.to).toBe('editor@example.org');
    const token = /token=([\w-]+)/.exec(mail.body)![1]!;
    const s = await usePasswordToken(store, token, 'a brand new long passphrase', '10.3.0.1');
    expect(s.user.email).toBe('editor@example.org');
  });

  it('using one reset link voids every other outstanding link of the account, and revokes its access tokens', async () => {
    await createUser(store, 'system', { email: 'twolinks@example.org', name: 'Two Links', grants: [], password: PASSWORD });
    const id = Number((await store.db.selectFrom('app_user').select('id').where('email', '=', 'twolinks@example.org').executeTakeFirstOrThrow()).id);
    const pat = await createAccessToken(store, id, 'script');
    await requestPasswordReset(store, 'twolinks@example.org', 'https://plans.example.org');
    await requestPasswordReset(store, 'twolinks@example.org', 'https://plans.example.org');
    await processResetRequests(store);
    const links = (await outbox(store.db)).filter((m) => m.to === 'twolinks@example.org').map((m) => /token=([\w-]+)/.exec(m.body)![1]!);
    expect(links).toHaveLength(2);
    await usePasswordToken(store, links[0]!, 'the first new long passphrase', '10.3.0.2');
    await expect(usePasswordToken(store, links[1]!, 'the second new long passphrase', '10.3.0.2')).rejects.toThrow(/not valid any more/);
    expect(await accessTokenUser(store, pat)).toBeNull();
    expect((await accessTokensOf(store.db, id))[0]!.revokedAt).not.toBeNull();
  });

  it('"locked" never tells a real account from an unknown one, nor does "disabled" without the right password', async () => {
    const now = new Date('2026-11-30T11:00:00Z');
    await createUser(store, 'system', { email: 'real@example.org', name: 'Real Person', grants: [], password: PASSWORD });
    const answers: Record<string, string[]> = { 'real@example.org': [], 'ghost@example.org': [] };
    for (const email of Object.keys(answers)) {
      for (let i = 0; i < LOCK_AFTER_FAILURES + 2; i++) {
        const e = await signIn(store, { email, password: 'wrong password guess number', ip: `10.4.${i}.1`, now }).catch((x: unknown) => x as AuthError);
        answers[email]!.push(`${(e as AuthError).code}: ${(e as AuthError).message}`);
      }
    }
    expect(answers['ghost@example.org']).toEqual(answers['real@example.org']);
    expect(answers['real@example.org']!.at(-1)).toMatch(/^auth_locked/);
    const disabled = await createUser(store, 'system', { email: 'gone@example.org', name: 'Gone Person', grants: [], password: PASSWORD });
    await setAccountStatus(store, 'user:1', disabled.user.id, 'disabled');
    await expect(signIn(store, { email: 'gone@example.org', password: 'not the password at all', ip: '10.5.0.1', now })).rejects.toMatchObject({ code: 'auth_invalid' });
    await expect(signIn(store, { email: 'gone@example.org', password: PASSWORD, ip: '10.5.0.1', now })).rejects.toMatchObject({ code: 'auth_disabled' });
  });

  it('tries while locked do not extend the lock, and a new password ends it; a disabled account\'s link does not revive it', async () => {
    await createUser(store, 'system', { email: 'kept-out@example.org', name: 'Kay Out', grants: [], password: PASSWORD });
    const t0 = new Date('2026-11-30T12:00:00Z');
    const at = (m: number) => new Date(t0.getTime() + m * 60_000);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await signIn(store, { email: 'kept-out@example.org', password: 'wrong guess again and again', ip: `10.7.${i}.1`, now: t0 }).catch(() => undefined);
    // Someone keeps trying every few minutes: the lock still ends 15 minutes after the fifth failure.
    for (const m of [3, 6, 9, 12, 14]) await expect(signIn(store, { email: 'kept-out@example.org', password: 'wrong guess again and again', ip: '10.7.9.9', now: at(m) })).rejects.toMatchObject({ code: 'auth_locked' });
    await expect(signIn(store, { email: 'kept-out@example.org', password: PASSWORD, ip: '10.7.9.8', now: at(16) })).resolves.toBeTruthy();
    // Locked again; a reset ends it at once.
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await signIn(store, { email: 'kept-out@example.org', password: 'wrong guess again and again', ip: `10.8.${i}.1` }).catch(() => undefined);
    await expect(signIn(store, { email: 'kept-out@example.org', password: PASSWORD, ip: '10.8.9.1' })).rejects.toMatchObject({ code: 'auth_locked' });
    await requestPasswordReset(store, 'kept-out@example.org', 'https://plans.example.org');
    await processResetRequests(store);
    const link = /token=([\w-]+)/.exec((await outbox(store.db)).find((m) => m.to === 'kept-out@example.org')!.body)![1]!;
    await usePasswordToken(store, link, 'a fresh and long passphrase', '10.8.9.2');
    await expect(signIn(store, { email: 'kept-out@example.org', password: 'a fresh and long passphrase', ip: '10.8.9.3' })).resolves.toBeTruthy();
    // A link sent before the account was disabled does not bring it back.
    await requestPasswordReset(store, 'kept-out@example.org', 'https://plans.example.org');
    await processResetRequests(store);
    const late = /token=([\w-]+)/.exec((await outbox(store.db)).filter((m) => m.to === 'kept-out@example.org')[0]!.body)![1]!;
    const id = Number((await store.db.selectFrom('app_user').select('id').where('email', '=', 'kept-out@example.org').executeTakeFirstOrThrow()).id);
    await store.db.updateTable('user_token').set({ used_at: null }).where('user_id', '=', id).where('kind', '=', 'reset').execute(); // as if it were still outstanding
    await store.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', id).execute();
    await expect(usePasswordToken(store, late, 'yet another long passphrase', '10.8.9.4')).rejects.toMatchObject({ code: 'auth_token' });
    expect((await store.db.selectFrom('app_user').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('disabled');
  });

  it('disabling an account ends its sessions and revokes its access tokens and links; enabling brings it back', async () => {
    const u = await createUser(store, 'system', { email: 'leaver@example.org', name: 'Lee Leaver', grants: [], password: PASSWORD });
    const session = await signIn(store, { email: 'leaver@example.org', password: PASSWORD, ip: '10.6.0.1' });
    const pat = await createAccessToken(store, u.user.id, 'nightly export', 30, 'read');
    expect((await accessTokenUser(store, pat))?.tokenScope).toBe('read');
    await expect(setAccountStatus(store, `user:${u.user.id}`, u.user.id, 'disabled')).rejects.toThrow(/your own account/);
    await setAccountStatus(store, 'user:1', u.user.id, 'disabled');
    expect(await sessionUser(store, session.token)).toBeNull();
    expect(await accessTokenUser(store, pat)).toBeNull();
    await setAccountStatus(store, 'user:1', u.user.id, 'active');
    expect(await accessTokenUser(store, pat)).toBeNull(); // revoked stays revoked
    await expect(signIn(store, { email: 'leaver@example.org', password: PASSWORD, ip: '10.6.0.1' })).resolves.toBeTruthy();
  });

  it('access tokens are listed and revoked by their owner only', async () => {
    const u = await createUser(store, 'system', { email: 'owner@example.org', name: 'Owen Owner', grants: [], password: PASSWORD });
    const pat = await createAccessToken(store, u.user.id, 'dashboard', 30, 'read');
    const [listed] = await accessTokensOf(store.db, u.user.id);
    expect(listed).toMatchObject({ name: 'dashboard', scope: 'read', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(pat.slice(4));
    await expect(revokeAccessToken(store, u.user.id + 1000, listed!.id)).rejects.toThrow(/no such token/);
    await revokeAccessToken(store, u.user.id, listed!.id);
    expect(await accessTokenUser(store, pat)).toBeNull();
    await expect(createAccessToken(store, u.user.id, 'x', 30, 'admin' as never)).rejects.toThrow(/scope/);
  });

  it('separation of duties: an administrator cannot give themselves the commissioner\'s role unless the deployment allows it', async () => {
    const admin = await createUser(store, 'system', { email: 'sod-admin@example.org', name: 'Sam Admin', grants: [{ role: 'state-admin', districtCode: null }], password: PASSWORD });
    const other = await createUser(store, 'system', { email: 'sod-other@example.org', name: 'Olly Other', grants: [], password: PASSWORD });
    await expect(grantRole(store, `user:${admin.user.id}`, admin.user.id, { role: 'commissioner', districtCode: null })).rejects.toMatchObject({ code: 'separation_of_duties' });
    await grantRole(store, `user:${admin.user.id}`, admin.user.id, { role: 'program-staff', districtCode: null });
    await grantRole(store, `user:${admin.user.id}`, other.user.id, { role: 'commissioner', districtCode: null });
    await grantRole(store, `user:${admin.user.id}`, admin.user.id, { role: 'commissioner', districtCode: null }, { separationOfDuties: false });
  });

  it('personal access tokens authenticate programs; sign-ins and failures are all in the verified audit chain', async () => {
    const user = (await store.db.selectFrom('app_user').select('id').where('email', '=', 'editor@example.org').executeTakeFirstOrThrow()).id;
    const token = await createAccessToken(store, Number(user), 'reporting script');
    expect(token).toMatch(/^adp_/);
    expect((await accessTokenUser(store, token))?.email).toBe('editor@example.org');
    expect(await accessTokenUser(store, `${token}x`)).toBeNull();
    expect((await verifyAudit(store)).ok).toBe(true);
  });
});
