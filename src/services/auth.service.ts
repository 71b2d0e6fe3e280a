/**
 * Accounts, sign-in and sessions. Passwords are hashed with argon2id and chosen under NIST
 * SP 800-63B rules; sign-in is throttled per account (a lockout after repeated failures) and per
 * address; a new session token is issued at every sign-in and only its hash is stored; sessions
 * end after idle and absolute timeouts. Invitations and password resets travel as single-use
 * tokens by e-mail (the outbox). Personal access tokens let programs use the API.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { inTransaction, type Store } from '../data/database.ts';
import type { Executor } from '../data/batch.ts';
import { grantProblem, ROLES, type Grant, type Role } from '../domain/auth/permissions.ts';
import { passwordProblem } from '../domain/auth/password.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './audit.service.ts';
import { queueMail } from './mail.service.ts';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const IP_FAILURES_PER_15_MINUTES = 20;

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly status: 'active' | 'invited' | 'disabled';
  readonly grants: readonly Grant[];
}

export class AuthError extends DomainError {
  constructor(code: 'invalid' | 'locked' | 'throttled' | 'disabled' | 'token', message: string, info: Record<string, unknown> = {}) {
    super(`auth_${code}`, message, info);
    this.name = 'AuthError';
  }
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const normalEmail = (email: string) => email.trim().toLowerCase();
const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;

export async function hashPassword(password: string): Promise<string> {
  return argonHash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/**
 * A person's roles: their own, and the commissioner's while a delegation to them holds today
 * (and the delegating person is still the commissioner).
 */
async function grantsOf(db: Executor, userId: number, today = new Date().toISOString().slice(0, 10)): Promise<Grant[]> {
  const rows = await db.selectFrom('user_grant').select(['role', 'district_code']).where('user_id', '=', userId).orderBy('id').execute();
  const own: Grant[] = rows.map((r) => ({ role: r.role as Role, districtCode: r.district_code }));
  const delegations = await db
    .selectFrom('delegation')
    .innerJoin('user_grant', (j) => j.onRef('user_grant.user_id', '=', 'delegation.from_user_id').on('user_grant.role', '=', 'commissioner'))
    .select('delegation.from_user_id')
    .where('delegation.to_user_id', '=', userId)
    .where('delegation.revoked_at', 'is', null)
    .where('delegation.starts_on', '<=', today)
    .where('delegation.ends_on', '>=', today)
    .orderBy('delegation.id')
    .execute();
  const delegated = [...new Set(delegations.map((d) => Number(d.from_user_id)))].filter((from) => from !== userId);
  return [...own, ...delegated.map((from): Grant => ({ role: 'commissioner', districtCode: null, delegatedBy: from }))];
}

export async function userById(db: Executor, id: number): Promise<User | null> {
  const u = await db.selectFrom('app_user').select(['id', 'email', 'name', 'status']).where('id', '=', id).executeTakeFirst();
  if (!u) return null;
  return { id: Number(u.id), email: u.email, name: u.name, status: u.status as User['status'], grants: await grantsOf(db, Number(u.id)) };
}

export async function userByEmail(db: Executor, email: string): Promise<User | null> {
  const u = await db.selectFrom('app_user').select('id').where('email', '=', normalEmail(email)).executeTakeFirst();
  return u ? userById(db, Number(u.id)) : null;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly grants: readonly Grant[];
  /** Set a password now (demo accounts, tests); otherwise the person is invited by e-mail. */
  readonly password?: string;
}

