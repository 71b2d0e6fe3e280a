/**
 * Spending against the budget: a district imports its ledger export (CSV or XLSX) each quarter or
 * month, its columns mapped once per district; the rows are checked against the approved budget
 * all or nothing (every problem by file, row and column; nothing stored on any), the same file
 * twice changes nothing, and the spend-down is computed from what is stored.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inTransaction, type Store } from '../../data/database.ts';
import type { Executor } from '../../data/batch.ts';
import { expendituresOf, insertExpenditures, insertReport, mappingOf, reportByHash, reportsOf, saveMapping, updateReportTotals, type ExpenditureReport } from '../../data/expenditure.repository.ts';
import { CsvParser, CsvSyntaxError } from '../../data/importers/csv-parser.ts';
import { appendEvent } from '../../data/plan-event.repository.ts';
import { isUniqueViolation } from '../../data/plan.repository.ts';
import { can, PERMISSIONS } from '../../domain/auth/permissions.ts';
import { addDays, fiscalYearStart, type IsoDate } from '../../domain/time/fiscal-year.ts';
import type { BudgetLine } from '../../domain/workflow/budget.ts';
import type { Cycle } from '../../domain/workflow/cycle.ts';
import { ledgerReader, type LedgerIssue, type LedgerMapping, type LedgerReader } from '../../domain/workflow/ledger.ts';
import { DEFAULT_SPEND_DOWN_RULES, spendDown, type Expenditure, type SpendDown } from '../../domain/workflow/spending.ts';
import { appendAudit } from '../audit.service.ts';
import type { User } from '../auth.service.ts';
import { workbookTooLarge } from '../budget-workbook.service.ts';
import { activeActor, actorOf, now, requireCycle, requirePlan, WorkflowError } from '../plans/core.ts';
import { CommandInputError } from '../plans/run.ts';
import { budgetInForce } from './revisions.ts';

/** A ledger file's rows, read all or nothing: a problem is named by file and line. */
export class LedgerFileError extends WorkflowError {
  readonly issues: readonly LedgerIssue[];
  constructor(message: string, issues: readonly LedgerIssue[]) {
    super('invalid_ledger', message, 400, { issues });
    this.issues = issues;
  }
}

/** The largest ledger file accepted. */
export const LEDGER_MAX_BYTES = 40 * 1024 * 1024;

/** A workbook cell as the text a CSV would have: dates as YYYY-MM-DD, formulas as their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return String((v as { result?: unknown }).result ?? (v as { text?: unknown }).text ?? '');
  return String(v);
}

/**
 * The file's rows as text, one at a time with their line numbers, the header first: CSV (UTF-8,
 * a BOM allowed), parsed in chunks so the rows are never all held at once, or the first sheet of
 * an XLSX, streamed row by row (its uncompressed size bounded first).
 */
