/**
 * Money is integer cents, always. `Cents` is a branded safe integer made only by `cents()`
 * or `dollarsToCents()`; arithmetic stays in integers, and any rounding is a named step.
 */
import { DomainError } from '../errors.ts';

declare const centsBrand: unique symbol;

/** An amount of money in integer cents. */
export type Cents = number & { readonly [centsBrand]: true };

/** Makes Cents from an integer number of cents, or throws. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new DomainError('invalid_cents', `Not a whole number of cents: ${String(value)}`, { value });
  }
  return value as Cents;
}

export const ZERO = 0 as Cents;

/**
 * Parses a dollar amount written in a file ("15031668", "15031668.0", "1,250.50", "-3.5")
 * into exact cents, without going through floating point. More than two decimals is an error
 * unless they are zeros.
 * @example dollarsToCents('15031668.0') // 1503166800
 */
export function dollarsToCents(text: string | number): Cents {
  const raw = typeof text === 'number' ? numberToPlain(text) : text.trim().replace(/,/g, '').replace(/^\$/, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m) {
    throw new DomainError('invalid_amount', `Not a dollar amount: "${String(text)}"`, { text });
  }
  const sign = m[1] ? -1 : 1;
  const whole = m[2]!;
  const frac = m[3] ?? '';
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) {
    throw new DomainError('invalid_amount', `More than whole cents in "${String(text)}"`, { text });
  }
  const value = sign * (Number(whole) * 100 + Number((frac + '00').slice(0, 2)));
  return cents(value === 0 ? 0 : value);
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Up to 6 decimals is plenty to detect sub-cent input; avoids exponent notation.
  return n.toFixed(6).replace(/\.?0+$/, '');
}

export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function maxCents(a: Cents, b: Cents): Cents {
  return (a >= b ? a : b);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

/** Whole dollars, for display and for comparing with CSDE's whole-dollar files. */
export function centsToDollarString(c: Cents): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${dollars}.${String(rest).padStart(2, '0')}`;
}

/** "$1,234,567" or "-$1,234.50": US dollars for people, with cents only when there are any. */
export function formatUsd(c: number): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${sign}$${Math.floor(abs / 100).toLocaleString('en-US')}${abs % 100 ? `.${String(abs % 100).padStart(2, '0')}` : ''}`;
}
