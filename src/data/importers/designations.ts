/**
 * The record of designations: district_code, town, town_code, first_designated_fiscal_year,
 * designating_act, evidence — one row per alliance district.
 */
import { orgTypeOf, townCodeOf, type DistrictCode } from '../../domain/district.ts';
import type { FiscalYear } from '../../domain/time/fiscal-year.ts';
import { upsertDesignations, type DesignationRecord } from '../designation.repository.ts';
import { insertMissingDistricts, type District } from '../district.repository.ts';
import { codeCell } from './common.ts';
import { openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

const COLUMNS = ['district_code', 'town', 'first_designated_fiscal_year', 'designating_act'];

export const designationsImporter: Importer = {
  kind: 'designations',
  title: 'Alliance district designations (record)',
  description: 'The districts designated and the fiscal year each was first designated, with the Act and the evidence.',
  detect: (_p, header) => header.includes('first_designated_fiscal_year'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('district_code') && c.includes('first_designated_fiscal_year'), 'a header with district_code and first_designated_fiscal_year');
    const { header } = table;
    await requireColumns(ctx, table, COLUMNS);
    const records: DesignationRecord[] = [];
    const seen = new Set<string>();
    // Districts the record names that are not known yet, written once the whole file is good.
    const districts = new Map<DistrictCode, District>();
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const code = codeCell(ctx, header.cell(cells, 'district_code'), line, 'district_code');
      if (!code) continue;
      const type = orgTypeOf(code);
      if (type !== 'local' && type !== 'regional') {
        ctx.issues.add(line, 'district_code', `${code} is not a local or regional district; only those can be alliance districts.`);
        continue;
      }
      const fyText = header.cell(cells, 'first_designated_fiscal_year');
      const fy = Number(fyText);
      if (!/^\d{4}$/.test(fyText) || fy < 2013 || fy > 2100) {
        ctx.issues.add(line, 'first_designated_fiscal_year', `"${fyText}" is not a fiscal year of the program (FY2013 on).`);
        continue;
      }
      const act = header.cell(cells, 'designating_act');
      if (!act) {
        ctx.issues.add(line, 'designating_act', 'The Act is required.');
        continue;
      }
      if (seen.has(`${code}:${fy}`)) {
        ctx.issues.add(line, 'district_code', `${code} appears twice for FY${fy}.`);
        continue;
      }
      seen.add(`${code}:${fy}`);
      const town = header.cell(cells, 'town');
      records.push({ districtCode: code, firstFiscalYear: fy as FiscalYear, act, basis: 'rank', evidence: header.cell(cells, 'evidence') || null });
      districts.set(code, { code, name: `${town} School District`, orgType: type, townCode: townCodeOf(code), memberTowns: null });
    }
    ctx.issues.check();
    await insertMissingDistricts(ctx.db, [...districts.values()], ctx.importId);
    await upsertDesignations(ctx.db, records, ctx.importId);
    return { rows: records.length, skipped: 0, notes: [] };
  },
};
