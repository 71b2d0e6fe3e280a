/**
 * Next Generation Accountability System results, in either published layout:
 * - data.ct.gov dataset h28j-iix5 (113 columns, every year from 2014-15; the index column is
 *   "Accountability Index " with a trailing space; numbers may carry thousands separators);
 * - the EdSight NGAS export (120 columns after a title line; the index column is "OutcomeRatePct";
 *   codes written ="0140011"; "." for no value).
 * Each row is the state, a district (SchoolCode 0000000) or a school. Every indicator is kept;
 * a district's index also becomes its "accountability_index" measure for the year.
 */
import { districtCode, orgTypeOf, type DistrictCode } from '../../domain/district.ts';
import { schoolYear, type SchoolYear } from '../../domain/time/fiscal-year.ts';
import { STATE_CODE, upsertAccountability, WHOLE_DISTRICT, type AccountabilityResult } from '../accountability.repository.ts';
import { upsertSchools, type School } from '../district.repository.ts';
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { SeenDistricts } from './common.ts';
import { cleanCell } from './csv.ts';
import { Batcher, numberCell, openTable, requireColumns, type ImportContext, type ImportCounts, type Importer } from './table.ts';

const IDENTITY = new Set([
  'FallOfYear',
  'RptngDistrictName',
  'ReportingDistrictCode',
  'SchoolName',
  'SchoolCode',
  'Category',
  'TotalPoints',
  'TotalPossiblePoints',
  'Accountability Index',
  'OutcomeRatePct',
  'schoolyear',
]);
const REQUIRED = ['FallOfYear', 'RptngDistrictName', 'ReportingDistrictCode', 'SchoolName', 'SchoolCode', 'Category', 'TotalPoints', 'TotalPossiblePoints'];

/** The canonical indicator key: "Ind7PointsPossible" and "Ind7PossiblePoints" both → "ind7possiblepoints". */
export function indicatorKey(column: string): string {
  return column.trim().toLowerCase().replace('pointspossible', 'possiblepoints');
}

function indicatorValue(raw: string): number | string | null {
  const t = raw.trim();
  if (t === '' || t === '.' || t === 'N/A') return null;
  const n = Number(t.replace(/,(?=\d{3}(\D|$))/g, ''));
  if (Number.isFinite(n) && /^-?[\d,]*\.?\d+(e[-+]?\d+)?$/i.test(t)) return n;
  return t.slice(0, 200);
}

function yearOf(ctx: ImportContext, fall: string, stated: string, line: number): SchoolYear | null {
  const f = Number(fall.replace(/\.0+$/, ''));
  if (!Number.isInteger(f) || f < 2000 || f > 2100) {
    ctx.issues.add(line, 'FallOfYear', `"${fall}" is not a year (e.g. 2024 for 2024-25).`);
    return null;
  }
  const year = schoolYear(`${f}-${String(f + 1).slice(2)}`);
  if (stated && stated !== year) {
    ctx.issues.add(line, 'schoolyear', `"${stated}" does not match FallOfYear ${f} (${year}).`);
    return null;
  }
  return year;
}

