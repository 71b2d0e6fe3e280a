/**
 * The embedded default dataset: Connecticut's data in the project's own schema, committed in
 * `dataset/connecticut/` (CSV and JSON, readable and diffable) with a data notice naming every
 * source and licence. `loadEmbedded` fills an empty database from it, so a fresh clone works
 * without the source files; `dumpEmbedded` writes it from a database the importers filled
 * (`npm run dataset:build`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DistrictCode, OrgType } from '../domain/district.ts';
import type { Cents } from '../domain/money/cents.ts';
import type { FiscalYear, SchoolYear } from '../domain/time/fiscal-year.ts';
import { inTransaction, type Store } from './database.ts';
import { listDesignations, upsertDesignations, type DesignationRecord } from './designation.repository.ts';
import { addDistrictNames, listDistricts, listTowns, upsertDistricts, upsertSchools, upsertTowns, type District, type School } from './district.repository.ts';
import { listEcsGrants, upsertEcsGrants, type EcsGrant } from './ecs.repository.ts';
import { insertImport } from './import-log.repository.ts';
import { upsertMeasures, type Measure } from './measure.repository.ts';
import { parse } from 'csv-parse/sync';
import { listAccountability, upsertAccountability, type AccountabilityResult } from './accountability.repository.ts';

export const EMBEDDED_DIR = new URL('../../dataset/connecticut/', import.meta.url);

export interface EmbeddedSource {
  readonly kind: string;
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
  readonly skipped: number;
  readonly notes: readonly string[];
  readonly source: string;
  readonly licence: string;
}

export interface EmbeddedManifest {
  readonly name: string;
  readonly builtAt: string;
  readonly sources: readonly EmbeddedSource[];
  /** SHA-256 of each dataset file, so a load can say which version it loaded. */
  readonly files: Readonly<Record<string, string>>;
}

const FILES = ['districts.json', 'district-names.csv', 'towns.csv', 'schools.csv', 'measures.csv', 'accountability.json', 'ecs-grants.csv', 'designations.csv'] as const;

function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): void {
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(r));
  writeFileSync(path, lines.join('\n') + '\n');
}

