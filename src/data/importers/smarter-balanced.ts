/**
 * Smarter Balanced (ELA and math, all grades combined) district exports from EdSight, in the
 * three layouts the published files use:
 * - one year, all students: "Smarter Balanced Assessments, 2016-17" / "… All Students";
 * - one year, by needs: the same with a "High Needs (F/R, EL or SWD)" column of Y and N;
 * - the trend file: "Smarter Balanced Assessments, Trend", a row of years over one column pair
 *   per year (scored tests, % level 3 or 4).
 * Group headings ("Level 1Not Met" …) sit on the title line over each level's Count and %
 * columns; older exports also fold them into the header ("Level 1 Not Met  Count"). A district's
 * second subject (and its second needs group) leaves the district, code and subject cells empty:
 * they carry down from the row above.
 *
 * Measures, per subject (ela, math) and group (suffix '', _high_needs, _non_high_needs):
 * sbac_<s>_scored, sbac_<s>_level3plus_count, sbac_<s>_level3plus_pct, sbac_<s>_tested,
 * sbac_<s>_participation_pct, and for all students sbac_<s>_level1_pct … level4_pct. The trend
 * file gives scored and level3plus_pct only; the count meeting the standard is then not stored
 * (the evaluation derives it from the two and says so).
 */
import type { DistrictCode } from '../../domain/district.ts';
import { schoolYear, type SchoolYear } from '../../domain/time/fiscal-year.ts';
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { codeCell, SeenDistricts } from './common.ts';
import { cleanCell } from './csv.ts';
import { ImportFailure } from './issues.ts';
import { Batcher, numberCell, openTable, type Header, type ImportCounts, type Importer } from './table.ts';

const TITLE = /^Smarter Balanced Assessments, /;
const YEAR = /^(\d{4}-\d{2})$/;
const SUBJECTS: Record<string, string> = { ELA: 'ela', Math: 'math' };
const NEEDS: Record<string, string> = { Y: '_high_needs', N: '_non_high_needs' };

/** A header name without its spaces and case, so "Total NumberTested" = "Total Number Tested". */
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();

interface Column {
  readonly column: string;
  readonly index: number;
  readonly measure: string;
  readonly year: SchoolYear;
  readonly max?: number;
  /** Stored for all students only. */
  readonly allOnly?: boolean;
}

function find(header: Header, name: string): number {
  return header.names.findIndex((n) => squash(n) === squash(name));
}

/** The columns of a one-year export, with the levels found from their group headings. */
function yearColumns(header: Header, headings: readonly (readonly string[])[], year: SchoolYear): { columns: Column[]; missing: string[] } {
  const named: [string, string, number?][] = [
    ['Total Number Tested', 'tested'],
    ['Smarter Balanced Participation Rate', 'participation_pct', 100],
    ['Total Number with Scored Tests', 'scored'],
  ];
  const columns: Column[] = [];
  const missing: string[] = [];
  for (const [name, measure, max] of named) {
    const index = find(header, name);
    if (index < 0) missing.push(name);
    else columns.push({ column: header.names[index]!, index, measure, year, ...(max ? { max } : {}) });
  }
  const levels: [RegExp, string][] = [
    [/^Level 3\s*&\s*4/i, 'level3plus'],
    [/^Level 1/i, 'level1'],
    [/^Level 2/i, 'level2'],
    [/^Level 3/i, 'level3'],
    [/^Level 4/i, 'level4'],
  ];
  const heading = headings.at(-1) ?? [];
  for (const [pattern, key] of levels) {
    // The group heading's column is the level's count; its percentage follows.
    let index = heading.findIndex((h) => pattern.test(h));
    if (index < 0) index = header.names.findIndex((n) => pattern.test(n) && /Count$/i.test(n));
    if (index < 0 || header.names[index + 1] !== '%') {
      missing.push(`${key === 'level3plus' ? 'Level 3&4 Met or Exceeded' : key.replace('level', 'Level ')} Count and %`);
      continue;
    }
    const label = (heading[index] || header.names[index]!).replace(/\s+/g, ' ');
    if (key === 'level3plus') columns.push({ column: `${label} Count`, index, measure: 'level3plus_count', year });
    columns.push({ column: `${label} %`, index: index + 1, measure: `${key}_pct`, year, max: 100, allOnly: key !== 'level3plus' });
  }
  return { columns, missing };
}

