/**
 * A generic measures file in the project's own long format: district_code, school_year,
 * measure, value. For data no other importer reads (e.g. a District Performance Index).
 */
import { upsertMeasures, type Measure } from '../measure.repository.ts';
import { codeCell, schoolYearCell } from './common.ts';
import { numberCell, openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

export const measuresImporter: Importer = {
  kind: 'measures',
  title: 'Measures in the project\'s long format',
  description: 'district_code, school_year ("2024-25"), measure (e.g. district_performance_index), value.',
  detect: (_p, header) => header.join(',') === 'district_code,school_year,measure,value',

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('measure') && c.includes('value'), 'the header district_code,school_year,measure,value');
    const { header } = table;
    await requireColumns(ctx, table, ['district_code', 'school_year', 'measure', 'value']);
    const measures: Measure[] = [];
    const keys = new Set<string>();
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const code = codeCell(ctx, header.cell(cells, 'district_code'), line, 'district_code');
      const year = schoolYearCell(ctx, header.cell(cells, 'school_year'), line, 'school_year');
      const measure = header.cell(cells, 'measure');
      if (!/^[a-z][a-z0-9_.]{0,63}$/.test(measure)) {
        ctx.issues.add(line, 'measure', `"${measure.slice(0, 40)}" is not a measure name (lowercase letters, digits, _ and .).`);
        continue;
      }
      const value = numberCell(ctx, header.cell(cells, 'value'), line, 'value');
      if (!code || !year || value.kind !== 'value') {
        if (value.kind === 'empty' || value.kind === 'suppressed') ctx.issues.add(line, 'value', 'A value is required.');
        continue;
      }
      const key = `${code}:${year}:${measure}`;
      if (keys.has(key)) {
        ctx.issues.add(line, 'measure', `${measure} for ${code} in ${year} appears twice.`);
        continue;
      }
      keys.add(key);
      measures.push({ districtCode: code, schoolYear: year, measure, value: value.value });
    }
    ctx.issues.check();
    await upsertMeasures(ctx.db, measures, ctx.importId);
    return { rows: measures.length, skipped: 0, notes: [] };
  },
};
