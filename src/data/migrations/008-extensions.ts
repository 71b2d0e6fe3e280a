/**
 * A district's own later deadlines (extensions the state grants one district): JSON
 * { submission: "2026-08-29", … } on its plan; the cycle's dates hold for the rest.
 */
import type { Kysely } from 'kysely';

export function extensions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('plan').addColumn('deadline_extensions', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('plan').dropColumn('deadline_extensions').execute();
    },
  };
}
