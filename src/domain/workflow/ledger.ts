/**
 * A district's ledger export read into expenditures: the columns are mapped once per district
 * (which header is the date, the amount, the budget line or funding area, the object code, the
 * description), then every row is read the same way. All or nothing: a file with any bad row
 * gives every problem by row and column, and no expenditures. Pure: the service reads the file
 * (CSV or XLSX) into rows of text.
 */
import { dollarsToCents } from '../money/cents.ts';
import { addDays, fiscalYearEnd, fiscalYearStart, isCalendarDate, type FiscalYear, type IsoDate } from '../time/fiscal-year.ts';
import { FUNDING_AREA_LABELS, FUNDING_AREAS, type BudgetLine, type FundingArea } from './budget.ts';
import type { Expenditure } from './spending.ts';

/** Which of the file's headers holds what. Date and amount are required, and a line, an area or an object code. */
export interface LedgerMapping {
  readonly date: string;
  readonly amount: string;
  readonly line?: string | null;
  readonly area?: string | null;
  readonly objectCode?: string | null;
  readonly description?: string | null;
}

export interface LedgerIssue {
  /** The row in the file, counting the header as row 1. */
  readonly row: number;
  /** The column's header, or null for the file as a whole. */
  readonly column: string | null;
  readonly message: string;
}

/** What is wrong with a mapping against a file's headers, or null. */
export function mappingProblem(m: LedgerMapping, headers: readonly string[]): string | null {
  const known = new Set(headers.map((h) => h.trim()));
  for (const [what, h] of Object.entries(m) as [keyof LedgerMapping, string | null | undefined][]) {
    if (h && !known.has(h)) return `The file has no column "${h}" (mapped as the ${what}); its columns are: ${headers.join(', ')}.`;
  }
  if (!m.date || !m.amount) return 'Map the date and the amount columns.';
  if (!m.line && !m.area && !m.objectCode) return 'Map a column that names the budget line, the funding area or the object code.';
  return null;
}

/** MM/DD/YYYY or YYYY-MM-DD, a real day. */
function readDate(text: string): IsoDate | null {
  const t = text.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : t.slice(0, 10);
  return isCalendarDate(iso) && (us || /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(t)) ? iso : null;
}

const areaByName = new Map<string, FundingArea>([...FUNDING_AREAS.map((a) => [a, a] as const), ...FUNDING_AREAS.map((a) => [FUNDING_AREA_LABELS[a].toLowerCase(), a] as const)]);

/** Reads a ledger's rows one at a time (so a large file is never held whole): an expenditure, nothing for a blank row, or the row's problems. */
export interface LedgerReader {
  row(cells: readonly string[], n: number): Expenditure | null | LedgerIssue[];
}

/** A reader for a file with these headers, or the mapping's problem with them. */
export function ledgerReader(headerRow: readonly string[], m: LedgerMapping, budget: readonly BudgetLine[], fy: FiscalYear): LedgerReader | LedgerIssue {
  const headers = headerRow.map((h) => h.trim());
  const problem = mappingProblem(m, headers);
  if (problem) return { row: 1, column: null, message: problem };
  const col = (h: string | null | undefined) => (h ? headers.indexOf(h) : -1);
  const at = { date: col(m.date), amount: col(m.amount), line: col(m.line), area: col(m.area), objectCode: col(m.objectCode), description: col(m.description) };
  const byId = new Map(budget.map((l) => [l.id.toLowerCase(), l]));
  const byCode = new Map<string, BudgetLine[]>();
  for (const l of budget) byCode.set(l.objectCode, [...(byCode.get(l.objectCode) ?? []), l]);
  const start = fiscalYearStart(fy);
  const end = addDays(fiscalYearEnd(fy), -1);
  return {
    row(r, n) {
      if (r.every((c) => !c.trim())) return null;
      const issues: LedgerIssue[] = [];
      const cell = (k: number) => (k >= 0 ? (r[k] ?? '').trim() : '');
      const date = readDate(cell(at.date));
      if (!date) issues.push({ row: n, column: m.date, message: `"${cell(at.date).slice(0, 40)}" is not a date (YYYY-MM-DD or MM/DD/YYYY).` });
      else if (date < start || date > end) issues.push({ row: n, column: m.date, message: `${date} is outside FY${fy} (${start} to ${end}).` });
      let amount: number | null = null;
      try {
        amount = dollarsToCents(cell(at.amount).replace(/^\((.*)\)$/, '-$1'));
      } catch {
        issues.push({ row: n, column: m.amount, message: `"${cell(at.amount).slice(0, 40)}" is not an amount in dollars (e.g. 1,234.56).` });
      }
      const lineText = cell(at.line);
      const areaText = cell(at.area);
      const code = cell(at.objectCode);
      let area: FundingArea | null = null;
      if (areaText) {
        area = areaByName.get(areaText.toLowerCase()) ?? null;
        if (!area) issues.push({ row: n, column: m.area!, message: `"${areaText.slice(0, 60)}" is not a funding area.` });
      }
      // The line: named, or the one line of the budget with the row's object code.
      const named = lineText ? (byId.get(lineText.toLowerCase()) ?? null) : null;
      const byObject = !lineText && !area && code ? byCode.get(code) : undefined;
      const line = named ?? (byObject?.length === 1 ? byObject[0]! : null);
      // Several lines with the object code, all in one funding area: charged to the area.
      if (!line && !area && byObject && byObject.length > 1 && byObject.every((l) => l.area === byObject[0]!.area)) area = byObject[0]!.area;
      if (!lineText && !areaText && !code) issues.push({ row: n, column: m.line ?? m.area ?? m.objectCode ?? null, message: 'The row names no budget line, funding area or object code.' });
      if (issues.length || !date || amount === null) return issues;
      return { date, lineId: line?.id ?? (lineText || null), area: line?.area ?? area, objectCode: code || line?.objectCode || '', amountCents: amount as Expenditure['amountCents'], description: cell(at.description).slice(0, 300) };
    },
  };
}

/**
 * The expenditures of a ledger file's rows (the first row is the header). A row charged to a line
 * the budget does not have is not an error: it is spending the budget does not cover, and the
 * spend-down flags it. Amounts may be negative (a reversal). At most `maxIssues` problems are listed.
 */
export function readLedger(rows: readonly (readonly string[])[], m: LedgerMapping, budget: readonly BudgetLine[], fy: FiscalYear, maxIssues = 100): { ok: true; expenditures: Expenditure[] } | { ok: false; issues: LedgerIssue[] } {
  const reader = ledgerReader(rows[0] ?? [], m, budget, fy);
  if (!('row' in reader) || typeof reader.row !== 'function') return { ok: false, issues: [reader as LedgerIssue] };
  const issues: LedgerIssue[] = [];
  const out: Expenditure[] = [];
  for (let i = 1; i < rows.length && issues.length < maxIssues; i++) {
    const r = (reader as LedgerReader).row(rows[i]!, i + 1);
    if (Array.isArray(r)) issues.push(...r);
    else if (r) out.push(r);
  }
  if (!issues.length && out.length === 0) issues.push({ row: 1, column: null, message: 'The file has no rows of expenditures.' });
  return issues.length ? { ok: false, issues: issues.slice(0, maxIssues) } : { ok: true, expenditures: out };
}
