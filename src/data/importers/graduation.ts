/**
 * Four-year graduation rates by district (named, without codes), fiscal year and needs group:
 * district, fiscal_year, needs_group, cohort_count, graduation_count, graduation_rate.
 * Districts are matched by name against every name the database has seen; an unknown name is an
 * error. Rows that hold a copy of the web page's text instead of data (seen in the published
 * file) are skipped and counted.
 */
import { districtCodesByName, nameKey } from '../district.repository.ts';
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { fiscalYearCell } from './common.ts';
import { numberCell, openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

const GROUPS: Record<string, string> = { 'All Students': '', 'High Needs': '_high_needs', 'Non-High Needs': '_non_high_needs' };

export const graduationImporter: Importer = {
  kind: 'graduation',
  title: 'Four-year graduation rates by district (named)',
  description: 'Cohort, graduates and four-year graduation rate by district, fiscal year and needs group.',
  detect: (_p, header) => header.includes('graduation_rate') && header.includes('needs_group'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('graduation_rate'), 'a header with district, fiscal_year, needs_group, graduation_rate');
    const { header } = table;
    const required = ['district', 'fiscal_year', 'needs_group', 'cohort_count', 'graduation_count', 'graduation_rate'];
    await requireColumns(ctx, table, required);
    const codes = await districtCodesByName(ctx.db);
    const measures: Measure[] = [];
    const keys = new Set<string>();
    let pageText = 0;
    let suppressed = 0;
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const name = header.cell(cells, 'district');
      const numbers = ['cohort_count', 'graduation_count', 'graduation_rate'].map((c) => header.cell(cells, c));
      if (name.startsWith('Four-Year Graduation Rates,') && numbers.every((n) => n === '')) {
        pageText++;
        continue;
      }
      const year = fiscalYearCell(ctx, header.cell(cells, 'fiscal_year'), line, 'fiscal_year');
      const group = header.cell(cells, 'needs_group');
      const suffix = GROUPS[group];
      if (suffix === undefined) {
        ctx.issues.add(line, 'needs_group', `"${group}" is not a needs group (${Object.keys(GROUPS).join(', ')}).`);
        continue;
      }
      const code = codes.get(nameKey(name));
      if (!code) {
        ctx.issues.add(line, 'district', `No district named "${name.slice(0, 80)}" is known. Import the directory or an enrollment file that names it first.`);
        continue;
      }
      if (!year) continue;
      const key = `${code}:${year}:${group}`;
      if (keys.has(key)) {
        ctx.issues.add(line, 'district', `${name} appears twice for ${year}, ${group}.`);
        continue;
      }
      keys.add(key);
      const cohort = numberCell(ctx, numbers[0]!, line, 'cohort_count', { min: 0 });
      const grads = numberCell(ctx, numbers[1]!, line, 'graduation_count', { min: 0 });
      const rate = numberCell(ctx, numbers[2]!, line, 'graduation_rate', { min: 0, max: 100 });
      for (const [cell, measure] of [
        [cohort, 'graduation_4yr_cohort'],
        [grads, 'graduation_4yr_graduates'],
        [rate, 'graduation_4yr_rate'],
      ] as const) {
        if (cell.kind === 'suppressed') suppressed++;
        if (cell.kind === 'value') measures.push({ districtCode: code, schoolYear: year, measure: measure + suffix, value: cell.value });
      }
    }
    ctx.issues.check();
    await upsertMeasures(ctx.db, measures, ctx.importId);
    const notes: string[] = [];
    if (pageText) notes.push(`${pageText} rows hold the web page's text instead of data (a scraping artifact in the source) and were skipped.`);
    if (suppressed) notes.push(`${suppressed} suppressed values (*) not stored.`);
    return { rows: measures.length, skipped: pageText, notes };
  },
};
