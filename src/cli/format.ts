/**
 * Output helpers for the command line: aligned tables, CSV safe to open in Excel, money.
 */

import { formatUsd } from '../domain/money/cents.ts';
import { UsageError } from './context.ts';

/** "$1,234,567" from cents; cents shown only when there are any. */
export function money(cents: number | null): string {
  return cents === null ? '' : formatUsd(cents);
}

export function number(n: number | null, digits = 0): string {
  if (n === null) return '';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string;
  readonly align?: 'left' | 'right';
}

/** A plain-text table with a header rule; widths fit the content. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * A CSV field: quoted when needed, and a leading = + - @ (which a spreadsheet would run as a
 * formula) is prefixed with an apostrophe. Numbers are written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}

/** The --format value, refused with a usage error unless it is one of `allowed`. */
export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  const format = value ?? allowed[0]!;
  if (!(allowed as readonly string[]).includes(format)) {
    const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed[0];
    throw new UsageError(`--format must be ${list} (got "${format}").`);
  }
  return format as F;
}
