/**
 * The data.ct.gov Education Directory: every district and school with its organisation type and
 * 7-digit code. District rows (code ddd00tt) become districts; the rest become schools of the
 * district whose code they share (ddd + 00 + tt).
 */
import { districtCode, orgTypeOf, townCodeOf, type DistrictCode } from '../../domain/district.ts';
import { addDistrictNames, insertMissingDistricts, upsertDistricts, upsertSchools, type District, type School } from '../district.repository.ts';
import { openTable, requireColumns, type ImportCounts, type Importer } from './table.ts';

const COLUMNS = ['District Name', 'School Name', 'Organization Type', 'Organization Code', 'Town'];
const GRADES = ['PreKindergarten', 'Kindergarten', ...Array.from({ length: 12 }, (_, i) => `Grade ${i + 1}`)];
const GRADE_LABELS = ['PK', 'K', ...Array.from({ length: 12 }, (_, i) => String(i + 1))];

export const directoryImporter: Importer = {
  kind: 'directory',
  title: 'Education Directory (data.ct.gov)',
  description: 'Districts and schools with organisation type, code, town and grades.',
  detect: (_p, header) => header.includes('Organization Code') && header.includes('District Name'),

  async run(ctx): Promise<ImportCounts> {
    const table = await openTable(ctx.source, (c) => c.includes('Organization Code'), 'a header with "District Name", "School Name", "Organization Code"');
    const { header } = table;
    await requireColumns(ctx, table, COLUMNS);
    const districts = new Map<DistrictCode, District>();
    const schoolDistricts = new Map<DistrictCode, District>();
    const schools: School[] = [];
    const names: { name: string; code: DistrictCode }[] = [];
    for await (const { line, cells } of table.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      const raw = header.cell(cells, 'Organization Code');
      if (!/^\d{7}$/.test(raw)) {
        ctx.issues.add(line, 'Organization Code', `"${raw}" is not a 7-digit organisation code.`);
        continue;
      }
      const districtName = header.cell(cells, 'District Name');
      const name = header.cell(cells, 'School Name');
      if (!districtName || !name) {
        ctx.issues.add(line, districtName ? 'School Name' : 'District Name', 'The name is empty.');
        continue;
      }
      const isDistrict = /^\d{3}00\d{2}$/.test(raw);
      const code = districtCode(isDistrict ? raw : `${raw.slice(0, 3)}00${raw.slice(5)}`);
      if (isDistrict) {
        districts.set(code, { code, name, orgType: orgTypeOf(code), townCode: townCodeOf(code), memberTowns: null });
        names.push({ name, code });
      } else {
        schoolDistricts.set(code, { code, name: districtName, orgType: orgTypeOf(code), townCode: townCodeOf(code), memberTowns: null });
        names.push({ name: districtName, code });
        const grades = GRADES.map((g, i) => (header.cell(cells, g) === '1' ? GRADE_LABELS[i]! : null)).filter((g): g is string => g !== null);
        schools.push({
          code: raw,
          districtCode: code,
          name,
          orgType: header.cell(cells, 'Organization Type') || 'school',
          town: header.cell(cells, 'Town') || null,
          grades: grades.length ? `${grades[0]}-${grades.at(-1)}` : null,
        });
      }
    }
    ctx.issues.check();
    await upsertDistricts(ctx.db, [...districts.values()], ctx.importId);
    await insertMissingDistricts(ctx.db, [...schoolDistricts.values()].filter((d) => !districts.has(d.code)), ctx.importId);
    await upsertSchools(ctx.db, schools, ctx.importId);
    await addDistrictNames(ctx.db, names);
    return { rows: districts.size + schools.length, skipped: 0, notes: [] };
  },
};
