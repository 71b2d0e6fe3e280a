/**
 * EdSight district exports, recognised by their title line:
 * - "Student Counts by District and Year" (year on the third title line) → enrollment
 * - "Chronic Absenteeism, 2015-16" → chronic_absenteeism_pct
 * - "Four-Year Graduation Rates, 2014-15" → graduation_4yr_cohort / _graduates / _rate
 * - "Smarter Balanced Assessments, 2015-16" → handed to the Smarter Balanced importer
 * - "Next Generation Accountability, 2024-25" → handed to the NGAS importer
 * The layout: 2-5 title lines, sometimes a group-heading line, then a header starting
 * "District","District Code"; codes written ="0140011"; "*" for suppressed counts; a "Total" row.
 */
import { schoolYear, type SchoolYear } from '../../domain/time/fiscal-year.ts';
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { codeCell, SeenDistricts } from './common.ts';
import { cleanCell } from './csv.ts';
import { ngasImporter } from './ngas.ts';
import { smarterBalancedImporter } from './smarter-balanced.ts';
import { ImportFailure } from './issues.ts';
import { Batcher, numberCell, openTable, type Header, type ImportContext, type ImportCounts, type Importer } from './table.ts';

interface Dataset {
  readonly title: RegExp;
  readonly name: string;
  /** Column → measure. */
  readonly columns: (header: Header) => readonly { column: string; index: number; measure: string; max?: number }[];
}

const YEAR = /(\d{4}-\d{2})/;

function at(header: Header, name: string): number {
  return header.indexOf(name);
}

const DATASETS: readonly Dataset[] = [
  {
    title: /^Student Counts by District and Year/,
    name: 'enrollment',
    columns: (h) => [{ column: 'Count', index: at(h, 'Count'), measure: 'enrollment' }],
  },
  {
    title: /^Chronic Absenteeism, /,
    name: 'chronic absenteeism',
    columns: (h) => [{ column: '% Chronically Absent', index: at(h, '% Chronically Absent'), measure: 'chronic_absenteeism_pct', max: 100 }],
  },
  {
    title: /^Four-Year Graduation Rates, /,
    name: 'four-year graduation',
    columns: (h) => [
      { column: 'Four-Year Cohort Count', index: at(h, 'Four-Year Cohort Count'), measure: 'graduation_4yr_cohort' },
      { column: 'Graduation Count', index: at(h, 'Graduation Count'), measure: 'graduation_4yr_graduates' },
      { column: 'Graduation Rate', index: at(h, 'Graduation Rate'), measure: 'graduation_4yr_rate', max: 100 },
    ],
  },
];

export const edsightImporter: Importer = {
  kind: 'edsight',
  title: 'EdSight district export (enrollment, chronic absenteeism, graduation, Smarter Balanced, NGAS)',
  description: 'An EdSight "All Districts" export with its title lines; the dataset is recognised from the title.',
  detect: (preamble) => preamble.length > 0 && (DATASETS.some((d) => d.title.test(preamble[0]!)) || preamble[0]!.startsWith('Next Generation Accountability') || smarterBalancedImporter.detect(preamble, [])),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(
      ctx.source,
      (c) => (c[0] === 'District' && c[1] === 'District Code') || c[0] === 'FallOfYear',
      'an EdSight export: title lines, then a header starting "District","District Code"',
    );
    const title = table.preamble[0] ?? '';
    if (smarterBalancedImporter.detect(table.preamble, table.header.names)) {
      await table.rows.return(undefined);
      return smarterBalancedImporter.run(ctx);
    }
    if (table.header.names[0] === 'FallOfYear') {
      await table.rows.return(undefined);
      return ngasImporter.run(ctx);
    }
    const dataset = DATASETS.find((d) => d.title.test(title));
    if (!dataset) {
      await table.rows.return(undefined);
      throw new ImportFailure([
        {
          file: ctx.source.fileName,
          line: 1,
          column: null,
          reason: `"${title.slice(0, 80)}" is not an EdSight export this importer reads (enrollment, chronic absenteeism, four-year graduation, Smarter Balanced, Next Generation Accountability).`,
        },
      ]);
    }
    const yearText = table.preamble.map((p) => YEAR.exec(p)?.[1]).find(Boolean);
    if (!yearText) {
      await table.rows.return(undefined);
      throw new ImportFailure([{ file: ctx.source.fileName, line: 1, column: null, reason: 'No school year (e.g. 2016-17) in the title lines.' }]);
    }
    let year: SchoolYear;
    try {
      year = schoolYear(yearText);
    } catch (e) {
      // A title's year that is not a school year (e.g. "0024-25") is the file's fault: say so, as for any cell.
      await table.rows.return(undefined);
      throw new ImportFailure([{ file: ctx.source.fileName, line: 1, column: null, reason: `The title lines' school year is not valid: ${(e as Error).message}` }]);
    }
    const subgroup = table.preamble.join(' ');
    const suffix = /High Needs/.test(subgroup) && !/Non-High Needs/.test(subgroup) ? '_high_needs' : '';
    return readDistrictRows(ctx, table.header, table.rows, dataset, year, suffix);
  },
};

