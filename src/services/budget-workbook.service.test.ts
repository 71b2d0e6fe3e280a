/**
 * The Excel round trip: export, edit the workbook as a person would in Excel, import back; and
 * every problem named by sheet, row and column, with nothing imported.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cents } from '../domain/money/cents.ts';
import { sampleBudget } from './demo.service.ts';
import { zipOf } from '../../tests/support/zip.ts';
import { exportBudget, formatWorkbookIssue, importBudget, SHEET, workbookTooLarge } from './budget-workbook.service.ts';

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
    expect(back).toEqual({ ok: true, lines });
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
    expect(workbookTooLarge(bomb)).toMatch(/unpacks to 25 MB; a budget workbook is at most 20 MB/);
    // A part that lies about its size is stopped at the limit as it inflates.
    const liar = deflatedZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(25 * 1024 * 1024), declare: 1000 }]);
    expect(workbookTooLarge(liar)).toMatch(/more than 20 MB \(its parts say less\)/);
    // A zip this check cannot read (damaged, or zip64) is not handed to the parser either.
    const unreadable = new Uint8Array(bomb);
    unreadable.set([0xff, 0xff], unreadable.length - 12); // the directory's entry count: 0xffff (zip64)
    expect(workbookTooLarge(unreadable)).toMatch(/not an Excel workbook \(\.xlsx\) this system can read/);
    const r = await importBudget(bomb, ctx);
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ sheet: '(file)', message: expect.stringMatching(/unpacks to 25 MB/) })] });
  });

  it('counts the cells of its sheets; the real workbook passes', async () => {
    const many = deflatedZip([{ name: 'xl/worksheets/sheet1.xml', content: new TextEncoder().encode(`<sheetData>${'<c r="A1"><v>1</v></c>'.repeat(1001)}</sheetData>`) }]);
    expect(workbookTooLarge(many, { maxUncompressedBytes: 1024 * 1024, maxCells: 1000 })).toMatch(/more than 1,000 cells/);
    const real = new Uint8Array(await exportBudget(sampleBudget(cents(ctx.allocationCents)), ctx));
    expect(workbookTooLarge(real)).toBeNull();
    expect(workbookTooLarge(real, { maxUncompressedBytes: 20 * 1024 * 1024, maxCells: 50 })).toMatch(/more than 50 cells/);
  });
});
