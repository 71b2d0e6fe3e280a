import { describe, expect, it } from 'vitest';
import type { DistrictCode } from '../../district.ts';
import { fiscalYear, type FiscalYear } from '../../time/fiscal-year.ts';
import { NoRuleInForceError } from '../../errors.ts';
import { connecticut, officialDesignation, officialStatus, type RecordEntry } from './index.ts';

const entry = (code: string, first: number, act: string): RecordEntry => ({ code: code as DistrictCode, firstFiscalYear: first as FiscalYear, act, evidence: null });
const RECORD: RecordEntry[] = [entry('0640011', 2013, 'PA 12-116'), entry('1430011', 2018, 'PA 17-2'), entry('0490011', 2023, 'PA 22-118')];

describe('the official designation (the record)', () => {
  it('lists each cycle from the record and the law, never from data', () => {
    expect(officialDesignation(connecticut, fiscalYear(2013), RECORD).entries.map((e) => [e.code, e.basis])).toEqual([['0640011', 'designated-this-cycle']]);
    expect(officialDesignation(connecticut, fiscalYear(2020), RECORD).entries.map((e) => [e.code, e.basis])).toEqual([
      ['0640011', 'earlier-designee'],
      ['1430011', 'designated-this-cycle'],
    ]);
    const fy2027 = officialDesignation(connecticut, fiscalYear(2027), RECORD);
    expect(fy2027.counts).toEqual({ designated: 3, designatedThisCycle: 1, earlierDesignees: 2 });
    expect(fy2027.kind).toBe('record');
    expect(fy2027.cycle).toMatchObject({ versionId: 'pa-22-118', first: 2023, last: 2027, lowestCount: 33, dataYear: null, keeps: { first: 2013, last: 2022 } });
    expect(officialDesignation(connecticut, fiscalYear(2018), RECORD).cycle.dataYear).toBe('2015-16');
    expect(() => officialDesignation(connecticut, fiscalYear(2028), RECORD)).toThrow(NoRuleInForceError);
  });

  it('explains a district from the designation that puts it on the list', () => {
    const s = officialStatus(connecticut, fiscalYear(2027), '0640011' as DistrictCode, 'Hartford', RECORD);
    expect(s.designated).toBe(true);
    expect(s.steps.map((x) => x.rule)).toEqual(['record.first', 'record.kept', 'record.result']);
    const absent = officialStatus(connecticut, fiscalYear(2027), '1110011' as DistrictCode, 'Plymouth', RECORD);
    expect(absent).toMatchObject({ designated: false, entry: null, firstDesignation: null });
    expect(absent.steps.at(-1)!.text).toBe('Officially: not an alliance district for FY2027.');
    const before = officialStatus(connecticut, fiscalYear(2016), '1430011' as DistrictCode, 'Torrington', RECORD);
    expect(before.steps.map((x) => x.rule)).toEqual(['record.first', 'record.later', 'record.result']);
    // On the record twice (designated, then again in a later cycle): explained from the later one.
    const twice = [...RECORD, entry('0490011', 2013, 'PA 12-116')].map((e) => (e.code === '0490011' && e.firstFiscalYear === 2013 ? { ...e, lastFiscalYear: 2017 as FiscalYear } : e));
    const enfield = officialStatus(connecticut, fiscalYear(2024), '0490011' as DistrictCode, 'Enfield', twice);
    expect(enfield.entry).toMatchObject({ firstFiscalYear: 2023, basis: 'designated-this-cycle' });
    expect(enfield.steps[0]!.text).toMatch(/for FY2023, under PA 22-118/);
  });
});
