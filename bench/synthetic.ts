/**
 * Synthetic national-scale data for benchmarks: a seeded generator, so every run measures the
 * same inputs.
 */
import { districtCode } from '../src/domain/district.ts';
import type { DistrictFacts, PriorDesignation, YearFacts } from '../src/domain/law/cgs-10-262u/index.ts';
import { fiscalYear, schoolYear, type SchoolYear } from '../src/domain/time/fiscal-year.ts';

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUFFIXES = ['11', '11', '11', '11', '11', '12', '12', '13', '14', '15'];

/** `districts` districts × `years` school years ending 2024-25, newest first. */
export function nationalDataset(districts: number, years: number, seed = 2026): { years: YearFacts[]; prior: PriorDesignation[] } {
  const rnd = random(seed);
  const base = Array.from({ length: districts }, (_, i) => ({
    // 7-digit codes: 5 digits of number + 2 of type.
    code: districtCode(`${String(i + 1).padStart(5, '0')}${SUFFIXES[i % SUFFIXES.length]}`),
    name: `District ${i + 1}`,
    index: 40 + rnd() * 50,
    enrollment: Math.round(200 + rnd() ** 2 * 40000),
  }));
  const out: YearFacts[] = [];
  for (let y = 0; y < years; y++) {
    const start = 2024 - y;
    const dataYear: SchoolYear = schoolYear(`${start}-${String(start + 1).slice(2)}`);
    const list: DistrictFacts[] = base.map((d) => ({
      code: d.code,
      name: d.name,
      enrollment: rnd() < 0.002 ? null : Math.max(0, Math.round(d.enrollment * (0.9 + rnd() * 0.2))),
      indices: { accountability_index: rnd() < 0.003 ? null : Math.round((d.index + (rnd() - 0.5) * 6) * 1e6) / 1e6 },
    }));
    out.push({ dataYear, districts: list });
  }
  const prior: PriorDesignation[] = base
    .filter((_, i) => i % 37 === 0)
    .map((d) => ({ code: d.code, firstFiscalYear: fiscalYear(2013), act: 'PA 12-116' }));
  return { years: out, prior };
}
