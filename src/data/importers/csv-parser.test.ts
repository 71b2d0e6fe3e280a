import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError } from './csv-parser.ts';

/** Parses text split into the given chunk sizes. */
function parseAll(text: string, chunkSizes: number[] = [text.length || 1]) {
  const p = new CsvParser(1_000_000);
  const out: { line: number; cells: string[] }[] = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]!);
    out.push(...p.push(text.slice(i, i + size)));
    i += size;
  }
  out.push(...p.end());
  return out;
}

const encode = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

describe('CsvParser', () => {
  it('reads quoted, unquoted and EdSight ="…" cells', () => {
    const text = '"District","District Code","Count"\n"Andover School District","=""0010011""",210\nTotal,,5\n';
    expect(parseAll(text)).toEqual([
      { line: 1, cells: ['District', 'District Code', 'Count'] },
      { line: 2, cells: ['Andover School District', '="0010011"', '210'] },
      { line: 3, cells: ['Total', '', '5'] },
    ]);
  });

  it('handles CRLF, a BOM, a last line without newline and fields spanning lines, reporting the line each record ends on', () => {
    const text = '\uFEFFa,b\r\n"x\ny",2\r\nlast,1';
    expect(parseAll(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['x\ny', '2'] },
      { line: 4, cells: ['last', '1'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, with the line', () => {
    expect(() => parseAll('a,b\n"open,1\n')).toThrow(CsvSyntaxError);
    expect(() => parseAll('a,b\n"open,1\n')).toThrow(/never closed/);
    expect(() => parseAll('a,b\nc,d\n"x"y,1\n')).toThrow(expect.objectContaining({ line: 3, code: 'text_after_quote' }));
    expect(() => new CsvParser(10).push('0123456789012,1\n')).toThrow(/longer than 10/);
  });

  it('gives back what a CSV writer wrote, whatever the chunking (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', '=', 'é', '1') , maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), (rows, chunks) => {
        // A record of one empty cell is written as "" so it is not an empty line.
        const parsed = parseAll(encode(rows), chunks).map((r) => r.cells);
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
