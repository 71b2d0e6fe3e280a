/**
 * The annual progress review of a plan: the facts of the year (a snapshot), the decision on
 * continued funding, its reason and conditions, signed by the state's reviewer. One per plan.
 */
import type { Kysely } from 'kysely';

export function annualReview() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('annual_review')
        .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plan.id'))
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('signed_by', 'integer', (c) => c.notNull())
        .addColumn('typed_name', 'text', (c) => c.notNull())
        .addColumn('reviewed_on', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('annual_review').ifExists().execute();
    },
  };
}
