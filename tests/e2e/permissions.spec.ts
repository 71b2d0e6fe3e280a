/**
 * The permission matrix, generated from the route table (app/lib/work-routes.ts): every page,
 * form action and API call × every role × a record of the person's own district and of another.
 * What the table and the roles allow must not answer 403; what they do not allow must. Nothing
 * changes: writes carry a stale row version (409) or an incomplete form (400), after the check.
 * (app/lib/work-routes.test.ts fails if a signed-in route is missing from the table.)
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { can, type Grant, type Role } from '../../src/domain/auth/permissions.ts';
import { WORK_ROUTES, type WorkRoute } from '../../app/lib/work-routes.ts';
import { DEMO, planIdOf, sessionFor } from './work.ts';

test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'HTTP only: once is enough');

const HARTFORD = '0640011';
const BRIDGEPORT = '0150011';

/** One demo account per role; the district roles are Hartford's. */
const AS: Record<Role, { email: string; grants: Grant[] }> = {
  'state-admin': { email: DEMO('admin'), grants: [{ role: 'state-admin', districtCode: null }] },
  'program-staff': { email: DEMO('reviewer'), grants: [{ role: 'program-staff', districtCode: null }] },
  commissioner: { email: DEMO('commissioner'), grants: [{ role: 'commissioner', districtCode: null }] },
  'district-editor': { email: DEMO('editor.hartford'), grants: [{ role: 'district-editor', districtCode: HARTFORD }] },
  'district-representative': { email: DEMO('superintendent.hartford'), grants: [{ role: 'district-representative', districtCode: HARTFORD }] },
  'district-viewer': { email: DEMO('board.hartford'), grants: [{ role: 'district-viewer', districtCode: HARTFORD }] },
};

async function call(request: import('@playwright/test').APIRequestContext, route: WorkRoute, planId: number, cookie: string | null): Promise<APIResponse> {
  const url = route.path.replace(':id', String(planId));
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (route.method === 'GET') return request.get(url, { headers, maxRedirects: 0 });
  // A stale row version and no content: an allowed write is refused after the permission check.
  return request.post(url, { headers, form: { intent: route.intent ?? '', rowVersion: '-1' }, maxRedirects: 0 });
}

/**
 * What an allowed call may answer: the page (200), the empty form refused after the permission
 * check (400, 409), a redirect that is not to the sign-in page, or 404 where the call names a
 * record that is not there — a file (:upload here names none) or a record the empty form's id 0
 * does not name (a delegation to revoke). Never 404 for the plan itself, which exists.
 */
function allowedAnswer(route: WorkRoute, r: APIResponse): boolean {
  const status = r.status();
  if (status === 200 || status === 400 || status === 409) return true;
  if (status === 302 || status === 303) return !(r.headers().location ?? '').startsWith('/work/signin');
  return status === 404 && (route.path.includes(':upload') || route.scope !== 'plan');
}

const plans: Record<string, number> = {};
test.beforeAll(async ({ request }) => {
  plans[HARTFORD] = await planIdOf(request, HARTFORD);
  plans[BRIDGEPORT] = await planIdOf(request, BRIDGEPORT);
});

for (const [role, account] of Object.entries(AS) as [Role, (typeof AS)[Role]][]) {
  test(`permission matrix: ${role}, own and other district, ${WORK_ROUTES.length} routes`, async ({ request }) => {
    const cookie = await sessionFor(request, account.email);
    const wrong: string[] = [];
    let checked = 0;
    for (const route of WORK_ROUTES) {
      const cases = route.scope === 'plan' ? [HARTFORD, BRIDGEPORT] : [null];
      for (const district of cases) {
        const allowed = route.permission === null || can(account.grants, route.permission, district);
        const r = await call(request, route, district ? plans[district]! : 0, cookie);
        const status = r.status();
        checked++;
        const label = `${route.id} ${route.method} ${route.path}${district ? ` (${district === HARTFORD ? 'own' : 'other'})` : ''}`;
        if (status >= 500) wrong.push(`${label}: ${status} — a server error`);
        else if (allowed && !allowedAnswer(route, r)) wrong.push(`${label}: ${status} ${r.headers().location ?? ''}, but ${role} may (expected the page, a refusal of the empty form, or a redirect within the work area)`);
        else if (!allowed && status !== 403) wrong.push(`${label}: ${status}, but ${role} may not (expected 403)`);
      }
    }
    expect(wrong, `${checked} checks`).toEqual([]);
    expect(checked).toBeGreaterThan(WORK_ROUTES.length);
  });
}

test('permission matrix: nobody signed in is sent to sign in (pages) or refused with 401 (API)', async ({ request }) => {
  const wrong: string[] = [];
  for (const route of WORK_ROUTES) {
    const r = await call(request, route, plans[HARTFORD]!, null);
    const api = route.path.startsWith('/api/');
    if (api && r.status() !== 401) wrong.push(`${route.id}: ${r.status()} (expected 401)`);
    if (!api && !(r.status() === 302 && (r.headers().location ?? '').startsWith('/work/signin'))) wrong.push(`${route.id}: ${r.status()} ${r.headers().location ?? ''} (expected a redirect to sign in)`);
  }
  expect(wrong).toEqual([]);
});

test('a cross-site form post is refused before it reaches a route', async ({ request }) => {
  const cookie = await sessionFor(request, DEMO('admin'));
  const r = await request.post('/work/tokens', { headers: { cookie, origin: 'https://attacker.example' }, form: { intent: 'create', name: 'x' }, maxRedirects: 0 });
  expect(r.status()).toBe(403);
  const same = await request.post('/work/tokens', { headers: { cookie, origin: new URL(r.url()).origin }, form: { intent: 'create', name: '' }, maxRedirects: 0 });
  expect(same.status()).toBe(200);
});

test('signed-in pages are never stored by caches', async ({ request }) => {
  const cookie = await sessionFor(request, DEMO('reviewer'));
  const r = await request.get('/work', { headers: { cookie } });
  expect(r.headers()['cache-control']).toBe('no-store');
  const p = await request.get(`/work/plans/${plans[HARTFORD]}`, { headers: { cookie } });
  expect(p.headers()['cache-control']).toBe('no-store');
});
