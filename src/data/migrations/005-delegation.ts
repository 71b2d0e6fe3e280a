/**
 * The commissioner's delegations: who may decide on the commissioner's behalf, from when until
 * when, and why; revoked early or not.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function delegation(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('delegation')
        .addColumn('id', id, pk)
        .addColumn('from_user_id', 'integer', (c) => c.notNull())
        .addColumn('to_user_id', 'integer', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('delegation_to').on('delegation').columns(['to_user_id', 'ends_on']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('delegation').ifExists().execute();
    },
  };
}