/** The trend file's columns: one pair (scored tests, % level 3 or 4) under each year. */
function trendColumns(header: Header, headings: readonly (readonly string[])[]): { columns: Column[]; missing: string[]; years: SchoolYear[] } {
  const yearRow = headings.find((row) => row.some((c) => YEAR.test(c))) ?? [];
  const columns: Column[] = [];
  const missing: string[] = [];
  const years: SchoolYear[] = [];
  yearRow.forEach((cell, index) => {
    const m = YEAR.exec(cell);
    if (!m) return;
    const year = schoolYear(m[1]!);
    years.push(year);
    const scored = header.names[index] ?? '';
    const pct = header.names[index + 1] ?? '';
    if (squash(scored) !== squash('Total Number with Scored Tests')) missing.push(`Total Number with Scored Tests under ${year}`);
    else if (!/Level 3 or 4/i.test(pct)) missing.push(`Percentage Level 3 or 4 (Met or Exceeded)% under ${year}`);
    else {
      columns.push({ column: `${year} ${scored}`, index, measure: 'scored', year });
      columns.push({ column: `${year} ${pct}`, index: index + 1, measure: 'level3plus_pct', year, max: 100 });
    }
  });
  if (!years.length) missing.push('a row of school years (e.g. 2018-19) over the columns');
  return { columns, missing, years };
}

/** School years between the first and last with no column: said in the notes, not filled. */
function gaps(years: readonly SchoolYear[]): string[] {
  const starts = years.map((y) => Number(y.slice(0, 4))).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 1; i < starts.length; i++) {
    for (let y = starts[i - 1]! + 1; y < starts[i]!; y++) out.push(`${y}-${String((y + 1) % 100).padStart(2, '0')}`);
  }
  return out;
}

