/**
 * The log of imported files: kind, name, SHA-256, rows and time. A file whose hash is already
 * logged for its kind is not imported again.
 */
import type { Selectable } from 'kysely';
import type { Executor } from './batch.ts';
import type { ImportLogTable } from './schema.ts';

export interface ImportLogEntry {
  readonly id: number;
  readonly kind: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly rows: number;
  readonly skipped: number;
  readonly importedAt: string;
  readonly note: string | null;
}

export async function findImport(db: Executor, kind: string, sha256: string): Promise<ImportLogEntry | undefined> {
  const r = await db.selectFrom('import_log').selectAll().where('kind', '=', kind).where('file_sha256', '=', sha256).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

export async function insertImport(
  db: Executor,
  entry: Omit<ImportLogEntry, 'id'>,
): Promise<number> {
  const r = await db
    .insertInto('import_log')
    .values({
      kind: entry.kind,
      file_name: entry.fileName,
      file_sha256: entry.fileSha256,
      rows: entry.rows,
      skipped: entry.skipped,
      imported_at: entry.importedAt,
      note: entry.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateImportCounts(db: Executor, id: number, rows: number, skipped: number, note: string | null): Promise<void> {
  await db.updateTable('import_log').set({ rows, skipped, note }).where('id', '=', id).execute();
}

export async function listImports(db: Executor): Promise<ImportLogEntry[]> {
  const rows = await db.selectFrom('import_log').selectAll().orderBy('id').execute();
  return rows.map(toEntry);
}

function toEntry(r: Selectable<ImportLogTable>): ImportLogEntry {
  return {
    id: Number(r.id),
    kind: r.kind,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    rows: Number(r.rows),
    skipped: Number(r.skipped),
    importedAt: r.imported_at,
    note: r.note,
  };
}
