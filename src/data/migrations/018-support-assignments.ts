/**
 * Supports of the tiered-support catalogue the state assigns to a district's approved plan: an
 * owner, a due date, what is asked; the district's evidence; the state's acceptance (or return).
 * One assignment of each support per plan.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function supportAssignments(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('support_assignment')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('support_id', 'text', (c) => c.notNull())
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('submitted_by', 'integer')
        .addColumn('submitted_at', 'text')
        .addColumn('decided_by', 'integer')
        .addColumn('decided_at', 'text')
        .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('assigned_by', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('support_assignment_once').on('support_assignment').columns(['plan_id', 'support_id']).unique().execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('support_assignment').ifExists().execute();
    },
  };
}
