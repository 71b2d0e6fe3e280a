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
  accessTokenUser,
  AuthError,
  createAccessToken,
  createUser,
  IP_FAILURES_PER_15_MINUTES,
  LOCK_AFTER_FAILURES,
  requestPasswordReset,
  sessionUser,
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

  it('a password reset goes by e-mail and says nothing about unknown addresses', async () => {
    const before = (await outbox(store.db)).length;
    await requestPasswordReset(store, 'nobody-here@example.org', 'https://plans.example.org');
    expect((await outbox(store.db)).length).toBe(before);
    await requestPasswordReset(store, 'editor@example.org', 'https://plans.example.org');
    const mail = (await outbox(store.db))[0]!;
    const token = /token=([\w-]+)/.exec(mail.body)![1]!;
    const s = await usePasswordToken(store, token, 'a brand new long passphrase', '10.3.0.1');
    expect(s.user.email).toBe('editor@example.org');
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