export async function* ledgerRecords(name: string, bytes: Uint8Array): AsyncGenerator<{ cells: string[]; line: number }> {
  if (bytes.length > LEDGER_MAX_BYTES) throw new LedgerFileError(`${name}: the file is larger than 40 MB.`, [{ row: 0, column: null, message: 'Larger than 40 MB.' }]);
  if (/\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const tooLarge = await workbookTooLarge(bytes, { maxUncompressedBytes: 400 * 1024 * 1024, maxCells: 2_000_000 }, { noun: 'a ledger workbook', unreadable: 'This is not an Excel workbook (.xlsx) that can be read. Export the ledger again as XLSX or CSV (UTF-8).' });
    if (tooLarge) throw new LedgerFileError(`${name}: ${tooLarge}`, [{ row: 0, column: null, message: tooLarge }]);
    // Read as a stream, row by row (the workbook is never held whole); the first sheet only.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
    let sheets = 0;
    let width = 0;
    try {
      for await (const sheet of reader) {
        sheets++;
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          if (!width) width = Math.max(0, (row.values as unknown[]).length - 1);
          const cells: string[] = [];
          for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
          yield { cells, line: row.number };
        }
        break;
      }
    } catch (e) {
      if (e instanceof LedgerFileError) throw e;
      throw new LedgerFileError(`${name}: not a workbook that can be read.`, [{ row: 0, column: null, message: 'Not a readable .xlsx file.' }]);
    }
    if (!sheets) throw new LedgerFileError(`${name}: the workbook has no sheet.`, [{ row: 0, column: null, message: 'No sheet.' }]);
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new CsvParser();
  // Small chunks: a chunk's parsed rows live until the last is yielded, and rows that outlive two
  // young-generation collections are promoted; 128 KB chunks let the old generation fill with
  // dead rows to 140 MB before a full collection on a 400,000-row file (bench 3), 16 KB do not.
  const CHUNK = 16 * 1024;
  let first = true;
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) {
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true });
      } catch {
        throw new LedgerFileError(`${name}: not UTF-8 text. Export the ledger as CSV (UTF-8) or XLSX.`, [{ row: 0, column: null, message: 'Not UTF-8.' }]);
      }
      if (first) text = text.replace(/^\uFEFF/, '');
      first = false;
      for (const r of parser.push(text)) yield { cells: r.cells, line: r.line };
    }
    for (const r of parser.end()) yield { cells: r.cells, line: r.line };
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new LedgerFileError(`${name}, line ${e.line}: ${e.message}`, [{ row: e.line, column: null, message: e.message }]);
    throw e;
  }
}

export interface LedgerImport {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** "Q1", "October 2025": what the report covers, in the district's words. */
  readonly period: string;
  /** The columns, when the district maps them (kept for its next files); else its stored mapping. */
  readonly mapping?: LedgerMapping | null;
}

/**
 * Imports a ledger export against the plan's approved budget. Answers `duplicate` with the report
 * already stored when the same file was imported before (nothing changes); throws LedgerFileError
 * with every problem when any row is bad (nothing is stored).
 */
export async function importExpenditures(store: Store, user: User, planId: number, input: LedgerImport): Promise<{ report: ExpenditureReport; duplicate: boolean }> {
  const period = input.period.trim().slice(0, 60);
  if (!period) throw new CommandInputError('Say which period the report covers (e.g. "Q1" or "October 2025").', { period: 'Required.' });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const p0 = await requirePlan(store.db, planId);
  try {
    return await inTransaction(store, async (trx) => {
      const p = await requirePlan(trx, planId);
      const actor = await activeActor(trx, user);
      if (!can(actor.grants, PERMISSIONS.reportSpendingOwn, p.district_code) && !can(actor.grants, PERMISSIONS.monitorPlanAny, p.district_code)) throw new WorkflowError('forbidden', 'You cannot report this district\'s spending.', 403);
      if (p.approved_version === null) throw new WorkflowError('not_allowed', 'Spending is reported against the approved budget: the plan is not approved yet.', 409);
      const existing = await reportByHash(trx, planId, sha256);
      if (existing) return { report: existing, duplicate: true };
      const cycle = await requireCycle(trx, p.cycle_id);
      const inForce = await budgetInForce(trx, p);
      const at = now();
      // The report first, its rows streamed in batches after it; any bad row, and the
      // transaction (report, rows and mapping) is rolled back: all or nothing.
      let reader: LedgerReader | null = null;
      const issues: LedgerIssue[] = [];
      let batch: (Expenditure & { row: number })[] = [];
      let rows = 0;
      let totalCents = 0;
      let reportId = 0;
      const flush = async () => {
        if (batch.length && !issues.length) await insertExpenditures(trx, reportId, planId, batch);
        batch = [];
      };
      for await (const { cells, line } of ledgerRecords(input.name, input.bytes)) {
        if (!reader) {
          const mapping = input.mapping ?? (await mappingOf(trx, p.district_code));
          if (!mapping) throw new CommandInputError('Map the file\'s columns first: which holds the date, the amount, and the budget line, funding area or object code.', { mapping: `The file's columns: ${cells.join(', ')}` });
          const made = ledgerReader(cells, mapping, inForce, cycle.fiscalYear);
          if (!('row' in made) || typeof made.row !== 'function') throw new LedgerFileError(`${input.name}: ${(made as LedgerIssue).message} Nothing was imported.`, [made as LedgerIssue]);
          reader = made as LedgerReader;
          reportId = await insertReport(trx, { planId, period, fileName: input.name.slice(0, 200), sha256, rows: 0, totalCents: 0, uploadedBy: user.id, at }, []);
          continue;
        }
        const r = reader.row(cells, line);
        if (Array.isArray(r)) {
          issues.push(...r);
          if (issues.length >= 100) break;
        } else if (r) {
          rows++;
          totalCents += r.amountCents;
          batch.push({ ...r, row: line });
          if (batch.length >= 1000) await flush();
        }
      }
      await flush();
      if (!reader) throw new LedgerFileError(`${input.name} is empty; nothing was imported.`, [{ row: 1, column: null, message: 'The file is empty.' }]);
      if (!issues.length && rows === 0) issues.push({ row: 1, column: null, message: 'The file has no rows of expenditures.' });
      if (issues.length) throw new LedgerFileError(`${input.name} has ${issues.length === 1 ? 'a problem' : `${issues.length}${issues.length >= 100 ? ' or more' : ''} problems`}; nothing was imported.`, issues.slice(0, 100));
      await updateReportTotals(trx, reportId, rows, totalCents);
      const report = { id: reportId, planId, period, fileName: input.name.slice(0, 200), sha256, rows, totalCents, uploadedBy: user.id, at };
      if (input.mapping) await saveMapping(trx, p.district_code, input.mapping, user.id, at);
      await appendEvent(trx, { planId, version: p.current_version, userId: user.id, onBehalfOf: null, at, event: { kind: 'expenditures-imported', reportId, period, fileName: report.fileName, rows, totalCents } });
      await appendAudit(trx, { actor: actorOf(user), action: 'spending.imported', subject: `plan:${planId}`, details: { district: p.district_code, report: reportId, period, file: report.fileName, sha256, rows, totalCents } });
      return { report, duplicate: false };
    });
  } catch (e) {
    // The same file imported twice at the same moment: the first is kept.
    if (isUniqueViolation(e)) return { report: (await reportByHash(store.db, p0.id, sha256))!, duplicate: true };
    throw e;
  }
}

