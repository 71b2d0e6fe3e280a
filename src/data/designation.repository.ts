/**
 * The record of designations: the fiscal year each district was first designated, by which
 * Act, and the evidence. The law (grandfathering) decides which later years follow from it.
 */
import type { DistrictCode } from '../domain/district.ts';
import type { FiscalYear } from '../domain/time/fiscal-year.ts';
import { upsertRows, type Executor } from './batch.ts';

export interface DesignationRecord {
  readonly districtCode: DistrictCode;
  readonly firstFiscalYear: FiscalYear;
  readonly act: string;
  readonly basis: 'rank' | 'grandfathered';
  readonly evidence: string | null;
}

export async function upsertDesignations(db: Executor, records: readonly DesignationRecord[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'designation',
    records.map((r) => ({
      district_code: r.districtCode,
      fiscal_year: r.firstFiscalYear,
      act: r.act,
      basis: r.basis,
      evidence: r.evidence,
      import_id: importId,
    })),
    ['district_code', 'fiscal_year'],
    ['act', 'basis', 'evidence', 'import_id'],
  );
}

export async function listDesignations(db: Executor): Promise<DesignationRecord[]> {
  const rows = await db.selectFrom('designation').selectAll().orderBy('fiscal_year').orderBy('district_code').execute();
  return rows.map((r) => ({
    districtCode: r.district_code as DistrictCode,
    firstFiscalYear: r.fiscal_year as FiscalYear,
    act: r.act,
    basis: r.basis as 'rank' | 'grandfathered',
    evidence: r.evidence,
  }));
}
