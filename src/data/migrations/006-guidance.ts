/**
 * A cycle's guidance documents are uploads too: `upload.cycle_id`, so every plan of the cycle
 * links to them and a download is checked against the plan's cycle.
 */
import type { Kysely } from 'kysely';

export function guidance() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('upload').addColumn('cycle_id', 'integer').execute();
      await db.schema.createIndex('upload_cycle').on('upload').columns(['cycle_id', 'sha256']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('upload_cycle').ifExists().execute();
      await db.schema.alterTable('upload').dropColumn('cycle_id').execute();
    },
  };
}
