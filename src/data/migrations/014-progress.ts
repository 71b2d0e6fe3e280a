/**
 * Progress-monitoring tracking: values to date for a plan's goals, each strategy's
 * implementation status, and the conditions of an approval as tracked items.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function progress(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('goal_value')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('goal_id', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('recorded_by', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('goal_value_plan').on('goal_value').columns(['plan_id', 'goal_id', 'as_of']).execute();
      await db.schema
        .createTable('strategy_status')
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('strategy_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('updated_by', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('strategy_status_pk', ['plan_id', 'strategy_id'])
        .execute();
      await db.schema
        .createTable('plan_condition')
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('item', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('met', 'integer')
        .addColumn('reviewed_by', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_condition_pk', ['plan_id', 'item'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('plan_condition').ifExists().execute();
      await db.schema.dropTable('strategy_status').ifExists().execute();
      await db.schema.dropTable('goal_value').ifExists().execute();
    },
  };
}
