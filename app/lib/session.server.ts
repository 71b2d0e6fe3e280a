/**
 * Who is asking: the session cookie (or a personal access token for the API), checked on the
 * server for every work page, form action and API call. Permissions are checked against the
 * route table (work-routes.ts) and the record's district.
 */
import { data, redirect } from 'react-router';
import { can, type Permission } from '../../src/domain/auth/permissions.ts';
import { accessTokenUser, sessionUser, type User } from '../../src/services/auth.service.ts';
import { publicUrlSetting } from './env.server.ts';
import { getStore } from './store.server.ts';

export const SESSION_COOKIE = 'alliance_session';

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Secure cookies unless the site is served over plain HTTP on this machine. */
function secure(request: Request): boolean {
  if (process.env.COOKIE_SECURE === '0') return false;
  if (process.env.COOKIE_SECURE === '1') return true;
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return proto === 'https';
}

export function sessionCookie(request: Request, token: string, expiresAt: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${new Date(expiresAt).toUTCString()}${secure(request) ? '; Secure' : ''}`;
}

export function clearSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure(request) ? '; Secure' : ''}`;
}

export function sessionToken(request: Request): string | null {
  return cookieValue(request, SESSION_COOKIE);
}

/** A person, and how they proved it: a session (the pages and the API) or a personal access token (the API only). */
export type RequestUser = User & { readonly via: 'session' | 'token'; readonly tokenScope?: 'read' | 'workflow' };

/**
 * The signed-in person, or null. A personal access token ("Authorization: Bearer adp_…") counts
 * only for the API (/api/v1/…): it never opens a signed-in page, and cannot make more tokens.
 */
export async function currentUser(request: Request): Promise<RequestUser | null> {
  const store = await getStore();
  const auth = request.headers.get('authorization');
  if (auth?.startsWith('Bearer ')) {
    if (!new URL(request.url).pathname.toLowerCase().startsWith('/api/v1/')) return null;
    const u = await accessTokenUser(store, auth.slice(7).trim());
    return u ? { ...u, via: 'token' } : null;
  }
  const token = sessionToken(request);
  const u = token ? await sessionUser(store, token) : null;
  return u ? { ...u, via: 'session' } : null;
}

/** The signed-in person, or a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<User> {
  const user = await currentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/work/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** 403 unless the person holds the permission for the record's district. */
export function requirePermission(user: User, permission: Permission, districtCode: string | null = null): void {
  if (!can(user.grants, permission, districtCode)) {
    throw data('You do not have permission to do this.', { status: 403 });
  }
}

/** The address the request came from, as the server saw it (server.ts sets the header). */
export function clientIp(request: Request): string {
  return request.headers.get('x-alliance-client-ip') ?? 'unknown';
}

/**
 * The site's own address for links in e-mails and redirects: PUBLIC_URL (see publicUrlSetting),
 * never the request's Host, which the client chooses. The request is not read at all.
 */
export function publicOrigin(_request?: Request): string {
  return publicUrlSetting(process.env);
}
