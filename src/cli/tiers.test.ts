/**
 * `alliance tiers`: the demo cycle's districts in tiers with the reasons, one explained step by
 * step, a scenario file (and a wrong one, named), and a year with no cycle.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-tiers-'));
const env: Record<string, string> = { DATABASE_URL: `sqlite:${join(dir, 'tiers.sqlite')}` };

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, errIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('alliance tiers (CLI)', () => {
  it('the demo: Meriden in tier 2 with its reason, Hartford waiting for its review; one explained; CSV and JSON', async () => {
    expect((await run('seed', '--demo')).code).toBe(0);
    const t = await run('tiers', '--fiscal-year', '2026');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/Tiers by Tiered support after the 2024-25 policy brief \(a proposal\), FY2026/);
    expect(t.out).toMatch(/Meriden School District\s+2\s+1 condition of the approval not met: tier 2\./);
    expect(t.out).toMatch(/Hartford School District\s+—\s+The year is not reviewed yet/);
    const why = await run('tiers', '--fiscal-year', '2026', '--explain', 'meriden');
    expect(why.out).toMatch(/^Meriden School District: Tier 2 — targeted support/);
    expect(why.out).toMatch(/The accountability index is \d+\.\d \(2024-25\); no index a year before it is imported/);
    expect(why.out).toMatch(/Quarterly "Evidence for Fidelity of Implementation"/);
    expect((await run('tiers', '--fiscal-year', '2026', '--format', 'csv')).out.split('\n')[1]).toMatch(/^0800011,Meriden School District,2,monitoring program-review /);
    const body = JSON.parse((await run('tiers', '--fiscal-year', '2026', '--format', 'json')).out) as { rows: { districtCode: string; trace: unknown[] }[] };
    expect(body.rows[0]!.trace.length).toBeGreaterThan(3);
  }, 120_000);

  it('a scenario changes a reading; a wrong one is named; no cycle is exit 3; no year is usage', async () => {
    const good = join(dir, 'no-wait.yaml');
    writeFileSync(good, 'id: no-wait\ntitle: Tier 1 until reviewed\noptions: { tiers.no-review: tier-1 }\n');
    const s = await run('tiers', '--fiscal-year', '2026', '--scenario', good);
    expect(s.out).toMatch(/Scenario "Tier 1 until reviewed" — a computation over/);
    expect(s.out).toMatch(/Hartford School District\s+1\s/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', title: 'Bad', parameters: { 'tiers.nope': 1 }, options: { 'tiers.no-review': 'maybe' } }));
    const b = await run('tiers', '--fiscal-year', '2026', '--scenario', bad);
    expect(b).toMatchObject({ code: 2 });
    expect(b.err).toMatch(/unknown parameter "tiers\.nope"/);
    expect((await run('tiers', '--fiscal-year', '2031')).code).toBe(3);
    expect((await run('tiers')).code).toBe(2);
  }, 60_000);
});