export interface SpendingView {
  readonly spendDown: SpendDown | null;
  readonly reports: readonly ExpenditureReport[];
  readonly mapping: LedgerMapping | null;
}

/** A plan's spending: the spend-down of its approved budget as of the last day its reports cover (at most `asOf`), its reports, and its district's column mapping. */
export async function spendingOf(db: Executor, planId: number, asOf: IsoDate): Promise<SpendingView> {
  const p = await requirePlan(db, planId);
  const mapping = await mappingOf(db, p.district_code);
  if (p.approved_version === null) return { spendDown: null, reports: [], mapping };
  const cycle = await requireCycle(db, p.cycle_id);
  const budget = await budgetInForce(db, p);
  const expenditures = await expendituresOf(db, planId);
  const latest = expenditures.reduce<IsoDate | null>((d, e) => (d === null || e.date > d ? e.date : d), null);
  return { spendDown: spendDownOn(budget, expenditures, latest, cycle, asOf), reports: await reportsOf(db, planId), mapping };
}

/**
 * The spend-down measured on the last day the reports cover (the latest expenditure, `latest`),
 * not today: a district that has reported through December is not behind for the months it has
 * not reported yet; with nothing reported, nothing is behind either (measured before the year
 * begins). `expenditures` may be the rows or their totals by line and area (the board's).
 */
export function spendDownOn(budget: readonly BudgetLine[], expenditures: readonly Expenditure[], latest: IsoDate | null, cycle: Cycle, asOf: IsoDate): SpendDown {
  const on = (latest ? (latest < asOf ? latest : asOf) : addDays(fiscalYearStart(cycle.fiscalYear), -1)) as IsoDate;
  return spendDown(budget, expenditures, cycle.fiscalYear, on, cycle.settings.spendDown ?? DEFAULT_SPEND_DOWN_RULES);
}
