/**
 * A meeting's minutes as a file (beside or instead of the text), and where a condition of an
 * approval was reviewed: the monitoring meeting that recorded it met or not.
 */
import type { Kysely } from 'kysely';

export function meetingRecords() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('monitoring_meeting').addColumn('minutes_upload_id', 'integer', (c) => c.references('upload.id')).execute();
      await db.schema.alterTable('plan_condition').addColumn('meeting_id', 'integer', (c) => c.references('monitoring_meeting.id')).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('plan_condition').dropColumn('meeting_id').execute();
      await db.schema.alterTable('monitoring_meeting').dropColumn('minutes_upload_id').execute();
    },
  };
}
