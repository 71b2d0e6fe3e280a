import { describe, expect, it } from 'vitest';
import { NoRuleInForceError } from '../errors.ts';
import { isoDate } from '../time/fiscal-year.ts';
import { period } from '../time/period.ts';
import { pa, guidance } from './citation.ts';
import { defineLaw, evaluate, withOverrides, type RuleVersion } from './law.ts';
import { overrideParameter, parameter, segments, valueAt } from './parameter.ts';

const count = parameter<number>({
  id: 'count',
  label: 'Count',
  values: [
    { from: isoDate('2017-07-01'), value: 30, cite: pa('17-2 JSS', '§ 224') },
    { from: isoDate('2022-07-01'), until: isoDate('2027-07-01'), value: 33, cite: pa('22-118') },
  ],
});

const doubled: RuleVersion<number, number> = {
  id: 'v1',
  rule: 'double',
  title: 'Doubling rule',
  act: pa('17-2 JSS'),
  period: period(isoDate('2017-07-01'), isoDate('2027-07-01')),
  clause: 'twice the count plus the input',
  compute: (input, ctx) => {
    const c = ctx.param(count);
    ctx.trace.step({ rule: 'double', text: `count is ${c.value}`, value: c.value, cite: c.cite });
    return c.value * 2 + input;
  },
};

const law = defineLaw({ id: 'test', title: 'Test law', parameters: [count], options: [], versions: [doubled] });

describe('dated parameters', () => {
  it('answers the value in force with its citation', () => {
    expect(valueAt(count, isoDate('2020-01-01')).value).toBe(30);
    expect(valueAt(count, isoDate('2022-07-01')).value).toBe(33);
    expect(valueAt(count, isoDate('2022-07-01')).cite.id).toBe('22-118');
  });

  it('outside every period is NoRuleInForceError naming the parameter and date, never a default', () => {
    expect(() => valueAt(count, isoDate('2027-07-01'))).toThrow(NoRuleInForceError);
    expect(() => valueAt(count, isoDate('2016-06-30'))).toThrow(/Count on 2016-06-30/);
  });

  it('an override over part of the life carves it out and leaves the original untouched', () => {
    const over = overrideParameter(count, { value: 15, cite: guidance('x'), from: isoDate('2023-07-01'), until: isoDate('2024-07-01') });
    expect(valueAt(over, isoDate('2023-01-01')).value).toBe(33);
    expect(valueAt(over, isoDate('2023-07-01')).value).toBe(15);
    expect(valueAt(over, isoDate('2024-07-01')).value).toBe(33);
    expect(valueAt(count, isoDate('2023-07-01')).value).toBe(33);
    // No gaps, no overlaps after carving.
    const segs = segments(over);
    expect(segs.map((x) => x.value)).toEqual([30, 33, 15, 33]);
    for (let i = 1; i < segs.length; i++) expect(segs[i]!.period.from).toBe(segs[i - 1]!.period.until);
  });

  it('an override can extend a parameter beyond its life', () => {
    const over = overrideParameter(count, { value: 20, cite: guidance('x'), from: isoDate('2027-07-01'), until: isoDate('2032-07-01') });
    expect(valueAt(over, isoDate('2028-01-01')).value).toBe(20);
    expect(() => valueAt(over, isoDate('2032-07-01'))).toThrow(NoRuleInForceError);
  });
});

describe('evaluate and withOverrides', () => {
  it('runs the version in force and traces the version and each step with citations', () => {
    const r = evaluate<number, number>(law, 'double', isoDate('2023-01-01'), 1);
    expect(r.value).toBe(67);
    expect(r.version.id).toBe('v1');
    expect(r.trace[0]!.text).toMatch(/Doubling rule/);
    expect(r.trace[1]!.cite?.id).toBe('22-118');
  });

  it('no version in force is NoRuleInForceError that lists the periods that exist', () => {
    expect(() => evaluate(law, 'double', isoDate('2030-01-01'), 1)).toThrow(/Rules exist only for: Doubling rule \(2017-07-01 – 2027-06-30\)/);
  });

  it('a scenario is a new law; the baseline does not change', () => {
    const what = withOverrides(law, { id: 's', title: 'Fifteen', cite: guidance('test scenario'), parameters: { count: { value: 15 } } });
    expect(evaluate<number, number>(what, 'double', isoDate('2023-01-01'), 0).value).toBe(30);
    expect(evaluate<number, number>(law, 'double', isoDate('2023-01-01'), 0).value).toBe(66);
    expect(what.origin?.base).toBe('test');
    expect(Object.isFrozen(what)).toBe(true);
  });

  it('a scenario naming an unknown parameter or option is refused', () => {
    expect(() => withOverrides(law, { id: 's', title: 's', cite: guidance('x'), parameters: { nope: { value: 1 } } })).toThrow(/unknown parameter "nope"/);
    expect(() => withOverrides(law, { id: 's', title: 's', cite: guidance('x'), options: { nope: 'a' } })).toThrow(/unknown option "nope"/);
  });
});
