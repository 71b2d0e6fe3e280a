/**
 * District-year enrollment and demographics (EdSight enrollment exports, one row per district
 * and fiscal year): District, District Code, fiscal_year, enrollment_total, n_* counts and
 * pct_* shares.
 */
import type { SchoolYear } from '../../domain/time/fiscal-year.ts';
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { codeCell, fiscalYearCell, SeenDistricts } from './common.ts';
import { Batcher, numberCell, openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

export const enrollmentDemographicsImporter: Importer = {
  kind: 'enrollment-demographics',
  title: 'Enrollment and demographics by district and year',
  description: 'Total enrollment and counts and shares by race/ethnicity, English learners, free/reduced lunch and special education.',
  detect: (_p, header) => header.includes('enrollment_total') && header.includes('fiscal_year'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('enrollment_total'), 'a header with District, District Code, fiscal_year, enrollment_total');
    const { header } = table;
    await requireColumns(ctx, table, ['District', 'District Code', 'fiscal_year', 'enrollment_total']);
    const measureColumns = header.names.filter((n) => n === 'enrollment_total' || /^(n|pct)_[a-z_]+$/.test(n));
    const seen = new SeenDistricts();
    const keys = new Set<string>();
    let suppressed = 0;
    const batch = new Batcher<Measure>(4000, (items) => upsertMeasures(ctx.db, items, ctx.importId));
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const code = codeCell(ctx, header.cell(cells, 'District Code'), line, 'District Code');
      const year = fiscalYearCell(ctx, header.cell(cells, 'fiscal_year'), line, 'fiscal_year');
      if (!code || !year) continue;
      if (keys.has(`${code}:${year}`)) {
        ctx.issues.add(line, 'District Code', `District ${code} appears twice for ${year}.`);
        continue;
      }
      keys.add(`${code}:${year}`);
      seen.add(code, header.cell(cells, 'District'));
      for (const column of measureColumns) {
        const isShare = column.startsWith('pct_');
        const cell = numberCell(ctx, header.cell(cells, column), line, column, isShare ? { min: 0, max: 100 } : { min: 0, max: 10_000_000 });
        if (cell.kind === 'suppressed') suppressed++;
        if (cell.kind !== 'value') continue;
        await batch.push({ districtCode: code, schoolYear: year as SchoolYear, measure: column === 'enrollment_total' ? 'enrollment' : column, value: cell.value });
      }
    }
    ctx.issues.check();
    await batch.drain();
    await seen.save(ctx);
    return { rows: batch.written, skipped: suppressed, notes: suppressed ? [`${suppressed} suppressed values (*) not stored.`] : [] };
  },
};