/** Creates an account with its roles; invites it by e-mail unless a password is given. */
export async function createUser(store: Store, actor: string, input: NewUser, options: { baseUrl?: string } = {}): Promise<{ user: User; invitation: string | null }> {
  const email = normalEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new DomainError('invalid_user', `"${input.email}" is not an e-mail address.`);
  if (!input.name.trim()) throw new DomainError('invalid_user', 'A name is required.');
  for (const g of input.grants) {
    const p = grantProblem(g);
    if (p) throw new DomainError('invalid_grant', p);
  }
  if (input.password !== undefined) {
    const p = passwordProblem(input.password, { email, name: input.name });
    if (p) throw new DomainError('weak_password', p);
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return inTransaction(store, async (trx) => {
    if (await trx.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst()) {
      throw new DomainError('duplicate_user', `There is already an account for ${email}.`);
    }
    const now = new Date().toISOString();
    const row = await trx
      .insertInto('app_user')
      .values({ email, name: input.name.trim(), password_hash: passwordHash, oidc_issuer: null, oidc_subject: null, status: passwordHash ? 'active' : 'invited', locked_until: null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await appendAudit(trx, { actor, action: 'user.created', subject: `user:${id}`, details: { email } });
    for (const g of input.grants) await addGrant(trx, actor, id, g);
    let invitation: string | null = null;
    if (!passwordHash) {
      invitation = newToken();
      await trx.insertInto('user_token').values({ user_id: id, kind: 'invitation', token_hash: tokenHash(invitation), name: null, created_at: now, expires_at: addMinutes(new Date(), 7 * 24 * 60), used_at: null, last_used_at: null }).execute();
      await queueMail(trx, {
        to: email,
        kind: 'invitation',
        subject: 'You are invited to the Alliance District plans system',
        body: `Hello ${input.name},\n\nAn account has been created for you. Choose your password here (the link works for 7 days):\n\n${options.baseUrl ?? ''}/work/welcome?token=${invitation}\n`,
      });
    }
    return { user: (await userById(trx, id))!, invitation };
  });
}

async function addGrant(db: Executor, actor: string, userId: number, g: Grant): Promise<void> {
  await db.insertInto('user_grant').values({ user_id: userId, role: g.role, district_code: g.districtCode, created_at: new Date().toISOString() }).execute();
  await appendAudit(db, { actor, action: 'role.granted', subject: `user:${userId}`, details: { role: g.role, districtCode: g.districtCode } });
}

/** Roles that approve plans or release money: under separation of duties nobody grants one to themselves (ADR 011). */
const MONEY_ROLES: ReadonlySet<Role> = new Set(['commissioner']);

/**
 * Gives a person a role. With separation of duties (the default; SEPARATION_OF_DUTIES=off turns
 * it off), an administrator cannot give themselves the commissioner's role: the one who manages
 * accounts is not the one who approves plans and releases funds.
 */
export async function grantRole(store: Store, actor: string, userId: number, g: Grant, options: { separationOfDuties?: boolean } = {}): Promise<void> {
  const p = grantProblem(g);
  if (p) throw new DomainError('invalid_grant', p);
  if ((options.separationOfDuties ?? true) && actor === `user:${userId}` && MONEY_ROLES.has(g.role)) {
    throw new DomainError('separation_of_duties', 'You cannot give yourself the commissioner\'s role: another administrator must, so that managing accounts and approving plans stay apart. (A deployment may allow it with SEPARATION_OF_DUTIES=off.)');
  }
  await inTransaction(store, async (trx) => {
    let q = trx.selectFrom('user_grant').select('id').where('user_id', '=', userId).where('role', '=', g.role);
    q = g.districtCode === null ? q.where('district_code', 'is', null) : q.where('district_code', '=', g.districtCode);
    if (await q.executeTakeFirst()) throw new DomainError('duplicate_grant', 'The person already holds that role.');
    await addGrant(trx, actor, userId, g);
  });
}

export async function revokeRole(store: Store, actor: string, userId: number, g: Grant): Promise<void> {
  await inTransaction(store, async (trx) => {
    let q = trx.deleteFrom('user_grant').where('user_id', '=', userId).where('role', '=', g.role);
    q = g.districtCode === null ? q.where('district_code', 'is', null) : q.where('district_code', '=', g.districtCode);
    await q.execute();
    await appendAudit(trx, { actor, action: 'role.revoked', subject: `user:${userId}`, details: { role: g.role, districtCode: g.districtCode } });
  });
}

export interface SignIn {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent?: string;
  readonly now?: Date;
}

export interface Session {
  readonly token: string;
  readonly user: User;
  readonly expiresAt: string;
}

/** Signs in with a password: throttled, locked after repeated failures, audited either way. */
export async function signIn(store: Store, input: SignIn): Promise<Session> {
  const now = input.now ?? new Date();
  const email = normalEmail(input.email);
  const since = addMinutes(now, -15);
  const ipFailures = await store.db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', input.ip)
    // Every refusal counts against the address, those refused while locked or throttled too (2).
    .where('success', '!=', 1)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  /** 1 a success, 0 a failure that counts toward the lock, 2 a refusal while locked or throttled (it does not extend the lock). */
  const record = async (trx: Executor, success: boolean, userId: number | null, reason: string | null) => {
    const refusedUnheard = reason === 'locked' || reason === 'throttled';
    await trx.insertInto('login_attempt').values({ email, ip: input.ip, at: now.toISOString(), success: success ? 1 : refusedUnheard ? 2 : 0 }).execute();
    await appendAudit(trx, {
      actor: userId ? `user:${userId}` : 'anonymous',
      action: success ? 'auth.signin' : 'auth.signin-failed',
      subject: userId ? `user:${userId}` : `email:${email}`,
      details: { ip: input.ip, ...(reason ? { reason } : {}) },
      at: now.toISOString(),
    });
  };
  if (Number(ipFailures.n) >= IP_FAILURES_PER_15_MINUTES) {
    await inTransaction(store, (trx) => record(trx, false, null, 'throttled'));
    throw new AuthError('throttled', 'Too many failed sign-ins from this address. Wait 15 minutes and try again.');
  }
  // The lock is kept by e-mail address, from the attempts themselves, so an address with no
  // account locks exactly as a real one does: "locked" never tells that an account exists.
  const lastSuccess = await store.db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('email', '=', email)
    .where('success', '=', 1)
    .executeTakeFirst();
  const lockSince = lastSuccess?.at && lastSuccess.at > addMinutes(now, -LOCK_MINUTES) ? lastSuccess.at : addMinutes(now, -LOCK_MINUTES);
  const recentFailures = await store.db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('success', '=', 0)
    .where('at', '>', lockSince)
    .executeTakeFirstOrThrow();
  const locked = Number(recentFailures.n) >= LOCK_AFTER_FAILURES;
  const u = await store.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirst();
  dummyHash ??= hashPassword('a password nobody has chosen, for timing');
  const ok = u?.password_hash ? await argonVerify(u.password_hash, input.password) : (await argonVerify(await dummyHash, input.password), false);
  if (!u || !ok || u.status !== 'active' || locked) {
    await inTransaction(store, async (trx) => {
      if (u && !locked && u.status === 'active' && !ok) {
        const failures = Number(u.failed_attempts) + 1;
        // Kept on the account for the administrators' page; the lock itself is decided above.
        await trx
          .updateTable('app_user')
          .set({ failed_attempts: failures, locked_until: failures >= LOCK_AFTER_FAILURES ? addMinutes(now, LOCK_MINUTES) : null })
          .where('id', '=', u.id)
          .execute();
        if (failures >= LOCK_AFTER_FAILURES) await appendAudit(trx, { actor: 'system', action: 'auth.locked', subject: `user:${u.id}`, details: { until: addMinutes(now, LOCK_MINUTES) }, at: now.toISOString() });
      }
      await record(trx, false, u ? Number(u.id) : null, locked ? 'locked' : !u ? 'unknown-account' : !ok ? 'wrong-password' : u.status);
    });
    if (locked) throw new AuthError('locked', `Sign-in with this e-mail address is locked for ${LOCK_MINUTES} minutes after too many failed attempts. Try again then, or reset the password.`);
    // Only the right password learns that an account is disabled.
    if (u && ok && u.status === 'disabled') throw new AuthError('disabled', 'This account is disabled.');
    throw new AuthError('invalid', 'The e-mail or the password is not right.');
  }
  return inTransaction(store, async (trx) => {
    await trx.updateTable('app_user').set({ failed_attempts: 0, locked_until: null }).where('id', '=', u.id).execute();
    await record(trx, true, Number(u.id), null);
    return createSession(trx, Number(u.id), input.ip, input.userAgent ?? null, now);
  });
}

/** A new session (a fresh token every time: the token before sign-in is never reused). */
export async function createSession(db: Executor, userId: number, ip: string | null, userAgent: string | null, now = new Date(), oidcIdToken: string | null = null): Promise<Session> {
  const token = newToken();
  const expiresAt = addMinutes(now, SESSION_ABSOLUTE_HOURS * 60);
  await db.insertInto('session').values({ user_id: userId, token_hash: tokenHash(token), created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ip, user_agent: userAgent?.slice(0, 300) ?? null, oidc_id_token: oidcIdToken }).execute();
  return { token, user: (await userById(db, userId))!, expiresAt };
}

/** The person a session token belongs to, or null if it is unknown, idle too long or expired. */
export async function sessionUser(store: Store, token: string, now = new Date()): Promise<User | null> {
  if (!token || token.length > 100) return null;
  const s = await store.db.selectFrom('session').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!s) return null;
  const idleLimit = addMinutes(now, -SESSION_IDLE_MINUTES);
  if (s.expires_at <= now.toISOString() || s.last_seen_at <= idleLimit) {
    await store.db.deleteFrom('session').where('id', '=', s.id).execute();
    return null;
  }
  // Touch at most once a minute.
  if (s.last_seen_at <= addMinutes(now, -1)) await store.db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id', '=', s.id).execute();
  const user = await userById(store.db, Number(s.user_id));
  return user && user.status === 'active' ? user : null;
}

/**
 * Ends the session. Says whether it had been opened through the identity provider, with the ID
 * token it came with, so the caller can end the provider's session too; null if there was none.
 */
export async function signOut(store: Store, token: string): Promise<{ oidcIdToken: string | null } | null> {
  if (!token || token.length > 100) return null;
  const s = await store.db.selectFrom('session').select(['id', 'user_id', 'oidc_id_token']).where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!s) return null;
  await inTransaction(store, async (trx) => {
    await trx.deleteFrom('session').where('id', '=', s.id).execute();
    await appendAudit(trx, { actor: `user:${s.user_id}`, action: 'auth.signout', subject: `user:${s.user_id}`, ...(s.oidc_id_token ? { details: { method: 'oidc' } } : {}) });
  });
  return { oidcIdToken: s.oidc_id_token };
}

/** Sets a password from an invitation or reset token (single use), and signs in. */
export async function usePasswordToken(store: Store, token: string, password: string, ip: string): Promise<Session> {
  const t = await store.db.selectFrom('user_token').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  const now = new Date();
  if (!t || (t.kind !== 'invitation' && t.kind !== 'reset') || t.used_at || (t.expires_at && t.expires_at <= now.toISOString())) {
    throw new AuthError('token', 'This link is not valid any more. Ask for a new one.');
  }
  const user = (await userById(store.db, Number(t.user_id)))!;
  // A disabled account stays disabled, whatever link reaches it.
  if (user.status === 'disabled') throw new AuthError('token', 'This link is not valid any more. Ask for a new one.');
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) throw new DomainError('weak_password', problem);
  const hashed = await hashPassword(password);
  return inTransaction(store, async (trx) => {
    // Single use, and the only one: this link voids every other invitation or reset link of the
    // account, and a new password revokes the account's personal access tokens too.
    const used = await trx.updateTable('user_token').set({ used_at: now.toISOString() }).where('id', '=', t.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AuthError('token', 'This link is not valid any more. Ask for a new one.');
    await trx.updateTable('user_token').set({ used_at: now.toISOString() }).where('user_id', '=', t.user_id).where('kind', 'in', ['invitation', 'reset']).where('used_at', 'is', null).execute();
    await trx.updateTable('user_token').set({ revoked_at: now.toISOString() }).where('user_id', '=', t.user_id).where('kind', '=', 'access').where('revoked_at', 'is', null).execute();
    // Only an invited or active account: one disabled meanwhile is not brought back.
    const set = await trx.updateTable('app_user').set({ password_hash: hashed, status: 'active', failed_attempts: 0, locked_until: null }).where('id', '=', t.user_id).where('status', '!=', 'disabled').executeTakeFirst();
    if (Number(set.numUpdatedRows) !== 1) throw new AuthError('token', 'This link is not valid any more. Ask for a new one.');
    // A new password ends a lock on the address, as a successful sign-in does.
    await trx.insertInto('login_attempt').values({ email: user.email, ip, at: now.toISOString(), success: 1 }).execute();
    await trx.deleteFrom('session').where('user_id', '=', t.user_id).execute();
    await appendAudit(trx, { actor: `user:${t.user_id}`, action: t.kind === 'invitation' ? 'auth.invitation-accepted' : 'auth.password-reset', subject: `user:${t.user_id}` });
    return createSession(trx, Number(t.user_id), ip, null, now);
  });
}

/**
 * Asks for a reset link: records the request — the same one write whether or not the address
 * has an account — and nothing else, so the answer takes as long either way and says nothing
 * (no account discovery). `processResetRequests` then sends the link if the account exists;
 * the caller starts it after answering, and the mail job works through any left behind.
 */
export async function requestPasswordReset(store: Store, email: string, baseUrl: string, now = new Date()): Promise<void> {
  await store.db.insertInto('reset_request').values({ email: normalEmail(email).slice(0, 320), base_url: baseUrl, at: now.toISOString(), processed_at: null }).execute();
}

/** Works through the recorded reset requests: a link (valid one hour) to each active account asked for. */
export async function processResetRequests(store: Store, now = new Date()): Promise<number> {
  const pending = await store.db.selectFrom('reset_request').selectAll().where('processed_at', 'is', null).orderBy('id').limit(100).execute();
  let sent = 0;
  for (const r of pending) {
    await inTransaction(store, async (trx) => {
      // Claimed in the transaction: two workers never both send for one request.
      const claim = await trx.updateTable('reset_request').set({ processed_at: now.toISOString() }).where('id', '=', r.id).where('processed_at', 'is', null).executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return;
      const u = await trx.selectFrom('app_user').select(['id', 'name', 'email', 'status']).where('email', '=', r.email).executeTakeFirst();
      if (!u || u.status === 'disabled') return;
      const token = newToken();
      await trx.insertInto('user_token').values({ user_id: Number(u.id), kind: 'reset', token_hash: tokenHash(token), name: null, created_at: now.toISOString(), expires_at: addMinutes(now, 60), used_at: null, last_used_at: null }).execute();
      await queueMail(trx, { to: u.email, kind: 'reset', subject: 'Reset your password', body: `Hello ${u.name},\n\nChoose a new password here (the link works for one hour):\n\n${r.base_url}/work/welcome?token=${token}\n\nIf you did not ask for this, ignore this message.\n` });
      await appendAudit(trx, { actor: 'anonymous', action: 'auth.reset-requested', subject: `user:${u.id}`, at: r.at });
      sent++;
    });
  }
  return sent;
}

export const TOKEN_SCOPES = ['read', 'workflow'] as const;
/** What a personal access token may do: read (GET only) or workflow (the plan actions too). */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A personal access token for the API (/api/v1/… only): shown once, stored as a hash. */
export async function createAccessToken(store: Store, userId: number, name: string, days = 90, scope: TokenScope = 'workflow'): Promise<string> {
  if (!TOKEN_SCOPES.includes(scope)) throw new DomainError('invalid_scope', `A token's scope is "read" or "workflow".`);
  const token = `adp_${newToken()}`;
  const now = new Date();
  await inTransaction(store, async (trx) => {
    await trx.insertInto('user_token').values({ user_id: userId, kind: 'access', token_hash: tokenHash(token), name: name.slice(0, 80), created_at: now.toISOString(), expires_at: addMinutes(now, days * 24 * 60), used_at: null, last_used_at: null, scope }).execute();
    await appendAudit(trx, { actor: `user:${userId}`, action: 'token.created', subject: `user:${userId}`, details: { name, scope } });
  });
  return token;
}

/** The person a personal access token belongs to, with its scope; null if unknown, expired, revoked or the account is not active. */
export async function accessTokenUser(store: Store, token: string): Promise<(User & { readonly tokenScope: TokenScope }) | null> {
  if (!token.startsWith('adp_') || token.length > 100) return null;
  const t = await store.db.selectFrom('user_token').selectAll().where('token_hash', '=', tokenHash(token)).where('kind', '=', 'access').executeTakeFirst();
  const now = new Date().toISOString();
  if (!t || t.revoked_at || (t.expires_at && t.expires_at <= now)) return null;
  await store.db.updateTable('user_token').set({ last_used_at: now }).where('id', '=', t.id).execute();
  const user = await userById(store.db, Number(t.user_id));
  return user && user.status === 'active' ? { ...user, tokenScope: t.scope === 'read' ? 'read' : 'workflow' } : null;
}

export interface AccessToken {
  readonly id: number;
  readonly name: string;
  readonly scope: TokenScope;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** A person's personal access tokens (never the tokens themselves), newest first. */
export async function accessTokensOf(db: Executor, userId: number): Promise<AccessToken[]> {
  const rows = await db.selectFrom('user_token').select(['id', 'name', 'scope', 'created_at', 'expires_at', 'last_used_at', 'revoked_at']).where('user_id', '=', userId).where('kind', '=', 'access').orderBy('id', 'desc').execute();
  return rows.map((t) => ({ id: Number(t.id), name: t.name ?? '', scope: t.scope === 'read' ? 'read' : 'workflow', createdAt: t.created_at, expiresAt: t.expires_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at }));
}

/** Revokes one of the person's own tokens (another's is "not found"). */
export async function revokeAccessToken(store: Store, userId: number, tokenId: number): Promise<void> {
  await inTransaction(store, async (trx) => {
    const r = await trx.updateTable('user_token').set({ revoked_at: new Date().toISOString() }).where('id', '=', tokenId).where('user_id', '=', userId).where('kind', '=', 'access').where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new DomainError('not_found', 'There is no such token of yours (or it is already revoked).');
    await appendAudit(trx, { actor: `user:${userId}`, action: 'token.revoked', subject: `user:${userId}`, details: { token: tokenId } });
  });
}

/**
 * Disables an account (its sessions end, its access tokens are revoked, its outstanding links
 * are void) or enables it again. An administrator cannot disable their own account.
 */
export async function setAccountStatus(store: Store, actor: string, userId: number, status: 'active' | 'disabled'): Promise<void> {
  if (status === 'disabled' && actor === `user:${userId}`) throw new DomainError('invalid_user', 'You cannot disable your own account; ask another administrator.');
  await inTransaction(store, async (trx) => {
    const u = await trx.selectFrom('app_user').select(['id', 'status', 'password_hash']).where('id', '=', userId).executeTakeFirst();
    if (!u) throw new DomainError('not_found', 'There is no such account.');
    const now = new Date().toISOString();
    if (status === 'disabled') {
      await trx.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', userId).execute();
      await trx.deleteFrom('session').where('user_id', '=', userId).execute();
      await trx.updateTable('user_token').set({ revoked_at: now }).where('user_id', '=', userId).where('kind', '=', 'access').where('revoked_at', 'is', null).execute();
      await trx.updateTable('user_token').set({ used_at: now }).where('user_id', '=', userId).where('kind', 'in', ['invitation', 'reset']).where('used_at', 'is', null).execute();
    } else {
      // Back to active, or to invited if the person never chose a password.
      await trx.updateTable('app_user').set({ status: u.password_hash ? 'active' : 'invited', failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
    }
    await appendAudit(trx, { actor, action: status === 'disabled' ? 'user.disabled' : 'user.enabled', subject: `user:${userId}` });
  });
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
