/**
 * Every signed-in route registered in app/routes.ts has a declared permission in the route
 * table (the permission-matrix browser test walks that table), and every action a plan can take
 * has a form and an API entry.
 */
import { describe, expect, it } from 'vitest';
import routes from '../routes.ts';
import { TRANSITIONS } from '../../src/domain/workflow/plan.ts';
import { PLAN_INTENTS, routeFor, WORK_ROUTES } from './work-routes.ts';
import { COMMAND_INTENTS } from '../../src/services/plans/command-schema.ts';

/** Public by design: the way in and out. */
const OPEN = new Set(['/work/signin', '/work/signout', '/work/welcome', '/work/oidc/start', '/work/oidc/callback']);

function paths(entries: readonly { path?: string; children?: unknown[] }[]): string[] {
  return entries.flatMap((e) => [...(e.path !== undefined ? [`/${e.path}`] : []), ...paths((e.children ?? []) as { path?: string }[])]);
}

describe('the route table', () => {
  const registered = paths(routes as { path?: string }[]).filter((p) => p === '/work' || p.startsWith('/work/') || p.startsWith('/api/v1/plans'));

  it('declares every signed-in route registered in routes.ts', () => {
    expect(registered.length).toBeGreaterThan(10);
    const declared = new Set(WORK_ROUTES.map((r) => r.path));
    const missing = registered.filter((p) => !OPEN.has(p) && !declared.has(p));
    expect(missing).toEqual([]);
  });

  it('declares only routes that exist', () => {
    const known = new Set(registered);
    expect(WORK_ROUTES.map((r) => r.path).filter((p) => !known.has(p))).toEqual([]);
  });

  it('declares a route, with its permission, for exactly the intents the command schema reads', () => {
    const declared = WORK_ROUTES.filter((r) => r.method === 'POST' && r.path === '/work/plans/:id').map((r) => r.intent);
    expect([...declared].sort()).toEqual([...COMMAND_INTENTS].sort());
  });

  it('gives each route one entry per method and intent', () => {
    const keys = WORK_ROUTES.map((r) => `${r.method} ${r.path} ${r.intent ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers every plan transition (resubmission goes through "submit") on the page and the API, with its own permission', () => {
    for (const action of Object.keys(TRANSITIONS)) {
      if (action === 'resubmit') continue;
      expect(PLAN_INTENTS).toContain(action);
      expect(routeFor('POST', '/work/plans/:id', action).permission).toBe(TRANSITIONS[action as keyof typeof TRANSITIONS].permission);
      expect(routeFor('POST', '/api/v1/plans/:id', action).permission).toBe(TRANSITIONS[action as keyof typeof TRANSITIONS].permission);
    }
  });

  it('refuses a route that is not declared', () => {
    expect(() => routeFor('POST', '/work/plans/:id', 'delete-everything')).toThrow(/not declared/);
  });
});

describe('the OpenAPI description of plan actions', () => {
  it('names every field the command schema reads, so a client can know what to send', async () => {
    const { OPENAPI } = await import('./openapi.ts');
    const { planCommandSchema } = await import('../../src/services/plans/command-schema.ts');
    const post = (OPENAPI.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>>)['/api/v1/plans/{id}']!.post!;
    const documented = new Set(Object.keys(post.requestBody!.content['application/json']!.schema.properties));
    const read = new Set(planCommandSchema.options.flatMap((o) => Object.keys(o.shape)));
    expect([...read].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !read.has(k))).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('describes every signed-in API route the route table declares', async () => {
    const { OPENAPI } = await import('./openapi.ts');
    const documented = new Set(Object.keys(OPENAPI.paths));
    const api = [...new Set(WORK_ROUTES.filter((r) => r.path.startsWith('/api/')).map((r) => r.path.replace(/:(\w+)/g, '{$1}')))];
    expect(api.length).toBeGreaterThan(2);
    expect(api.filter((p) => !documented.has(p))).toEqual([]);
  });
});
