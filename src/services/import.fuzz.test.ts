/**
 * Fuzzing the importers (fast-check): valid files in each real layout, then truncated, with
 * random or Latin-1 bytes, NULs, broken quotes, hostile cells, extra columns or no header.
 * Whatever the file, an import either succeeds or fails with an ImportFailure whose every issue
 * names the file and a reason — and a failed import leaves the database exactly as it was.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { ImportFailure } from '../data/importers/index.ts';
import { importFile } from './import.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-fuzz-'));

/** Small valid files in each layout the importers read. */
const TEMPLATES: Record<string, string> = {
  ecs: [
    'town_code,district_code,town,fiscal_year,entitlement,alliance_portion,education_diversity_portion,non_alliance_portion',
    '1,1,ANDOVER,2012,2330856,,,',
    '2,2,ANSONIA,2012,15031668,,,',
    '2,2,ANSONIA,2013,15571383,539715.0,,15031668.0',
    '2,2,ANSONIA,2024,19422268,4329576.0,61024.0,15031668.0',
    '3,3,ASHFORD,2013,3896069,0.0,,3896069.0',
  ].join('\n'),
  edsight: [
    '"Student Counts by District and Year"',
    '"All Districts"',
    '"2024-25"',
    '',
    '"District","District Code","Count"',
    '"Andover School District","=""0010011""",210',
    '"Ansonia School District","=""0020011""",2404',
    '"Department of Mental Health and Addiction Services","=""""","*"',
    '"Total","=""""",2614',
  ].join('\n'),
  ngas: [
    '"FallOfYear","RptngDistrictName","ReportingDistrictCode","SchoolName","SchoolCode","SchoolOrgType","Category","TotalPoints","TotalPossiblePoints","Accountability Index ","Ind1ELA_All_Rate","Ind7PointsPossible","schoolyear"',
    '"2014","State of Connecticut","0000000","State of Connecticut","0000000","State of Connecticut","StateTot","951.4","1,250","76.1","67.9","50","2014-15"',
    '"2014","Ansonia School District","0020011","District","0000000","District","DistrictTot","862.3797887","1,250","68.9903831","60.69993639","50","2014-15"',
    '"2014","Ansonia School District","0020011","Ansonia High School","0021111","High School","SchoolTot","700","1,000","70.0",".","50","2014-15"',
  ].join('\n'),
  designations: [
    'district_code,town,town_code,first_designated_fiscal_year,designating_act,evidence',
    '0020011,Ansonia,2,2013,PA 12-116,seed',
    '0490011,Enfield,49,2023,PA 22-118,"news reports, 2022"',
  ].join('\n'),
  'enrollment-demographics': [
    'District,District Code,fiscal_year,enrollment_total,n_black,pct_black',
    'Ansonia School District,20011,2025,2404.0,500.0,20.8',
    'Andover School District,10011,2025,210.0,,',
  ].join('\n'),
  measures: ['district_code,school_year,measure,value', '0020011,2010-11,district_performance_index,61.5', '0010011,2010-11,district_performance_index,88'].join('\n'),
};

async function snapshot(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const t of ['district', 'district_name', 'school', 'district_year_measure', 'accountability_result', 'ecs_grant', 'designation', 'town', 'import_log'] as const) {
    const r = await store.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    parts.push(`${t}=${Number(r.n)}`);
  }
  return parts.join(' ');
}

type Mutation = (bytes: Buffer) => Buffer;

const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.nat().map((n) => ({ name: 'truncate', apply: (b: Buffer) => b.subarray(0, n % Math.max(1, b.length)) })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]) => ({
    name: 'random bytes',
    apply: (b: Buffer) => Buffer.concat([b.subarray(0, at % b.length), Buffer.from(bytes), b.subarray(at % b.length)]),
  })),
  fc.constantFrom(
    { name: 'latin-1', apply: (b: Buffer) => Buffer.from(b.toString('utf8').replace(/a/, 'é'), 'latin1') },
    { name: 'NUL', apply: (b: Buffer) => Buffer.concat([b.subarray(0, 20), Buffer.from([0]), b.subarray(20)]) },
    { name: 'unclosed quote', apply: (b: Buffer) => Buffer.concat([b, Buffer.from('\n"unclosed,1,2')]) },
    { name: 'no header', apply: (b: Buffer) => Buffer.from(b.toString('utf8').split('\n').slice(6).join('\n')) },
    { name: 'extra column', apply: (b: Buffer) => Buffer.from(b.toString('utf8').replace(/\n([^\n]+)$/, '\n$1,extra')) },
    { name: 'duplicate row', apply: (b: Buffer) => Buffer.from(b.toString('utf8') + '\n' + b.toString('utf8').split('\n').at(-1)) },
    { name: 'BOM', apply: (b: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]) },
    { name: 'CRLF', apply: (b: Buffer) => Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n')) },
  ),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('=cmd|\' /C calc\'!A0', '-1', '1e309', 'NaN', '９９', '"', '""', '\u202e', 'x'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE district; --"),
      ),
    )
    .map(([n, value]) => ({
      name: `cell ${JSON.stringify(value.slice(0, 20))}`,
      apply: (b: Buffer) => {
        const lines = b.toString('utf8').split('\n');
        const i = lines.length > 1 ? 1 + (n % (lines.length - 1)) : 0;
        const cells = lines[i]!.split(',');
        cells[n % cells.length] = value.includes(',') || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
        lines[i] = cells.join(',');
        return Buffer.from(lines.join('\n'));
      },
    })),
);

let counter = 0;

describe.each(dialects)('importer fuzzing ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
  });
  afterAll(async () => dialect.close(store));

  it('every template imports as it is', async () => {
    for (const [kind, text] of Object.entries(TEMPLATES)) {
      const file = join(dir, `valid-${dialect.name}-${kind}.csv`);
      writeFileSync(file, text);
      const r = await importFile(store, kind, file);
      expect(r.status, kind).toBe('imported');
      expect(r.rows, kind).toBeGreaterThan(0);
    }
  });

  it('a mutated file imports or is refused with named issues, and a refusal changes nothing', async () => {
    const outcomes = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(TEMPLATES)), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (kind, mutations) => {
        let bytes: Buffer = Buffer.from(TEMPLATES[kind]!);
        for (const m of mutations) bytes = m.apply(bytes);
        const name = `fuzz-${dialect.name}-${++counter}.csv`;
        const file = join(dir, name);
        writeFileSync(file, bytes);
        const before = await snapshot(store);
        try {
          const r = await importFile(store, kind, file);
          expect(['imported', 'unchanged']).toContain(r.status);
          outcomes.imported++;
        } catch (e) {
          if (!(e instanceof ImportFailure)) {
            throw new Error(`${kind} with ${mutations.map((m) => m.name).join(' + ')} threw ${String(e)}`, { cause: e });
          }
          expect(e.issues.length).toBeGreaterThan(0);
          for (const issue of e.issues) {
            expect(issue.file).toBe(name);
            expect(issue.reason.length).toBeGreaterThan(5);
          }
          expect(await snapshot(store)).toBe(before);
          outcomes.refused++;
        }
      }),
      { numRuns: dialect.name === 'sqlite' ? 300 : 120 },
    );
    // Both paths were exercised: mutations that break the file, and ones it survives.
    expect(outcomes.refused).toBeGreaterThan(outcomes.imported / 4);
    expect(outcomes.imported).toBeGreaterThan(0);
  });
});
