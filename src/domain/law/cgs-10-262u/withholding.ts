/**
 * ECS withholding, C.G.S. § 10-262u(c): the part of an alliance district's Education Cost
 * Sharing entitlement above its base-year grant is withheld until the commissioner approves the
 * district's plan (the "alliance portion"). The base is the FY2012 grant, or the FY2022 grant for
 * districts first designated in 2022. Two dated provisions visible in CSDE's published split:
 * the FY2018 holdback (alliance portion held at FY2017 entitlement minus base) and the
 * FY2024-FY2025 education-diversity portion carved out of the increase.
 */
import type { DistrictCode } from '../../district.ts';
import { MissingDataError } from '../../errors.ts';
import { cents, formatUsd, maxCents, subCents, ZERO, type Cents } from '../../money/cents.ts';
import type { RuleContext } from '../../rules/law.ts';
import { valueAt } from '../../rules/parameter.ts';
import type { TraceStep } from '../../rules/trace.ts';
import { fiscalYear, fiscalYearOf, fiscalYearStart, formatFiscalYear, type FiscalYear } from '../../time/fiscal-year.ts';
import { CGS_C, CSDE_ECS_ENTITLEMENTS } from './citations.ts';
import type { PriorDesignation } from './designation.ts';
import { allianceEntitlementYearOffset, educationDiversityCarveOut, withholdingBaseYear } from './parameters.ts';

export interface TownGrants {
  readonly townCode: number;
  readonly town: string;
  /** The town's local school district, which receives the alliance portion. */
  readonly districtCode: DistrictCode;
  /** ECS entitlement by fiscal year, in cents. */
  readonly entitlements: ReadonlyMap<FiscalYear, Cents>;
  /** CSDE's education-diversity amount by fiscal year, where CSDE set one. */
  readonly educationDiversity?: ReadonlyMap<FiscalYear, Cents>;
}

export interface WithholdingInput {
  readonly towns: readonly TownGrants[];
  /** Which districts are alliance districts this fiscal year (see `designatedIn`). */
  readonly designated: ReadonlyMap<DistrictCode, PriorDesignation>;
}

export interface TownWithholding {
  readonly town: string;
  readonly townCode: number;
  readonly districtCode: DistrictCode;
  readonly fiscalYear: FiscalYear;
  readonly designated: boolean;
  readonly firstDesignatedFiscalYear: FiscalYear | null;
  readonly entitlementCents: Cents;
  readonly baseFiscalYear: FiscalYear | null;
  readonly baseCents: Cents | null;
  readonly allianceCents: Cents;
  readonly educationDiversityCents: Cents;
  readonly nonAllianceCents: Cents;
  readonly trace: readonly TraceStep[];
}

export interface WithholdingResult {
  readonly fiscalYear: FiscalYear;
  readonly towns: readonly TownWithholding[];
  readonly totals: {
    readonly entitlementCents: Cents;
    readonly allianceCents: Cents;
    readonly educationDiversityCents: Cents;
    readonly nonAllianceCents: Cents;
    readonly designatedTowns: number;
  };
  readonly trace: readonly TraceStep[];
}

/** Amounts in explanations: "$1,234,567", cents shown when there are any ("$1.50", never "$1.5"). */
const dollars = (c: Cents) => formatUsd(c);

function entitlement(t: TownGrants, fy: FiscalYear, purpose: string): Cents {
  const v = t.entitlements.get(fy);
  if (v === undefined) {
    throw new MissingDataError(
      `No ECS entitlement for ${t.town} in ${formatFiscalYear(fy)} (needed as ${purpose}). Import CSDE's ECS entitlement file for that year.`,
      { town: t.town, townCode: t.townCode, fiscalYear: fy },
    );
  }
  return v;
}

