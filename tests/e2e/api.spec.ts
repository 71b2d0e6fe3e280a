/**
 * The open-data API over HTTP: JSON, CSV and Excel of the same lists, the OpenAPI document,
 * clear 400/404 errors, caching with ETags, and a rate limit a scraping loop hits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { startServer } from '../../server.ts';

test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'HTTP only: once is enough');

test('designations as JSON, CSV and Excel agree', async ({ request }) => {
  const json = await (await request.get('/api/v1/designations?law=pa-22-118&dataYear=2024-25')).json();
  expect(json.law).toMatchObject({ id: 'pa-22-118', status: 'enacted' });
  expect(json.attribution).toMatch(/Connecticut State Department of Education/);
  const designated = json.districts.filter((d: { designated: boolean }) => d.designated);
  expect(designated).toHaveLength(39);
  const csv = await request.get('/api/v1/designations.csv?law=pa-22-118&dataYear=2024-25');
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  const lines = (await csv.text()).trim().split('\n');
  expect(lines.slice(1).filter((l) => l.split(',')[8] === 'true')).toHaveLength(39);
  const xlsx = await request.get('/api/v1/designations.xlsx?law=pa-22-118&dataYear=2024-25');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('districtCode');
  expect(sheet.rowCount).toBe(lines.length);
  expect(wb.getWorksheet('About')!.getRow(2).getCell(1).value).toMatch(/CC-BY-4.0/);
});

test('withholding by fiscal year, in cents, with the trace on request', async ({ request }) => {
  const body = await (await request.get('/api/v1/withholding?fiscalYear=2025&trace=1')).json();
  expect(body.totals.allianceCents).toBe(45_301_943_700);
  const hartford = body.towns.find((t: { town: string }) => t.town === 'Hartford');
  expect(hartford).toMatchObject({ districtCode: '0640011', baseFiscalYear: 2012, allianceCents: 3_582_017_600, publishedAllianceCents: 3_582_017_600 });
  expect(hartford.trace.length).toBeGreaterThan(3);
});

test('errors are JSON with the status and the reason', async ({ request }) => {
  let r = await request.get('/api/v1/withholding?fiscalYear=2028');
  expect(r.status()).toBe(400);
  expect((await r.json()).error.message).toMatch(/No Act designates alliance districts for FY2028/);
  r = await request.get('/api/v1/designations?law=nope');
  expect(r.status()).toBe(400);
  r = await request.get('/api/v1/designations?dataYear=2019-20');
  expect(r.status()).toBe(404);
  r = await request.get('/api/v1/districts/12');
  expect(r.status()).toBe(404);
  r = await request.get('/api/v1/districts?sort=evil');
  expect(r.status()).toBe(400);
  expect((await r.json()).error.message).toMatch(/"sort" must be one of/);
  r = await request.get('/api/v1/measures?measure=x%27%3B%20DROP%20TABLE%20district');
  expect(r.status()).toBe(400);
});

test('a scenario over the API matches the page', async ({ request }) => {
  const body = await (await request.get('/api/v1/scenarios?sel=percentile&percent=20&floor=&keep=on')).json();
  expect(body.scenario.selection).toEqual({ kind: 'percentile', percent: 20 });
  expect(body.comparison.fiscal.fiscalYear).toBeGreaterThanOrEqual(2025);
  expect(body.result.counts.byRank).toBeGreaterThan(0);
});

test('the OpenAPI document lists every resource', async ({ request }) => {
  const doc = await (await request.get('/api/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/districts', '/api/v1/designations', '/api/v1/withholding', '/api/v1/scenarios', '/api/v1/measures', '/api/v1/plans', '/api/v1/plans/{id}']));
  expect(doc.paths['/api/v1/plans/{id}'].post.security).toBeDefined();
});

test('public responses carry ETags and answer a conditional request with 304', async ({ request }) => {
  const first = await request.get('/districts/0640011');
  const etag = first.headers()['etag'];
  expect(etag).toBeTruthy();
  const again = await request.get('/districts/0640011', { headers: { 'If-None-Match': etag! } });
  expect(again.status()).toBe(304);
  const gz = await request.get('/districts/0640011', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
});

test('a scraping loop is rate limited; a reader is not', async () => {
  // This server runs inside the test worker: give it a database of its own, never the
  // developer's ./data/alliance.sqlite or whatever DATABASE_URL the shell has.
  process.env.DATABASE_URL = `sqlite:${join(mkdtempSync(join(tmpdir(), 'alliance-rate-')), 'rate.sqlite')}`;
  const server = await startServer({ port: 0, rateLimitPerMinute: 60, log: () => undefined });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await fetch(`${server.url}/api/v1/laws`)).status);
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
    const limited = await fetch(`${server.url}/api/v1/laws`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  } finally {
    await server.close();
  }
});

test('no server code reaches the browser: the client bundle holds no database or password hashing', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../../build/client/assets/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(5);
  const leaks = files.filter((f) => /selectFrom\(|insertInto\(|argon2|better-sqlite3|DATABASE_URL|__vite-browser-external|playwright-core|dataset\/connecticut|sqlite:/.test(readFileSync(new URL(f, dir), 'utf8')));
  expect(leaks).toEqual([]);
});

test('the evaluation report as JSON: the measures asked for, the periods, ECS withheld per student, the rank-cutoff statement', async ({ request }) => {
  const r = await (await request.get('/api/v1/evaluation/report?measures=graduation_4yr,sbac_math&from=2012&to=2025')).json();
  expect(r).toMatchObject({ kind: 'computation', from: 2012, to: 2025 });
  expect(r.sections.map((s: { series: { measure: { id: string } } }) => s.series.measure.id)).toEqual(['graduation_4yr', 'sbac_math']);
  expect(r.sections[0].periods.map((p: { period: { id: string } }) => p.period.id)).toEqual(['before', 'during', 'after']);
  expect(r.withheld.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2024).students).toBe(227_273);
  expect(r.rd.cycles.map((c: { why: string }) => c.why)).toEqual(['data-year-unknown', 'index-not-imported', 'data-year-unknown']);
  expect((await request.get('/api/v1/evaluation/report?measures=nope')).status()).toBe(400);
  expect((await request.get('/api/v1/evaluation/report.csv')).status()).toBe(400);
  expect((await request.get('/api/v1/evaluation/other')).status()).toBe(404);
});

test('the evaluation series: pooled graduation by group and year, the same in JSON and CSV; bad parameters are 400s', async ({ request }) => {
  const json = await (await request.get('/api/v1/evaluation?measure=graduation_4yr&from=2012&to=2025')).json();
  expect(json).toMatchObject({ kind: 'computation', from: 2012, to: 2025, membership: { kind: 'ever' } });
  expect(json.years).toHaveLength(14);
  const y2024 = json.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2024);
  // graduation_4yr.csv, FY2024: 35,995 graduates in all.
  expect(y2024.alliance.numerator + y2024.other.numerator).toBe(35_995);
  expect(json.version.code).toMatch(/^alliance-districts@/);
  const csv = (await (await request.get('/api/v1/evaluation.csv?measure=graduation_4yr&from=2012&to=2025')).text()).trim().split('\n');
  expect(csv[0]).toBe('schoolYear,fiscalYear,group,numerator,denominator,rate,districts,numeratorsFromPercent,gapPoints,noDataReason,comparability');
  expect(csv).toHaveLength(1 + 14 * 2);
  expect(csv.find((l) => l.startsWith('2023-24,2024,alliance,'))!.split(',')[3]).toBe(String(y2024.alliance.numerator));
  for (const bad of ['measure=nope', 'membership=cohort', 'membership=cohort&cohort=2014', 'from=20x2', 'from=2020&to=2019', 'membership=some']) {
    const r = await request.get(`/api/v1/evaluation?${bad}`);
    expect(r.status(), bad).toBeGreaterThanOrEqual(400);
    expect(r.status(), bad).toBeLessThan(500);
    expect((await r.json()).error.message.length, bad).toBeGreaterThan(10);
  }
});
