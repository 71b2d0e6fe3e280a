/**
 * School districts as the state codes them. A district code has 7 digits; the last two give
 * the organisation type (11 local, 12 regional, 13 charter, 14 RESC, 15 state agency / unified,
 * 16 technical high schools, 18 Goodwin, 22 endowed academy). Files write it `="0140011"`,
 * `"0140011"` or `140011`; all become the 7-digit string.
 */
import { DomainError } from './errors.ts';

declare const districtCodeBrand: unique symbol;

/** A 7-digit district code such as "0640011" (Hartford). */
export type DistrictCode = string & { readonly [districtCodeBrand]: true };

export type OrgType =
  | 'local'
  | 'regional'
  | 'charter'
  | 'resc'
  | 'state-agency'
  | 'technical'
  | 'goodwin'
  | 'academy'
  | 'other';

export const ORG_TYPE_LABELS: Readonly<Record<OrgType, string>> = {
  local: 'local school district',
  regional: 'regional school district',
  charter: 'public charter school',
  resc: 'regional educational service center',
  'state-agency': 'state agency or unified school district',
  technical: 'technical high school system (CTECS)',
  goodwin: 'Goodwin University educational services',
  academy: 'endowed or incorporated academy',
  other: 'other organisation',
};

const SUFFIX_TYPES: Readonly<Record<string, OrgType>> = {
  '11': 'local',
  '12': 'regional',
  '13': 'charter',
  '14': 'resc',
  '15': 'state-agency',
  '16': 'technical',
  '18': 'goodwin',
  '22': 'academy',
};

/**
 * Normalises a district code as files write it to the 7-digit string, or throws.
 * @example districtCode('="0140011"') // "0140011"
 * @example districtCode(140011)       // "0140011"
 */
export function districtCode(raw: string | number): DistrictCode {
  const text =
    typeof raw === 'number'
      ? Number.isInteger(raw) ? String(raw) : ''
      : raw.trim().replace(/^=/, '').replace(/^"+|"+$/g, '').trim();
  const m = /^(\d{1,7})(?:\.0+)?$/.exec(text);
  if (!m) {
    throw new DomainError('invalid_district_code', `Not a district code: "${String(raw)}" (expected up to 7 digits, e.g. 0640011)`, {
      raw,
    });
  }
  const digits = m[1]!.padStart(7, '0');
  if (digits === '0000000') {
    throw new DomainError('invalid_district_code', `"${String(raw)}" is the state total, not a district`, { raw });
  }
  return digits as DistrictCode;
}

/** The organisation type the code's last two digits give. */
export function orgTypeOf(code: DistrictCode): OrgType {
  return SUFFIX_TYPES[code.slice(5)] ?? 'other';
}

/**
 * For a local district, the town number (001–169, alphabetical, as in the ECS files);
 * null for any other kind of district.
 */
export function townCodeOf(code: DistrictCode): number | null {
  return orgTypeOf(code) === 'local' ? Number(code.slice(0, 3)) : null;
}

/** The local district code of a town number: 64 → "0640011". */
export function localDistrictCodeOfTown(townCode: number): DistrictCode {
  if (!Number.isInteger(townCode) || townCode < 1 || townCode > 999) {
    throw new DomainError('invalid_town_code', `Not a town number: ${String(townCode)}`, { townCode });
  }
  return `${String(townCode).padStart(3, '0')}0011` as DistrictCode;
}