export const ngasImporter: Importer = {
  kind: 'ngas',
  title: 'Next Generation Accountability results (data.ct.gov h28j-iix5 or EdSight export)',
  description: 'The accountability index and all 12 indicators for the state, districts and schools.',
  detect: (_p, header) => header[0] === 'FallOfYear',

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c[0] === 'FallOfYear', 'a header starting with "FallOfYear" (data.ct.gov h28j-iix5 or the EdSight NGAS export)', 4);
    const { header } = table;
    const indexColumn = header.has('Accountability Index') ? 'Accountability Index' : header.has('OutcomeRatePct') ? 'OutcomeRatePct' : null;
    const ok = requireColumns(ctx, header, table.headerLine, indexColumn ? REQUIRED : [...REQUIRED, 'Accountability Index']);
    if (!ok) {
      await table.rows.return(undefined);
      ctx.issues.check();
    }
    const indicatorColumns = header.names.map((n, i) => [n, i] as const).filter(([n]) => n !== '' && !IDENTITY.has(n));
    const width = header.names.length;
    const seen = new SeenDistricts();
    const keys = new Set<string>();
    const schools = new Map<string, School>();
    const results = new Batcher<AccountabilityResult>(400, (items) => upsertAccountability(ctx.db, items, ctx.importId));
    const measures = new Batcher<Measure>(2000, (items) => upsertMeasures(ctx.db, items, ctx.importId));
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (cells.length !== width) {
        ctx.issues.add(line, null, `This row has ${cells.length} columns; the header has ${width}. The file may be truncated or mixed from two layouts.`);
        continue;
      }
      const year = yearOf(ctx, header.cell(cells, 'FallOfYear'), header.cell(cells, 'schoolyear'), line);
      const rawDistrict = header.cell(cells, 'ReportingDistrictCode');
      const rawSchool = header.cell(cells, 'SchoolCode');
      if (!/^\d{1,7}$/.test(rawDistrict)) {
        ctx.issues.add(line, 'ReportingDistrictCode', `"${rawDistrict.slice(0, 20)}" is not a district code.`);
        continue;
      }
      if (!/^\d{1,7}$/.test(rawSchool)) {
        ctx.issues.add(line, 'SchoolCode', `"${rawSchool.slice(0, 20)}" is not a school code.`);
        continue;
      }
      const districtRaw = rawDistrict.padStart(7, '0');
      const schoolRaw = rawSchool.padStart(7, '0');
      const isState = districtRaw === STATE_CODE;
      const totalPoints = numberCell(ctx, header.cell(cells, 'TotalPoints'), line, 'TotalPoints', { min: 0 });
      const possible = numberCell(ctx, header.cell(cells, 'TotalPossiblePoints'), line, 'TotalPossiblePoints', { min: 0 });
      const index = indexColumn ? numberCell(ctx, header.cell(cells, indexColumn), line, indexColumn, { min: 0, max: 100 }) : ({ kind: 'empty' } as const);
      if (!year || totalPoints.kind === 'invalid' || possible.kind === 'invalid' || index.kind === 'invalid') continue;
      const key = `${year}:${districtRaw}:${schoolRaw}`;
      if (keys.has(key)) {
        ctx.issues.add(line, 'SchoolCode', `The same ${schoolRaw === WHOLE_DISTRICT ? 'district' : 'school'} appears twice for ${year}.`);
        continue;
      }
      keys.add(key);
      const indicators: Record<string, number | string | null> = {};
      for (const [name, i] of indicatorColumns) indicators[indicatorKey(name)] = indicatorValue(cleanCell(cells[i]));
      const value = (c: typeof totalPoints) => (c.kind === 'value' ? c.value : null);
      await results.push({
        schoolYear: year,
        districtCode: districtRaw,
        schoolCode: schoolRaw,
        schoolName: header.cell(cells, 'SchoolName') || header.cell(cells, 'RptngDistrictName'),
        category: header.cell(cells, 'Category') || null,
        totalPoints: value(totalPoints),
        totalPossiblePoints: value(possible),
        accountabilityIndex: value(index),
        indicators,
      });
      if (isState) continue;
      let code: DistrictCode;
      try {
        code = districtCode(districtRaw);
      } catch (e) {
        ctx.issues.add(line, 'ReportingDistrictCode', (e as Error).message);
        continue;
      }
      seen.add(code, header.cell(cells, 'RptngDistrictName'));
      if (schoolRaw === WHOLE_DISTRICT) {
        if (index.kind === 'value') await measures.push({ districtCode: code, schoolYear: year, measure: 'accountability_index', value: index.value });
      } else if (!schools.has(schoolRaw)) {
        schools.set(schoolRaw, {
          code: schoolRaw,
          districtCode: code,
          name: header.cell(cells, 'SchoolName'),
          orgType: header.cell(cells, 'SchoolOrgType') || orgTypeOf(code),
          town: null,
          grades: [header.cell(cells, 'SchoolLowGrade'), header.cell(cells, 'SchoolHighGrade')].filter(Boolean).join('-') || null,
        });
      }
    }
    ctx.issues.check();
    await results.drain();
    await measures.drain();
    await seen.save(ctx);
    // Schools the directory already knows keep its details; new ones are added.
    const known = new Set(schools.size ? (await ctx.db.selectFrom('school').select('code').execute()).map((r) => r.code) : []);
    await upsertSchools(ctx.db, [...schools.values()].filter((s) => !known.has(s.code)), ctx.importId);
    return { rows: results.written, skipped: 0, notes: [] };
  },
};
