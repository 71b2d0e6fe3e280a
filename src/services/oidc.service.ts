/**
 * Sign-in through the state's identity provider (OpenID Connect, authorization code flow with
 * PKCE). The provider proves who the person is; this system still decides what they may do: it
 * never creates an account, it only signs in to one the state administrator made (with its
 * roles). The first time, the account is found by the provider's verified e-mail and linked to
 * the provider's subject; from then on it is found by that subject alone, so a later change of
 * e-mail at the provider changes nothing here.
 *
 * Configuration comes from the environment: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
 * optionally OIDC_LABEL (the provider's name on the button) and OIDC_REDIRECT_URI (default
 * `${PUBLIC_URL or the request's origin}/work/oidc/callback`). The state, nonce and PKCE verifier
 * of a sign-in in progress travel in a short-lived cookie signed with SESSION_SECRET — or with a
 * random secret made per process when it is unset, which works for one process only: a
 * deployment with several processes (or a restart between the two legs) must set SESSION_SECRET.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { inTransaction, type Store } from '../data/database.ts';
import type { Executor } from '../data/batch.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './audit.service.ts';
import { createSession, type Session } from './auth.service.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const OIDC_COOKIE = 'alliance_oidc';
export const OIDC_CALLBACK_PATH = '/work/oidc/callback';
/** How long a person has at the provider before the sign-in must start again. */
export const OIDC_COOKIE_MINUTES = 10;

/** Why a sign-in through the provider was refused; each has one fixed message (oidcMessage). */
export const OIDC_REFUSALS = ['not_configured', 'expired', 'mismatch', 'provider', 'unverified', 'no_account', 'disabled', 'linked_elsewhere'] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export class OidcError extends DomainError {
  readonly reason: OidcRefusal;
  constructor(reason: OidcRefusal, message: string, info: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(`oidc_${reason}`, message, info, options);
    this.name = 'OidcError';
    this.reason = reason;
  }
}

export interface OidcSettings {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The provider's name as people know it: "CT.gov". */
  readonly label: string;
  readonly redirectUri: string | null;
}

/**
 * The provider's settings, or null when OIDC is not configured (issuer, client id and secret are
 * all needed). Throws when they are set but the issuer is not a URL.
 */
export function oidcSettings(env: Env): OidcSettings | null {
  if (!oidcConfigured(env)) return null;
  const issuer = env.OIDC_ISSUER!.trim();
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new OidcError('not_configured', `OIDC_ISSUER is not a URL: "${issuer}".`);
  }
  return { issuer: url, clientId: env.OIDC_CLIENT_ID!.trim(), clientSecret: env.OIDC_CLIENT_SECRET!, label: providerLabel(env), redirectUri: env.OIDC_REDIRECT_URI?.trim() || null };
}

export function oidcConfigured(env: Env): boolean {
  return Boolean(env.OIDC_ISSUER?.trim() && env.OIDC_CLIENT_ID?.trim() && env.OIDC_CLIENT_SECRET);
}

/** The provider's name as people know it: OIDC_LABEL ("CT.gov"), else the issuer's host. */
function providerLabel(env: Env): string {
  let host = 'your identity provider';
  try {
    if (env.OIDC_ISSUER) host = new URL(env.OIDC_ISSUER.trim()).host;
  } catch {
    // oidcSettings says what is wrong with it.
  }
  // "Sign in with CT.gov" and "CT.gov" both give the button "Sign in with CT.gov".
  return (env.OIDC_LABEL?.trim() || host).replace(/^sign in with\s+/i, '');
}

/** The text of the button on the sign-in page, or null when OIDC is not configured. */
export function oidcButtonLabel(env: Env): string | null {
  return oidcConfigured(env) ? `Sign in with ${providerLabel(env)}` : null;
}

