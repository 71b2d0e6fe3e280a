/**
 * Uploads belong to a plan (the board's minutes, for now): `upload.plan_id`, so a download is
 * checked against the plan's district and a board approval can only point at its own plan's file.
 * Nullable: a file may some day belong to no plan. An integer in both dialects.
 */
import type { Kysely } from 'kysely';

export function uploads() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('upload').addColumn('plan_id', 'integer').execute();
      // A plan's files, and the same file uploaded again to the same plan (found by its hash).
      await db.schema.createIndex('upload_plan').on('upload').columns(['plan_id', 'sha256']).execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('upload_plan').ifExists().execute();
      await db.schema.alterTable('upload').dropColumn('plan_id').execute();
    },
  };
}
