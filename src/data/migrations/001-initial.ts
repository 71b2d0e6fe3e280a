/**
 * The first schema: reference data, measures, ECS grants, designations, rule runs, import log.
 */
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function initial(dialect: SqlDialect) {
  // An auto-numbered primary key in each dialect.
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('import_log')
        .addColumn('id', id, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_sha256', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('import_log_kind_sha256', ['kind', 'file_sha256'])
        .execute();

      await db.schema
        .createTable('town')
        .addColumn('code', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('district')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_type', 'text', (c) => c.notNull())
        .addColumn('town_code', 'integer')
        .addColumn('member_towns', 'text')
        .addColumn('import_id', 'integer')
        .execute();

      await db.schema
        .createTable('district_name')
        .addColumn('name_key', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('school')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('org_type', 'text', (c) => c.notNull())
        .addColumn('town', 'text')
        .addColumn('grades', 'text')
        .addColumn('import_id', 'integer')
        .execute();
      await db.schema.createIndex('school_district').on('school').column('district_code').execute();

      await db.schema
        .createTable('district_year_measure')
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('school_year', 'text', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('value', real, (c) => c.notNull())
        .addColumn('import_id', 'integer')
        .addPrimaryKeyConstraint('district_year_measure_pk', ['district_code', 'school_year', 'measure'])
        .execute();
      await db.schema.createIndex('district_year_measure_by_measure').on('district_year_measure').columns(['measure', 'school_year']).execute();

      await db.schema
        .createTable('accountability_result')
        .addColumn('school_year', 'text', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('school_code', 'text', (c) => c.notNull())
        .addColumn('school_name', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('total_points', real)
        .addColumn('total_possible_points', real)
        .addColumn('accountability_index', real)
        .addColumn('layout_id', 'integer', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('import_id', 'integer')
        .addPrimaryKeyConstraint('accountability_result_pk', ['school_year', 'district_code', 'school_code'])
        .execute();
      // Imports count their own rows to find duplicate keys within a file.
      await db.schema.createIndex('accountability_result_import').on('accountability_result').column('import_id').execute();

      await db.schema
        .createTable('indicator_layout')
        .addColumn('id', id, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('keys', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('ecs_grant')
        .addColumn('town_code', 'integer', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('entitlement_cents', 'bigint', (c) => c.notNull())
        .addColumn('alliance_cents', 'bigint')
        .addColumn('education_diversity_cents', 'bigint')
        .addColumn('non_alliance_cents', 'bigint')
        .addColumn('import_id', 'integer')
        .addPrimaryKeyConstraint('ecs_grant_pk', ['town_code', 'fiscal_year'])
        .execute();

      await db.schema
        .createTable('designation')
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('act', 'text', (c) => c.notNull())
        .addColumn('basis', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('import_id', 'integer')
        .addPrimaryKeyConstraint('designation_pk', ['district_code', 'fiscal_year'])
        .execute();

      await db.schema
        .createTable('rule_run')
        .addColumn('id', id, (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('law_id', 'text', (c) => c.notNull())
        .addColumn('version_id', 'text', (c) => c.notNull())
        .addColumn('law_date', 'text', (c) => c.notNull())
        .addColumn('fiscal_year', 'integer', (c) => c.notNull())
        .addColumn('data_year', 'text')
        .addColumn('code_version', 'text', (c) => c.notNull())
        .addColumn('inputs_sha256', 'text', (c) => c.notNull())
        .addColumn('parameters', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rule_run_lookup').on('rule_run').columns(['kind', 'law_id', 'inputs_sha256']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const t of [
        'rule_run',
        'designation',
        'ecs_grant',
        'indicator_layout',
        'accountability_result',
        'district_year_measure',
        'school',
        'district_name',
        'district',
        'town',
        'import_log',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