/** The one message shown for each refusal (the sign-in page maps ?error=… through this only). */
export function oidcMessage(reason: OidcRefusal, env: Env = {}): string {
  const provider = oidcConfigured(env) ? providerLabel(env) : 'the sign-in service';
  switch (reason) {
    case 'not_configured':
      return 'Sign-in through an identity provider is not set up on this site. Sign in with your e-mail and password.';
    case 'expired':
      return 'The sign-in took too long or was started in another browser. Start again.';
    case 'mismatch':
      return 'The answer from the sign-in service does not belong to the sign-in started here. Start again.';
    case 'provider':
      return `${provider} did not complete the sign-in. Try again, or sign in with your e-mail and password.`;
    case 'unverified':
      return `${provider} has not verified your e-mail address, so it cannot be matched to an account here. Verify it there, or sign in with your e-mail and password.`;
    case 'no_account':
      return `${provider} signed you in, but there is no account here for you. Accounts are made by the state administrator: ask them to invite the e-mail address you use at ${provider}.`;
    case 'disabled':
      return 'This account is disabled.';
    case 'linked_elsewhere':
      return `The account with this e-mail address is already linked to another ${provider} identity. Ask the state administrator.`;
  }
}

export function isOidcRefusal(value: string | null): value is OidcRefusal {
  return value !== null && (OIDC_REFUSALS as readonly string[]).includes(value);
}

/**
 * Where to go after signing in: only a path on this site, so a link cannot send a person who
 * just signed in elsewhere. Only the characters of an encoded URL path and query are allowed:
 * browsers drop tabs and newlines from addresses ("/\t/evil.example" would become
 * "//evil.example") and read a backslash as a slash. Never back into the sign-in itself.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 500 || !/^\/(?!\/)[\w\-./~%!$&'()*+,;=:@?#]*$/.test(next)) return '/work';
  return next.startsWith('/work/oidc/') ? '/work' : next;
}

// ----- the signed cookie that carries a sign-in in progress -----

/** What the callback needs from the start of the sign-in, kept in the browser, signed. */
export interface OidcSaved {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  /** Where to go after signing in (a same-site path; the route checks it again). */
  readonly next: string;
  /** Until when (ms since the epoch) the cookie is honoured. */
  readonly expires: number;
}

let processSecret: Buffer | undefined;

/** SESSION_SECRET, or a random secret for this process only (see the module comment). */
function cookieSecret(env: Env): Buffer {
  if (env.SESSION_SECRET) return Buffer.from(env.SESSION_SECRET, 'utf8');
  processSecret ??= randomBytes(32);
  return processSecret;
}

const mac = (env: Env, payload: string) => createHmac('sha256', cookieSecret(env)).update(`oidc:${payload}`).digest('base64url');

export function sealOidcCookie(env: Env, saved: OidcSaved): string {
  const payload = Buffer.from(JSON.stringify(saved), 'utf8').toString('base64url');
  return `${payload}.${mac(env, payload)}`;
}

/** The saved sign-in, or null if the cookie is missing, altered, malformed or expired. */
export function openOidcCookie(env: Env, value: string | null | undefined, now = new Date()): OidcSaved | null {
  if (!value || value.length > 4000) return null;
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(env, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<OidcSaved>;
    const strings = [s.state, s.nonce, s.codeVerifier, s.redirectUri, s.next];
    if (strings.some((x) => typeof x !== 'string') || typeof s.expires !== 'number') return null;
    return s.expires > now.getTime() ? (s as OidcSaved) : null;
  } catch {
    return null;
  }
}

/** The sign-in in progress from a request's Cookie header, or null (see openOidcCookie). */
export function readOidcCookie(env: Env, cookieHeader: string | null, now = new Date()): OidcSaved | null {
  for (const part of cookieHeader?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name === OIDC_COOKIE) return openOidcCookie(env, value.join('='), now);
  }
  return null;
}

/** The Set-Cookie value for a sign-in in progress: only sent back to the callback, HttpOnly, Lax. */
export function oidcCookieHeader(value: string, secure: boolean): string {
  return `${OIDC_COOKIE}=${value}; Path=${OIDC_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=${OIDC_COOKIE_MINUTES * 60}${secure ? '; Secure' : ''}`;
}