/** Splits each town's entitlement for the fiscal year of `ctx.date`. */
export function withhold(input: WithholdingInput, ctx: RuleContext): WithholdingResult {
  const fy = fiscalYearOf(ctx.date);
  const offsetSeg = ctx.param(allianceEntitlementYearOffset);
  const carveSeg = ctx.param(educationDiversityCarveOut);
  const baseParam = (ctx.law.parameters.get(withholdingBaseYear.id) as typeof withholdingBaseYear | undefined) ?? withholdingBaseYear;

  const t = ctx.trace;
  t.step({
    rule: 'withholding.rule',
    text: `The alliance portion is the increase of the ECS entitlement over the base-year grant; it is withheld until the commissioner approves the district's plan.`,
    cite: CGS_C,
  });
  if (offsetSeg.value !== 0) {
    t.step({
      rule: 'withholding.entitlement-year-offset',
      text: `${formatFiscalYear(fy)}: the alliance portion is computed on the ${formatFiscalYear(fiscalYear(fy + offsetSeg.value))} entitlement; any reduction after that comes from the non-alliance part.${offsetSeg.note ? ` (${offsetSeg.note})` : ''}`,
      value: offsetSeg.value,
      cite: offsetSeg.cite,
    });
  }
  if (carveSeg.value) {
    t.step({
      rule: 'withholding.education-diversity-carve-out',
      text: `${formatFiscalYear(fy)}: an education-diversity portion, in CSDE's amount for each town, is carved out of the increase.${carveSeg.note ? ` (${carveSeg.note})` : ''}`,
      value: true,
      cite: carveSeg.cite,
    });
  }

  const towns = input.towns.map((town): TownWithholding => {
    const steps: TraceStep[] = [];
    const ent = entitlement(town, fy, `the ${formatFiscalYear(fy)} entitlement`);
    steps.push({
      rule: 'withholding.entitlement',
      text: `${town.town}'s ECS entitlement for ${formatFiscalYear(fy)}: ${dollars(ent)}.`,
      value: ent,
      cite: CSDE_ECS_ENTITLEMENTS,
    });
    const designation = input.designated.get(town.districtCode);
    if (!designation) {
      steps.push({
        rule: 'withholding.designated',
        text: `${town.town} is not an alliance district in ${formatFiscalYear(fy)}: nothing is withheld.`,
        value: false,
        cite: CGS_C,
      });
      return {
        town: town.town,
        townCode: town.townCode,
        districtCode: town.districtCode,
        fiscalYear: fy,
        designated: false,
        firstDesignatedFiscalYear: null,
        entitlementCents: ent,
        baseFiscalYear: null,
        baseCents: null,
        allianceCents: ZERO,
        educationDiversityCents: ZERO,
        nonAllianceCents: ent,
        trace: steps,
      };
    }
    const baseSeg = valueAt(baseParam, fiscalYearStart(designation.firstFiscalYear));
    const baseFy = baseSeg.value;
    const base = entitlement(town, baseFy, `the ${formatFiscalYear(baseFy)} base grant`);
    steps.push({
      rule: 'withholding.base',
      text: `First designated ${formatFiscalYear(designation.firstFiscalYear)} (${designation.act}), so the base is the ${formatFiscalYear(baseFy)} grant: ${dollars(base)}.`,
      value: base,
      inputs: { baseFiscalYear: baseFy },
      cite: baseSeg.cite,
    });
    const allianceFy = fiscalYear(fy + offsetSeg.value);
    const allianceEnt = allianceFy === fy ? ent : entitlement(town, allianceFy, `the ${formatFiscalYear(allianceFy)} entitlement (FY2018 holdback)`);
    const increase = maxCents(ZERO, subCents(allianceEnt, base));
    steps.push({
      rule: 'withholding.increase',
      text:
        subCents(allianceEnt, base) > 0
          ? `Increase over the base: ${dollars(allianceEnt)} − ${dollars(base)} = ${dollars(increase)}${allianceFy !== fy ? ` (on the ${formatFiscalYear(allianceFy)} entitlement)` : ''}.`
          : `The ${formatFiscalYear(allianceFy)} entitlement ${dollars(allianceEnt)} is not above the base ${dollars(base)}: nothing is withheld, though the district is still designated.`,
      value: increase,
      cite: allianceFy !== fy ? offsetSeg.cite : CGS_C,
    });
    let diversity = ZERO;
    if (carveSeg.value) {
      const amount = town.educationDiversity?.get(fy);
      if (amount === undefined) {
        throw new MissingDataError(
          `No education-diversity amount for ${town.town} in ${formatFiscalYear(fy)}; CSDE sets it per town. Import CSDE's ECS split for that year.`,
          { town: town.town, fiscalYear: fy },
        );
      }
      diversity = amount > increase ? increase : amount;
      steps.push({
        rule: 'withholding.education-diversity',
        text: `Education-diversity portion (CSDE's amount for ${town.town}): ${dollars(diversity)}.`,
        value: diversity,
        cite: carveSeg.cite,
      });
    }
    const alliance = subCents(increase, diversity);
    const nonAlliance = subCents(subCents(ent, alliance), diversity);
    steps.push({
      rule: 'withholding.result',
      text: `Alliance portion withheld: ${dollars(alliance)}; non-alliance portion paid to the town: ${dollars(nonAlliance)}.`,
      value: alliance,
      cite: CGS_C,
    });
    return {
      town: town.town,
      townCode: town.townCode,
      districtCode: town.districtCode,
      fiscalYear: fy,
      designated: true,
      firstDesignatedFiscalYear: designation.firstFiscalYear,
      entitlementCents: ent,
      baseFiscalYear: baseFy,
      baseCents: base,
      allianceCents: alliance,
      educationDiversityCents: diversity,
      nonAllianceCents: nonAlliance,
      trace: steps,
    };
  });

  const sum = (f: (x: TownWithholding) => number) => cents(towns.reduce((a, x) => a + f(x), 0));
  const totals = {
    entitlementCents: sum((x) => x.entitlementCents),
    allianceCents: sum((x) => x.allianceCents),
    educationDiversityCents: sum((x) => x.educationDiversityCents),
    nonAllianceCents: sum((x) => x.nonAllianceCents),
    designatedTowns: towns.filter((x) => x.designated).length,
  };
  t.step({
    rule: 'withholding.total',
    text: `${formatFiscalYear(fy)}: ${totals.designatedTowns} alliance districts; ${dollars(totals.allianceCents)} withheld for alliance plans of ${dollars(totals.entitlementCents)} in ECS entitlements.`,
    value: totals.allianceCents,
    cite: CGS_C,
  });
  return { fiscalYear: fy, towns, totals, trace: t.steps };
}
