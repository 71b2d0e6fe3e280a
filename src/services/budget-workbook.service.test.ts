/**
 * The Excel round trip: export, edit the workbook as a person would in Excel, import back; and
 * every problem named by sheet, row and column, with nothing imported.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents } from '../domain/money/cents.ts';
import { DEMO_DOMAIN, sampleBudget, seedDemo } from './demo.service.ts';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { userByEmail, type User } from './auth.service.ts';
import { planView, saveDraft } from './plans/index.ts';
import { zipOf } from '../../tests/support/zip.ts';
import { exportBudget, formatWorkbookIssue, IDENTITY_SHEET, importBudget, importBudgetIntoPlan, SHEET, workbookContextOf, workbookFileName, workbookTooLarge } from './budget-workbook.service.ts';

const ctx = { district: 'Hartford School District', fiscalYear: 2026, allocationCents: 3_869_935_500, strategies: [{ id: 'k3-reading', title: 'K-3' }, { id: 'wraparound', title: 'W' }, { id: 'talent', title: 'T' }] };

async function edit(buffer: Buffer, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  change(wb.getWorksheet(SHEET)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('budget workbook (Excel)', () => {
  const lines = sampleBudget(cents(ctx.allocationCents));

  it('round-trips the lines exactly', async () => {
    const back = await importBudget(await exportBudget(lines, ctx), ctx);
    expect(back).toEqual({ ok: true, lines, exportedFrom: null });
  });

  it('offers the district\'s schools in the School column, warning (not refusing) on another name', async () => {
    const withSchools = { ...ctx, schools: ['Burr School', 'Fox Middle School'] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportBudget(lines, withSchools)) as unknown as ArrayBuffer);
    const lists = wb.getWorksheet('Lists')!;
    expect(lists.getCell('E1').value).toBe('School');
    expect([2, 3, 4].map((r) => lists.getCell(`E${r}`).value)).toEqual(['All schools', 'Burr School', 'Fox Middle School']);
    expect(wb.getWorksheet(SHEET)!.getCell('E7').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$E$2:$E$4'], errorStyle: 'warning' });
  });

  it('reads an edit made in Excel: a changed amount and a new line', async () => {
    const file = await edit(await exportBudget(lines, ctx), (ws) => {
      const headerRow = 6;
      ws.getCell(`H${headerRow + 1}`).value = 1_000_000.5;
      ws.addRow(['b7', 'Supplies', '612', 'Books for classroom libraries', 'Burr School', 'k3-reading', 0, 2500, 'new']);
    });
    const back = await importBudget(file, ctx);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.lines[0]!.amountCents).toBe(100_000_050);
      expect(back.lines.at(-1)).toEqual({ id: 'b7', area: 'supplies', objectCode: '612', description: 'Books for classroom libraries', school: 'Burr School', strategy: 'k3-reading', fte: 0, amountCents: 250_000, effort: 'new' });
    }
  });

  it('names every problem by sheet, row and column, and imports nothing', async () => {
    const file = await edit(await exportBudget(lines, ctx), (ws) => {
      ws.getCell('B8').value = 'Snacks';
      ws.getCell('C9').value = 'abc';
      ws.getCell('H10').value = '12.345';
      ws.getCell('F11').value = 'not-a-strategy';
    });
    const back = await importBudget(file, ctx);
    expect(back.ok).toBe(false);
    if (!back.ok) {
      expect(back.issues.map(formatWorkbookIssue)).toEqual([
        expect.stringMatching(/^Sheet "Budget", row 8, column B \(Funding area\): "Snacks" is not a funding area/),
        expect.stringMatching(/^Sheet "Budget", row 9, column C \(Object code\): "abc" is not a UCOA object code/),
        expect.stringMatching(/^Sheet "Budget", row 10, column H \(Amount \(\$\)\): "12.345" is not a dollar amount/),
        expect.stringMatching(/^Sheet "Budget", row 11, column F \(Strategy\): "not-a-strategy" is not one of the plan's strategies/),
      ]);
    }
  });

  it('refuses a file that is not a workbook, or one without the budget sheet', async () => {
    expect(await importBudget(Buffer.from('just text'), ctx)).toMatchObject({ ok: false, issues: [{ message: /not an Excel workbook/ }] });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Other');
    expect(await importBudget(Buffer.from(await wb.xlsx.writeBuffer()), ctx)).toMatchObject({ ok: false, issues: [{ message: /no sheet named "Budget"/ }] });
  });
});

/** A zip with deflated entries; `declare` overrides the uncompressed size a part claims. */
const deflatedZip = (entries: { name: string; content: Uint8Array; declare?: number }[]) => zipOf(entries, { deflate: true });

