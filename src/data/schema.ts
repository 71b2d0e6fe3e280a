/**
 * The tables, as Kysely sees them. snake_case here and in SQL; repositories map to camelCase.
 * Money columns end in `_cents` and hold integers; dates and times are ISO strings so SQLite and
 * PostgreSQL store and return the same text.
 */
import type { Generated } from 'kysely';

export interface ImportLogTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  rows: number;
  skipped: number;
  imported_at: string;
  note: string | null;
}

export interface TownTable {
  code: number;
  name: string;
}

export interface DistrictTable {
  code: string;
  name: string;
  org_type: string;
  town_code: number | null;
  /** Towns a regional district serves, as a JSON array of town codes; null if not known. */
  member_towns: string | null;
  import_id: number | null;
}

/** Every name a district has been published under, so name-only files can be matched. */
export interface DistrictNameTable {
  name_key: string;
  name: string;
  district_code: string;
}

export interface SchoolTable {
  code: string;
  district_code: string;
  name: string;
  org_type: string;
  town: string | null;
  grades: string | null;
  import_id: number | null;
}

export interface DistrictYearMeasureTable {
  district_code: string;
  school_year: string;
  measure: string;
  value: number;
  import_id: number | null;
}

export interface AccountabilityResultTable {
  school_year: string;
  /** '0000000' is the state of Connecticut. */
  district_code: string;
  /** '0000000' for the district as a whole. */
  school_code: string;
  school_name: string;
  category: string | null;
  total_points: number | null;
  total_possible_points: number | null;
  accountability_index: number | null;
  /** The indicator keys, in the order of `indicators`. */
  layout_id: number;
  /** Every indicator's value, a JSON array in the order of the layout's keys. */
  indicators: string;
  import_id: number | null;
}

export interface IndicatorLayoutTable {
  id: Generated<number>;
  /** JSON array of indicator keys ("ind1ela_all_rate", …). */
  keys: string;
}

export interface EcsGrantTable {
  town_code: number;
  fiscal_year: number;
  entitlement_cents: number;
  /** CSDE's published split, where it exists (FY2013-FY2025); null otherwise. */
  alliance_cents: number | null;
  education_diversity_cents: number | null;
  non_alliance_cents: number | null;
  import_id: number | null;
}

export interface DesignationTable {
  district_code: string;
  /** The fiscal year the district was first designated. */
  fiscal_year: number;
  act: string;
  basis: string;
  evidence: string | null;
  import_id: number | null;
}

export interface RuleRunTable {
  id: Generated<number>;
  kind: string;
  law_id: string;
  version_id: string;
  law_date: string;
  fiscal_year: number;
  data_year: string | null;
  code_version: string;
  inputs_sha256: string;
  parameters: string;
  result: string;
  created_at: string;
}

export interface Database {
  import_log: ImportLogTable;
  town: TownTable;
  district: DistrictTable;
  district_name: DistrictNameTable;
  school: SchoolTable;
  district_year_measure: DistrictYearMeasureTable;
  accountability_result: AccountabilityResultTable;
  indicator_layout: IndicatorLayoutTable;
  ecs_grant: EcsGrantTable;
  designation: DesignationTable;
  rule_run: RuleRunTable;
}
