import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { crossSiteWrite, isCacheable, isPrivatePath, requestOrigin, requestUrl, routedPath } from './guards.ts';

const req = (method: string, headers: Record<string, string> = {}) => ({ method, headers }) as unknown as IncomingMessage;

describe('the guards', () => {
  it('the signed-in area is private whatever the letter case, the escapes, and for its data requests', () => {
    for (const p of ['/work', '/work/tokens', '/Work/Tokens', '/WORK', '/work.data', '/work/tokens.data', '/Work/Plans/1.data', '//work/tokens', '/%77ork/tokens', '/api/v1/plans', '/API/V1/Plans/3', '/work/']) {
      expect(isPrivatePath(p), p).toBe(true);
    }
    for (const p of ['/', '/districts', '/_root.data', '/workshop', '/api/v1/districts', '/es/work-plan']) expect(isPrivatePath(p), p).toBe(false);
    expect(routedPath('/Districts/0640011.data')).toBe('/districts/0640011');
  });

  it('caches only public GETs without credentials', () => {
    expect(isCacheable(req('GET'), '/districts')).toBe(true);
    expect(isCacheable(req('GET', { cookie: 'a=b' }), '/districts')).toBe(false);
    expect(isCacheable(req('GET', { authorization: 'Bearer x' }), '/api/v1/laws')).toBe(false);
    expect(isCacheable(req('POST'), '/districts')).toBe(false);
    expect(isCacheable(req('GET'), '/Work/Tokens')).toBe(false);
    expect(isCacheable(req('GET'), '/districts.data')).toBe(false);
    expect(isCacheable(req('GET'), '/API/v1/scenarios?count=20')).toBe(false);
  });

  it('a request target beginning "//" stays a path on this server; an absolute target is refused', () => {
    const u = requestUrl('//evil.example/work/welcome?x=1', 'http://plans.example.org');
    expect(u?.host).toBe('plans.example.org');
    expect(u?.pathname).toBe('//evil.example/work/welcome');
    expect(requestUrl('http://evil.example/', 'http://plans.example.org')).toBeNull();
    expect(requestUrl('*', 'http://plans.example.org')).toBeNull();
    expect(requestOrigin('evil.example/x', false)).toBe('http://localhost');
    expect(requestOrigin('plans.example.org:8443', true)).toBe('https://plans.example.org:8443');
  });

  it('refuses writes from another site, not reads', () => {
    const origin = 'http://plans.example.org';
    expect(crossSiteWrite(req('POST', { origin: 'https://attacker.example' }), origin)).toBe(true);
    expect(crossSiteWrite(req('POST', { origin: 'null' }), origin)).toBe(true);
    expect(crossSiteWrite(req('POST', { 'sec-fetch-site': 'cross-site' }), origin)).toBe(true);
    expect(crossSiteWrite(req('POST', { origin }), origin)).toBe(false);
    expect(crossSiteWrite(req('POST'), origin)).toBe(false);
    expect(crossSiteWrite(req('GET', { origin: 'https://attacker.example' }), origin)).toBe(false);
  });
});
