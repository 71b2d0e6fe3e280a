/**
 * Sign-in through an OpenID Connect provider, against a real one: oidc-provider runs on this
 * machine with one confidential client (client_secret_basic, PKCE required) and its development
 * login and consent pages, which the test drives with fetch (manual redirects, a cookie jar) the
 * way a browser would. On SQLite and PostgreSQL: linking an invited account by verified e-mail,
 * finding it by subject after, and every refusal — with nothing created and the audit intact.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
// @ts-expect-error oidc-provider ships no type declarations (and there is no @types package for v9).
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { auditOf, verifyAudit } from './audit.service.ts';
import { createUser, sessionUser, signOut, usePasswordToken } from './auth.service.ts';
import {
  beginOidc,
  completeOidc,
  OIDC_CALLBACK_PATH,
  OIDC_SIGNED_OUT_PATH,
  oidcButtonLabel,
  oidcConfigured,
  OidcError,
  oidcProviderOrigin,
  oidcSignOutUrl,
  openOidcCookie,
  readOidcCookie,
  safeNext,
  sealOidcCookie,
  type OidcSaved,
} from './oidc.service.ts';

const CLIENT_ID = 'alliance-plans';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

/** The people the provider knows, by subject; tests change them between sign-ins. */
const people = new Map<string, { email: string; email_verified: boolean }>();

let server: Server;
let issuer = '';
let env: Record<string, string>;

