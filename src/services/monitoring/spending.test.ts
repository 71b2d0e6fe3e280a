/**
 * Expenditure reports on every dialect: a ledger export imported against the approved budget all
 * or nothing (a malformed file is refused with row and column and stores nothing), the same file
 * twice changes nothing, the columns are mapped once per district, XLSX as well as CSV, and the
 * spend-down flags the line that lags.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import type { IsoDate } from '../../domain/time/fiscal-year.ts';
import { verifyAudit } from '../audit.service.ts';
import { userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, DEMO_LEDGER_MAPPING, demoLedger, seedDemo } from '../demo.service.ts';
import { planView } from '../plans/index.ts';
import { dataVersion } from '../store.service.ts';
import { importExpenditures, LedgerFileError, spendingOf } from './index.ts';
import { ledgerRecords } from './spending.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('a ledger workbook, streamed', () => {
  it('reads the first sheet row by row as text: real dates, numbers, a formula\'s result; a blank row keeps the numbering', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ledger');
    wb.addWorksheet('Notes').addRow(['not read']);
    ws.addRow(['Posted', 'Account', 'Budget line', 'Amount', 'Memo']);
    ws.addRow([new Date(Date.UTC(2025, 6, 15)), 112, 'b1', 1234.5, { formula: 'CONCATENATE("Voucher ","7")', result: 'Voucher 7' }]);
    ws.getRow(4).values = [new Date(Date.UTC(2025, 7, 1)), '119', 'b2', { formula: '2*5', result: 10 }, ''];
    const rows: { cells: string[]; line: number }[] = [];
    for await (const r of ledgerRecords('q1.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))) rows.push(r);
    expect(rows).toEqual([
      { line: 1, cells: ['Posted', 'Account', 'Budget line', 'Amount', 'Memo'] },
      { line: 2, cells: ['2025-07-15', '112', 'b1', '1234.5', 'Voucher 7'] },
      { line: 4, cells: ['2025-08-01', '119', 'b2', '10', ''] },
    ]);
  });

  it('a file that only looks like a workbook is refused, named', async () => {
    const fake = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('not really a zip archive at all')]);
    await expect(async () => {
      for await (const _ of ledgerRecords('q1.xlsx', fake)) void _;
    }).rejects.toThrow('q1.xlsx: This is not an Excel workbook (.xlsx) that can be read. Export the ledger again as XLSX or CSV (UTF-8).');
  });
});

describe.each(dialects)('expenditure reports ($name)', (dialect) => {
  let store: Store;
  const users: Record<string, User> = {};
  let hartford: number;
  let ansonia: number;
  const count = async () => Number((await store.db.selectFrom('expenditure').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {}, { monitoring: false });
    for (const who of ['editor.hartford', 'board.hartford', 'editor.bridgeport', 'reviewer', 'superintendent.multi']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    const id = async (code: string) => Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).executeTakeFirstOrThrow()).id);
    hartford = await id('0640011');
    ansonia = await id('0020011');
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('a malformed ledger is refused with every problem by row and column, and nothing is stored', async () => {
    const bad = 'Posted,Account,Budget line,Amount,Memo\n2025-07-15,112,b1,1000.00,ok\n2025-13-01,112,b1,5,bad date\n2025-08-01,112,b1,12.345,too precise\n2024-08-01,112,b1,5,last year\n';
    const refused = await importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: enc(bad), period: 'Q1', mapping: DEMO_LEDGER_MAPPING }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LedgerFileError);
    expect((refused as LedgerFileError).message).toBe('q1.csv has 3 problems; nothing was imported.');
    expect((refused as LedgerFileError).issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'Posted'],
      [4, 'Amount'],
      [5, 'Posted'],
    ]);
    expect(await count()).toBe(0);
    // Nothing reported: nothing is flagged behind pace.
    expect((await spendingOf(store.db, hartford, '2026-06-30' as IsoDate)).spendDown!.areas.flatMap((a) => a.flags)).toEqual([]);
    // The mapping of a refused file is not kept either.
    expect((await spendingOf(store.db, hartford, '2025-12-31' as IsoDate)).mapping).toBeNull();
    // A file that is not CSV at all, or whose quotes never close, is named by line.
    await expect(importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: enc('Posted,Account,Budget line,Amount,Memo\n"2025-07-15,5\n'), period: 'Q1', mapping: DEMO_LEDGER_MAPPING })).rejects.toThrow(/q1\.csv, line \d: A quoted field is never closed/);
    await expect(importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: new Uint8Array([0xff, 0xfe, 0x00]), period: 'Q1', mapping: DEMO_LEDGER_MAPPING })).rejects.toThrow(/not UTF-8/);
  });

  it('who may report, and against what: the district\'s own people, on an approved plan; the columns mapped first', async () => {
    const csv = enc(demoLedger((await planView(store.db, users['editor.hartford']!, hartford)).budget, 0));
    await expect(importExpenditures(store, users['board.hartford']!, hartford, { name: 'q1.csv', bytes: csv, period: 'Q1', mapping: DEMO_LEDGER_MAPPING })).rejects.toMatchObject({ status: 403 });
    await expect(importExpenditures(store, users['editor.bridgeport']!, hartford, { name: 'q1.csv', bytes: csv, period: 'Q1', mapping: DEMO_LEDGER_MAPPING })).rejects.toMatchObject({ status: 403 });
    await expect(importExpenditures(store, users['superintendent.multi']!, ansonia, { name: 'q1.csv', bytes: csv, period: 'Q1', mapping: DEMO_LEDGER_MAPPING })).rejects.toMatchObject({ status: 409, message: /not approved/ });
    await expect(importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: csv, period: 'Q1' })).rejects.toMatchObject({ issues: { mapping: expect.stringMatching(/Posted, Account, Budget line, Amount, Memo/) } });
    await expect(importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: csv, period: ' ', mapping: DEMO_LEDGER_MAPPING })).rejects.toMatchObject({ issues: { period: 'Required.' } });
  });

  it('imports a quarter once: the same file twice, even at the same moment, changes nothing; the mapping is kept for the next file', async () => {
    const budget = (await planView(store.db, users['editor.hartford']!, hartford)).budget;
    const q1 = enc(demoLedger(budget, 0));
    const [a, b] = await Promise.all([
      importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1.csv', bytes: q1, period: 'Q1', mapping: DEMO_LEDGER_MAPPING }),
      importExpenditures(store, users['editor.hartford']!, hartford, { name: 'q1-again.csv', bytes: q1, period: 'Q1 again', mapping: DEMO_LEDGER_MAPPING }),
    ]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(a.report.id).toBe(b.report.id);
    expect(await count()).toBe(budget.length * 3);
    // Q2 as XLSX, with the mapping kept from Q1.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ledger');
    for (const line of demoLedger(budget, 1).trim().split('\n')) ws.addRow(line.match(/("([^"]|"")*"|[^,]+)/g)!.map((c) => c.replace(/^"|"$/g, '')));
    // The public pages show spending: a report changes the data version their cache is kept against.
    const before = await dataVersion(store);
    const q2 = await importExpenditures(store, users.reviewer!, hartford, { name: 'q2.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()), period: 'Q2' });
    expect(await dataVersion(store)).not.toBe(before);
    expect(q2).toMatchObject({ duplicate: false, report: { rows: budget.length * 3 } });
    const spending = await spendingOf(store.db, hartford, '2026-12-01' as IsoDate);
    // Whichever of the two at once was kept (either may win the race), and Q2.
    const kept = [a, b].find((x) => !x.duplicate)!.report.period;
    expect(spending.reports.map((r) => r.period)).toEqual([kept, 'Q2']);
    expect(['Q1', 'Q1 again']).toContain(kept);
    const sd = spending.spendDown!;
    // Measured on the latest day reported (December 15), not on the day asked.
    expect(sd.asOf).toBe('2025-12-15');
    const flagged = sd.areas.filter((x) => x.flags.length).map((x) => [x.area, x.flags.map((f) => f.rule)]);
    expect(flagged).toEqual([['supplies', ['pace', 'lapse']]]);
    const total = budget.reduce((s, l) => s + Math.round((l.amountCents * (l.id === 'b6' ? 0.2 : 1)) / 12) * 6, 0);
    expect(sd.total.spentCents).toBe(total);
    expect((await verifyAudit(store)).ok).toBe(true);
  });
});