describe('a budget workbook is measured before it is parsed', () => {
  it('a small file that unpacks to a huge one is refused from its zip, before any parser sees it', async () => {
    const bomb = deflatedZip([{ name: 'xl/worksheets/sheet1.xml', content: new Uint8Array(25 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await workbookTooLarge(bomb)).toMatch(/unpacks to 25 MB; a budget workbook is at most 20 MB/);
    // A part that lies about its size is stopped at the limit as it inflates.
    const liar = deflatedZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(25 * 1024 * 1024), declare: 1000 }]);
    expect(await workbookTooLarge(liar)).toMatch(/more than 20 MB \(its parts say less\)/);
    // A zip this check cannot read (damaged, or zip64) is not handed to the parser either.
    const unreadable = new Uint8Array(bomb);
    unreadable.set([0xff, 0xff], unreadable.length - 12); // the directory's entry count: 0xffff (zip64)
    expect(await workbookTooLarge(unreadable)).toMatch(/not an Excel workbook \(\.xlsx\) this system can read/);
    const r = await importBudget(bomb, ctx);
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ sheet: '(file)', message: expect.stringMatching(/unpacks to 25 MB/) })] });
  });

  it('counts the cells of its sheets; the real workbook passes', async () => {
    const many = deflatedZip([{ name: 'xl/worksheets/sheet1.xml', content: new TextEncoder().encode(`<sheetData>${'<c r="A1"><v>1</v></c>'.repeat(1001)}</sheetData>`) }]);
    expect(await workbookTooLarge(many, { maxUncompressedBytes: 1024 * 1024, maxCells: 1000 })).toMatch(/more than 1,000 cells/);
    const real = new Uint8Array(await exportBudget(sampleBudget(cents(ctx.allocationCents)), ctx));
    expect(await workbookTooLarge(real)).toBeNull();
    expect(await workbookTooLarge(real, { maxUncompressedBytes: 20 * 1024 * 1024, maxCells: 50 })).toMatch(/more than 50 cells/);
  });
});

const hartfordPlan = { planId: 1, districtCode: '0640011', districtName: 'Hartford School District', fiscalYear: 2026, version: 3 };
const withPlan = { ...ctx, plan: hartfordPlan };
const ansonia = { ...ctx, district: 'Ansonia School District', plan: { planId: 2, districtCode: '0020011', districtName: 'Ansonia School District', fiscalYear: 2026, version: 4 } };