beforeAll(async () => {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${issuer}${OIDC_CALLBACK_PATH}`],
        post_logout_redirect_uris: [`${issuer}${OIDC_SIGNED_OUT_PATH}`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    async findAccount(_ctx: unknown, sub: string) {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: async () => ({ sub, ...person }) } : undefined;
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: true } },
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
  });
  handle = provider.callback();
  // The app's callback is on the same origin here; the test stops at the redirect to it.
  env = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_LABEL: 'Test ID', SESSION_SECRET: randomBytes(32).toString('hex') };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Cookies as a browser keeps them: by name and path, sent to paths under theirs, gone when expired. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const gone = attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() <= Date.now());
      if (gone) this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
  }
}

/**
 * What a browser does between leaving this site and coming back: follows the provider's
 * redirects, signs in as the subject on its login page, consents, and stops at the redirect to
 * our callback — whose address (code, state, iss) it returns.
 */
async function atProvider(authorizationUrl: URL, subject: string, jar = new CookieJar(), prompts: string[] = []): Promise<URL> {
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const next = new URL(response.headers.get('location')!, url);
      if (next.pathname === OIDC_CALLBACK_PATH) return next;
      url = next;
      body = undefined;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${html.slice(0, 400)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`No login or consent form at ${url.pathname}: ${html.slice(0, 400)}`);
    prompts.push(prompt);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any password: the development login takes any' } : { prompt });
  }
  throw new Error('The provider redirected more than 20 times.');
}

/** One whole round: start here, sign in there, come back with the signed cookie. */
async function roundTrip(subject: string, next = '/work', jar?: CookieJar, prompts?: string[]): Promise<{ callback: URL; saved: OidcSaved }> {
  const start = await beginOidc(env, { origin: issuer, next });
  const saved = openOidcCookie(env, sealOidcCookie(env, start.saved));
  expect(saved).toEqual(start.saved);
  return { callback: await atProvider(start.url, subject, jar, prompts), saved: saved! };
}

/** What a browser does at the provider's end-session endpoint: confirms, and is sent back. */
async function signOutAtProvider(endSessionUrl: URL, jar: CookieJar): Promise<URL> {
  const page = await fetch(endSessionUrl, { redirect: 'manual', headers: { cookie: jar.header(endSessionUrl) } });
  jar.take(page);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !action || !xsrf) throw new Error(`No sign-out confirmation at ${endSessionUrl.pathname} (${page.status}): ${html.slice(0, 400)}`);
  let url = new URL(action.replaceAll('&amp;', '&'), endSessionUrl);
  let response = await fetch(url, { method: 'POST', body: new URLSearchParams({ xsrf, logout: 'yes' }), redirect: 'manual', headers: { cookie: jar.header(url) } });
  for (let hop = 0; hop < 5 && response.status >= 300 && response.status < 400; hop++) {
    jar.take(response);
    await response.body?.cancel();
    const next = new URL(response.headers.get('location')!, url);
    if (next.origin === issuer && next.pathname + next.search === OIDC_SIGNED_OUT_PATH) return next;
    url = next;
    response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
  }
  throw new Error(`The provider did not send the browser back after signing out (${response.status}).`);
}

const userRow = (store: Store, email: string) => store.db.selectFrom('app_user').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
const userCount = async (store: Store) => Number((await store.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('configuration and the signed cookie', () => {
  it('is configured only with an issuer, a client id and a secret; the button names the provider', () => {
    expect(oidcConfigured({})).toBe(false);
    expect(oidcConfigured({ OIDC_ISSUER: 'https://login.example.gov', OIDC_CLIENT_ID: 'x' })).toBe(false);
    const full = { OIDC_ISSUER: 'https://login.example.gov', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' };
    expect(oidcButtonLabel(full)).toBe('Sign in with login.example.gov');
    expect(oidcButtonLabel({ ...full, OIDC_LABEL: 'CT.gov' })).toBe('Sign in with CT.gov');
    expect(oidcButtonLabel({ ...full, OIDC_LABEL: 'Sign in with CT.gov' })).toBe('Sign in with CT.gov');
  });

  it('goes on only to a path on this site after signing in', () => {
    expect(safeNext('/work/plans/7?tab=budget#goals')).toBe('/work/plans/7?tab=budget#goals');
    for (const evil of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'https://evil.example/', 'javascript:alert(1)', '', null, '/work/oidc/start']) {
      expect(safeNext(evil), JSON.stringify(evil)).toBe('/work');
    }
  });

  it('asks for the code flow with PKCE (S256), a fresh state and nonce, and our callback', async () => {
    const a = await beginOidc(env, { origin: 'http://app.test', next: '/work' });
    const b = await beginOidc(env, { origin: 'https://plans.example.gov/', next: '/work' });
    const q = a.url.searchParams;
    expect(a.url.origin).toBe(issuer);
    expect([q.get('response_type'), q.get('code_challenge_method'), q.get('client_id'), q.get('scope')]).toEqual(['code', 'S256', CLIENT_ID, 'openid email']);
    expect(q.get('redirect_uri')).toBe(`http://app.test${OIDC_CALLBACK_PATH}`);
    expect(b.url.searchParams.get('redirect_uri')).toBe(`https://plans.example.gov${OIDC_CALLBACK_PATH}`);
    expect(q.get('state')).toBe(a.saved.state);
    expect(q.get('nonce')).toBe(a.saved.nonce);
    expect(q.get('code_challenge')).not.toBe(a.saved.codeVerifier);
    expect(a.saved.state).not.toBe(b.saved.state);
    expect(a.saved.nonce).not.toBe(b.saved.nonce);
    expect(a.saved.codeVerifier).not.toBe(b.saved.codeVerifier);
  });

  it('refuses a cookie that was altered, signed with another secret, or is too old', async () => {
    const { saved } = await beginOidc(env, { origin: issuer, next: '/work', now: new Date('2026-12-01T10:00:00Z') });
    const cookie = sealOidcCookie(env, saved);
    expect(openOidcCookie(env, cookie, new Date('2026-12-01T10:09:00Z'))).toEqual(saved);
    expect(openOidcCookie(env, cookie, new Date('2026-12-01T10:11:00Z'))).toBeNull();
    const [payload, signature] = cookie.split('.');
    const forged = Buffer.from(JSON.stringify({ ...saved, next: 'https://evil.example' })).toString('base64url');
    expect(openOidcCookie(env, `${forged}.${signature}`, new Date('2026-12-01T10:01:00Z'))).toBeNull();
    expect(openOidcCookie({ ...env, SESSION_SECRET: 'another secret' }, cookie, new Date('2026-12-01T10:01:00Z'))).toBeNull();
    expect(openOidcCookie(env, `${payload}`, new Date('2026-12-01T10:01:00Z'))).toBeNull();
    expect(openOidcCookie(env, null)).toBeNull();
    expect(readOidcCookie(env, `theme=dark; alliance_oidc=${cookie}; other=1`, new Date('2026-12-01T10:01:00Z'))).toEqual(saved);
    expect(readOidcCookie(env, 'theme=dark')).toBeNull();
  });
});

