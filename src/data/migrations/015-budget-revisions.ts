/**
 * Budget revisions of an approved plan: transfers between lines with a reason, recorded or
 * awaiting (then given or refused) the state's approval; numbered per plan.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function budgetRevisions(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('budget_revision')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('transfers', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'integer', (c) => c.notNull())
        .addColumn('decided_by', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('budget_revision_number').on('budget_revision').columns(['plan_id', 'number']).unique().execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('budget_revision').ifExists().execute();
    },
  };
}
