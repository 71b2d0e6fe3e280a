/**
 * The release of withheld funds as a record of its own, one per cycle and district (a unique
 * key): an allocation is released once, whatever happens to the plan afterwards (an amendment,
 * a second approval), and two releases at the same moment cannot both be stored. Releases
 * already recorded as plan events are carried over (the first one of each plan), and a plan
 * with a release is marked released again if a later approval had cleared the mark.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function fundRelease(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('fund_release')
        .addColumn('id', id, pk)
        .addColumn('cycle_id', 'integer', (c) => c.notNull())
        .addColumn('district_code', 'text', (c) => c.notNull())
        .addColumn('plan_id', 'integer', (c) => c.notNull())
        .addColumn('amount_cents', 'bigint', (c) => c.notNull())
        .addColumn('released_on', 'text', (c) => c.notNull())
        .addColumn('approved_version', 'integer')
        .addColumn('approved_by', 'integer')
        .addColumn('recorded_by', 'integer', (c) => c.notNull())
        .addColumn('on_behalf_of', 'integer')
        .addColumn('at', 'text', (c) => c.notNull())
        .addUniqueConstraint('fund_release_once', ['cycle_id', 'district_code'])
        .execute();
      const amount = dialect === 'postgres' ? sql`cast(e.data::json->>'amountCents' as bigint)` : sql`cast(json_extract(e.data, '$.amountCents') as integer)`;
      const date = dialect === 'postgres' ? sql`e.data::json->>'date'` : sql`json_extract(e.data, '$.date')`;
      const approvedBy = dialect === 'postgres' ? sql`cast(e.data::json->>'approvedBy' as integer)` : sql`cast(json_extract(e.data, '$.approvedBy') as integer)`;
      await sql`
        insert into fund_release (cycle_id, district_code, plan_id, amount_cents, released_on, approved_version, approved_by, recorded_by, on_behalf_of, at)
        select p.cycle_id, p.district_code, p.id, ${amount}, ${date}, p.approved_version, ${approvedBy}, e.user_id, e.on_behalf_of, e.at
        from plan_event e join plan p on p.id = e.plan_id
        where e.kind = 'release' and e.id = (select min(f.id) from plan_event f where f.plan_id = e.plan_id and f.kind = 'release')
      `.execute(db);
      await sql`update plan set funds_released = 1 where id in (select plan_id from fund_release)`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('fund_release').ifExists().execute();
    },
  };
}