function readCsvFile(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
const numOrNull = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

/** Writes the dataset files from a database the importers filled. */
export async function dumpEmbedded(store: Store, dir: URL, manifest: Omit<EmbeddedManifest, 'files'>): Promise<EmbeddedManifest> {
  mkdirSync(dir, { recursive: true });
  const p = (f: string) => new URL(f, dir).pathname;
  const districts = await listDistricts(store.db);
  writeFileSync(p('districts.json'), JSON.stringify(districts, null, 1) + '\n');
  const names = await store.db.selectFrom('district_name').select(['name', 'district_code']).orderBy('name_key').execute();
  writeCsv(p('district-names.csv'), ['name', 'district_code'], names.map((n) => [n.name, n.district_code]));
  writeCsv(p('towns.csv'), ['code', 'name'], (await listTowns(store.db)).map((t) => [t.code, t.name]));
  const schools = await store.db.selectFrom('school').selectAll().orderBy('code').execute();
  writeCsv(p('schools.csv'), ['code', 'district_code', 'name', 'org_type', 'town', 'grades'], schools.map((s) => [s.code, s.district_code, s.name, s.org_type, s.town, s.grades]));
  const measures = await store.db
    .selectFrom('district_year_measure')
    .select(['district_code', 'school_year', 'measure', 'value'])
    .orderBy('measure')
    .orderBy('school_year')
    .orderBy('district_code')
    .execute();
  writeCsv(p('measures.csv'), ['district_code', 'school_year', 'measure', 'value'], measures.map((m) => [m.district_code, m.school_year, m.measure, m.value]));
  writeFileSync(p('accountability.json'), JSON.stringify(await listAccountability(store.db)) + '\n');
  const grants = await listEcsGrants(store.db);
  writeCsv(
    p('ecs-grants.csv'),
    ['town_code', 'fiscal_year', 'entitlement_cents', 'alliance_cents', 'education_diversity_cents', 'non_alliance_cents'],
    grants.map((g) => [g.townCode, g.fiscalYear, g.entitlementCents, g.published?.allianceCents ?? null, g.published?.educationDiversityCents ?? null, g.published?.nonAllianceCents ?? null]),
  );
  const designations = await listDesignations(store.db);
  writeCsv(p('designations.csv'), ['district_code', 'first_fiscal_year', 'act', 'basis', 'evidence'], designations.map((d) => [d.districtCode, d.firstFiscalYear, d.act, d.basis, d.evidence]));
  const files: Record<string, string> = {};
  for (const f of FILES) files[f] = createHash('sha256').update(readFileSync(p(f))).digest('hex');
  const full: EmbeddedManifest = { ...manifest, files };
  writeFileSync(p('manifest.json'), JSON.stringify(full, null, 2) + '\n');
  return full;
}

export function readManifest(dir: URL = EMBEDDED_DIR): EmbeddedManifest {
  return JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as EmbeddedManifest;
}

/** Whether the database already holds data (any import). */
export async function hasData(store: Store): Promise<boolean> {
  return (await store.db.selectFrom('import_log').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Loads the embedded dataset in one transaction; logs one import entry per source file. */
export async function loadEmbedded(store: Store, dir: URL = EMBEDDED_DIR): Promise<{ rows: number }> {
  const manifest = readManifest(dir);
  const p = (f: string) => join(dir.pathname, f);
  const districts = (JSON.parse(readFileSync(p('districts.json'), 'utf8')) as District[]).map((d) => ({ ...d, code: d.code as DistrictCode, orgType: d.orgType as OrgType }));
  const names = readCsvFile(p('district-names.csv')).map((r) => ({ name: r.name!, code: r.district_code as DistrictCode }));
  const towns = readCsvFile(p('towns.csv')).map((r) => ({ code: Number(r.code), name: r.name! }));
  const schools: School[] = readCsvFile(p('schools.csv')).map((r) => ({
    code: r.code!,
    districtCode: r.district_code as DistrictCode,
    name: r.name!,
    orgType: r.org_type!,
    town: orNull(r.town),
    grades: orNull(r.grades),
  }));
  const measures: Measure[] = readCsvFile(p('measures.csv')).map((r) => ({
    districtCode: r.district_code as DistrictCode,
    schoolYear: r.school_year as SchoolYear,
    measure: r.measure!,
    value: Number(r.value),
  }));
  const accountability = JSON.parse(readFileSync(p('accountability.json'), 'utf8')) as AccountabilityResult[];
  const grants: EcsGrant[] = readCsvFile(p('ecs-grants.csv')).map((r) => {
    const alliance = numOrNull(r.alliance_cents);
    const nonAlliance = numOrNull(r.non_alliance_cents);
    return {
      townCode: Number(r.town_code),
      fiscalYear: Number(r.fiscal_year) as FiscalYear,
      entitlementCents: Number(r.entitlement_cents) as Cents,
      published:
        alliance === null || nonAlliance === null
          ? null
          : { allianceCents: alliance as Cents, educationDiversityCents: numOrNull(r.education_diversity_cents) as Cents | null, nonAllianceCents: nonAlliance as Cents },
    };
  });
  const designations: DesignationRecord[] = readCsvFile(p('designations.csv')).map((r) => ({
    districtCode: r.district_code as DistrictCode,
    firstFiscalYear: Number(r.first_fiscal_year) as FiscalYear,
    act: r.act!,
    basis: r.basis as 'rank' | 'grandfathered',
    evidence: orNull(r.evidence),
  }));
  await inTransaction(store, async (trx) => {
    const importId = await insertImport(trx, {
      kind: 'embedded',
      fileName: 'dataset/connecticut',
      fileSha256: createHash('sha256').update(JSON.stringify(manifest.files)).digest('hex'),
      rows: measures.length + grants.length + districts.length,
      skipped: 0,
      importedAt: new Date().toISOString(),
      note: `${manifest.name}, built ${manifest.builtAt}`,
    });
    for (const s of manifest.sources) {
      await insertImport(trx, {
        kind: s.kind,
        fileName: s.path,
        fileSha256: s.sha256,
        rows: s.rows,
        skipped: s.skipped,
        importedAt: manifest.builtAt,
        note: [`via the embedded dataset; ${s.source} (${s.licence})`, ...s.notes].join('\n'),
      });
    }
    await upsertDistricts(trx, districts, importId);
    await addDistrictNames(trx, names);
    await upsertTowns(trx, towns);
    await upsertSchools(trx, schools, importId);
    await upsertMeasures(trx, measures, importId);
    await upsertAccountability(trx, accountability, importId);
    await upsertEcsGrants(trx, grants, importId);
    await upsertDesignations(trx, designations, importId);
  });
  return { rows: measures.length + grants.length + districts.length + schools.length + designations.length };
}
