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
import { layoutId, STATE_CODE, upsertAccountability, WHOLE_DISTRICT, type AccountabilityWrite } from '../accountability.repository.ts';
import { insertMissingSchools, type School } from '../district.repository.ts';
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

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;
const NUMERIC = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * A cell as a JSON value: a number where the cell is one ("1,250" and "2024.000000" included),
 * null for no value, else the text as a JSON string. Numbers already in JSON form are copied as
 * written, so no precision is lost or invented.
 */
export function indicatorJson(raw: string): string {
  let t = raw.trim();
  if (t === '' || t === '.' || t === 'N/A') return 'null';
  if (JSON_NUMBER.test(t)) return t;
  if (t.startsWith('=')) t = cleanCell(t);
  const plain = t.includes(',') ? t.replace(/,(?=\d{3}(\D|$))/g, '') : t;
  if (JSON_NUMBER.test(plain)) return plain;
  if (NUMERIC.test(plain)) return String(Number(plain));
  return JSON.stringify(t.slice(0, 200));
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

/** A copy of a string that does not keep the file chunk it was cut from alive. */
function own(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

function dedupe(items: School[]): School[] {
  const byCode = new Map<string, School>();
  for (const s of items) if (!byCode.has(s.code)) byCode.set(s.code, s);
  return [...byCode.values()];
}

/** The slow path, only when a duplicate exists: read the file again and name every repeated row. */
async function reportDuplicates(ctx: ImportContext): Promise<void> {
  const table = await openTable(ctx.source, (c) => c[0] === 'FallOfYear', 'a header starting with "FallOfYear"', 4);
  const { header } = table;
  const first = new Map<string, number>();
  for await (const { line, cells } of table.rows) {
    const key = `${header.cell(cells, 'FallOfYear')}|${header.cell(cells, 'ReportingDistrictCode').padStart(7, '0')}|${header.cell(cells, 'SchoolCode').padStart(7, '0')}`;
    const earlier = first.get(key);
    if (earlier !== undefined) ctx.issues.add(line, 'SchoolCode', `The same school (or district) and year as line ${earlier}.`);
    else first.set(key, line);
  }
  ctx.issues.check();
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
    await requireColumns(ctx, table, indexColumn ? REQUIRED : [...REQUIRED, 'Accountability Index']);
    // Each indicator as `"key":` ready to be followed by its value: the JSON is written directly.
    const indicatorColumns = header.names.map((n, i) => [n, i] as const).filter(([n]) => n !== '' && !IDENTITY.has(n));
    const layout = await layoutId(ctx.db, indicatorColumns.map(([n]) => indicatorKey(n)));
    const width = header.names.length;
    const seen = new SeenDistricts();
    // Memory stays flat however long the file: rows go to the database in batches, schools are
    // added as they come (existing ones, e.g. from the directory, are kept), and duplicates are
    // found by counting afterwards, not by remembering every key.
    const results = new Batcher<AccountabilityWrite>(250, (items) => upsertAccountability(ctx.db, items, ctx.importId));
    const measures = new Batcher<Measure>(2000, (items) => upsertMeasures(ctx.db, items, ctx.importId));
    const schools = new Batcher<School>(500, (items) => insertMissingSchools(ctx.db, dedupe(items), ctx.importId));
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
      const parts: string[] = [];
      for (let k = 0; k < indicatorColumns.length; k++) parts.push(indicatorJson(cells[indicatorColumns[k]![1]] ?? ''));
      const indicators = { layoutId: layout, valuesJson: `[${parts.join(',')}]` };
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
      } else {
        await schools.push({
          code: own(schoolRaw),
          districtCode: code,
          name: own(header.cell(cells, 'SchoolName')),
          orgType: own(header.cell(cells, 'SchoolOrgType')) || orgTypeOf(code),
          town: null,
          grades: own([header.cell(cells, 'SchoolLowGrade'), header.cell(cells, 'SchoolHighGrade')].filter(Boolean).join('-')) || null,
        });
      }
    }
    ctx.issues.check();
    await results.drain();
    await measures.drain();
    await schools.drain();
    await seen.save(ctx);
    // Each row wrote its own key with this import's id; fewer rows with that id than rows
    // written means two rows of the file shared a key. Find them (a second pass) and refuse.
    const stored = await ctx.db
      .selectFrom('accountability_result')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', ctx.importId)
      .executeTakeFirstOrThrow();
    if (Number(stored.n) !== results.written) await reportDuplicates(ctx);
    return { rows: results.written, skipped: 0, notes: [] };
  },
};
