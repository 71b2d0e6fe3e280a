/**
 * The budget workbook round trip through Excel: export a plan's budget in the layout districts
 * use, edit it in Excel, import it back — every problem named by sheet, row and column, and an
 * import with any problem changes nothing.
 */
import ExcelJS from 'exceljs';
import { scanZipEntry, ZipLimitError, zipEntries } from './zip.ts';
import { cents, dollarsToCents } from '../domain/money/cents.ts';
import { ALL_SCHOOLS } from '../domain/workflow/content.ts';
import { EFFORTS, FUNDING_AREAS, FUNDING_AREA_LABELS, UCOA_SERIES, type BudgetLine, type Effort, type FundingArea } from '../domain/workflow/budget.ts';
import type { Executor } from '../data/batch.ts';
import { canonicalJson } from '../domain/audit/chain.ts';
import { diffVersions, type PlanView } from './plans/index.ts';

export const SHEET = 'Budget';
const HEADER = ['Line', 'Funding area', 'Object code', 'Description', 'School', 'Strategy', 'FTE', 'Amount ($)', 'Effort'] as const;
const COLUMN_LETTERS = 'ABCDEFGHI';

export interface WorkbookContext {
  readonly district: string;
  readonly fiscalYear: number;
  readonly allocationCents: number;
  readonly strategies: readonly { id: string; title: string }[];
  /** The district's schools in the state directory: offered in the School column, other names allowed after a warning. */
  readonly schools?: readonly string[];
  /** Whose workbook it is: written into an export, checked on an import (a workbook from another plan is refused). */
  readonly plan?: PlanIdentity;
}

/** The plan a workbook is exported from: carried in the workbook (a hidden, protected sheet) and in its file name. */
export interface PlanIdentity {
  readonly planId: number;
  readonly districtCode: string;
  readonly districtName: string;
  readonly fiscalYear: number;
  readonly version: number;
}

/** The hidden sheet that says whose workbook it is; Excel offers no way to show a "very hidden" sheet. */
export const IDENTITY_SHEET = 'Exported from';
const IDENTITY_FORMAT = 'alliance-budget-workbook/1';
const IDENTITY_KEYS = ['Format', 'Plan', 'District code', 'District', 'Fiscal year', 'Version'] as const;

/** "budget-hartford-0640011-FY2026-plan1-v3.xlsx": the district, fiscal year, plan and version, as the file's name. */
export function workbookFileName(p: PlanIdentity): string {
  const slug = p.districtName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ school district$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `budget-${slug ? `${slug}-` : ''}${p.districtCode}-FY${p.fiscalYear}-plan${p.planId}-v${p.version}.xlsx`;
}

