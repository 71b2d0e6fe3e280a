/**
 * The pages' query strings: strict parsing (a bad value is a 400 naming the parameter), the
 * districts table's filters and sort, and the simulator's scenario round trip through its address.
 */
import { describe, expect, it } from 'vitest';
import type { DistrictRow } from '../../src/services/public.service.ts';
import { filterAndSort, parseDistrictQuery } from './district-query.ts';
import { DEFAULT_FORM, formQuery, readForm } from './scenario-query.ts';
import { toScenario } from './scenario-query.server.ts';

const row = (over: Partial<DistrictRow>): DistrictRow => ({
  code: '0010011' as DistrictRow['code'],
  name: 'A',
  orgType: 'local',
  townCode: 1,
  index: null,
  indexYear: null,
  rank: null,
  enrollment: null,
  enrollmentYear: null,
  alliance: false,
  firstFiscalYear: null,
  withheldCents: null,
  ...over,
});

describe('the districts query', () => {
  it('refuses a value that is not one of the choices, naming the parameter', () => {
    let thrown: unknown;
    try {
      parseDistrictQuery(new URLSearchParams('sort=evil'));
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { init: { status: number } }).init.status).toBe(400);
    expect(String((thrown as { data: string }).data)).toMatch(/"sort" must be one of/);
    expect(parseDistrictQuery(new URLSearchParams('')).sort).toBe('name');
  });

  it('filters by status and name, sorts with missing values last either way', () => {
    const rows = [row({ code: '1' as never, name: 'Beta', index: 60, alliance: true }), row({ code: '2' as never, name: 'Alpha', index: null }), row({ code: '3' as never, name: 'Gamma', index: 50, alliance: true })];
    const q = parseDistrictQuery(new URLSearchParams('sort=index&dir=desc'));
    expect(filterAndSort(rows, q).map((r) => r.name)).toEqual(['Beta', 'Gamma', 'Alpha']);
    expect(filterAndSort(rows, { ...q, dir: 'asc' }).map((r) => r.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(filterAndSort(rows, { ...q, status: 'alliance', q: 'gam' }).map((r) => r.name)).toEqual(['Gamma']);
  });
});

describe("the simulator's address", () => {
  it('round-trips a scenario through its query string', () => {
    const form = { ...DEFAULT_FORM, sel: 'percentile' as const, percent: '15', floor: '', keep: false, exit: '3' };
    const back = readForm(new URLSearchParams(formQuery(form)));
    expect(back).toEqual(form);
    const s = toScenario(back);
    expect(s.ok && s.spec).toMatchObject({ selection: { kind: 'percentile', percent: 15 }, minEnrollment: null, grandfathering: false, exitAfterYears: 3 });
  });

  it('a fiscal year with no law becomes a scenario for that cycle, keeping earlier designees up to it', () => {
    const s = toScenario(readForm(new URLSearchParams('run=1&fy=2028&keep=on')));
    expect(s.ok && s.noRuleYear).toBe(2028);
    expect(s.ok && s.spec).toMatchObject({ fiscalYears: { first: 2028, last: 2032 }, grandfathering: { first: 2013, last: 2027 } });
  });

  it('names every field it cannot read', () => {
    const s = toScenario(readForm(new URLSearchParams('run=1&count=abc&base=pa-99&ties=maybe')));
    expect(s.ok).toBe(false);
    expect(!s.ok && s.issues.join(' | ')).toMatch(/base: .*\| ties: .*\| count: "abc" is not a number/);
    const negative = toScenario(readForm(new URLSearchParams('run=1&count=-4')));
    expect(!negative.ok && negative.issues.join(' ')).toMatch(/lowestCount/);
  });
});
