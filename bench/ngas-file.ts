/**
 * A synthetic data.ct.gov NGAS file (dataset h28j-iix5) in the real layout: the 113 published
 * columns, quoted cells, "Accountability Index " with its trailing space, thousands separators,
 * state, district and school rows for every year.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { random } from './synthetic.ts';

/** The published columns of data.ct.gov dataset h28j-iix5, in order. */
export const NGAS_COLUMNS: readonly string[] = [
  "FallOfYear", "RptngDistrictName", "ReportingDistrictCode", "SchoolName", "SchoolCode", "SchoolOrgType",
  "SchoolLowGrade", "SchoolHighGrade", "SchoolTitleIType", "Category", "TotalPoints", "TotalPossiblePoints",
  "Accountability Index ", "FinalCategory", "AchievementGapFlag", "Ind1ELA_All_Rate", "Ind1ELA_All_Points",
  "Ind1ELA_All_PossiblePoints", "Ind1ELA_HN_Rate", "Ind1ELA_NHN_Rate", "Ind1ELA_HN_Points",
  "Ind1ELA_HN_PossiblePoints", "Ind1Math_All_Rate", "Ind1Math_All_Points", "Ind1Math_All_PossiblePoints",
  "Ind1Math_NHN_Rate", "Ind1Math_HN_Rate", "Ind1Math_HN_Points", "Ind1Math_HN_PossiblePoints",
  "Ind1Sci_All_Rate", "Ind1Sci_All_Points", "Ind1Sci_All_PossiblePoints", "Ind1Sci_HN_Rate",
  "Ind1Sci_NHN_Rate", "Ind1Sci_HN_Points", "Ind1Sci_HN_PossiblePoints", "Ind1ELAGap", "Ind1MathGap",
  "Ind1SciGap", "Ind2ELA_All_Rate", "Ind2ELA_All_Points", "Ind2ELA_All_Possiblepoints", "Ind2Math_All_Rate",
  "Ind2Math_All_Points", "Ind2Math_All_Possiblepoints", "Ind2ELA_HN_Rate", "Ind2ELA_NHN_Rate",
  "Ind2ELA_HN_Points", "Ind2ELA_HN_Possiblepoints", "Ind2Math_HN_Rate", "Ind2Math_NHN_Rate",
  "Ind2Math_HN_Points", "Ind2Math_HN_Possiblepoints", "Ind3PartRateFlag", "Ind3ELA_All_Rate",
  "Ind3ELA_HN_Rate", "Ind3ELA_NHN_Rate", "Ind3Math_All_Rate", "Ind3Math_HN_Rate", "Ind3Math_NHN_Rate",
  "Ind3Sci_All_Rate", "Ind3Sci_HN_Rate", "Ind3Sci_NHN_Rate", "Ind4Rate", "Ind4Points", "Ind4PossiblePoints",
  "Ind4HNRate", "Ind4HNPoints", "Ind4HNPossiblePoints", "Ind5Rate", "Ind5Points", "Ind5PossiblePoints",
  "Ind6Rate", "Ind6Points", "Ind6PossiblePoints", "Ind7Rate", "Ind7points", "Ind7PointsPossible", "Ind8Rate",
  "Ind8Points", "Ind8PointsPossible", "Ind9Rate", "Ind9Points", "Ind9PointsPossible", "GradGapFlag",
  "Ind10Rate", "Ind10Points", "Ind10PossiblePoints", "Ind11FitnessRate", "Ind11ParticipationRate",
  "Ind11Points", "Ind11PossiblePoints", "Ind12Rate", "Ind12Points", "Ind12PossiblePoints", "Grad6YrRateHN",
  "Grad6YrRateNHN", "Grad6YrHNNHNDiff", "Hurdle_Mean_ELA", "Hurdle_Mean_Math", "Hurdle_Mean_Sci",
  "Hurdle_Means_Grad", "SupportType", "SupportCategory", "Distinction", "DistinctionCategory", "schoolyear",
  "Ind2LEP_LTCY_Rate", "Ind2LEP_LTCY_Points", "Ind2LEP_LTCY_PossiblePoints", "Ind2LEP_ORAL_Rate",
  "Ind2LEP_ORAL_Points", "Ind2LEP_ORAL_PossiblePoints"
];

/** Writes about `rows` rows (state + districts + schools per year, over `years` years); returns the count written. */
export async function writeNgasFile(path: string, rows: number, years = 10, seed = 7): Promise<number> {
  const rnd = random(seed);
  const out = createWriteStream(path);
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  await write(NGAS_COLUMNS.map((c) => `"${c}"`).join(','));
  const perYear = Math.floor(rows / years);
  const districts = Math.max(1, Math.floor(perYear / 6));
  let written = 0;
  for (let y = 0; y < years; y++) {
    const fall = 2024 - y;
    const schoolyear = `${fall}-${String(fall + 1).slice(2)}`;
    for (let i = 0; i < perYear; i++) {
      const state = i === 0;
      const d = 1 + (i % districts);
      const isDistrict = !state && i <= districts;
      const districtCode = state ? '0000000' : `${String(d).padStart(5, '0')}11`;
      const schoolCode = state || isDistrict ? '0000000' : `${String(d % 1000).padStart(3, '0')}${String(Math.floor(i / districts)).padStart(2, '0')}11`;
      const possible = 1250;
      const points = possible * (0.4 + rnd() * 0.55);
      const cells = NGAS_COLUMNS.map((c) => {
        switch (c) {
          case 'FallOfYear': return String(fall);
          case 'RptngDistrictName': return state ? 'State of Connecticut' : `District ${d}`;
          case 'ReportingDistrictCode': return districtCode;
          case 'SchoolName': return state ? 'State of Connecticut' : isDistrict ? 'District' : `School ${i}`;
          case 'SchoolCode': return schoolCode;
          case 'SchoolOrgType': return state ? 'State of Connecticut' : isDistrict ? 'District' : 'Public Schools';
          case 'Category': return state ? 'StateTot' : isDistrict ? 'DistrictTot' : 'SchoolTot';
          case 'TotalPoints': return points.toFixed(4);
          case 'TotalPossiblePoints': return '1,250';
          case 'Accountability Index ': return ((points / possible) * 100).toFixed(6);
          case 'schoolyear': return schoolyear;
          case 'SupportType': case 'SupportCategory': case 'Distinction': case 'DistinctionCategory': case 'SchoolTitleIType': case 'FinalCategory': return '';
          default: return rnd() < 0.1 ? '' : (rnd() * 100).toFixed(4);
        }
      });
      await write(cells.map((v) => (v === '' ? '' : `"${v}"`)).join(','));
      written++;
    }
  }
  out.end();
  await once(out, 'finish');
  return written;
}
