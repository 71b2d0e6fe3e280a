/**
 * ECS grants by town and fiscal year, in cents, with CSDE's published alliance split where it
 * exists.
 */
import type { Cents } from '../domain/money/cents.ts';
import type { FiscalYear } from '../domain/time/fiscal-year.ts';
import { upsertRows, type Executor } from './batch.ts';

export interface EcsGrant {
  readonly townCode: number;
  readonly fiscalYear: FiscalYear;
  readonly entitlementCents: Cents;
  /** CSDE's published split; null where CSDE published none (FY2012, FY2026-FY2027). */
  readonly published: {
    readonly allianceCents: Cents;
    readonly educationDiversityCents: Cents | null;
    readonly nonAllianceCents: Cents;
  } | null;
}

export async function upsertEcsGrants(db: Executor, grants: readonly EcsGrant[], importId: number | null): Promise<void> {
  await upsertRows(
    db,
    'ecs_grant',
    grants.map((g) => ({
      town_code: g.townCode,
      fiscal_year: g.fiscalYear,
      entitlement_cents: g.entitlementCents,
      alliance_cents: g.published?.allianceCents ?? null,
      education_diversity_cents: g.published?.educationDiversityCents ?? null,
      non_alliance_cents: g.published?.nonAllianceCents ?? null,
      import_id: importId,
    })),
    ['town_code', 'fiscal_year'],
    ['entitlement_cents', 'alliance_cents', 'education_diversity_cents', 'non_alliance_cents', 'import_id'],
  );
}

export async function listEcsGrants(db: Executor): Promise<EcsGrant[]> {
  const rows = await db.selectFrom('ecs_grant').selectAll().orderBy('town_code').orderBy('fiscal_year').execute();
  return rows.map((r) => ({
    townCode: r.town_code,
    fiscalYear: r.fiscal_year as FiscalYear,
    entitlementCents: Number(r.entitlement_cents) as Cents,
    published:
      r.alliance_cents === null || r.non_alliance_cents === null
        ? null
        : {
            allianceCents: Number(r.alliance_cents) as Cents,
            educationDiversityCents: r.education_diversity_cents === null ? null : (Number(r.education_diversity_cents) as Cents),
            nonAllianceCents: Number(r.non_alliance_cents) as Cents,
          },
  }));
}

export async function ecsFiscalYears(db: Executor): Promise<FiscalYear[]> {
  const rows = await db.selectFrom('ecs_grant').select('fiscal_year').distinct().orderBy('fiscal_year').execute();
  return rows.map((r) => r.fiscal_year as FiscalYear);
}
