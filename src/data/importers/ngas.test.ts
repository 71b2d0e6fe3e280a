/**
 * The NGAS importer's own paths on both dialects: a duplicate row found after the fact (by
 * counting) and named by line, an index column in either layout, progress reported by bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import { importFile } from '../../services/import.service.ts';
import { accountabilityOf } from '../accountability.repository.ts';
import type { Store } from '../database.ts';
import { indicatorJson } from './ngas.ts';
import { ImportFailure } from './issues.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-ngas-'));
const HEADER = '"FallOfYear","RptngDistrictName","ReportingDistrictCode","SchoolName","SchoolCode","Category","TotalPoints","TotalPossiblePoints","Accountability Index ","Ind1ELA_All_Rate","Ind7PointsPossible","SupportType"';
const row = (year: number, code: string, school: string, index: string) =>
  `"${year}","District ${code}","${code}","${school === '0000000' ? 'District' : 'A School'}","${school}","DistrictTot","800","1,250","${index}","60.5",".","Focus"`;

describe('indicator values as JSON', () => {
  it('copies JSON numbers as written, reads thousands separators, keeps text, and turns blanks into null', () => {
    expect(indicatorJson('60.69993639')).toBe('60.69993639');
    expect(indicatorJson('2024.000000')).toBe('2024.000000');
    expect(indicatorJson('1,250')).toBe('1250');
    expect(indicatorJson('.57')).toBe('0.57');
    expect(indicatorJson('.')).toBe('null');
    expect(indicatorJson('')).toBe('null');
    expect(indicatorJson('Focus "A"')).toBe('"Focus \\"A\\""');
    expect(JSON.parse(`[${['1', '.5', 'x', '', '007'].map(indicatorJson).join(',')}]`)).toEqual([1, 0.5, 'x', null, 7]);
  });
});

describe.each(dialects)('NGAS importer ($name)', (dialect) => {
  let store: Store;
  beforeAll(async () => {
    store = await dialect.open();
  });
  afterAll(async () => dialect.close(store));

  it('refuses a file in which the same district and year appear twice, naming both lines, and changes nothing', async () => {
    const file = join(dir, `dup-${dialect.name}.csv`);
    writeFileSync(file, [HEADER, row(2023, '0020011', '0000000', '68.1'), row(2023, '0030011', '0000000', '70'), row(2023, '0020011', '0000000', '69.2')].join('\n'));
    const err = await importFile(store, 'ngas', file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailure);
    expect((err as ImportFailure).issues).toEqual([
      { file: `dup-${dialect.name}.csv`, line: 4, column: 'SchoolCode', reason: 'The same school (or district) and year as line 2.' },
    ]);
    expect(await accountabilityOf(store.db, '0020011')).toEqual([]);
  });

  it('imports the same district in two years, reports progress, and reads indicators back by name', async () => {
    const file = join(dir, `ok-${dialect.name}.csv`);
    writeFileSync(file, [HEADER, row(2022, '0020011', '0000000', '67.5'), row(2023, '0020011', '0000000', '68.1'), row(2023, '0020011', '0021111', '55')].join('\n'));
    const progress: number[] = [];
    const r = await importFile(store, 'ngas', file, { onProgress: (b, total) => progress.push(b / total) });
    expect(r.rows).toBe(3);
    expect(progress.at(-1)).toBe(1);
    const results = await accountabilityOf(store.db, '0020011');
    expect(results.map((x) => [x.schoolYear, x.accountabilityIndex])).toEqual([
      ['2022-23', 67.5],
      ['2023-24', 68.1],
    ]);
    expect(results[1]!.indicators).toEqual({ ind1ela_all_rate: 60.5, ind7possiblepoints: null, supporttype: 'Focus' });
  });
});