async function readDistrictRows(
  ctx: ImportContext,
  header: Header,
  rows: AsyncGenerator<{ line: number; cells: readonly string[] }>,
  dataset: Dataset,
  year: SchoolYear,
  suffix: string,
): Promise<ImportCounts> {
  const seen = new SeenDistricts();
  const batch = new Batcher<Measure>(2000, (items) => upsertMeasures(ctx.db, items, ctx.importId));
  const keys = new Set<string>();
  let suppressed = 0;
  let totals = 0;
  const uncoded: string[] = [];
  let checkedColumns = false;
  for await (const { line, cells } of rows) {
    const first = (cells[0] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) continue;
    if (first === 'Total' || first === 'State of Connecticut') {
      totals++;
      continue;
    }
    const columns = dataset.columns(header);
    if (!checkedColumns) {
      const missing = columns.filter((c) => c.index < 0);
      if (missing.length) {
        ctx.issues.add(line, missing[0]!.column, `This ${dataset.name} export lacks the column "${missing[0]!.column}".`);
        break;
      }
      checkedColumns = true;
    }
    const rawCode = cleanCell(cells[1]);
    if (rawCode === '' && columns.every((c) => ['', '*', '.'].includes((cells[c.index] ?? '').trim()))) {
      // EdSight lists some organisations without a code and with every value suppressed.
      uncoded.push(first);
      continue;
    }
    const code = codeCell(ctx, cells[1] ?? '', line, 'District Code');
    if (!code) continue;
    const key = code;
    if (keys.has(key)) {
      ctx.issues.add(line, 'District Code', `District ${code} appears twice.`);
      continue;
    }
    keys.add(key);
    seen.add(code, cleanCell(first));
    for (const c of columns) {
      const cell = numberCell(ctx, cells[c.index] ?? '', line, c.column, { min: 0, ...(c.max !== undefined ? { max: c.max } : {}) });
      if (cell.kind === 'suppressed') suppressed++;
      if (cell.kind === 'value') await batch.push({ districtCode: code, schoolYear: year, measure: c.measure + suffix, value: cell.value });
    }
  }
  ctx.issues.check();
  await batch.drain();
  await seen.save(ctx);
  const notes = [`${dataset.name}, ${year}${suffix ? ', high needs' : ''}.`];
  if (suppressed) notes.push(`${suppressed} suppressed values (*) not stored.`);
  if (totals) notes.push(`${totals} total rows skipped.`);
  if (uncoded.length) notes.push(`${uncoded.length} rows without a district code and without values skipped: ${uncoded.join('; ')}.`);
  return { rows: batch.written, skipped: totals + uncoded.length, notes };
}
