/**
 * Expenditure reports, their rows, and each district's ledger column mapping.
 */
import type { LedgerMapping } from '../domain/workflow/ledger.ts';
import type { Expenditure } from '../domain/workflow/spending.ts';
import type { FundingArea } from '../domain/workflow/budget.ts';
import { cents } from '../domain/money/cents.ts';
import type { IsoDate } from '../domain/time/fiscal-year.ts';
import { byPlan, upsertRows, type Executor } from './batch.ts';

export interface ExpenditureReport {
  readonly id: number;
  readonly planId: number;
  readonly period: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly rows: number;
  readonly totalCents: number;
  readonly uploadedBy: number;
  readonly at: string;
}

const toReport = (r: { id: number; plan_id: number; period: string; file_name: string; sha256: string; rows: number; total_cents: number | string; uploaded_by: number; at: string }): ExpenditureReport => ({
  id: Number(r.id),
  planId: Number(r.plan_id),
  period: r.period,
  fileName: r.file_name,
  sha256: r.sha256,
  rows: Number(r.rows),
  totalCents: Number(r.total_cents),
  uploadedBy: Number(r.uploaded_by),
  at: r.at,
});

export async function reportByHash(db: Executor, planId: number, sha256: string): Promise<ExpenditureReport | null> {
  const r = await db.selectFrom('expenditure_report').selectAll().where('plan_id', '=', planId).where('sha256', '=', sha256).executeTakeFirst();
  return r ? toReport(r) : null;
}

export async function reportsOf(db: Executor, planId: number): Promise<ExpenditureReport[]> {
  return (await db.selectFrom('expenditure_report').selectAll().where('plan_id', '=', planId).orderBy('id').execute()).map(toReport);
}

/** A report and its rows, inserted in chunks (the caller's transaction makes it all or nothing). */
export async function insertReport(db: Executor, r: Omit<ExpenditureReport, 'id'>, rows: readonly Expenditure[]): Promise<number> {
  const inserted = await db
    .insertInto('expenditure_report')
    .values({ plan_id: r.planId, period: r.period, file_name: r.fileName, sha256: r.sha256, rows: r.rows, total_cents: r.totalCents, uploaded_by: r.uploadedBy, at: r.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reportId = Number(inserted.id);
  await insertExpenditures(db, reportId, r.planId, rows.map((e, i) => ({ ...e, row: i + 2 })));
  return reportId;
}

/**
 * Rows of a report, each with the file's row it came from, through the batched writer (on SQLite
 * one cached statement: memory does not grow with the file).
 */
export async function insertExpenditures(db: Executor, reportId: number, planId: number, rows: readonly (Expenditure & { readonly row: number })[]): Promise<void> {
  await upsertRows(
    db,
    'expenditure',
    rows.map((e) => ({ report_id: reportId, plan_id: planId, row_no: e.row, spent_on: e.date, line_id: e.lineId, area: e.area, object_code: e.objectCode, amount_cents: e.amountCents, description: e.description })),
    ['report_id', 'row_no'],
    [],
  );
}

export async function updateReportTotals(db: Executor, reportId: number, rows: number, totalCents: number): Promise<void> {
  await db.updateTable('expenditure_report').set({ rows, total_cents: totalCents }).where('id', '=', reportId).execute();
}

export async function expendituresOf(db: Executor, planId: number): Promise<Expenditure[]> {
  const rows = await db.selectFrom('expenditure').select(['spent_on', 'line_id', 'area', 'object_code', 'amount_cents', 'description']).where('plan_id', '=', planId).orderBy('spent_on').orderBy('id').execute();
  return rows.map((e) => ({ date: e.spent_on as IsoDate, lineId: e.line_id, area: e.area as FundingArea | null, objectCode: e.object_code, amountCents: cents(Number(e.amount_cents)), description: e.description }));
}

/**
 * Each plan's spending as totals by budget line and funding area (what a spend-down needs,
 * without reading every row): amounts up to `asOf`, each total dated by its latest row; and the
 * latest row of each plan's reports at any date.
 */
export async function spentOfPlans(db: Executor, planIds: readonly number[], asOf: IsoDate): Promise<Map<number, { totals: Expenditure[]; latest: IsoDate | null }>> {
  const totals = await byPlan(
    planIds,
    (ids) =>
      db
        .selectFrom('expenditure')
        .select((eb) => ['plan_id', 'line_id', 'area', eb.fn.sum<number | string>('amount_cents').as('cents'), eb.fn.max('spent_on').as('latest')])
        .where('plan_id', 'in', ids)
        .where('spent_on', '<=', asOf)
        .groupBy(['plan_id', 'line_id', 'area'])
        .orderBy('plan_id')
        .orderBy('line_id')
        .orderBy('area')
        .execute(),
    (r) => Number(r.plan_id),
  );
  const latest = await byPlan(planIds, (ids) => db.selectFrom('expenditure').select((eb) => ['plan_id', eb.fn.max('spent_on').as('latest')]).where('plan_id', 'in', ids).groupBy('plan_id').execute(), (r) => Number(r.plan_id));
  return new Map(
    planIds.map((id) => [
      id,
      {
        totals: totals.get(id)!.map((t) => ({ date: t.latest as IsoDate, lineId: t.line_id, area: t.area as FundingArea | null, objectCode: '', amountCents: cents(Number(t.cents)), description: '' })),
        latest: (latest.get(id)![0]?.latest as IsoDate | undefined) ?? null,
      },
    ]),
  );
}

export async function mappingOf(db: Executor, districtCode: string): Promise<LedgerMapping | null> {
  const r = await db.selectFrom('ledger_mapping').select('mapping').where('district_code', '=', districtCode).executeTakeFirst();
  return r ? (JSON.parse(r.mapping) as LedgerMapping) : null;
}

export async function saveMapping(db: Executor, districtCode: string, mapping: LedgerMapping, by: number, at: string): Promise<void> {
  await db
    .insertInto('ledger_mapping')
    .values({ district_code: districtCode, mapping: JSON.stringify(mapping), updated_by: by, at })
    .onConflict((oc) => oc.column('district_code').doUpdateSet({ mapping: JSON.stringify(mapping), updated_by: by, at }))
    .execute();
}
