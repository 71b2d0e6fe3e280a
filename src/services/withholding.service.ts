/**
 * Runs the ECS withholding split for a fiscal year: who is designated (from the record and the
 * law), each town's entitlements, CSDE's education-diversity amounts where the law needs them,
 * then the rule with its trace; and compares with CSDE's published split where there is one.
 */
import type { Store } from '../data/database.ts';
import { listDesignations } from '../data/designation.repository.ts';
import { listEcsGrants } from '../data/ecs.repository.ts';
import { listTowns } from '../data/district.repository.ts';
import { localDistrictCodeOfTown } from '../domain/district.ts';
import { MissingDataError, NoRuleInForceError } from '../domain/errors.ts';
import { connecticut, designatedIn, WITHHOLDING, type TownGrants, type WithholdingInput, type WithholdingResult } from '../domain/law/cgs-10-262u/index.ts';
import type { Cents } from '../domain/money/cents.ts';
import { evaluate, versionAt, type Law } from '../domain/rules/law.ts';
import { fiscalYearStart, formatFiscalYear, type FiscalYear } from '../domain/time/fiscal-year.ts';

export interface PublishedSplit {
  readonly allianceCents: Cents;
  readonly educationDiversityCents: Cents | null;
  readonly nonAllianceCents: Cents;
}

export interface WithholdingRun {
  readonly fiscalYear: FiscalYear;
  readonly versionId: string;
  readonly versionTitle: string;
  readonly result: WithholdingResult;
  /** CSDE's published split by town code, where CSDE published one for the year. */
  readonly published: ReadonlyMap<number, PublishedSplit>;
}

export async function runWithholding(store: Store, fy: FiscalYear, law: Law = connecticut): Promise<WithholdingRun> {
  const date = fiscalYearStart(fy);
  let version;
  try {
    version = versionAt(law, WITHHOLDING, date);
  } catch (e) {
    if (e instanceof NoRuleInForceError) {
      throw new NoRuleInForceError(
        'ECS withholding for alliance districts',
        date,
        fy < 2013
          ? `The program began in FY2013 (PA 12-116); nothing was withheld for ${formatFiscalYear(fy)}.`
          : `No Act designates alliance districts for ${formatFiscalYear(fy)} (the last enacted cycle ends with FY2027), so there is nothing to withhold under law.`,
      );
    }
    throw e;
  }
  const [towns, grants, record] = await Promise.all([listTowns(store.db), listEcsGrants(store.db), listDesignations(store.db)]);
  if (!grants.some((g) => g.fiscalYear === fy)) {
    const years = [...new Set(grants.map((g) => g.fiscalYear))].sort();
    throw new MissingDataError(
      `There are no ECS entitlements for ${formatFiscalYear(fy)} in the database.${years.length ? ` Years with entitlements: FY${years[0]}-FY${years.at(-1)}.` : ''} Import CSDE's ECS entitlement file (alliance import ecs <file>).`,
      { fiscalYear: fy },
    );
  }
  const byTown = new Map<number, TownGrants & { entitlements: Map<FiscalYear, Cents>; educationDiversity: Map<FiscalYear, Cents> }>();
  for (const t of towns) {
    byTown.set(t.code, { townCode: t.code, town: t.name, districtCode: localDistrictCodeOfTown(t.code), entitlements: new Map(), educationDiversity: new Map() });
  }
  const published = new Map<number, PublishedSplit>();
  for (const g of grants) {
    const t = byTown.get(g.townCode);
    if (!t) continue;
    t.entitlements.set(g.fiscalYear, g.entitlementCents);
    if (g.published?.educationDiversityCents != null) t.educationDiversity.set(g.fiscalYear, g.published.educationDiversityCents);
    if (g.fiscalYear === fy && g.published) published.set(g.townCode, g.published);
  }
  const input: WithholdingInput = {
    towns: [...byTown.values()].filter((t) => t.entitlements.has(fy)),
    designated: designatedIn(law, fy, record.map((r) => ({ code: r.districtCode, firstFiscalYear: r.firstFiscalYear, act: r.act }))),
  };
  const evaluation = evaluate<WithholdingInput, WithholdingResult>(law, WITHHOLDING, date, input);
  return { fiscalYear: fy, versionId: version.id, versionTitle: version.title, result: evaluation.value, published };
}
