/**
 * C.G.S. § 10-262u as enacted and amended: the rule versions by effective date, each naming
 * the Act that made it, over the dated parameters and named options of this folder.
 *
 * | version   | fiscal years   | Act                    | rule                                                        |
 * |-----------|----------------|------------------------|-------------------------------------------------------------|
 * | pa-12-116 | FY2013-FY2017  | PA 12-116 § 34         | 30 lowest by District Performance Index                     |
 * | pa-17-2   | FY2018-FY2022  | PA 17-2 JSS § 224      | 30 lowest by accountability index + FY2013-17 designees     |
 * | pa-22-118 | FY2023-FY2027  | PA 22-118              | 33 lowest + FY2013-22 designees                             |
 * | —         | FY2028 on      | none                   | no rule in force                                            |
 */
import { fiscalYearOf, fiscalYearStart, type FiscalYear } from '../../time/fiscal-year.ts';
import { defineLaw, versionAt, versionsOf, type Law, type RuleVersion } from '../../rules/law.ts';
import { period, type Period } from '../../time/period.ts';
import { valueAt } from '../../rules/parameter.ts';
import type { DistrictCode } from '../../district.ts';
import { PA_12_116, PA_17_2_JSS, PA_22_118 } from './citations.ts';
import { designate, type DesignationInput, type DesignationResult, type PriorDesignation } from './designation.ts';
import { ALL_OPTIONS } from './options.ts';
import { ALL_PARAMETERS, CYCLE_FY2013, CYCLE_FY2018, CYCLE_FY2023, grandfatherWindow, NO_RULE_FROM } from './parameters.ts';
import { withhold, type WithholdingInput, type WithholdingResult } from './withholding.ts';

export const DESIGNATION = 'designation';
export const WITHHOLDING = 'withholding';

const FY2013_2017: Period = period(CYCLE_FY2013, CYCLE_FY2018);
const FY2018_2022: Period = period(CYCLE_FY2018, CYCLE_FY2023);
const FY2023_2027: Period = period(CYCLE_FY2023, NO_RULE_FROM);

export type DesignationVersion = RuleVersion<DesignationInput, DesignationResult>;
export type WithholdingVersion = RuleVersion<WithholdingInput, WithholdingResult>;

export const designationPa12116: DesignationVersion = {
  id: 'pa-12-116',
  rule: DESIGNATION,
  title: 'PA 12-116: the 30 lowest-performing districts (FY2013-FY2017)',
  act: PA_12_116,
  period: FY2013_2017,
  clause:
    'In substance: an alliance district is a school district for a town among the thirty lowest district performance index scores, designated for the fiscal years ending June 30, 2013, to June 30, 2017.',
  compute: designate,
};

export const designationPa172: DesignationVersion = {
  id: 'pa-17-2',
  rule: DESIGNATION,
  title: 'PA 17-2 JSS § 224: the 30 lowest plus earlier designees (FY2018-FY2022)',
  act: PA_17_2_JSS,
  period: FY2018_2022,
  clause:
    'In substance: a school district for a town (A) among the thirty lowest accountability index scores, or (B) previously designated an alliance district for the fiscal years ending June 30, 2013, to June 30, 2017; designated for five years from July 1, 2017.',
  compute: designate,
};

export const designationPa22118: DesignationVersion = {
  id: 'pa-22-118',
  rule: DESIGNATION,
  title: 'PA 22-118: the 33 lowest plus earlier designees (FY2023-FY2027)',
  act: PA_22_118,
  period: FY2023_2027,
  clause:
    '§ 10-262u(a)(1): "Alliance district" means a school district for a town that (A) is among the towns with the thirty-three lowest accountability index scores, or (B) was previously designated as an alliance district for the fiscal years ending June 30, 2013, to June 30, 2022.',
  compute: designate,
};

export const withholdingPa12116: WithholdingVersion = {
  id: 'pa-12-116',
  rule: WITHHOLDING,
  title: 'PA 12-116: ECS increase over FY2012 withheld until plan approval (FY2013-FY2017)',
  act: PA_12_116,
  period: FY2013_2017,
  clause:
    'In substance, § 10-262u(c): the commissioner shall withhold from an alliance district any increase in its education cost sharing grant over the fiscal year 2012 grant until the district\'s plan is approved; the amount is paid to the school district, not the town.',
  compute: withhold,
};

export const withholdingPa172: WithholdingVersion = {
  ...withholdingPa12116,
  id: 'pa-17-2',
  title: 'PA 17-2 JSS § 224: ECS increase over FY2012 withheld (FY2018-FY2022)',
  act: PA_17_2_JSS,
  period: FY2018_2022,
};

export const withholdingPa22118: WithholdingVersion = {
  ...withholdingPa12116,
  id: 'pa-22-118',
  title: 'PA 22-118: ECS increase over FY2012 (FY2022 for 2022 designees) withheld (FY2023-FY2027)',
  act: PA_22_118,
  period: FY2023_2027,
  clause:
    'In substance, § 10-262u(c) as amended: the increase over the fiscal year 2012 grant is withheld until the plan is approved; for a district first designated in 2022, the increase over its fiscal year 2022 grant.',
};

/** Connecticut's baseline law: everything enacted, nothing proposed. */
export const connecticut: Law = defineLaw({
  id: 'ct',
  title: 'Connecticut, C.G.S. § 10-262u as amended',
  parameters: ALL_PARAMETERS,
  options: ALL_OPTIONS,
  versions: [designationPa12116, designationPa172, designationPa22118, withholdingPa12116, withholdingPa172, withholdingPa22118],
});

/** The designation version in force for a fiscal year, or NoRuleInForceError (FY2028 on). */
export function designationVersionFor(law: Law, fy: FiscalYear): DesignationVersion {
  return versionAt(law, DESIGNATION, fiscalYearStart(fy)) as DesignationVersion;
}

export function designationVersions(law: Law): readonly DesignationVersion[] {
  return versionsOf(law, DESIGNATION) as readonly DesignationVersion[];
}

/**
 * Which districts are alliance districts in a fiscal year, from the record of designations and
 * the law: a district first designated in FY F is designated in FY X if F ≤ X and either F is
 * within the cycle in force at X or the law in force at X keeps designees from F.
 */
export function designatedIn(law: Law, fy: FiscalYear, record: readonly PriorDesignation[]): Map<DistrictCode, PriorDesignation> {
  const version = designationVersionFor(law, fy);
  const cycleStart = fiscalYearOf(version.period.from);
  const current = (law.parameters.get(grandfatherWindow.id) as typeof grandfatherWindow | undefined) ?? grandfatherWindow;
  const window = valueAt(current, version.period.from).value;
  const out = new Map<DistrictCode, PriorDesignation>();
  for (const p of record) {
    if (p.firstFiscalYear > fy) continue;
    if (p.lastFiscalYear != null && p.lastFiscalYear < fy) continue;
    const inCycle = p.firstFiscalYear >= cycleStart;
    const kept = window !== null && p.firstFiscalYear >= window.first && p.firstFiscalYear <= window.last;
    if (inCycle || kept) {
      const existing = out.get(p.code);
      if (!existing || p.firstFiscalYear < existing.firstFiscalYear) out.set(p.code, p);
    }
  }
  return out;
}

export * from './designation.ts';
export * from './withholding.ts';
export * as parameters from './parameters.ts';
export * as options from './options.ts';
export * as citations from './citations.ts';
export * from './record.ts';
