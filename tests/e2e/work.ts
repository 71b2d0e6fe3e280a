/**
 * Helpers for the signed-in area's browser tests: signing in as a demo account, reading the
 * outbox, and the district each project works on (projects share a database, so each mutates
 * its own district's plan).
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src/services/demo.service.ts';

export { DEMO_PASSWORD };
export const DEMO = (who: string) => `${who}@demo.alliance.test`;

/** The district a project's workflow test takes through the cycle: its own, so runs never collide. */
export function projectDistrict(): { code: string; name: string; slug: string } {
  const project = test.info().project.name;
  if (project === 'no-js') return { code: '1510011', name: 'Waterbury School District', slug: 'nojs' };
  if (project === 'pg') return { code: '0930011', name: 'New Haven School District', slug: 'pg' };
  return { code: '0930011', name: 'New Haven School District', slug: 'js' };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/work/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alliance plans' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.goto('/work');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

/** Signs in over HTTP and returns the session cookie header. */
export async function sessionFor(request: APIRequestContext, email: string): Promise<string> {
  const r = await request.post('/work/signin', { form: { email, password: DEMO_PASSWORD, next: '/work' }, maxRedirects: 0 });
  expect(r.status(), `sign in as ${email}`).toBe(302);
  const cookie = r.headers()['set-cookie'] ?? '';
  const m = /alliance_session=([^;]+)/.exec(cookie);
  expect(m, 'a session cookie').not.toBeNull();
  return `alliance_session=${m![1]}`;
}

/** The plan id of a district in the FY2026 cycle, as the administrator sees it over the API. */
export async function planIdOf(request: APIRequestContext, districtCode: string): Promise<number> {
  const cookie = await sessionFor(request, DEMO('admin'));
  const r = await request.get('/api/v1/plans', { headers: { cookie } });
  expect(r.ok()).toBe(true);
  const plan = ((await r.json()) as { plans: { planId: number; districtCode: string }[] }).plans.find((p) => p.districtCode === districtCode);
  expect(plan, `a plan for ${districtCode}`).toBeDefined();
  return plan!.planId;
}
