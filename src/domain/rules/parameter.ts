/**
 * Dated parameters: a number an Act sets (33 districts, 1,000 students, the FY2012 base year)
 * is a series of values, each in force over a half-open period and each with its citation.
 * Asking for a date no value covers is a NoRuleInForceError, never a default.
 */
import { NoRuleInForceError, DomainError } from '../errors.ts';
import type { IsoDate } from '../time/fiscal-year.ts';
import { contains, formatPeriod, type Period } from '../time/period.ts';
import type { Citation } from './citation.ts';

export interface DatedValue<T> {
  readonly from: IsoDate;
  /** End (exclusive). Omitted: in force until the next value starts, or open-ended if last. */
  readonly until?: IsoDate | null;
  readonly value: T;
  readonly cite: Citation;
  /** A plain-language remark: what is uncertain, how the value was read. */
  readonly note?: string;
}

export interface Parameter<T> {
  readonly id: string;
  readonly label: string;
  /** What the number counts: "districts", "students", "fiscal year". */
  readonly unit?: string;
  readonly values: readonly DatedValue<T>[];
}

/** A value with its resolved period. */
export interface Segment<T> {
  readonly period: Period;
  readonly value: T;
  readonly cite: Citation;
  readonly note?: string;
}

/** Makes a parameter and checks its values are in date order. */
export function parameter<T>(def: Parameter<T>): Parameter<T> {
  for (let i = 1; i < def.values.length; i++) {
    if (def.values[i]!.from <= def.values[i - 1]!.from) {
      throw new DomainError('parameter_order', `Parameter ${def.id}: values must be in date order`, { id: def.id });
    }
  }
  return Object.freeze({ ...def, values: Object.freeze(def.values.slice()) });
}

/** Resolves each value's half-open period. */
export function segments<T>(p: Parameter<T>): Segment<T>[] {
  return p.values.map((v, i) => {
    const next = p.values[i + 1];
    const until = v.until !== undefined ? v.until : next ? next.from : null;
    return {
      period: { from: v.from, until },
      value: v.value,
      cite: v.cite,
      ...(v.note ? { note: v.note } : {}),
    };
  });
}

/** The value in force on a date with its citation, or NoRuleInForceError. */
export function valueAt<T>(p: Parameter<T>, date: IsoDate): Segment<T> {
  const found = segments(p).filter((s) => contains(s.period, date));
  if (found.length === 0) {
    const life = segments(p).map((s) => formatPeriod(s.period)).join('; ');
    throw new NoRuleInForceError(p.label, date, life ? `It is set for ${life}.` : 'It has no values.');
  }
  if (found.length > 1) {
    throw new DomainError('parameter_overlap', `Parameter ${p.id} has two values in force on ${date}`, { id: p.id, date });
  }
  return found[0]!;
}

/**
 * Replaces the value over [from, until) (default: the parameter's whole life), leaving the
 * rest as it was. A pure function: the original parameter is untouched.
 */
export function overrideParameter<T>(
  p: Parameter<T>,
  override: { value: T; cite: Citation; from?: IsoDate; until?: IsoDate | null; note?: string },
): Parameter<T> {
  const segs = segments(p);
  if (override.from === undefined && override.until === undefined) {
    return parameter({
      ...p,
      values: segs.map((s) => ({
        from: s.period.from,
        until: s.period.until,
        value: override.value,
        cite: override.cite,
        ...(override.note ? { note: override.note } : {}),
      })),
    });
  }
  const from = override.from ?? segs[0]?.period.from ?? ('0000-01-01' as IsoDate);
  const until = override.until === undefined ? null : override.until;
  const kept: DatedValue<T>[] = [];
  for (const s of segs) {
    // The part before the override.
    if (s.period.from < from) {
      const end = s.period.until === null || s.period.until > from ? from : s.period.until;
      kept.push({ from: s.period.from, until: end, value: s.value, cite: s.cite, ...(s.note ? { note: s.note } : {}) });
    }
    // The part after the override.
    if (until !== null && (s.period.until === null || s.period.until > until)) {
      const start = s.period.from > until ? s.period.from : until;
      kept.push({ from: start, until: s.period.until, value: s.value, cite: s.cite, ...(s.note ? { note: s.note } : {}) });
    }
  }
  kept.push({ from, until, value: override.value, cite: override.cite, ...(override.note ? { note: override.note } : {}) });
  kept.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return parameter({ ...p, values: kept.map((v) => ({ ...v, until: v.until ?? null })) });
}
