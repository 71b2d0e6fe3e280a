/**
 * Expenditure reports (a district's ledger export, imported all or nothing; the same file twice
 * is refused by its hash) and their rows, and each district's mapping of its ledger's columns.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function expenditures(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('expenditure_report')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('total_cents', 'bigint', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('expenditure_report_file').on('expenditure_report').columns(['plan_id', 'sha256']).unique().execute();
      await db.schema
        .createTable('expenditure')
        .addColumn('id', id, pk)
        .addColumn('report_id', 'integer', (c) => c.notNull().references('expenditure_report.id'))
        .addColumn('plan_id', 'integer', (c) => c.notNull())
        .addColumn('row_no', 'integer', (c) => c.notNull())
        .addColumn('spent_on', 'text', (c) => c.notNull())
        .addColumn('line_id', 'text')
        .addColumn('area', 'text')
        .addColumn('object_code', 'text', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('expenditure_plan').on('expenditure').columns(['plan_id', 'spent_on']).execute();
      // The file's row each came from: one expenditure per row of a report.
      await db.schema.createIndex('expenditure_row').on('expenditure').columns(['report_id', 'row_no']).unique().execute();
      await db.schema
        .createTable('ledger_mapping')
        .addColumn('district_code', 'text', (c) => c.primaryKey())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ledger_mapping').ifExists().execute();
      await db.schema.dropTable('expenditure').ifExists().execute();
      await db.schema.dropTable('expenditure_report').ifExists().execute();
    },
  };
}