describe.each(dialects)('sign-in through the identity provider ($name)', (dialect) => {
  let store: Store;
  let invitation: string;
  beforeAll(async () => {
    store = await dialect.open();
    ({ invitation } = (await createUser(store, 'admin', { email: 'ivy@example.org', name: 'Ivy Invited', grants: [{ role: 'district-editor', districtCode: '0640011' }] })) as { invitation: string });
  });
  afterAll(async () => dialect.close(store));

  it('links an invited account by its verified e-mail, activates it and signs in; the invitation link is then spent', async () => {
    people.set('sub-ivy', { email: 'Ivy@Example.org', email_verified: true });
    expect((await userRow(store, 'ivy@example.org')).status).toBe('invited');
    const { callback, saved } = await roundTrip('sub-ivy', '/work/plans/7');
    expect(callback.searchParams.get('code')).toBeTruthy();
    const session = await completeOidc(store, env, callback, saved, '10.9.0.1', 'vitest');
    const user = await sessionUser(store, session.token);
    expect(user).toMatchObject({ email: 'ivy@example.org', status: 'active', grants: [{ role: 'district-editor', districtCode: '0640011' }] });
    const row = await userRow(store, 'ivy@example.org');
    expect([row.oidc_issuer, row.oidc_subject, row.password_hash]).toEqual([issuer, 'sub-ivy', null]);
    const events = await auditOf(store.db, `user:${row.id}`);
    expect(events.find((e) => e.action === 'auth.oidc-linked')?.details).toMatchObject({ issuer, subject: 'sub-ivy', email: 'ivy@example.org', activated: true });
    expect(events.at(-1)).toMatchObject({ action: 'auth.signin', details: { method: 'oidc', ip: '10.9.0.1' } });
    await expect(usePasswordToken(store, invitation, 'a long enough passphrase for ivy', '10.9.0.1')).rejects.toThrow(/not valid any more/);
  });

  it('finds the linked account by its subject the next time, even after the e-mail changed at the provider', async () => {
    people.set('sub-ivy', { email: 'ivy.renamed@elsewhere.example', email_verified: false });
    const { callback, saved } = await roundTrip('sub-ivy');
    const session = await completeOidc(store, env, callback, saved, '10.9.0.2', null);
    expect((await sessionUser(store, session.token))?.email).toBe('ivy@example.org');
    const events = await auditOf(store.db, `user:${(await userRow(store, 'ivy@example.org')).id}`);
    expect(events.filter((e) => e.action === 'auth.oidc-linked')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'auth.signin')).toHaveLength(2);
  });

  it('refuses a person with no account here, and creates none', async () => {
    people.set('sub-stranger', { email: 'stranger@example.org', email_verified: true });
    const before = await userCount(store);
    const { callback, saved } = await roundTrip('sub-stranger');
    const refusal = completeOidc(store, env, callback, saved, '10.9.0.3', null);
    await expect(refusal).rejects.toBeInstanceOf(OidcError);
    await expect(refusal).rejects.toMatchObject({ code: 'oidc_no_account', message: /state administrator/ });
    expect(await userCount(store)).toBe(before);
    const [event] = await auditOf(store.db, 'email:stranger@example.org');
    expect(event).toMatchObject({ action: 'auth.oidc-refused', actor: 'anonymous', details: { reason: 'no_account', subject: 'sub-stranger', ip: '10.9.0.3' } });
    const attempt = await store.db.selectFrom('login_attempt').selectAll().where('email', '=', 'stranger@example.org').executeTakeFirstOrThrow();
    expect(Number(attempt.success)).toBe(0);
  });

  it('refuses an e-mail the provider has not verified, even when an account has it', async () => {
    await createUser(store, 'admin', { email: 'una@example.org', name: 'Una Verified', grants: [] });
    people.set('sub-una', { email: 'una@example.org', email_verified: false });
    const { callback, saved } = await roundTrip('sub-una');
    await expect(completeOidc(store, env, callback, saved, '10.9.0.4', null)).rejects.toMatchObject({ code: 'oidc_unverified' });
    const row = await userRow(store, 'una@example.org');
    expect([row.status, row.oidc_subject]).toEqual(['invited', null]);
  });

  it('refuses a disabled account, linked or not', async () => {
    await createUser(store, 'admin', { email: 'dora@example.org', name: 'Dora Disabled', grants: [] });
    await store.db.updateTable('app_user').set({ status: 'disabled' }).where('email', '=', 'dora@example.org').execute();
    people.set('sub-dora', { email: 'dora@example.org', email_verified: true });
    const first = await roundTrip('sub-dora');
    await expect(completeOidc(store, env, first.callback, first.saved, '10.9.0.5', null)).rejects.toMatchObject({ code: 'oidc_disabled', message: 'This account is disabled.' });
    expect((await userRow(store, 'dora@example.org')).oidc_subject).toBeNull();
    // Ivy is linked; once disabled, her subject no longer gets in either.
    await store.db.updateTable('app_user').set({ status: 'disabled' }).where('email', '=', 'ivy@example.org').execute();
    const second = await roundTrip('sub-ivy');
    await expect(completeOidc(store, env, second.callback, second.saved, '10.9.0.5', null)).rejects.toMatchObject({ code: 'oidc_disabled' });
    await store.db.updateTable('app_user').set({ status: 'active' }).where('email', '=', 'ivy@example.org').execute();
  });

  it('does not re-link an account already linked to another identity', async () => {
    people.set('sub-imposter', { email: 'ivy@example.org', email_verified: true });
    const { callback, saved } = await roundTrip('sub-imposter');
    await expect(completeOidc(store, env, callback, saved, '10.9.0.6', null)).rejects.toMatchObject({ code: 'oidc_linked_elsewhere' });
    expect((await userRow(store, 'ivy@example.org')).oidc_subject).toBe('sub-ivy');
  });

  it('refuses an answer that belongs to another sign-in (state or nonce), or comes without its cookie', async () => {
    people.set('sub-ivy', { email: 'ivy@example.org', email_verified: true });
    const { callback, saved } = await roundTrip('sub-ivy');
    const other = (await beginOidc(env, { origin: issuer, next: '/work' })).saved;
    await expect(completeOidc(store, env, callback, other, '10.9.0.7', null)).rejects.toMatchObject({ code: 'oidc_mismatch', info: { problem: 'state' } });
    await expect(completeOidc(store, env, callback, null, '10.9.0.7', null)).rejects.toMatchObject({ code: 'oidc_expired' });
    await expect(completeOidc(store, env, callback, { ...saved, nonce: other.nonce }, '10.9.0.7', null)).rejects.toMatchObject({ code: 'oidc_mismatch', info: { problem: 'nonce' } });
    const refusals = (await store.db.selectFrom('audit_event').select('details').where('action', '=', 'auth.oidc-refused').execute()).map((r) => (JSON.parse(r.details) as { reason: string }).reason);
    expect(refusals).toEqual(expect.arrayContaining(['mismatch', 'expired']));
  });

  it('refuses when the person cancels at the provider', async () => {
    const start = await beginOidc(env, { origin: issuer, next: '/work' });
    const cancelled = new URL(`${issuer}${OIDC_CALLBACK_PATH}?error=access_denied&state=${start.saved.state}&iss=${encodeURIComponent(issuer)}`);
    await expect(completeOidc(store, env, cancelled, start.saved, '10.9.0.8', null)).rejects.toMatchObject({ code: 'oidc_provider', info: { problem: 'access_denied' } });
  });

  it('signing out ends the provider\'s session too: the next sign-in there asks for the password again', async () => {
    people.set('sub-ivy', { email: 'ivy@example.org', email_verified: true });
    const jar = new CookieJar();
    const first: string[] = [];
    const a = await roundTrip('sub-ivy', '/work', jar, first);
    const session = await completeOidc(store, env, a.callback, a.saved, '10.9.0.9', null);
    expect(first).toContain('login');
    // Still signed in at the provider: another sign-in there asks nothing.
    const again: string[] = [];
    await roundTrip('sub-ivy', '/work', jar, again);
    expect(again).toEqual([]);

    const ended = await signOut(store, session.token);
    expect(ended?.oidcIdToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await sessionUser(store, session.token)).toBeNull();
    const url = (await oidcSignOutUrl(env, ended!.oidcIdToken, issuer))!;
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('id_token_hint')).toBe(ended!.oidcIdToken);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${issuer}${OIDC_SIGNED_OUT_PATH}`);
    // The provider confirms, ends its session and sends the browser back to our sign-in page.
    expect((await signOutAtProvider(url, jar)).searchParams.get('signedout')).toBe('1');
    const after: string[] = [];
    await roundTrip('sub-ivy', '/work', jar, after);
    expect(after[0]).toBe('login');
    const events = await auditOf(store.db, `user:${(await userRow(store, 'ivy@example.org')).id}`);
    expect(events.filter((e) => e.action === 'auth.signout').at(-1)).toMatchObject({ details: { method: 'oidc' } });
  });

  it('signs out here only when told to (OIDC_SIGNOUT=local), for a password session, or when the provider cannot be reached', async () => {
    const token = 'header.payload.signature';
    expect(await oidcSignOutUrl({ ...env, OIDC_SIGNOUT: 'local' }, token, issuer)).toBeNull();
    expect(await oidcSignOutUrl(env, null, issuer)).toBeNull();
    expect(await oidcSignOutUrl({}, token, issuer)).toBeNull();
    expect(await oidcSignOutUrl({ ...env, OIDC_ISSUER: 'http://127.0.0.1:9/nobody', OIDC_CLIENT_ID: 'unreachable' }, token, issuer)).toBeNull();
    // A provider that takes the connection and never answers: signing out does not hang on it.
    const held: Socket[] = [];
    const silent = createNetServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      expect(await oidcSignOutUrl({ ...env, OIDC_ISSUER: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, OIDC_CLIENT_ID: 'silent' }, token, issuer)).toBeNull();
      expect(Date.now() - started).toBeLessThan(8_000); // discovery alone would wait 10 s
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
    expect(oidcProviderOrigin(env)).toBe(issuer);
    expect(oidcProviderOrigin({ ...env, OIDC_SIGNOUT: 'local' })).toBeNull();
    expect(oidcProviderOrigin({ ...env, OIDC_ISSUER: 'not a url' })).toBeNull();
    expect(await signOut(store, 'no such session')).toBeNull();
  });

  it('keeps the audit chain whole', async () => {
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });
});
