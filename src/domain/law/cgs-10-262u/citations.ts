/**
 * The sources this statute's rules cite, in one place so each is written once.
 */
import { cgs, dataSource, guidance, pa, proposal } from '../../rules/citation.ts';

export const PA_12_116 = pa('12-116', '§ 34', 'SB 458 of 2012; created the Alliance District program for FY2013-FY2017.');
export const PA_17_2_JSS = pa('17-2 JSS', '§ 224', 'June Special Session 2017 budget act; reauthorised the program for FY2018-FY2022.');
export const PA_22_118 = pa('22-118', undefined, 'The 2022 budget act; the section amending § 10-262u is not given in the sources at hand.');

export const CGS_A1 = cgs('10-262u', '(a)(1)');
export const CGS_A1_A = cgs('10-262u', '(a)(1)(A)');
export const CGS_A1_B = cgs('10-262u', '(a)(1)(B)');
export const CGS_A4 = cgs('10-262u', '(a)(4)', 'The statute says "educational reform district"; CSDE now calls these Opportunity Districts.');
export const CGS_B = cgs('10-262u', '(b)');
export const CGS_C = cgs('10-262u', '(c)');

export const CSDE_STEPS = guidance('CSDE Alliance District identification steps', {
  note: 'The four steps on CSDE\'s FY2018 program page, as quoted in the 2024-25 policy brief: local and regional districts only; at least 1,000 students in the index\'s data year; the N lowest by index; add earlier designees.',
});

export const CSDE_FY2018_LIST = guidance('OLR Research Report 2017-R-0321', {
  url: 'https://www.cga.ct.gov/2017/rpt/pdf/2017-R-0321.pdf',
  note: 'Table 1: the 33 alliance districts for FY2018-FY2022, with the three kept from FY2013 and the three new ones.',
});

export const CSDE_2012_PRESENTATION = guidance('CSDE, Alliance Districts launch presentation (2012)', {
  note: 'Lists the 30 districts designated for FY2013 "using a district performance index".',
});

export const POLICY_BRIEF_2025 = proposal('Alliance District policy brief (2024-25)', {
  note: 'Recommends a points or percentile threshold, no size floor, an off-ramp and tiered support.',
});

export const RB_1458_2025 = proposal('2025 Raised Bill 1458', {
  note: 'Would rename alliance districts, designate the 15 lowest and create a "legacy alliance district" category. Not enacted.',
});

export const CSDE_ECS_SPLIT = dataSource('CSDE ECS alliance / non-alliance split (ecs-alliance-nonalliance)', {
  note: 'CSDE\'s published split of each town\'s ECS entitlement into alliance, education-diversity and non-alliance portions, FY2013-FY2025.',
});

export const CSDE_ECS_ENTITLEMENTS = dataSource('CSDE ECS entitlement files (ecsentit)', {
  note: 'Each town\'s Education Cost Sharing entitlement by fiscal year; FY2027 is an estimate.',
});
