/**
 * Batched upserts that work on SQLite and PostgreSQL alike (INSERT … ON CONFLICT … DO UPDATE).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type Executor = Kysely<Database>;

/** PostgreSQL allows 65,535 bound values per statement, SQLite 32,766; stay well under both. */
const MAX_VALUES_PER_STATEMENT = 8000;

export async function upsertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Database[T][] | readonly Record<string, unknown>[],
  conflict: readonly string[],
  update: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
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