async function writeIdentity(wb: ExcelJS.Workbook, p: PlanIdentity): Promise<void> {
  const ws = wb.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  const values: Record<(typeof IDENTITY_KEYS)[number], string | number> = { Format: IDENTITY_FORMAT, Plan: p.planId, 'District code': p.districtCode, District: p.districtName, 'Fiscal year': p.fiscalYear, Version: p.version };
  for (const k of IDENTITY_KEYS) ws.addRow([k, values[k]]);
  // Protected as well as hidden: not a secret, but not something to edit by accident.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The plan a workbook says it is from; null if it says none (a workbook made by hand, or exported before it carried one). */
function readIdentity(wb: ExcelJS.Workbook): PlanIdentity | null {
  const ws = wb.getWorksheet(IDENTITY_SHEET);
  if (!ws) return null;
  const v = new Map<string, string>();
  ws.eachRow((row) => v.set(text(row.getCell(1).value), text(row.getCell(2).value)));
  if (v.get('Format') !== IDENTITY_FORMAT) return null;
  const n = (k: string) => (/^\d+$/.test(v.get(k) ?? '') ? Number(v.get(k)) : NaN);
  const identity = { planId: n('Plan'), districtCode: v.get('District code') ?? '', districtName: v.get('District') ?? '', fiscalYear: n('Fiscal year'), version: n('Version') };
  return Number.isFinite(identity.planId) && Number.isFinite(identity.fiscalYear) && Number.isFinite(identity.version) ? identity : null;
}

/**
 * Whether a workbook belongs to the plan it is imported into: from the plan it says it was
 * exported from, or, in a workbook that says none, from its District and Fiscal year cells.
 * A refusal names both plans.
 */
function checkIdentity(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ctx: WorkbookContext): { refusal: string | null; exportedFrom: PlanIdentity | null } {
  const target = ctx.plan;
  const from = readIdentity(wb);
  const here = target ? `${target.districtName}'s FY${target.fiscalYear} plan (plan ${target.planId})` : `${ctx.district}'s FY${ctx.fiscalYear} plan`;
  const advice = 'Nothing was imported. Download this plan\'s workbook and copy the lines into it, or upload this workbook to its own plan.';
  if (from) {
    if (target && (from.planId !== target.planId || from.districtCode !== target.districtCode || from.fiscalYear !== target.fiscalYear)) {
      return { refusal: `This workbook was exported from ${from.districtName}'s FY${from.fiscalYear} plan (plan ${from.planId}, version ${from.version}); this is ${here}. ${advice}`, exportedFrom: from };
    }
    if (!target && (from.districtName !== ctx.district || from.fiscalYear !== ctx.fiscalYear)) {
      return { refusal: `This workbook was exported from ${from.districtName}'s FY${from.fiscalYear} plan (plan ${from.planId}, version ${from.version}); this is ${here}. ${advice}`, exportedFrom: from };
    }
    return { refusal: null, exportedFrom: from };
  }
  // No identity: the visible header still names a district and a year.
  const district = text(ws.getCell('B2').value);
  const year = /^FY(\d{4})$/.exec(text(ws.getCell('B3').value))?.[1];
  if (text(ws.getCell('A2').value) === 'District' && district && district !== ctx.district) {
    return { refusal: `This workbook names ${district}${year ? `, FY${year}` : ''}; this is ${here}. ${advice}`, exportedFrom: null };
  }
  if (text(ws.getCell('A3').value) === 'Fiscal year' && year && Number(year) !== ctx.fiscalYear) {
    return { refusal: `This workbook is for FY${year}; this is ${here}. ${advice}`, exportedFrom: null };
  }
  return { refusal: null, exportedFrom: null };
}

export interface WorkbookIssue {
  readonly sheet: string;
  readonly row: number;
  readonly column: string | null;
  readonly message: string;
}

export function formatWorkbookIssue(i: WorkbookIssue): string {
  // A problem with the file as a whole is not at a cell.
  if (i.sheet === FILE) return i.message;
  return `Sheet "${i.sheet}", row ${i.row}${i.column ? `, column ${i.column}` : ''}: ${i.message}`;
}

const FILE = '(file)';

/** The workbook: a header block, the lines, a total; lists of allowed values on a second sheet. */
export async function exportBudget(lines: readonly BudgetLine[], ctx: WorkbookContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Alliance Districts';
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['Alliance District budget workbook']).font = { bold: true, size: 14 };
  ws.addRow(['District', ctx.district]);
  ws.addRow(['Fiscal year', `FY${ctx.fiscalYear}`]);
  ws.addRow(['Allocation ($)', ctx.allocationCents / 100]);
  ws.addRow([]);
  const schools = [ALL_SCHOOLS, ...(ctx.schools ?? [])];
  const header = ws.addRow([...HEADER]);
  header.font = { bold: true };
  const first = header.number + 1;
  for (const l of lines) {
    ws.addRow([l.id, FUNDING_AREA_LABELS[l.area], l.objectCode, l.description, l.school ?? '', l.strategy, l.fte, l.amountCents / 100, l.effort]);
  }
  // Room to add lines in Excel: empty rows with the same lists.
  const last = first + lines.length + 19;
  for (let r = first; r <= last; r++) {
    ws.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Lists!$A$2:$A$9'] };
    ws.getCell(`F${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`Lists!$C$2:$C$${Math.max(2, ctx.strategies.length + 1)}`] };
    ws.getCell(`I${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['Lists!$D$2:$D$4'] };
    // A warning, not a stop: the directory can lag a school that has just opened or been renamed.
    ws.getCell(`E${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`Lists!$E$2:$E$${schools.length + 1}`], errorStyle: 'warning', showErrorMessage: true, errorTitle: 'School', error: 'Not one of the district\'s schools in the state directory. Keep it anyway?' };
    ws.getCell(`H${r}`).numFmt = '#,##0.00';
  }
  ws.columns.forEach((c, i) => (c.width = [8, 30, 12, 40, 20, 22, 8, 16, 12][i]));
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  const lists = wb.addWorksheet('Lists');
  lists.addRow(['Funding area', 'Object series', 'Strategy', 'Effort', 'School']).font = { bold: true };
  const series = Object.entries(UCOA_SERIES);
  for (let i = 0; i < Math.max(FUNDING_AREAS.length, series.length, ctx.strategies.length, EFFORTS.length, schools.length); i++) {
    lists.addRow([FUNDING_AREA_LABELS[FUNDING_AREAS[i]!] ?? '', series[i] ? `${series[i]![0]} ${series[i]![1]}` : '', ctx.strategies[i]?.id ?? '', EFFORTS[i] ?? '', schools[i] ?? '']);
  }
  if (ctx.plan) await writeIdentity(wb, ctx.plan);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return text((v as { result: ExcelJS.CellValue }).result);
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}

const AREA_BY_LABEL = new Map<string, FundingArea>([...FUNDING_AREAS.map((a) => [FUNDING_AREA_LABELS[a].toLowerCase(), a] as const), ...FUNDING_AREAS.map((a) => [a, a] as const)]);

/** Reads the lines back; every problem is named by sheet, row and column. */
/** The most a budget workbook may hold, checked before it is parsed (a budget is a few hundred cells). */
export const WORKBOOK_LIMITS = { maxUncompressedBytes: 20 * 1024 * 1024, maxCells: 100_000 } as const;

/** How the size check names the workbook it refuses. */
export interface WorkbookWords {
  readonly noun: string;
  readonly unreadable: string;
}

const BUDGET_WORDS: WorkbookWords = { noun: 'a budget workbook', unreadable: 'This is not an Excel workbook (.xlsx) this system can read. Export the budget from this site, edit it, and upload it again.' };

/**
 * Whether an .xlsx is small enough to parse, judged from the zip itself before any parser sees
 * it: what its parts declare and what they really inflate to (a 0.5 MB file can inflate to
 * hundreds of MB), and how many cells its sheets hold. Null when it may be parsed.
 */
export async function workbookTooLarge(bytes: Uint8Array, limits: { maxUncompressedBytes: number; maxCells: number } = WORKBOOK_LIMITS, words: WorkbookWords = BUDGET_WORDS): Promise<string | null> {
  const entries = zipEntries(bytes);
  // Not a zip this check can read (damaged, or zip64, which a budget never needs): not parsed at all.
  if (!entries) return words.unreadable;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const declared = entries.reduce((a, e) => a + e.size, 0);
  if (declared > limits.maxUncompressedBytes) return `The workbook unpacks to ${mb(declared)}; ${words.noun} is at most ${mb(limits.maxUncompressedBytes)}. Is it the right file?`;
  let budget = limits.maxUncompressedBytes;
  let cells = 0;
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    // A cell is "<c" then a space, ">" or "/"; counted on the bytes as they inflate, across chunks.
    let last = 0;
    let beforeLast = 0;
    const count = (chunk: Uint8Array) => {
      if (!sheet) return;
      for (let k = 0; k < chunk.length; k++) {
        const b = chunk[k]!;
        if (beforeLast === 0x3c && last === 0x63 && (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f)) cells++;
        beforeLast = last;
        last = b;
      }
    };
    let inflated: number | null;
    try {
      // Every part is inflated against what is left of the limit, whatever it declares.
      inflated = await scanZipEntry(bytes, e, budget, count);
    } catch (err) {
      if (err instanceof ZipLimitError) return `The workbook unpacks to more than ${mb(limits.maxUncompressedBytes)} (its parts say less); ${words.noun} is at most that. Is it the right file?`;
      throw err;
    }
    if (inflated === null) continue;
    budget -= inflated;
    if (cells > limits.maxCells) return `The workbook has more than ${limits.maxCells.toLocaleString('en-US')} cells; ${words.noun} has far fewer. Is it the right file?`;
  }
  return null;
}

export async function importBudget(buffer: ArrayBuffer | Uint8Array, ctx: WorkbookContext, limits: { maxUncompressedBytes: number; maxCells: number } = WORKBOOK_LIMITS): Promise<{ ok: true; lines: BudgetLine[]; exportedFrom: PlanIdentity | null } | { ok: false; issues: WorkbookIssue[] }> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const tooLarge = await workbookTooLarge(bytes, limits);
  if (tooLarge) return { ok: false, issues: [{ sheet: '(file)', row: 0, column: null, message: tooLarge }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer instanceof Uint8Array ? (buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer) : buffer);
  } catch {
    return { ok: false, issues: [{ sheet: '(file)', row: 0, column: null, message: 'This is not an Excel workbook (.xlsx). Export the budget from this site, edit it, and upload it again.' }] };
  }
  const ws = wb.getWorksheet(SHEET);
  if (!ws) return { ok: false, issues: [{ sheet: '(file)', row: 0, column: null, message: `The workbook has no sheet named "${SHEET}".` }] };
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && text(row.getCell(1).value) === HEADER[0] && text(row.getCell(2).value) === HEADER[1]) headerRow = n;
  });
  if (!headerRow) return { ok: false, issues: [{ sheet: SHEET, row: 1, column: null, message: `No header row starting "${HEADER[0]}", "${HEADER[1]}": keep the workbook's layout.` }] };
  const identity = checkIdentity(wb, ws, ctx);
  if (identity.refusal) return { ok: false, issues: [{ sheet: FILE, row: 0, column: null, message: identity.refusal }] };
  const issues: WorkbookIssue[] = [];
  const lines: BudgetLine[] = [];
  const strategies = new Set(ctx.strategies.map((s) => s.id));
  const ids = new Set<string>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = HEADER.map((_, i) => text(row.getCell(i + 1).value));
    if (cells.every((c) => c === '')) continue;
    const issue = (col: number, message: string) => issues.push({ sheet: SHEET, row: r, column: `${COLUMN_LETTERS[col]} (${HEADER[col]})`, message });
    const [id, areaText, objectCode, description, school, strategy, fteText, amountText, effortText] = cells as [string, string, string, string, string, string, string, string, string];
    const lineId = id || `r${r}`;
    if (ids.has(lineId)) issue(0, `Line "${lineId}" appears twice.`);
    ids.add(lineId);
    const area = AREA_BY_LABEL.get(areaText.toLowerCase());
    if (!area) issue(1, `"${areaText}" is not a funding area (${FUNDING_AREAS.map((a) => FUNDING_AREA_LABELS[a]).join('; ')}).`);
    if (!/^[1-8]\d\d$/.test(objectCode)) issue(2, `"${objectCode}" is not a UCOA object code (three digits, 100-899).`);
    if (!description) issue(3, 'Describe what the line pays for.');
    if (!strategies.has(strategy)) issue(5, `"${strategy}" is not one of the plan's strategies (${[...strategies].join(', ') || 'none yet'}).`);
    const fte = fteText === '' ? 0 : Number(fteText);
    if (!Number.isFinite(fte) || fte < 0) issue(6, `"${fteText}" is not an FTE (a number, 0 or more).`);
    let amount: number | null = null;
    try {
      amount = dollarsToCents(amountText);
      if (amount <= 0) {
        issue(7, 'The amount must be more than $0.');
        amount = null;
      }
    } catch {
      issue(7, `"${amountText}" is not a dollar amount (whole cents at most).`);
    }
    const effort = (effortText || 'new').toLowerCase() as Effort;
    if (!EFFORTS.includes(effort)) issue(8, `"${effortText}" is not one of: ${EFFORTS.join(', ')}.`);
    if (area && amount !== null && Number.isFinite(fte)) {
      lines.push({ id: lineId, area, objectCode, description, school: school || null, strategy, fte, amountCents: cents(amount), effort });
    }
    if (issues.length > 100) break;
  }
  return issues.length ? { ok: false, issues } : { ok: true, lines, exportedFrom: identity.exportedFrom };
}

/** The workbook's context for a plan as the person sees it: its strategies, schools and who it is. */
export function workbookContextOf(view: PlanView): WorkbookContext {
  return {
    district: view.districtName,
    fiscalYear: view.cycle.fiscalYear,
    allocationCents: view.allocationCents,
    strategies: view.content.strategies.map((s) => ({ id: s.id, title: s.title })),
    schools: view.schools,
    plan: { planId: view.id, districtCode: view.districtCode, districtName: view.districtName, fiscalYear: view.cycle.fiscalYear, version: view.version },
  };
}

/**
 * Imports a workbook into a plan: refused if it is another plan's; from an older version of this
 * plan, imported with a warning naming the lines changed on the site since that version which
 * the workbook's lines now replace (every version is kept, so nothing is lost for good).
 */
export async function importBudgetIntoPlan(db: Executor, view: PlanView, bytes: Uint8Array): Promise<{ ok: true; lines: BudgetLine[]; warnings: string[] } | { ok: false; issues: WorkbookIssue[] }> {
  const result = await importBudget(bytes, workbookContextOf(view));
  if (!result.ok) return result;
  const from = result.exportedFrom;
  const warnings: string[] = [];
  if (from && from.version < view.version) {
    const since = await diffVersions(db, view.id, from.version, view.version);
    const imported = new Map(result.lines.map((l) => [l.id, l]));
    // Only what the import undoes: a line changed on the site that the workbook does not have as it is now.
    const replaced = since.budget.filter((c) => {
      const mine = imported.get(c.id);
      return c.after === null ? mine !== undefined : mine === undefined || canonicalJson(mine) !== canonicalJson(c.after);
    });
    const words = { added: 'added', removed: 'removed', changed: 'changed' } as const;
    if (replaced.length) {
      warnings.push(
        `This workbook was exported from version ${from.version} of this plan; the plan was at version ${view.version}. ` +
          `${replaced.length === 1 ? 'A line' : `${replaced.length} lines`} changed on the site since then, and the workbook's lines now replace ${replaced.length === 1 ? 'it' : 'them'}: ` +
          `${replaced.map((c) => `${c.id} (${words[c.change]} since version ${from.version})`).join(', ')}. Check ${replaced.length === 1 ? 'it' : 'them'} below; every version is kept.`,
      );
    }
  }
  return { ok: true, lines: result.lines, warnings };
}
