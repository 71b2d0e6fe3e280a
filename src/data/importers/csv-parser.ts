/**
 * A streaming CSV parser (RFC 4180: commas, double quotes, "" inside quotes, CRLF or LF, fields
 * spanning lines) that reports the line each record ends on and refuses what is not CSV with a
 * reason. Written for the importers: it is several times faster than a general-purpose parser on
 * the state's 100-column exports, and keeps only the current record in memory.
 */

export interface ParsedRecord {
  /** The line of the file the record ends on (1-based). */
  readonly line: number;
  readonly cells: string[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly code: 'unclosed_quote' | 'text_after_quote' | 'record_too_long';
  constructor(code: CsvSyntaxError['code'], line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.code = code;
    this.line = line;
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Feed text chunks with `push`; complete records come back. Call `end` after the last chunk for
 * the final record.
 */
export class CsvParser {
  readonly #maxRecord: number;
  #line = 1;
  #cells: string[] = [];
  #field = '';
  #inQuotes = false;
  /** Just saw a closing quote inside a quoted field (a second quote means a literal one). */
  #quoteSeen = false;
  /** The field began with a quote. */
  #quoted = false;
  #recordLength = 0;
  #lastWasCR = false;
  #first = true;

  constructor(maxRecordChars = 1_000_000) {
    this.#maxRecord = maxRecordChars;
  }

  push(chunk: string): ParsedRecord[] {
    const out: ParsedRecord[] = [];
    let text = chunk;
    if (this.#first) {
      this.#first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const n = text.length;
    let start = 0; // start of the unquoted run being accumulated into #field
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.#inQuotes) {
        if (this.#quoteSeen) {
          this.#quoteSeen = false;
          if (c === QUOTE) {
            // "" → a literal quote; keep going inside the quotes.
            this.#field += '"';
            i++;
            start = i;
            continue;
          }
          // The quote closed the field.
          this.#inQuotes = false;
          start = i;
          continue; // reprocess c outside quotes
        }
        // Fast scan to the next quote.
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.#field += text.slice(i, n);
          this.#countLines(text, i, n);
          this.#grow(n - i);
          i = n;
          start = n;
          break;
        }
        this.#field += text.slice(i, q);
        this.#countLines(text, i, q);
        this.#grow(q - i);
        this.#quoteSeen = true;
        i = q + 1;
        start = i;
        continue;
      }
      // Outside quotes: scan a run of plain characters.
      if (c === COMMA) {
        this.#finishField(text.slice(start, i));
        i++;
        start = i;
        this.#lastWasCR = false;
        continue;
      }
      if (c === LF || c === CR) {
        if (c === LF && this.#lastWasCR) {
          // the LF of a CRLF: the record already ended at the CR
          this.#lastWasCR = false;
          this.#line++;
          i++;
          start = i;
          continue;
        }
        this.#finishField(text.slice(start, i));
        out.push({ line: this.#line, cells: this.#cells });
        this.#cells = [];
        this.#recordLength = 0;
        if (c === LF) this.#line++;
        this.#lastWasCR = c === CR;
        i++;
        start = i;
        continue;
      }
      this.#lastWasCR = false;
      if (c === QUOTE) {
        if (i === start && this.#field === '' && !this.#quoted) {
          this.#inQuotes = true;
          this.#quoted = true;
          i++;
          start = i;
          continue;
        }
        if (this.#quoted) {
          throw new CsvSyntaxError('text_after_quote', this.#line, 'Text follows a closing quote in a field.');
        }
        // A quote inside an unquoted field: taken literally (as EdSight's =""…"" cells need).
        i++;
        continue;
      }
      if (this.#quoted) throw new CsvSyntaxError('text_after_quote', this.#line, 'Text follows a closing quote in a field.');
      i++;
      if (++this.#recordLength > this.#maxRecord) {
        throw new CsvSyntaxError('record_too_long', this.#line, `A record is longer than ${this.#maxRecord.toLocaleString('en-US')} characters.`);
      }
    }
    if (!this.#inQuotes && start < n) this.#field += text.slice(start, n);
    return out;
  }

  /** The last record, if the file does not end with a newline. */
  end(): ParsedRecord[] {
    if (this.#inQuotes && !this.#quoteSeen) {
      throw new CsvSyntaxError('unclosed_quote', this.#line, 'A quoted field is never closed: the file is truncated or a quote is missing.');
    }
    this.#inQuotes = false;
    this.#quoteSeen = false;
    if (this.#field === '' && this.#cells.length === 0 && !this.#quoted) return [];
    this.#finishField('');
    const rec = { line: this.#line, cells: this.#cells };
    this.#cells = [];
    return [rec];
  }

  #finishField(rest: string): void {
    this.#cells.push(this.#field + rest);
    this.#field = '';
    this.#quoted = false;
  }

  #grow(by: number): void {
    this.#recordLength += by;
    if (this.#recordLength > this.#maxRecord) {
      throw new CsvSyntaxError('record_too_long', this.#line, `A record is longer than ${this.#maxRecord.toLocaleString('en-US')} characters.`);
    }
  }

  #countLines(text: string, from: number, to: number): void {
    for (let j = text.indexOf('\n', from); j !== -1 && j < to; j = text.indexOf('\n', j + 1)) this.#line++;
  }
}
