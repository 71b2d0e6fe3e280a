/**
 * Builds the embedded dataset (dataset/connecticut/) from the real source files in
 * ../shared/data through the project's own importers: `npm run dataset:build`.
 * The output is in the project's schema; the source files themselves are not copied.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { listTowns } from '../src/data/district.repository.ts';
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
    kind: 'smarter-balanced',
    path: `edsight-2017/smarter-balanced__${y}_ela-and-math_all-students_all-grades-combined.csv`,
    source: 'CSDE EdSight export, via CT-Data-Collaborative/edsight-data',
    licence: 'ODC-By',
  })),
  ...['outcomes/sbac-all-students-2016-17.csv', 'outcomes/sbac-all-students-2017-18.csv', 'outcomes/sbac_trend_all-students_2018-19_2024-25.csv',
    ...['2014-15', '2015-16', '2016-17', '2017-18', '2018-19', '2021-22', '2022-23', '2023-24', '2024-25'].map((y) => `outcomes/sbac-high-needs-${y}.csv`)].map((path) => ({
    kind: 'smarter-balanced',
    path,
    source: 'CSDE EdSight Smarter Balanced exports, via edbot317-source/public-CT-ed-data',
    licence: 'CC-BY-4.0',
  })),
  { kind: 'accountability-summary', path: 'accountability/district_year_accountability_FY2025.csv', source: 'CSDE EdSight Next Generation Accountability, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'graduation', path: 'outcomes/graduation_4yr.csv', source: 'CSDE EdSight graduation exports, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'ecs', path: 'ecs/town_year_ecs_entitlement_FY2012-FY2027.csv', source: 'CSDE ECS entitlement and alliance split files, via edbot317-source/public-CT-ed-data', licence: 'CC-BY-4.0' },
  { kind: 'designations', path: 'designations/alliance_designations.csv', source: 'Compiled from CSDE and OLR documents (facts)', licence: 'facts, no licence' },
];

interface TownFeature {
  properties: { FIPS: string; NAME: string };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

/**
 * Town outlines as SVG paths in the project's own schema: a plane projection scaled to a
 * 1000-unit-wide box, coordinates to one decimal. From the Census-derived town polygons.
 */
export function buildTownMap(geojsonPath: string, towns: ReadonlyMap<string, number>): { width: number; height: number; towns: { townCode: number; name: string; path: string; x: number; y: number }[] } {
  const g = JSON.parse(readFileSync(geojsonPath, 'utf8')) as { features: TownFeature[] };
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const f of g.features) for (const ring of f.geometry.coordinates) for (const [x, y] of ring) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const width = 1000;
  const scale = width / ((maxX - minX) * k);
  const height = Math.ceil((maxY - minY) * scale);
  const px = (x: number) => Math.round((x - minX) * k * scale * 10) / 10;
  const py = (y: number) => Math.round((maxY - y) * scale * 10) / 10;
  const out = g.features.map((f) => {
    const code = towns.get(f.properties.NAME.toLowerCase());
    if (code === undefined) throw new Error(`The map names a town the ECS data does not: ${f.properties.NAME}`);
    const path = f.geometry.coordinates.map((ring) => `M${ring.map(([x, y]) => `${px(x)},${py(y)}`).join('L')}Z`).join('');
    const pts = f.geometry.coordinates[0]!;
    const x = Math.round(pts.reduce((a, [px0]) => a + px(px0), 0) / pts.length);
    const y = Math.round(pts.reduce((a, [, py0]) => a + py(py0), 0) / pts.length);
    return { townCode: code, name: f.properties.NAME, path, x, y };
  });
  out.sort((a, b) => a.townCode - b.townCode);
  return { width, height, towns: out };
}

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
    const towns = new Map((await listTowns(store.db)).map((t) => [t.name.toLowerCase(), t.code]));
    const map = buildTownMap(`${sharedData}/geo/ct-towns-simplified.geojson`, towns);
    writeFileSync(new URL('towns-map.json', out), JSON.stringify(map) + '\n');
    console.log(`${'town map'.padEnd(24)} ${String(map.towns.length).padStart(7)} towns  geo/ct-towns-simplified.geojson`);
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
