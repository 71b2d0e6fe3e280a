/**
 * Runs the golden YAML cases in ./cases against the designation rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { districtCode, type DistrictCode } from '../../district.ts';
import { DomainError } from '../../errors.ts';
import { evaluate, withOverrides } from '../../rules/law.ts';
import { fiscalYear, schoolYear } from '../../time/fiscal-year.ts';
import { resolveRuleset } from '../catalog.ts';
import { DESIGNATION, type DesignationInput, type DesignationResult, type DistrictFacts, type YearFacts } from './index.ts';
import type { IndexMeasure } from './parameters.ts';

interface CaseDistrict {
  code: string;
  name?: string;
  enrollment: number | null;
  index: number | null;
}
interface Filler {
  count: number;
  firstIndex: number;
  step: number;
  enrollment: number;
}
interface YearSpec {
  dataYear: string;
  filler?: Filler;
  districts?: CaseDistrict[];
}
interface Case extends YearSpec {
  name: string;
  law?: string;
  fiscalYear?: number;
  measure?: IndexMeasure;
  options?: Record<string, string>;
  prior?: { code: string; firstFiscalYear: number; act: string }[];
  history?: YearSpec[];
  expected: {
    error?: string;
    fiscalYear?: number;
    cutoffIndex?: number;
    counts?: Record<string, number>;
    districts?: Record<string, Record<string, unknown>>;
  };
}

/** filler-k → a 7-digit local code 8kkk011. */
function code(ref: string): DistrictCode {
  const m = /^filler-(\d+)$/.exec(ref);
  return m ? districtCode(`8${m[1]!.padStart(3, '0')}011`) : districtCode(ref);
}

function facts(spec: YearSpec, measure: IndexMeasure): DistrictFacts[] {
  const out: DistrictFacts[] = [];
  const f = spec.filler;
  if (f) {
    for (let k = 1; k <= f.count; k++) {
      out.push({ code: code(`filler-${k}`), name: `Filler ${k}`, enrollment: f.enrollment, indices: { [measure]: f.firstIndex + (k - 1) * f.step } });
    }
  }
  for (const d of spec.districts ?? []) {
    out.push({ code: code(d.code), name: d.name ?? `District ${d.code}`, enrollment: d.enrollment, indices: { [measure]: d.index } });
  }
  return out;
}

const cases = parse(readFileSync(new URL('./cases/designation.yaml', import.meta.url), 'utf8')) as Case[];

describe('golden designation cases (§ 10-262u(a))', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(20));

  for (const c of cases) {
    it(c.name, () => {
      const measure = c.measure ?? 'accountability_index';
      const run = (): DesignationResult => {
        const resolved = resolveRuleset({
          ...(c.law ? { law: c.law } : {}),
          ...(c.fiscalYear !== undefined ? { fiscalYear: fiscalYear(c.fiscalYear) } : {}),
        });
        const law = c.options
          ? withOverrides(resolved.law, { id: 'case', title: c.name, cite: { kind: 'Scenario', id: c.name }, options: c.options })
          : resolved.law;
        const history: YearFacts[] = (c.history ?? []).map((h) => ({ dataYear: schoolYear(h.dataYear), districts: facts(h, measure) }));
        const input: DesignationInput = {
          dataYear: schoolYear(c.dataYear),
          districts: facts(c, measure),
          prior: (c.prior ?? []).map((p) => ({ code: code(p.code), firstFiscalYear: fiscalYear(p.firstFiscalYear), act: p.act })),
          history,
        };
        return evaluate<DesignationInput, DesignationResult>(law, DESIGNATION, resolved.date, input, resolved.versionId).value;
      };
      if (c.expected.error) {
        let caught: unknown;
        try {
          run();
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(DomainError);
        expect((caught as DomainError).code).toBe(c.expected.error);
        return;
      }
      const result = run();
      if (c.expected.fiscalYear !== undefined) expect(result.fiscalYear).toBe(c.expected.fiscalYear);
      if (c.expected.cutoffIndex !== undefined) expect(result.cutoffIndex).toBe(c.expected.cutoffIndex);
      for (const [k, v] of Object.entries(c.expected.counts ?? {})) {
        expect(result.counts[k as keyof typeof result.counts], `counts.${k}`).toBe(v);
      }
      for (const [ref, want] of Object.entries(c.expected.districts ?? {})) {
        const got = result.districts.find((d) => d.districtCode === code(ref));
        expect(got, `district ${ref}`).toBeDefined();
        for (const [field, value] of Object.entries(want)) {
          const actual = field === 'reasons' ? got!.ineligibleReasons : (got as unknown as Record<string, unknown>)[field];
          expect(actual, `${ref}.${field}`).toEqual(value);
        }
        // Every district's trace ends with its result.
        expect(got!.trace.at(-1)!.rule).toBe('designation.result');
      }
    });
  }
});
