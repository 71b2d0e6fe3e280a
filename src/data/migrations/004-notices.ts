/**
 * Deadline notices (each reminder and escalation is sent once per plan, deadline and kind) and
 * delivery attempts on the outbox (a message that keeps failing stops being retried).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function notices(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('deadline_notice')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('deadline_date', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addUniqueConstraint('deadline_notice_once', ['plan_id', 'deadline', 'kind', 'deadline_date'])
        .execute();
      await db.schema.alterTable('outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('outbox').dropColumn('attempts').execute();
      await db.schema.dropTable('deadline_notice').ifExists().execute();
    },
  };
}
