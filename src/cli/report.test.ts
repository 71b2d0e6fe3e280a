/**
 * `alliance report evaluation`: the pooled table with the definition and versions, CSV and JSON
 * the same figures, and clear usage errors.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-report-'));
const env: Record<string, string> = { DATABASE_URL: `sqlite:${join(dir, 'report.sqlite')}`, ...(process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}) };

async function run(...argv: string[]) {
  return runWith(env, ...argv);
}

async function runWith(environment: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: environment, errIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('alliance report evaluation (CLI)', () => {
  it('graduation FY2012-FY2025 by group: table, CSV and JSON agree', async () => {
    const t = await run('report', 'evaluation', '--from', '2012', '--to', '2025');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^Four-year graduation rate, FY2012-FY2025 — a computation on the imported data/);
    expect(t.out).toMatch(/Graduates within four years over the students in the cohort/);
    expect(t.out).toMatch(/Code alliance-districts@\S+; data \S+\./);
    const rows = (await run('report', 'evaluation', '--from', '2012', '--to', '2025', '--format', 'csv')).out.trim().split('\n');
    expect(rows).toHaveLength(29);
    const json = JSON.parse((await run('report', 'evaluation', '--from', '2012', '--to', '2025', '--format', 'json', '--measure', 'graduation_4yr')).out) as { sections: { series: { years: { schoolYear: string; alliance: { rate: number } }[] } }[] };
    expect(json.sections).toHaveLength(1);
    const y = json.sections[0]!.series.years.find((x) => x.schoolYear === '2023-24')!;
    const csvRate = Number(rows.find((r) => r.startsWith('2023-24,2024,alliance,'))!.split(',')[5]);
    expect(csvRate).toBeCloseTo(y.alliance.rate, 12);
    expect(t.out).toContain(`${(y.alliance.rate * 100).toFixed(1)}%`);
  }, 120_000);

  it('usage: which report, the cohort year, the membership; a cohort the record lacks is exit 3', async () => {
    expect((await run('report')).code).toBe(2);
    expect((await run('report', 'evaluation', '--membership', 'cohort')).err).toMatch(/needs --cohort/);
    expect((await run('report', 'evaluation', '--membership', 'sometimes')).code).toBe(2);
    const none = await run('report', 'evaluation', '--membership', 'cohort', '--cohort', '2015');
    expect(none.code).toBe(3);
    expect(none.err).toMatch(/FY2013, FY2018, FY2023/);
  }, 60_000);

  it('the report as HTML: a contents list, every measure, the cutoff statement, escaped and self-contained', async () => {
    const r = await run('report', 'evaluation', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain('<h2 id="toc">Contents</h2>');
    expect(r.out).toContain('Smarter Balanced mathematics: met or exceeded the standard, high-needs students</h2>');
    expect(r.out).toContain('Around the rank cutoff</h2>');
    // Nothing to fetch: no scripts, stylesheets or images from elsewhere.
    expect(r.out).not.toMatch(/<script|<link |src="http/);
  }, 120_000);

  it('the report as a PDF: pages numbered, the contents and the cutoff statement in its text', async () => {
    const file = join(dir, 'evaluation.pdf');
    const r = await run('report', 'evaluation', '--from', '2012', '--to', '2025', '--format', 'pdf', '--out', file);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Wrote .*evaluation\.pdf/);
    const doc = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
    expect(doc.numPages).toBeGreaterThan(10);
    const text = async (n: number) => ((await (await doc.getPage(n)).getTextContent()).items as { str: string }[]).map((i) => i.str).join(' ');
    const first = await text(1);
    expect(first).toContain('Contents');
    expect(first).toContain(`Page 1 of ${doc.numPages}`);
    expect(await text(doc.numPages)).toContain(`Page ${doc.numPages} of ${doc.numPages}`);
    let all = '';
    for (let n = 1; n <= doc.numPages; n++) all += ` ${await text(n)}`;
    expect(all).toContain('It cannot be estimated on this data.');
    expect(all).toMatch(/FY2013\s+matched \(3 nearest each\)\s+2011-\s?12\s+\+\d/);
    await doc.destroy();
  }, 180_000);

  it('a PDF without Chromium, or without --out, is a clear error and leaves no file', async () => {
    const file = join(dir, 'none.pdf');
    const missing = await runWith({ ...env, CHROMIUM_PATH: join(dir, 'no-chromium') }, 'report', 'evaluation', '--format', 'pdf', '--out', file);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/needs Chromium.*--format html/s);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const noOut = await run('report', 'evaluation', '--format', 'pdf');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/needs --out/);
    expect((await run('report', 'evaluation', '--measure', 'graduation_4yr,sbac_ela')).err).toMatch(/shows one measure/);
    expect((await run('report', 'evaluation', '--format', 'html', '--measure', 'sbac_science')).code).toBe(2);
  }, 60_000);

  it('the midpoint review: the 36 districts since 2021-22 as a table, CSV and JSON; a year outside every cycle is exit 3', async () => {
    const t = await run('report', 'midpoint');
    expect(t.code, t.err).toBe(0);
    expect(t.out).toMatch(/^Midpoint review, FY2026: after 3 years of the FY2023–FY2027 cycle \(PA 22-118\)/);
    expect(t.out).toMatch(/Hartford School District\s+FY2013\s+\d+\.\d → \d+\.\d \([+-]\d+\.\d\)/);
    expect(t.out).toMatch(/No tiers: There is no FY2026 plan cycle/);
    const rows = (await run('report', 'midpoint', '--format', 'csv')).out.trim().split('\n');
    expect(rows).toHaveLength(37);
    expect(rows[0]).toMatch(/^districtCode,district,firstDesignated,yearsInProgram,graduation_4yr_rate_base_year,/);
    const json = JSON.parse((await run('report', 'midpoint', '--fiscal-year', '2025', '--format', 'json')).out) as { fiscalYear: number; rows: unknown[] };
    expect(json.fiscalYear).toBe(2025);
    expect(json.rows).toHaveLength(36);
    expect((await run('report', 'midpoint', '--fiscal-year', '2028')).code).toBe(3);
    expect((await run('report', 'midpoint', '--out', 'x.html')).code).toBe(2);
  }, 120_000);
});
