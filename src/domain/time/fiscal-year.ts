/**
 * Connecticut's fiscal and school years as types, never bare numbers or Dates.
 *
 * A fiscal year runs July 1 – June 30 and is named by the June it ends in:
 * FY2023 = 2022-07-01 .. 2023-06-30. A school year "2024-25" is FY2025.
 */
import { DomainError } from '../errors.ts';

declare const fiscalYearBrand: unique symbol;
declare const schoolYearBrand: unique symbol;
declare const isoDateBrand: unique symbol;

/** A fiscal year named by the calendar year of the June it ends in (FY2023 → 2023). */
export type FiscalYear = number & { readonly [fiscalYearBrand]: true };
/** A school year written "2024-25"; it coincides with FY2025. */
export type SchoolYear = string & { readonly [schoolYearBrand]: true };
/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string & { readonly [isoDateBrand]: true };

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/**
 * Makes a FiscalYear from its ending year, or throws.
 * @example fiscalYear(2023) // FY2023 = July 2022 – June 2023
 */
export function fiscalYear(year: number): FiscalYear {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new DomainError('invalid_fiscal_year', `Not a fiscal year: ${String(year)} (expected a year such as 2023)`, { year });
  }
  return year as FiscalYear;
}

/** Parses "FY2023", "fy2023" or "2023". */
export function parseFiscalYear(text: string): FiscalYear {
  const m = /^\s*(?:FY)?(\d{4})\s*$/i.exec(text);
  if (!m) {
    throw new DomainError('invalid_fiscal_year', `Not a fiscal year: "${text}" (expected e.g. 2023 or FY2023)`, { text });
  }
  return fiscalYear(Number(m[1]));
}

/** "FY2023". */
export function formatFiscalYear(fy: FiscalYear): string {
  return `FY${fy}`;
}

/** First day of the fiscal year: FY2023 → 2022-07-01. */
export function fiscalYearStart(fy: FiscalYear): IsoDate {
  return `${fy - 1}-07-01` as IsoDate;
}

/** First day after the fiscal year: FY2023 → 2023-07-01. */
export function fiscalYearEnd(fy: FiscalYear): IsoDate {
  return `${fy}-07-01` as IsoDate;
}

/** The fiscal year a date falls in: 2022-07-01 → FY2023, 2022-06-30 → FY2022. */
export function fiscalYearOf(date: IsoDate): FiscalYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return fiscalYear(month >= 7 ? year + 1 : year);
}

/**
 * Makes a SchoolYear from "2024-25" (or "2024-2025"), or throws.
 * @example schoolYear('2024-25')
 */
export function schoolYear(text: string): SchoolYear {
  const m = /^\s*(\d{4})-(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) {
    throw new DomainError('invalid_school_year', `Not a school year: "${text}" (expected e.g. 2024-25)`, { text });
  }
  const start = Number(m[1]);
  const endText = m[2]!;
  const end = endText.length === 4 ? Number(endText) : Number(String(start + 1).slice(0, 2) + endText);
  if (end !== start + 1 || start < MIN_YEAR || start >= MAX_YEAR) {
    throw new DomainError('invalid_school_year', `Not a school year: "${text}" (the second year must follow the first, e.g. 2024-25)`, { text });
  }
  return `${start}-${String(end).slice(2)}` as SchoolYear;
}

/** "2024-25" → FY2025. */
export function schoolYearToFiscalYear(sy: SchoolYear): FiscalYear {
  return fiscalYear(Number(sy.slice(0, 4)) + 1);
}

/** FY2025 → "2024-25". */
export function fiscalYearToSchoolYear(fy: FiscalYear): SchoolYear {
  return `${fy - 1}-${String(fy).slice(2)}` as SchoolYear;
}

/** Whether `text` is a real calendar date written "YYYY-MM-DD" (not 2026-02-30, not 9999-99-99). */
export function isCalendarDate(text: string): text is IsoDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Makes an IsoDate from "YYYY-MM-DD", checking it is a real calendar date. */
export function isoDate(text: string): IsoDate {
  if (isCalendarDate(text)) return text;
  throw new DomainError('invalid_date', `Not a date: "${text}" (expected YYYY-MM-DD)`, { text });
}

/** The date `days` after (or before, if negative) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as IsoDate;
}

/** Fiscal years from..through inclusive. */
export function fiscalYearRange(from: FiscalYear, through: FiscalYear): FiscalYear[] {
  const out: FiscalYear[] = [];
  for (let y = from; y <= through; y++) out.push(y as FiscalYear);
  return out;
}
