/**
 * Builds the embedded dataset (dataset/connecticut/) from the real source files in
 * ../shared/data through the project's own importers: `npm run dataset:build`.
 * The output is in the project's schema; the source files themselves are not copied.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/data/database.ts';
import { dumpEmbedded, EMBEDDED_DIR, type EmbeddedSource } from '../src/data/embedded.ts';
import { importFile } from '../src/services/import.service.ts';

export const SOURCES: readonly { kind: string; path: string; source: string; licence: string }[] = [
  { kind: 'directory', path: 'directory/ct-education-directory.csv', source: 'data.ct.gov Education Directory, via darrentweng/CTSchoolPerformance15-22', licence: 'MIT' },
  { kind: 'enrollment-demographics', path: 'enrollment/district_year_enrollment.csv', source: 'CSDE EdSight enrollment exports, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  ...['2011-12', '2012-13', '2013-14', '2014-15', '2015-16'].map((y) => ({
    kind: 'edsight',
    path: `edsight-2017/chronic-absenteeism__${y}_all-students.csv`,
    source: 'CSDE EdSight export, via CT-Data-Collaborative/edsight-data',
    licence: 'ODC-By',
  })),
  ...['2014-15', '2015-16'].map((y) => ({
    kind: 'edsight',
    path: `edsight-2017/smarter-balanced__${y}_ela-and-math_all-students_all-grades-combined.csv`,
    source: 'CSDE EdSight export, via CT-Data-Collaborative/edsight-data',
    licence: 'ODC-By',
  })),
  { kind: 'accountability-summary', path: 'accountability/district_year_accountability_FY2025.csv', source: 'CSDE EdSight Next Generation Accountability, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'graduation', path: 'outcomes/graduation_4yr.csv', source: 'CSDE EdSight graduation exports, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'ecs', path: 'ecs/town_year_ecs_entitlement_FY2012-FY2027.csv', source: 'CSDE ECS entitlement and alliance split files, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'designations', path: 'designations/alliance_designations.csv', source: 'Compiled from CSDE and OLR documents (facts)', licence: 'facts, no licence' },
];

export async function buildDataset(sharedData: string, out: URL): Promise<void> {
  const store = await openStore('sqlite::memory:');
  const sources: EmbeddedSource[] = [];
  try {
    for (const s of SOURCES) {
      const r = await importFile(store, s.kind, `${sharedData}/${s.path}`);
      sources.push({ kind: r.kind, path: s.path, sha256: r.sha256, rows: r.rows, skipped: r.skipped, notes: r.notes, source: s.source, licence: s.licence });
      console.log(`${r.kind.padEnd(24)} ${String(r.rows).padStart(7)} rows  ${s.path}`);
    }
    await dumpEmbedded(store, out, { name: 'Connecticut (embedded default)', builtAt: new Date().toISOString().slice(0, 10), sources });
  } finally {
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const shared = process.env.ALLIANCE_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data', import.meta.url));
  if (!existsSync(shared)) {
    console.error(`The source data folder is not there: ${shared}. Set ALLIANCE_SHARED_DATA to it.`);
    process.exit(2);
  }
  await buildDataset(shared, EMBEDDED_DIR);
  console.log(`Wrote ${fileURLToPath(EMBEDDED_DIR)}`);
}
