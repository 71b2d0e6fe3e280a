/**
 * Imports a file: all or nothing in one transaction, logged with its SHA-256 so the same file
 * imported again changes nothing, with progress reported by bytes read.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { inTransaction, type Store } from '../data/database.ts';
import { findImport, insertImport, updateImportCounts, type ImportLogEntry } from '../data/import-log.repository.ts';
import { readCsv } from '../data/importers/csv.ts';
import { IMPORTERS, importerFor, ImportFailure, type Importer } from '../data/importers/index.ts';
import { IssueCollector } from '../data/importers/issues.ts';
import { cleanCell } from '../data/importers/csv.ts';

export interface ImportResult {
  readonly status: 'imported' | 'unchanged';
  readonly kind: string;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly skipped: number;
  readonly notes: readonly string[];
  /** For "unchanged": when the same file was imported before. */
  readonly previous?: ImportLogEntry;
}

export interface ImportOptions {
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
  readonly now?: () => Date;
}

/** SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fileProblem(file: string, reason: string): ImportFailure {
  return new ImportFailure([{ file, line: null, column: null, reason }]);
}

/** Guesses a file's kind from its first lines; throws if none fits. */
export async function detectKind(path: string): Promise<Importer> {
  const fileName = basename(path);
  const rows: string[][] = [];
  const reader = readCsv({ path, fileName });
  for await (const r of reader) {
    rows.push(r.cells.map((c) => cleanCell(c)));
    if (rows.length >= 12) break;
  }
  for (let i = 0; i < rows.length; i++) {
    const preamble = rows.slice(0, i).map((r) => r.filter(Boolean).join(', '));
    const found = IMPORTERS.find((imp) => imp.detect(preamble, rows[i]!));
    if (found) return found;
  }
  throw fileProblem(fileName, `Could not tell what kind of file this is. Name the kind: ${IMPORTERS.map((i) => i.kind).join(', ')}.`);
}

export async function importFile(store: Store, kind: string, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const fileName = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw fileProblem(fileName, 'This is not a regular file.');
    size = st.size;
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    throw fileProblem(fileName, (e as NodeJS.ErrnoException).code === 'ENOENT' ? `The file does not exist: ${path}` : `Could not read the file: ${(e as Error).message}`);
  }
  if (size === 0) throw fileProblem(fileName, 'The file is empty.');
  const importer = kind === 'auto' ? await detectKind(path) : importerFor(kind);
  if (!importer) {
    throw fileProblem(fileName, `"${kind}" is not a kind of import. Kinds: auto, ${IMPORTERS.map((i) => i.kind).join(', ')}.`);
  }
  const sha256 = await sha256File(path);
  const previous = await findImport(store.db, importer.kind, sha256);
  if (previous) {
    return { status: 'unchanged', kind: importer.kind, file: fileName, sha256, rows: 0, skipped: 0, notes: [], previous };
  }
  const now = options.now ?? (() => new Date());
  const counts = await inTransaction(store, async (trx) => {
    const importId = await insertImport(trx, {
      kind: importer.kind,
      fileName,
      fileSha256: sha256,
      rows: 0,
      skipped: 0,
      importedAt: now().toISOString(),
      note: null,
    });
    const issues = new IssueCollector(fileName);
    const result = await importer.run({
      db: trx,
      source: { path, fileName, onBytes: options.onProgress ? (b) => options.onProgress!(b, size) : undefined },
      importId,
      issues,
    });
    issues.check();
    await updateImportCounts(trx, importId, result.rows, result.skipped, result.notes.length ? result.notes.join('\n') : null);
    return result;
  });
  return { status: 'imported', kind: importer.kind, file: fileName, sha256, rows: counts.rows, skipped: counts.skipped, notes: counts.notes };
}
