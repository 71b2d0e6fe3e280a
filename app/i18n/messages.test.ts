/**
 * Counts read correctly in both languages: the plural branch is the language's (Intl.PluralRules),
 * the number is written in its digits, and every message's braces and branches are well formed.
 */
import { describe, expect, it } from 'vitest';
import { en, es, fillMessage, formatMoneyAxis, translate, type MessageKey } from './messages.ts';

describe('plurals through the messages', () => {
  it('"1 district shown", never "1 districts shown", in English and Spanish', () => {
    expect(translate('en', 'districts.count', { count: 1 })).toBe('1 district shown.');
    expect(translate('en', 'districts.count', { count: 2 })).toBe('2 districts shown.');
    expect(translate('en', 'districts.count', { count: 0 })).toBe('No districts shown.');
    expect(translate('es', 'districts.count', { count: 1 })).toBe('Se muestra 1 distrito.');
    expect(translate('es', 'districts.count', { count: 36 })).toBe('Se muestran 36 distritos.');
    expect(translate('es', 'districts.count', { count: 0 })).toBe('No se muestra ningún distrito.');
  });

  it('writes the number in the language\'s digits', () => {
    expect(translate('en', 'districts.count', { count: 1200 })).toBe('1,200 districts shown.');
    expect(translate('es', 'districts.count', { count: 1200 })).toMatch(/^Se muestran 1[.,\u00a0 ]?200 distritos\.$/);
  });

  it('chooses each count\'s branch on its own in a sentence with several', () => {
    const one = { designated: 1, byRank: 1, grandfathered: 1, opportunity: 1, eligible: 1 };
    expect(translate('en', 'designations.summary', one)).toBe('This computation selects 1 district: 1 by rank and 1 earlier designee; 1 Opportunity district; 1 eligible.');
    expect(translate('es', 'designations.summary', { ...one, grandfathered: 0, eligible: 3 })).toBe('Este cálculo selecciona 1 distrito: 1 por posición y 0 designados anteriormente; 1 distrito de Oportunidad; 3 elegibles.');
    expect(translate('en', 'designations.cutoff', { count: 1, index: '60.00' })).toBe('Cutoff: the lowest ends here (index 60.00).');
    expect(translate('en', 'designations.cutoff', { count: 33, index: '70.65' })).toBe('Cutoff: the 33 lowest end here (index 70.65).');
    expect(translate('en', 'home.mapSummary', { count: 1 })).toBe('1 of Connecticut\'s 169 towns has an alliance district; the rest do not.');
    expect(translate('es', 'home.nowLaw', { law: 'PA 22-118', count: 1, fy: 'FY2027' })).toBe('Según PA 22-118, 1 distrito es distrito de la Alianza para FY2027.');
  });

  it('leaves a plural whose count is not given as written, and fills plain placeholders as before', () => {
    expect(fillMessage('en', '{n, plural, one {# a} other {# b}} {x}', { x: 'y' })).toBe('{n, plural, one {# a} other {# b}} y');
    expect(fillMessage('en', 'FY{fy}', { fy: 2013 })).toBe('FY2013');
  });

  it('every message in both languages has balanced braces and an "other" branch in each plural', () => {
    for (const [lang, messages] of [['en', en], ['es', es]] as const) {
      for (const [key, text] of Object.entries(messages)) {
        let depth = 0;
        for (const c of text) {
          depth += c === '{' ? 1 : c === '}' ? -1 : 0;
          expect(depth, `${lang} ${key}`).toBeGreaterThanOrEqual(0);
        }
        expect(depth, `${lang} ${key}`).toBe(0);
        for (const m of text.matchAll(/\{(\w+), plural,/g)) expect(text.slice(m.index), `${lang} ${key}: ${m[1]}`).toMatch(/other \{/);
        // A plural in one language is a plural in the other.
        const plurals = (t: string) => [...t.matchAll(/\{(\w+), plural,/g)].map((x) => x[1]).sort();
        if (lang === 'es') expect(plurals(text), key).toEqual(expect.arrayContaining(plurals(en[key as MessageKey])));
      }
    }
  });
});

describe('money on a chart axis', () => {
  it('keeps the "$" and a unit the largest tick needs, short enough to fit', () => {
    expect([0, 200e6, 400e6, 600e6].map((v) => formatMoneyAxis('en', v, 600e6))).toEqual(['$0', '$200M', '$400M', '$600M']);
    // Hartford's alliance portion: tens of millions, ticks of 2.5 million.
    expect([0, 12.5e6, 25e6, 37.5e6].map((v) => formatMoneyAxis('en', v, 40e6))).toEqual(['$0', '$12.5M', '$25M', '$37.5M']);
    expect(formatMoneyAxis('en', 250_000, 1e6)).toBe('$0.25M');
    expect([0, 50_000, 150_000].map((v) => formatMoneyAxis('en', v, 150_000))).toEqual(['$0', '$50K', '$150K']);
    expect(formatMoneyAxis('en', 5_000, 8_000)).toBe('$5,000');
    expect(formatMoneyAxis('es', 37.5e6, 40e6)).toMatch(/^\$37[.,]5M$/);
    for (const v of [0, 12.5e6, 37.5e6, 600e6, 1.25e9]) expect(formatMoneyAxis('en', v, 1.25e9).length).toBeLessThanOrEqual(7);
  });
});