export const smarterBalancedImporter: Importer = {
  kind: 'smarter-balanced',
  title: 'Smarter Balanced district export (one year, by needs, or the trend file)',
  description: 'EdSight\'s "Smarter Balanced Assessments" export for all districts, ELA and math, all grades: one year (all students or high needs Y/N) or the trend over years.',
  detect: (preamble) => preamble.length > 0 && TITLE.test(preamble[0]!),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c[0] === 'District' && c[1] === 'District Code', 'a Smarter Balanced export: title lines, then a header starting "District","District Code"');
    const { header, preambleCells } = table;
    const title = table.preamble[0] ?? '';
    const fail = async (reason: string, line: number | null = 1): Promise<never> => {
      await table.rows.return(undefined);
      throw new ImportFailure([{ file: ctx.source.fileName, line, column: null, reason }]);
    };
    if (!TITLE.test(title)) await fail(`"${title.slice(0, 80)}" is not a Smarter Balanced export (its first line reads "Smarter Balanced Assessments, 2016-17" or "…, Trend").`);
    const trend = title.endsWith(', Trend');
    let columns: Column[];
    let missing: string[];
    let years: SchoolYear[];
    if (trend) {
      ({ columns, missing, years } = trendColumns(header, preambleCells));
    } else {
      const m = /(\d{4}-\d{2})/.exec(title);
      if (!m) return fail('No school year (e.g. 2016-17) in the first title line.');
      years = [schoolYear(m[1]!)];
      ({ columns, missing } = yearColumns(header, preambleCells, years[0]!));
    }
    if (missing.length) return fail(`This Smarter Balanced export lacks ${missing.map((x) => `"${x}"`).join(', ')}.`, table.headerLine);
    const needsIndex = header.names.findIndex((n) => n.startsWith('High Needs'));
    const subjectIndex = header.indexOf('Subject');
    if (subjectIndex < 0) return fail('This Smarter Balanced export lacks the column "Subject".', table.headerLine);

    const seen = new SeenDistricts();
    const batch = new Batcher<Measure>(2000, (items) => upsertMeasures(ctx.db, items, ctx.importId));
    const keys = new Set<string>();
    let suppressed = 0;
    let skipped = 0;
    let district: { code: DistrictCode | null; name: string } | null = null;
    let subject = '';
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const name = cleanCell(cells[0]);
      const rawCode = cleanCell(cells[1]);
      if (name === 'Total' || name === 'State of Connecticut') {
        district = { code: null, name };
        skipped++;
        continue;
      }
      if (name || rawCode) {
        const code = rawCode ? codeCell(ctx, cells[1] ?? '', line, 'District Code') : null;
        if (rawCode && !code) {
          district = null;
          continue;
        }
        if (!rawCode && !columns.every((c) => ['', '*', '.'].includes((cells[c.index] ?? '').trim()))) {
          ctx.issues.add(line, 'District Code', `${name.slice(0, 80)} has values but no district code.`);
        }
        district = { code, name };
        subject = '';
        if (code) seen.add(code, name);
      } else if (!district) {
        ctx.issues.add(line, 'District', 'This row carries on from a district above, but no district comes before it.');
        continue;
      }
      if (!district.code) {
        skipped++;
        continue;
      }
      const subjectCell = cleanCell(cells[subjectIndex]);
      if (subjectCell) subject = subjectCell;
      const s = SUBJECTS[subject];
      if (!s) {
        ctx.issues.add(line, 'Subject', subject ? `"${subject.slice(0, 40)}" is not a subject (ELA, Math).` : 'No subject on this row or above it.');
        continue;
      }
      let suffix = '';
      if (needsIndex >= 0) {
        const needs = cleanCell(cells[needsIndex]);
        const found = NEEDS[needs];
        if (found === undefined) {
          ctx.issues.add(line, header.names[needsIndex]!, `"${needs.slice(0, 20)}" is neither Y nor N.`);
          continue;
        }
        suffix = found;
      }
      const key = `${district.code}:${s}${suffix}`;
      if (keys.has(key)) {
        ctx.issues.add(line, 'District Code', `${district.name} appears twice for ${subject}${suffix ? ` (${suffix.slice(1).replaceAll('_', ' ')})` : ''}.`);
        continue;
      }
      keys.add(key);
      const values = new Map<string, number>();
      for (const c of columns) {
        if (c.allOnly && suffix) continue;
        const cell = numberCell(ctx, cells[c.index] ?? '', line, c.column, { min: 0, ...(c.max !== undefined ? { max: c.max } : {}) });
        if (cell.kind === 'suppressed') suppressed++;
        if (cell.kind !== 'value') continue;
        values.set(`${c.year}:${c.measure}`, cell.value);
        await batch.push({ districtCode: district.code, schoolYear: c.year, measure: `sbac_${s}_${c.measure}${suffix}`, value: cell.value });
      }
      for (const year of years) {
        const met = values.get(`${year}:level3plus_count`);
        const scored = values.get(`${year}:scored`);
        if (met !== undefined && scored !== undefined && met > scored) {
          ctx.issues.add(line, 'Level 3&4 Met or Exceeded Count', `${met} students meeting the standard is more than the ${scored} scored tests.`);
        }
      }
    }
    ctx.issues.check();
    await batch.drain();
    await seen.save(ctx);
    const notes = [`Smarter Balanced, ${trend ? `trend ${years[0]} to ${years.at(-1)}` : years[0]}${needsIndex >= 0 ? ', by high needs (Y/N)' : ', all students'}.`];
    const missingYears = gaps(years);
    if (missingYears.length) notes.push(`No test in ${missingYears.join(' and ')} (not administered: COVID-19); no value is stored for those years.`);
    if (suppressed) notes.push(`${suppressed} suppressed values (*) not stored.`);
    if (skipped) notes.push(`${skipped} rows without a district code (totals, or organisations EdSight lists without one) skipped.`);
    return { rows: batch.written, skipped, notes };
  },
};
