/**
 * Batched upserts that work on SQLite and PostgreSQL alike (INSERT … ON CONFLICT … DO UPDATE).
 *
 * On SQLite, a transaction opened with `inTransaction` writes through one cached prepared
 * statement, row by row, on the same connection: a statement per batch built by the query
 * builder would keep every batch's bound values in native memory until garbage collection, and
 * an import of 50,000 rows would grow by hundreds of megabytes. On PostgreSQL, such a
 * transaction sends each batch as one JSON parameter (INSERT … SELECT FROM json_populate_recordset),
 * whose text is the same for every batch.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Executor = Kysely<Database>;

/** PostgreSQL allows 65,535 bound values per statement, SQLite 32,766; stay well under both. */
const MAX_VALUES_PER_STATEMENT = 8000;

const rawSqlite = new WeakMap<object, SQLite.Database>();
const postgres = new WeakSet<object>();
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** Lets upserts on this executor (a database or one of its transactions) use the SQLite fast path. */
export function registerSqlite(executor: Executor | Transaction<Database>, raw: SQLite.Database): void {
  rawSqlite.set(executor, raw);
}

/** Lets upserts on this PostgreSQL executor send column arrays. */
export function registerPostgres(executor: Executor | Transaction<Database>): void {
  postgres.add(executor);
}

async function postgresUpsert(db: Executor, table: string, rows: readonly Record<string, unknown>[], conflict: readonly string[], update: readonly string[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const action = update.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
  // The batch travels as one JSON parameter; PostgreSQL types each field from the table's row type.
  // Names come from the code, never from input; the values are the parameter.
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT ${sql.join(
    columns.map((c) => sql.ref(c)),
  )} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json) ON CONFLICT (${sql.join(conflict.map((c) => sql.ref(c)))}) ${sql.raw(action)}`.execute(db);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteUpsert(raw: SQLite.Database, table: string, rows: readonly Record<string, unknown>[], conflict: readonly string[], update: readonly string[]): void {
  const columns = Object.keys(rows[0]!);
  const key = `${table}|${columns.join(',')}|${conflict.join(',')}|${update.join(',')}`;
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let stmt = cache.get(key);
  if (!stmt) {
    const action = update.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
    stmt = raw.prepare(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${conflict.map(quote).join(', ')}) ${action}`,
    );
    cache.set(key, stmt);
  }
  const values: unknown[] = [];
  const write = () => {
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!];
      stmt.run(values);
    }
  };
  // Outside a transaction, one for the batch (else each row would be its own commit).
  if (raw.inTransaction) write();
  else raw.transaction(write)();
}

/** Rows of many plans, fetched in chunks of ids (bound parameters stay well under both databases' limits), grouped by plan. */
export async function byPlan<R>(planIds: readonly number[], fetch: (ids: number[]) => Promise<R[]>, planOf: (r: R) => number): Promise<Map<number, R[]>> {
  const out = new Map<number, R[]>(planIds.map((id) => [id, []]));
  for (let i = 0; i < planIds.length; i += 5000) {
    for (const r of await fetch(planIds.slice(i, i + 5000))) out.get(planOf(r))?.push(r);
  }
  return out;
}

function lastOfEachKey(rows: readonly Record<string, unknown>[], conflict: readonly string[]): readonly Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of rows) byKey.set(conflict.map((c) => String(r[c])).join('\u0000'), r);
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

export async function upsertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Database[T][] | readonly Record<string, unknown>[],
  conflict: readonly string[],
  update: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const raw = rawSqlite.get(db);
  if (raw) {
    sqliteUpsert(raw, table, rows as readonly Record<string, unknown>[], conflict, update);
    return;
  }
  // PostgreSQL refuses one statement that touches a row twice; the last of a key wins, as it
  // would row by row. (Importers that must refuse duplicates count their rows afterwards.)
  rows = lastOfEachKey(rows as readonly Record<string, unknown>[], conflict);
  if (postgres.has(db)) {
    for (let i = 0; i < rows.length; i += 5000) {
      await postgresUpsert(db, table, rows.slice(i, i + 5000) as readonly Record<string, unknown>[], conflict, update);
    }
    return;
  }
  const width = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / width));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size) as never[];
    await db
      .insertInto(table)
      .values(chunk)
      .onConflict((oc) => {
        const target = oc.columns(conflict as never);
        if (update.length === 0) return target.doNothing();
        return target.doUpdateSet((eb) => Object.fromEntries(update.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never);
      })
      .execute();
  }
}
