/**
 * The security findings of the review, each shown over real HTTP against the real server: links
 * in e-mails come from PUBLIC_URL (not the Host header, not a path beginning "//"); signed-in
 * pages are never cached whatever their case, nor their data requests; a forged X-Forwarded-For
 * does not defeat the rate limit behind a trusted proxy; HSTS over HTTPS; the CSP allows the
 * app's own scripts only; the 404 page's language link stays on the site; a workbook is not
 * parsed for a plan that cannot be edited, and a refused board vote keeps none of its minutes.
 */
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../../server.ts';
import { DEMO, planIdOf, sessionFor } from './work.ts';

test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'HTTP only: once is enough');

/** A raw request, with whatever Host and target the test wants (fetch and Playwright set their own). */
function raw(base: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(base);
  return new Promise((ok, fail) => {
    const r = httpRequest({ host: u.hostname, port: u.port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    r.on('error', fail);
    r.end(options.body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

test('reset links are built from the site’s own address, never from a forged Host or a path beginning //', async ({ request, baseURL }) => {
  const email = DEMO('board.hartford');
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const forged = await raw(baseURL!, { method: 'POST', path: '/work/welcome', headers: { ...headers, host: 'evil.example' }, body: form({ intent: 'reset', email }) });
  expect(forged.status).toBe(200);
  const slashes = await raw(baseURL!, { method: 'POST', path: `//evil.example/work/welcome`, headers, body: form({ intent: 'reset', email }) });
  expect(slashes.status).not.toBe(200); // "//evil.example/work/welcome" is a path here, not the welcome page on another host
  // The links that went out (the development outbox).
  const cookie = await sessionFor(request, DEMO('admin'));
  await expect
    .poll(async () => ((await (await request.get('/work/outbox', { headers: { cookie } })).text()).match(/\/work\/welcome\?token=/g) ?? []).length, { timeout: 10_000 })
    .toBeGreaterThan(0);
  const outbox = await (await request.get('/work/outbox', { headers: { cookie } })).text();
  expect(outbox).not.toContain('evil.example');
  for (const link of outbox.match(/https?:\/\/[^\s"<]+\/work\/welcome\?token=/g) ?? []) expect(link.startsWith(`${baseURL}/work/welcome`)).toBe(true);
});

test('signed-in pages are never cached, whatever the letter case, nor React Router’s data requests for them', async ({ request }) => {
  const cookie = await sessionFor(request, DEMO('superintendent.hartford'));
  for (const path of ['/work/tokens', '/Work/Tokens', '/WORK', '/work.data', '/work/tokens.data', `/Work/Plans/${await planIdOf(request, '0640011')}`]) {
    const r = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
    expect(r.headers()['cache-control'], path).toBe('no-store');
  }
  // And without a session (the redirect to sign in) too.
  expect((await request.get('/Work/Tokens', { maxRedirects: 0 })).headers()['cache-control']).toBe('no-store');
});

test('the 404 page’s language link stays on the site', async ({ request }) => {
  const r = await request.get('/es//evil.example');
  expect(r.status()).toBe(404);
  const html = await r.text();
  expect(html).toContain('href="/evil.example"');
  expect(html).not.toMatch(/href="\/\/evil/);
});

test('the CSP allows exactly the app’s own inline scripts; no mark of them is left in the page', async ({ request }) => {
  for (const path of ['/', '/districts/0640011', '/es/scenarios']) {
    const r = await request.get(path);
    const csp = r.headers()['content-security-policy']!;
    const html = await r.text();
    expect(html).not.toMatch(/\snonce=/);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    const { createHash } = await import('node:crypto');
    for (const s of inline) expect(csp, path).toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.headers()['strict-transport-security']).toBeUndefined(); // served over plain HTTP here
  }
});

test('a workbook is not opened for a plan that cannot be edited; a refused board vote keeps none of its minutes', async ({ request }) => {
  // Hartford is approved in the demo: its budget cannot change now.
  const cookie = await sessionFor(request, DEMO('superintendent.hartford'));
  const hartford = await planIdOf(request, '0640011');
  const r = await request.post(`/work/plans/${hartford}/budget`, {
    headers: { cookie },
    multipart: { intent: 'import', rowVersion: '1', workbook: { name: 'budget.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not even a workbook') } },
  });
  expect(r.status()).toBe(409);
  expect(await r.text()).toMatch(/cannot be changed now/);

  // Derby's vote with a stale form: 409, and the file is not among the plan's records.
  const rep = await sessionFor(request, DEMO('superintendent.multi'));
  const derby = await planIdOf(request, '0370011');
  const name = `refused-vote-${Date.now()}.pdf`;
  const vote = await request.post(`/work/plans/${derby}`, {
    headers: { cookie: rep },
    multipart: { intent: 'record-board-approval', rowVersion: '-1', meetingDate: '2025-08-05', votesFor: '6', votesAgainst: '0', abstentions: '0', minutes: { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) } },
  });
  expect(vote.status()).toBe(409);
  const admin = await sessionFor(request, DEMO('admin'));
  const audit = await (await request.get(`/work/plans/${derby}/audit`, { headers: { cookie: admin } })).text();
  expect(audit).not.toContain(name);
});

test('behind a trusted proxy, a forged X-Forwarded-For does not defeat the rate limit; HSTS goes out over HTTPS', async () => {
  // A server of its own in this worker, with a database of its own.
  process.env.DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'alliance-proxy-')), 'proxy.sqlite')}`;
  process.env.PUBLIC_URL = 'https://plans.example.org';
  const server = await startServer({ port: 0, rateLimitPerMinute: 60, trustProxy: 1, log: () => undefined });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      // The client rotates the address it writes; the proxy appends the one it saw.
      const r = await raw(server.url, { path: '/api/v1/laws', headers: { 'x-forwarded-for': `10.9.${i}.${i}, 198.51.100.7`, 'x-forwarded-proto': 'https' } });
      statuses.push(r.status);
      if (i === 0) expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    }
    expect(statuses).toContain(429);
    // Another client behind the same proxy is not affected.
    expect((await raw(server.url, { path: '/api/v1/laws', headers: { 'x-forwarded-for': '198.51.100.8' } })).status).toBe(200);
  } finally {
    delete process.env.PUBLIC_URL;
    await server.close();
  }
});
