/**
 * District accountability summary by fiscal year: District, District Code, fiscal_year,
 * ela_growth, math_growth, accountability_index (0-100).
 */
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { codeCell, fiscalYearCell, SeenDistricts } from './common.ts';
import { numberCell, openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

const MEASURES: Record<string, string> = { accountability_index: 'accountability_index', ela_growth: 'ela_growth', math_growth: 'math_growth' };

export const accountabilitySummaryImporter: Importer = {
  kind: 'accountability-summary',
  title: 'District accountability index by year (summary)',
  description: 'The accountability index (0-100) with ELA and math growth, one row per district and fiscal year.',
  detect: (_p, header) => header.includes('accountability_index') && header.includes('fiscal_year'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('accountability_index'), 'a header with District, District Code, fiscal_year, accountability_index');
    const { header } = table;
    await requireColumns(ctx, table, ['District', 'District Code', 'fiscal_year', 'accountability_index']);
    const seen = new SeenDistricts();
    const measures: Measure[] = [];
    const keys = new Set<string>();
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
      for (const [column, measure] of Object.entries(MEASURES)) {
        if (!header.has(column)) continue;
        const cell = numberCell(ctx, header.cell(cells, column), line, column, column === 'accountability_index' ? { min: 0, max: 100 } : {});
        if (cell.kind === 'value') measures.push({ districtCode: code, schoolYear: year, measure, value: cell.value });
      }
    }
    ctx.issues.check();
    await upsertMeasures(ctx.db, measures, ctx.importId);
    await seen.save(ctx);
    return { rows: measures.length, skipped: 0, notes: [] };
  },
};
