/**
 * Temporal coverage (Catala's tests_couverture_temporelle): on every month of each rule's and
 * parameter's life exactly one value is in force; before and after it, NoRuleInForceError.
 * And law hygiene: every dated value, rule version, option and proposal cites its source.
 */
import { describe, expect, it } from 'vitest';
import { NoRuleInForceError } from '../../errors.ts';
import { isWellFormedCitation } from '../../rules/citation.ts';
import { versionAt, versionsOf } from '../../rules/law.ts';
import { segments, valueAt, type Parameter } from '../../rules/parameter.ts';
import { isoDate, type IsoDate } from '../../time/fiscal-year.ts';
import { contains } from '../../time/period.ts';
import { listRulesets } from '../catalog.ts';
import { PROPOSALS } from '../proposals/index.ts';
import { connecticut, DESIGNATION, WITHHOLDING } from './index.ts';
import { ALL_OPTIONS } from './options.ts';
import { ALL_PARAMETERS, NO_RULE_FROM, termYears } from './parameters.ts';

function months(from: IsoDate, until: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const first = isoDate(`${y}-${String(m).padStart(2, '0')}-01`);
    if (first >= until) break;
    out.push(first);
    // the last day of the month too
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push(isoDate(last));
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const START = isoDate('2012-07-01');

describe('temporal coverage', () => {
  for (const rule of [DESIGNATION, WITHHOLDING]) {
    it(`${rule}: exactly one version on every month from FY2013 to FY2027, none after`, () => {
      for (const date of months(START, NO_RULE_FROM)) {
        const found = versionsOf(connecticut, rule).filter((v) => contains(v.period, date));
        expect(found.length, `${rule} on ${date}`).toBe(1);
        expect(versionAt(connecticut, rule, date).id).toBe(found[0]!.id);
      }
      for (const date of [isoDate('2012-06-30'), NO_RULE_FROM, isoDate('2030-01-01')]) {
        expect(() => versionAt(connecticut, rule, date), `${rule} on ${date}`).toThrow(NoRuleInForceError);
      }
    });
  }

  for (const p of ALL_PARAMETERS as readonly Parameter<unknown>[]) {
    it(`parameter ${p.id}: one value on every month of its life, no gap, no overlap`, () => {
      const segs = segments(p);
      expect(segs.length).toBeGreaterThan(0);
      for (let i = 1; i < segs.length; i++) expect(segs[i]!.period.from, `gap or overlap before value ${i}`).toBe(segs[i - 1]!.period.until);
      const until = segs.at(-1)!.period.until ?? isoDate('2040-07-01');
      for (const date of months(segs[0]!.period.from, until)) {
        expect(segs.filter((s) => contains(s.period, date)).length, `${p.id} on ${date}`).toBe(1);
      }
      expect(() => valueAt(p, isoDate('2012-06-30'))).toThrow(NoRuleInForceError);
      // A value that ends is not read past its end.
      const end = segs.at(-1)!.period.until;
      if (end) expect(() => valueAt(p, end)).toThrow(NoRuleInForceError);
    });
  }

  it('each designation cycle lasts the term the law sets (§ 10-262u(b): five years)', () => {
    for (const v of versionsOf(connecticut, DESIGNATION)) {
      const years = Number(v.period.until!.slice(0, 4)) - Number(v.period.from.slice(0, 4));
      expect(years, v.id).toBe(valueAt(termYears, v.period.from).value);
    }
  });
});

describe('law hygiene', () => {
  it('every dated value of every parameter cites its source', () => {
    for (const p of ALL_PARAMETERS as readonly Parameter<unknown>[]) {
      for (const v of p.values) expect(isWellFormedCitation(v.cite), `${p.id} from ${v.from}`).toBe(true);
    }
  });

  it('every rule version names its Act, its dates and the clause it implements', () => {
    for (const rule of [DESIGNATION, WITHHOLDING]) {
      for (const v of versionsOf(connecticut, rule)) {
        expect(isWellFormedCitation(v.act), v.id).toBe(true);
        expect(v.clause.length, v.id).toBeGreaterThan(40);
        expect(v.period.until, v.id).not.toBeNull();
      }
    }
  });

  it('every option states its question, offers its default and cites the wording the default follows', () => {
    for (const o of ALL_OPTIONS) {
      expect(o.question.endsWith('?'), o.id).toBe(true);
      expect(o.choices.map((c) => c.value), o.id).toContain(o.default);
      expect(isWellFormedCitation(o.cite), o.id).toBe(true);
    }
  });

  it('every proposal cites its source and is listed, apart from enacted law', () => {
    for (const p of PROPOSALS) expect(p.cite && isWellFormedCitation(p.cite), p.id).toBe(true);
    const listed = listRulesets();
    expect(listed.filter((r) => r.status === 'enacted').map((r) => r.id)).toEqual(['pa-12-116', 'pa-17-2', 'pa-22-118']);
    expect(listed.filter((r) => r.status === 'proposed').length).toBe(PROPOSALS.length);
    for (const r of listed.filter((x) => x.status === 'proposed')) expect(r.cite.kind, r.id).toBe('Proposal');
  });
});