export function clearOidcCookieHeader(secure: boolean): string {
  return `${OIDC_COOKIE}=; Path=${OIDC_CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

// ----- talking to the provider -----

/** Plain HTTP only to a provider on this machine (development and tests); HTTPS otherwise. */
function loopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Discovery is cached per provider and client for an hour, so a sign-in costs no extra round trip. */
const configurations = new Map<string, { at: number; config: Promise<client.Configuration> }>();
const DISCOVERY_TTL_MS = 60 * 60_000;

async function providerConfiguration(s: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([s.issuer.href, s.clientId, s.clientSecret]);
  const hit = configurations.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const config = client.discovery(s.issuer, s.clientId, s.clientSecret, client.ClientSecretBasic(s.clientSecret), {
    timeout: 10,
    execute: loopback(s.issuer) ? [client.allowInsecureRequests] : [],
  });
  configurations.set(key, { at: Date.now(), config });
  config.catch(() => configurations.delete(key));
  return config;
}

function settingsOrRefuse(env: Env): OidcSettings {
  const s = oidcSettings(env);
  if (!s) throw new OidcError('not_configured', oidcMessage('not_configured'));
  return s;
}

export interface OidcStart {
  /** Where to send the browser: the provider's authorization endpoint. */
  readonly url: URL;
  /** What the callback needs; keep it in the browser with sealOidcCookie. */
  readonly saved: OidcSaved;
}

/**
 * Starts a sign-in at the provider: a fresh state, nonce and PKCE verifier each time. `origin` is
 * the site's public address (the app's publicOrigin: PUBLIC_URL, else the request's).
 */
export async function beginOidc(env: Env, options: { origin: string; next: string; now?: Date }): Promise<OidcStart> {
  const s = settingsOrRefuse(env);
  let config: client.Configuration;
  try {
    config = await providerConfiguration(s);
  } catch (e) {
    throw new OidcError('provider', oidcMessage('provider', env), { issuer: s.issuer.href, problem: String(e) }, { cause: e });
  }
  const base = options.origin.replace(/\/+$/, '');
  const redirectUri = s.redirectUri ?? `${base}${OIDC_CALLBACK_PATH}`;
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const expires = (options.now ?? new Date()).getTime() + OIDC_COOKIE_MINUTES * 60_000;
  return { url, saved: { state, nonce, codeVerifier, redirectUri, next: options.next, expires } };
}

/**
 * Where to send the browser after signing out here of a session opened through the provider, so
 * its session ends too (RP-Initiated Logout: the provider's end_session_endpoint with the ID token
 * as id_token_hint and the sign-in page to come back to). Null — sign out here only — when
 * OIDC_SIGNOUT=local (a state whose provider also signs people in to other systems may prefer
 * that), when the provider advertises no end-session endpoint, or when it does not answer within
 * two seconds: the session here is already ended, and the person is never kept waiting longer.
 * `origin` is the site's public address (the app's publicOrigin).
 */
export async function oidcSignOutUrl(env: Env, idToken: string | null, origin: string): Promise<URL | null> {
  const s = oidcSettings(env);
  if (!s || !idToken || env.OIDC_SIGNOUT?.trim().toLowerCase() === 'local') return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Discovery is usually cached; when it is not, the person waits at most this long.
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from the provider in ${SIGN_OUT_WAIT_MS} ms`)), SIGN_OUT_WAIT_MS)));
    const config = await Promise.race([providerConfiguration(s), late]);
    if (!config.serverMetadata().end_session_endpoint) return null;
    const base = origin.replace(/\/+$/, '');
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: env.OIDC_POST_LOGOUT_REDIRECT_URI?.trim() || `${base}${OIDC_SIGNED_OUT_PATH}` });
  } catch (e) {
    console.error(`OIDC sign-out at the provider was skipped: ${String(e).slice(0, 300)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** How long signing out waits for the provider's discovery document before signing out here only. */
const SIGN_OUT_WAIT_MS = 2_000;

/** Where the provider sends people back after signing out there (register it with the provider). */
export const OIDC_SIGNED_OUT_PATH = '/work/signin?signedout=1';

/** The origin the browser is sent to when signing out at the provider (for the CSP's form-action). */
export function oidcProviderOrigin(env: Env): string | null {
  if (env.OIDC_SIGNOUT?.trim().toLowerCase() === 'local') return null;
  try {
    return oidcSettings(env)?.issuer.origin ?? null;
  } catch {
    return null; // a malformed issuer is reported where sign-in starts, not on every page
  }
}

interface Identity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  /** The ID token itself, kept with the session for signing out at the provider. */
  readonly idToken: string | null;
}

/** Exchanges the code and checks state, nonce, PKCE and the ID token; the e-mail from userinfo if the ID token lacks it. */
async function identify(env: Env, s: OidcSettings, callbackUrl: URL, saved: OidcSaved): Promise<Identity> {
  // Checked here first for a clear refusal; openid-client checks state and nonce again.
  if (callbackUrl.searchParams.get('state') !== saved.state) {
    throw new OidcError('mismatch', oidcMessage('mismatch', env), { problem: 'state' });
  }
  // The redirect_uri sent to the token endpoint must be the one sent to the provider, whatever
  // address this server sees itself at behind a proxy.
  const current = new URL(saved.redirectUri);
  current.search = callbackUrl.search;
  let config: client.Configuration;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    config = await providerConfiguration(s);
    tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: saved.codeVerifier, expectedState: saved.state, expectedNonce: saved.nonce, idTokenExpected: true });
  } catch (e) {
    if (e instanceof client.AuthorizationResponseError) {
      throw new OidcError('provider', oidcMessage('provider', env), { problem: e.error }, { cause: e });
    }
    // The ID token was issued for another sign-in (its nonce is not the one we sent).
    const claim = (e as { cause?: { cause?: { claim?: unknown } } }).cause?.cause?.claim;
    if (e instanceof client.ClientError && e.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') {
      throw new OidcError('mismatch', oidcMessage('mismatch', env), { problem: 'nonce' }, { cause: e });
    }
    throw new OidcError('provider', oidcMessage('provider', env), { problem: String(e).slice(0, 300) }, { cause: e });
  }
  const claims = tokens.claims()!;
  let email = typeof claims.email === 'string' ? claims.email : null;
  let verified = claims.email_verified === true;
  if (email === null || claims.email_verified === undefined) {
    // Many providers put the e-mail in userinfo only (the ID token stays small).
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = typeof info.email === 'string' ? info.email : null;
      verified = info.email_verified === true;
    } catch (e) {
      throw new OidcError('provider', oidcMessage('provider', env), { problem: String(e).slice(0, 300) }, { cause: e });
    }
  }
  return { issuer: claims.iss, subject: claims.sub, email: email?.trim().toLowerCase() || null, emailVerified: verified, idToken: tokens.id_token ?? null };
}

/**
 * Finishes a sign-in: checks the provider's answer, finds the account (by subject if linked;
 * otherwise by verified e-mail, which links it and activates an invitation), and opens a
 * session. Every outcome is recorded (login_attempt and the audit chain), each in the same
 * transaction as what it records. Throws OidcError when it refuses.
 */
export async function completeOidc(store: Store, env: Env, callbackUrl: URL, saved: OidcSaved | null, ip: string, userAgent: string | null, now = new Date()): Promise<Session> {
  let identity: Identity | null = null;
  const refuse = async (reason: OidcRefusal, userId: number | null, info: Record<string, unknown> = {}, cause?: unknown): Promise<never> => {
    await inTransaction(store, async (trx) => {
      await recordAttempt(trx, identity, ip, now, false);
      await appendAudit(trx, {
        actor: userId ? `user:${userId}` : 'anonymous',
        action: 'auth.oidc-refused',
        subject: userId ? `user:${userId}` : identity?.email ? `email:${identity.email}` : identity ? `oidc:${identity.subject}` : 'oidc:unknown',
        details: { ip, reason, ...(identity ? { issuer: identity.issuer, subject: identity.subject } : {}), ...info },
        at: now.toISOString(),
      });
    });
    throw new OidcError(reason, oidcMessage(reason, env), { ...info, ...(userId ? { userId } : {}) }, cause ? { cause } : undefined);
  };

  // Not a sign-in attempt at all: nothing to record.
  const s = settingsOrRefuse(env);
  if (!saved) return refuse('expired', null);
  try {
    identity = await identify(env, s, callbackUrl, saved);
  } catch (e) {
    if (e instanceof OidcError) return refuse(e.reason, null, e.info as Record<string, unknown>, e.cause);
    throw e;
  }
  const id = identity;

  const linked = await store.db.selectFrom('app_user').select('id').where('oidc_issuer', '=', id.issuer).where('oidc_subject', '=', id.subject).executeTakeFirst();
  if (linked) {
    const linkedId = Number(linked.id);
    const session = await inTransaction(store, async (trx) => {
      // Read in the transaction, so an account disabled a moment ago does not get in.
      const { status } = await trx.selectFrom('app_user').select('status').where('id', '=', linkedId).executeTakeFirstOrThrow();
      if (status !== 'active' && status !== 'invited') return null;
      if (status === 'invited') await trx.updateTable('app_user').set((eb) => ({ status: 'active', row_version: eb('row_version', '+', 1) })).where('id', '=', linkedId).execute();
      return signedIn(trx, linkedId, id, ip, userAgent, now);
    });
    return session ?? refuse('disabled', linkedId);
  }

  if (!id.email) return refuse('unverified', null, { problem: 'no e-mail claim' });
  if (!id.emailVerified) return refuse('unverified', null);
  const u = await store.db.selectFrom('app_user').select(['id', 'status', 'oidc_issuer', 'oidc_subject']).where('email', '=', id.email).executeTakeFirst();
  if (!u) return refuse('no_account', null);
  if (u.status === 'disabled') return refuse('disabled', Number(u.id));
  if (u.status !== 'active' && u.status !== 'invited') return refuse('disabled', Number(u.id), { status: u.status });
  // An account already tied to another identity is not re-tied silently: the provider may have
  // handed the address to someone else.
  if (u.oidc_subject !== null) return refuse('linked_elsewhere', Number(u.id), { linkedIssuer: u.oidc_issuer });

  const userId = Number(u.id);
  const session = await inTransaction(store, async (trx) => {
    const r = await trx
      .updateTable('app_user')
      .set((eb) => ({ oidc_issuer: id.issuer, oidc_subject: id.subject, status: 'active', row_version: eb('row_version', '+', 1) }))
      .where('id', '=', userId)
      .where('oidc_subject', 'is', null)
      .where('status', 'in', ['active', 'invited'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return null; // linked or disabled meanwhile
    // Signing in through the provider accepts the invitation: its set-a-password link is spent.
    if (u.status === 'invited') await trx.updateTable('user_token').set({ used_at: now.toISOString() }).where('user_id', '=', userId).where('kind', '=', 'invitation').where('used_at', 'is', null).execute();
    await appendAudit(trx, {
      actor: `user:${userId}`,
      action: 'auth.oidc-linked',
      subject: `user:${userId}`,
      details: { issuer: id.issuer, subject: id.subject, email: id.email, ...(u.status === 'invited' ? { activated: true } : {}) },
      at: now.toISOString(),
    });
    return signedIn(trx, userId, id, ip, userAgent, now);
  });
  return session ?? refuse('linked_elsewhere', userId, { problem: 'changed while linking' });
}

async function recordAttempt(trx: Executor, identity: Identity | null, ip: string, now: Date, success: boolean): Promise<void> {
  // The same table as password sign-ins, so failures here count toward the address's throttle.
  const who = identity?.email ?? (identity ? `oidc:${identity.subject}` : 'oidc:unknown');
  await trx.insertInto('login_attempt').values({ email: who.slice(0, 200), ip, at: now.toISOString(), success: success ? 1 : 0 }).execute();
}

async function signedIn(trx: Executor, userId: number, id: Identity, ip: string, userAgent: string | null, now: Date): Promise<Session> {
  await recordAttempt(trx, id, ip, now, true);
  await appendAudit(trx, { actor: `user:${userId}`, action: 'auth.signin', subject: `user:${userId}`, details: { ip, method: 'oidc', issuer: id.issuer }, at: now.toISOString() });
  return createSession(trx, userId, ip, userAgent, now, id.idToken);
}
