/**
 * Helpers shared by importers that read district rows: the code in any of its written forms,
 * and the school year from a fiscal year column.
 */
import { districtCode, orgTypeOf, townCodeOf, type DistrictCode } from '../../domain/district.ts';
import { fiscalYearToSchoolYear, fiscalYear, schoolYear, type SchoolYear } from '../../domain/time/fiscal-year.ts';
import { addDistrictNames, insertMissingDistricts, type District } from '../district.repository.ts';
import type { ImportContext } from './table.ts';

export function codeCell(ctx: ImportContext, raw: string, line: number, column: string): DistrictCode | null {
  try {
    return districtCode(raw);
  } catch (e) {
    ctx.issues.add(line, column, (e as Error).message);
    return null;
  }
}

export function fiscalYearCell(ctx: ImportContext, raw: string, line: number, column: string): SchoolYear | null {
  const text = raw.trim().replace(/\.0+$/, '');
  const n = Number(text);
  if (!/^\d{4}$/.test(text) || n < 1990 || n > 2100) {
    ctx.issues.add(line, column, `"${raw.slice(0, 20)}" is not a fiscal year (e.g. 2025 for 2024-25).`);
    return null;
  }
  return fiscalYearToSchoolYear(fiscalYear(n));
}

export function schoolYearCell(ctx: ImportContext, raw: string, line: number, column: string): SchoolYear | null {
  try {
    return schoolYear(raw);
  } catch (e) {
    ctx.issues.add(line, column, (e as Error).message);
    return null;
  }
}

/** Districts seen in a file, added if unknown, and every name recorded for name matching. */
export class SeenDistricts {
  readonly #map = new Map<DistrictCode, string>();

  add(code: DistrictCode, name: string): void {
    // Copied, so the map does not keep the file's text alive.
    if (name && this.#map.get(code) !== name) this.#map.set(code, Buffer.from(name, 'utf8').toString('utf8'));
  }

  async save(ctx: ImportContext): Promise<void> {
    const list: District[] = [...this.#map].map(([code, name]) => ({
      code,
      name,
      orgType: orgTypeOf(code),
      townCode: townCodeOf(code),
      memberTowns: null,
    }));
    await insertMissingDistricts(ctx.db, list, ctx.importId);
    await addDistrictNames(ctx.db, [...this.#map].map(([code, name]) => ({ code, name })));
  }
}