describe('a workbook knows whose it is', () => {
  const lines = sampleBudget(cents(ctx.allocationCents));

  it('carries the district, fiscal year, plan and version in a very hidden, protected sheet and in its file name', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportBudget(lines, withPlan)) as unknown as ArrayBuffer);
    const id = wb.getWorksheet(IDENTITY_SHEET)!;
    expect(id.state).toBe('veryHidden');
    expect((id as unknown as { sheetProtection?: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const values = Object.fromEntries([1, 2, 3, 4, 5, 6].map((r) => [id.getCell(`A${r}`).value, id.getCell(`B${r}`).value]));
    expect(values).toMatchObject({ Plan: 1, 'District code': '0640011', District: 'Hartford School District', 'Fiscal year': 2026, Version: 3 });
    expect(workbookFileName(hartfordPlan)).toBe('budget-hartford-0640011-FY2026-plan1-v3.xlsx');
    expect(workbookFileName({ ...hartfordPlan, districtName: 'Región 16 School District' })).toBe('budget-region-16-0640011-FY2026-plan1-v3.xlsx');
  });

  it('imports into its own plan, saying which version it came from', async () => {
    const back = await importBudget(await exportBudget(lines, withPlan), { ...withPlan, plan: { ...hartfordPlan, version: 5 } });
    expect(back).toEqual({ ok: true, lines, exportedFrom: hartfordPlan });
  });

  it('is refused by another plan, with a message naming both — not only a total that does not add up', async () => {
    const back = await importBudget(await exportBudget(lines, withPlan), ansonia);
    expect(back.ok).toBe(false);
    if (!back.ok) {
      expect(back.issues).toHaveLength(1);
      expect(formatWorkbookIssue(back.issues[0]!)).toBe(
        "This workbook was exported from Hartford School District's FY2026 plan (plan 1, version 3); this is Ansonia School District's FY2026 plan (plan 2). Nothing was imported. Download this plan's workbook and copy the lines into it, or upload this workbook to its own plan.",
      );
    }
    // The same district's plan for another year is another plan too.
    const nextYear = await importBudget(await exportBudget(lines, withPlan), { ...withPlan, fiscalYear: 2027, plan: { ...hartfordPlan, planId: 40, fiscalYear: 2027, version: 1 } });
    expect(nextYear).toMatchObject({ ok: false, issues: [{ message: /exported from Hartford School District's FY2026 plan .* this is Hartford School District's FY2027 plan \(plan 40\)/ }] });
  });

  it('a workbook that says no plan (exported before, or made by hand) is judged by the district and year it names', async () => {
    const old = await exportBudget(lines, ctx);
    expect((await importBudget(old, withPlan)).ok).toBe(true);
    expect(await importBudget(old, ansonia)).toMatchObject({ ok: false, issues: [{ message: /^This workbook names Hartford School District, FY2026; this is Ansonia School District's FY2026 plan \(plan 2\)\. Nothing was imported/ }] });
    const otherYear = await edit(old, (ws) => (ws.getCell('B3').value = 'FY2025'));
    expect(await importBudget(otherYear, withPlan)).toMatchObject({ ok: false, issues: [{ message: /^This workbook is for FY2025; this is Hartford School District's FY2026 plan/ }] });
  });
});

describe.each(dialects)('importing a workbook into a plan ($name)', (dialect) => {
  let store: Store;
  let multi: User;
  const planOf = async (code: string) => Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).executeTakeFirstOrThrow()).id);

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    multi = (await userByEmail(store.db, `superintendent.multi@${DEMO_DOMAIN}`))!;
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('from an older version of the same plan: imported, with a warning naming the lines changed on the site since', async () => {
    const derby = await planOf('0370011');
    const before = await planView(store.db, multi, derby);
    const workbook = await exportBudget(before.budget, workbookContextOf(before));
    // On the site, after the download: one line's description changes, and a line is added.
    const edited = before.budget.map((l) => (l.id === 'b2' ? { ...l, description: 'Attendance coordinators (two schools)' } : l));
    const b6 = edited.at(-1)!;
    const added = [...edited.slice(0, -1), { ...b6, amountCents: cents(b6.amountCents - 100_000) }, { ...b6, id: 'b7', description: 'Family nights', amountCents: cents(100_000) }];
    await saveDraft(store, multi, derby, { content: before.content, budget: added, expectedRowVersion: before.rowVersion });
    const now = await planView(store.db, multi, derby);
    expect(now.version).toBe(before.version + 1);

    const r = await importBudgetIntoPlan(store.db, now, new Uint8Array(workbook));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.lines).toEqual(before.budget);
      expect(r.warnings).toEqual([
        `This workbook was exported from version ${before.version} of this plan; the plan was at version ${now.version}. 3 lines changed on the site since then, and the workbook's lines now replace them: b2 (changed since version ${before.version}), b6 (changed since version ${before.version}), b7 (added since version ${before.version}). Check them below; every version is kept.`,
      ]);
    }
    // The current version's own workbook: no warning.
    const current = await importBudgetIntoPlan(store.db, now, new Uint8Array(await exportBudget(now.budget, workbookContextOf(now))));
    expect(current).toMatchObject({ ok: true, warnings: [] });
  });

  it('into another plan: refused, naming both', async () => {
    const derby = await planView(store.db, multi, await planOf('0370011'));
    const ansonia = await planView(store.db, multi, await planOf('0020011'));
    const r = await importBudgetIntoPlan(store.db, ansonia, new Uint8Array(await exportBudget(derby.budget, workbookContextOf(derby))));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map(formatWorkbookIssue)).toEqual([
        `This workbook was exported from Derby School District's FY2026 plan (plan ${derby.id}, version ${derby.version}); this is Ansonia School District's FY2026 plan (plan ${ansonia.id}). Nothing was imported. Download this plan's workbook and copy the lines into it, or upload this workbook to its own plan.`,
      ]);
    }
  });
});
