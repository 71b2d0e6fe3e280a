/**
 * `alliance report evaluation`: the pooled table with the definition and versions, CSV and JSON
 * the same figures, and clear usage errors.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-report-'));
const env: Record<string, string> = { DATABASE_URL: `sqlite:${join(dir, 'report.sqlite')}` };

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, errIsTty: false });
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
    const json = JSON.parse((await run('report', 'evaluation', '--from', '2012', '--to', '2025', '--format', 'json')).out) as { years: { schoolYear: string; alliance: { rate: number } }[] };
    const y = json.years.find((x) => x.schoolYear === '2023-24')!;
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
});
