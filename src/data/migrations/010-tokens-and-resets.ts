/**
 * Personal access tokens get a scope ("read": GET only; "workflow": the plan actions too) and can
 * be revoked (revoked_at); a password reset or a disabled account revokes them. Requests for a
 * password reset are recorded first (the same single write whatever the address) and worked
 * through after the answer, so the time of the answer does not tell a real account from an
 * unknown one; a request not yet worked through when a process stops is worked through by the
 * next one.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function tokensAndResets(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('user_token').addColumn('scope', 'text').execute();
      await db.schema.alterTable('user_token').addColumn('revoked_at', 'text').execute();
      await db.schema
        .createTable('reset_request')
        .addColumn('id', id, pk)
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('processed_at', 'text')
        .execute();
      await db.schema.createIndex('reset_request_pending').on('reset_request').columns(['processed_at', 'id']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('reset_request').ifExists().execute();
      await db.schema.alterTable('user_token').dropColumn('revoked_at').execute();
      await db.schema.alterTable('user_token').dropColumn('scope').execute();
    },
  };
}
