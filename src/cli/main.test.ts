/**
 * The alliance command end to end, on a fresh SQLite database that fills itself with the
 * embedded Connecticut dataset: answers, formats, explanations and exit codes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` };

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, errIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown> & { districts: Record<string, unknown>[]; towns: Record<string, unknown>[] };

describe('alliance (CLI)', () => {
  beforeAll(async () => {
    const r = await run('overview');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/loading the embedded Connecticut dataset/);
  }, 60_000);

  it('prints help for the program and every command, and exits 2 without a command', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--help')).out).toMatch(/Usage: alliance <command>/);
    for (const c of ['designate', 'withholding', 'import', 'laws']) {
      const r = await run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(/Usage: alliance/);
    }
    const bad = await run('designat');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"designat" is not a command/);
  });

  it('designate --fiscal-year 2025 --format json: the PA 22-118 cycle, every district with its trace', async () => {
    const r = await run('designate', '--fiscal-year', '2025', '--format', 'json');
    expect(r.code).toBe(0);
    const body = json(r.out);
    expect(body.law).toMatchObject({ id: 'pa-22-118', status: 'enacted', fiscalYears: { first: 2023, last: 2027 } });
    expect(body.dataYear).toBe('2024-25');
    const winchester = body.districts.find((d) => d.districtCode === '1620011')!;
    expect(winchester).toMatchObject({ name: 'Winchester School District', eligible: false, rank: null, designated: true, basis: 'grandfathered', opportunityDistrict: false });
    expect(winchester.enrollment).toBe(599);
    const norwich = body.districts.find((d) => d.districtCode === '1040011')!;
    expect(norwich).toMatchObject({ rank: 1, designated: true, basis: 'rank', opportunityDistrict: true });
    for (const key of ['districtCode', 'name', 'eligible', 'rank', 'accountabilityIndex', 'enrollment', 'designated', 'basis', 'opportunityDistrict', 'trace']) {
      expect(norwich, key).toHaveProperty(key);
    }
    expect(body.districts.filter((d) => d.designated)).toHaveLength(39);
    expect(body.districts.filter((d) => d.basis === 'rank')).toHaveLength(33);
  });

  it('designate --official: the record for a fiscal year, apart from any computation', async () => {
    const r = await run('designate', '--fiscal-year', '2027', '--official', '--format', 'json');
    expect(r.code).toBe(0);
    const body = json(r.out);
    expect(body).toMatchObject({ kind: 'record', fiscalYear: 2027, counts: { designated: 36, designatedThisCycle: 3, earlierDesignees: 33 } });
    expect(body.districts.map((d) => d.districtCode)).not.toContain('1110011'); // Plymouth: only a computation selects it
    const table = await run('designate', '--fiscal-year', '2018', '--official');
    expect(table.out).toMatch(/The official list of alliance districts for FY2018 \(the record, not a computation\)/);
    expect(table.out).toMatch(/The record lists 33 alliance districts for FY2018: 3 first designated in this cycle and 30 designated earlier/);
    expect((await run('designate', '--fiscal-year', '2028', '--official')).code).toBe(3);
    expect((await run('designate', '--law', 'pa-22-118', '--official')).code).toBe(2);
    // Without --official, the output says it is a computation.
    expect((await run('designate', '--fiscal-year', '2025')).out).toMatch(/If PA 22-118 were applied to 2024-25 data — a computation, not the official list/);
    expect(json((await run('designate', '--fiscal-year', '2025', '--format', 'json')).out)).toMatchObject({ kind: 'computation' });
  });

  it('designate --law rb-1458-2025: a proposal, the 15 lowest plus legacy districts', async () => {
    const body = json((await run('designate', '--law', 'rb-1458-2025', '--format', 'json')).out);
    expect(body.law).toMatchObject({ id: 'rb-1458-2025', status: 'proposed' });
    expect(body.districts.filter((d) => d.basis === 'rank')).toHaveLength(15);
    expect(body.districts.find((d) => d.districtCode === '1620011')).toMatchObject({ basis: 'grandfathered', category: 'legacy alliance district' });
  });

  it('designate --explain renders the reasons with citations', async () => {
    const r = await run('designate', '--law', 'pa-22-118', '--explain', '1620011');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/599 students in 2024-25 < 1,000/);
    expect(r.out).toMatch(/kept as an earlier designee/);
    expect(r.out).toMatch(/C\.G\.S\. § 10-262u\(a\)\(1\)\(B\)/);
    // Winchester skips step 3 (not ranked): its "Step 4" is not also the explanation's third line.
    expect(r.out).toMatch(/Step 4: designated from FY2013/);
    expect(r.out).not.toMatch(/^\s*\d+\.\s+Step \d/m);
  });

  it('designate --format csv writes a header and one line per district', async () => {
    const r = await run('designate', '--fiscal-year', '2027', '--format', 'csv');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^districtCode,name,orgType,eligible/);
    expect(lines.length).toBeGreaterThan(150);
  });

  it('exit 3 when no rule is in force or the data is missing, with a message a program officer understands', async () => {
    const fy2028 = await run('designate', '--fiscal-year', '2028');
    expect(fy2028.code).toBe(3);
    expect(fy2028.err).toMatch(/No Act designates alliance districts for FY2028/);
    expect(fy2028.err).toMatch(/--law continue-pa-22-118/);
    const fy2018 = await run('designate', '--fiscal-year', '2018');
    expect(fy2018.code).toBe(3);
    expect(fy2018.err).toMatch(/no accountability index for 2015-16/);
    expect((await run('withholding', '--fiscal-year', '2028')).code).toBe(3);
  });

  it('the continue-PA 22-118 scenario answers FY2028', async () => {
    const r = await run('designate', '--law', 'continue-pa-22-118', '--format', 'json');
    expect(r.code).toBe(0);
    expect(json(r.out).law).toMatchObject({ status: 'proposed', fiscalYears: { first: 2028, last: 2032 } });
  });

  it('exit 2 for usage errors: unknown law, bad year, bad scenario file (naming the field)', async () => {
    const unknown = await run('designate', '--law', 'pa-99-1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no law or proposal "pa-99-1".*pa-22-118/s);
    expect((await run('designate', '--fiscal-year', 'soon')).code).toBe(2);
    expect((await run('designate', '--fiscal-year', '2025', '--data-year', '2024-26')).code).toBe(2);
    expect((await run('designate', '--fiscal-year', '2025', '--bogus')).code).toBe(2);
    const format = await run('laws', '--format', 'csv');
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format must be table or json \(got "csv"\)/);
    expect((await run('withholding', '--fiscal-year', '2025', '--format', 'xml')).err).toMatch(/--format must be table, json or csv/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: x\ntitle: t\nlowestCount: -3\n');
    const r = await run('designate', '--scenario', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/lowestCount/);
  });

  it('designate --scenario applies a what-if file over the enacted law', async () => {
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, 'id: no-floor-20\ntitle: Twenty lowest, no floor, no earlier designees\nlowestCount: 20\nminEnrollment: null\ngrandfathering: false\n');
    const body = json((await run('designate', '--scenario', file, '--format', 'json')).out);
    expect(body.law).toMatchObject({ id: 'no-floor-20', status: 'scenario' });
    expect(body.districts.filter((d) => d.designated)).toHaveLength(20);
    expect(body.districts.filter((d) => d.basis === 'grandfathered')).toHaveLength(0);
  });

  it('withholding --fiscal-year 2026 --format json: per town, with base, alliance portion and trace', async () => {
    const r = await run('withholding', '--fiscal-year', '2026', '--format', 'json');
    expect(r.code).toBe(0);
    const body = json(r.out);
    expect(body.towns).toHaveLength(169);
    const ansonia = body.towns.find((t) => t.town === 'Ansonia')!;
    expect(ansonia).toMatchObject({ districtCode: '0020011', entitlementCents: 2_133_235_300, baseFiscalYear: 2012, baseCents: 1_503_166_800, allianceCents: 630_068_500 });
    expect(Array.isArray(ansonia.trace)).toBe(true);
    const table = await run('withholding', '--fiscal-year', '2025');
    expect(table.out).toMatch(/36 alliance districts; \$453,019,437 withheld/);
  });

  it('import: refuses a bad file with exit 4 and its line, imports a good one, and a second time changes nothing', async () => {
    const bad = join(dir, 'designations-bad.csv');
    writeFileSync(bad, 'district_code,town,town_code,first_designated_fiscal_year,designating_act,evidence\n2850013,Charter,285,2013,PA 12-116,x\n');
    const refused = await run('import', 'designations', bad);
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(/designations-bad\.csv, line 2, column "district_code": 2850013 is not a local or regional district/);
    const good = join(dir, 'dpi.csv');
    writeFileSync(good, 'district_code,school_year,measure,value\n0640011,2010-11,district_performance_index,52.1\n');
    const ok = await run('import', 'auto', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/imported as measures: 1 rows/);
    expect((await run('import', 'measures', good)).out).toMatch(/already imported/);
    expect((await run('import', 'nonsense', good)).code).toBe(2);
    expect((await run('import', 'ecs', join(dir, 'missing.csv'))).code).toBe(4);
  });

  it('laws lists every enacted rule and proposal with dates and citations', async () => {
    const body = JSON.parse((await run('laws', '--format', 'json', '--parameters')).out) as { rulesets: { id: string; citation: string }[]; parameters: unknown[] };
    expect(body.rulesets.map((r) => r.id)).toEqual(expect.arrayContaining(['pa-12-116', 'pa-17-2', 'pa-22-118', 'rb-1458-2025', 'no-size-floor']));
    expect(body.rulesets.find((r) => r.id === 'pa-17-2')!.citation).toBe('PA 17-2 JSS § 224');
    expect(body.parameters.length).toBeGreaterThan(5);
    expect((await run('laws')).out).toMatch(/FY2028 on: no Act designates/);
  });

  it('runs as a program: npx alliance (bin/alliance.js)', async () => {
    const bin = new URL('../../bin/alliance.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'laws'], { env: { ...process.env, ...env } });
    expect(stdout).toMatch(/pa-22-118/);
    const failed = await promisify(execFile)(process.execPath, [bin, 'designate', '--fiscal-year', '2030'], { env: { ...process.env, ...env } }).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(3);
  });
});
