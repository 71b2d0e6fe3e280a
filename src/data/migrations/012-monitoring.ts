/**
 * Monitoring meetings of a plan (agenda, attendees, minutes and decisions as the meeting's own
 * record) and their follow-ups (each with an owner and a due date, tracked to done and reminded).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../database.ts';

export function monitoring(dialect: SqlDialect) {
  const id = dialect === 'postgres' ? 'serial' : 'integer';
  const pk = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('monitoring_meeting')
        .addColumn('id', id, pk)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('milestone_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('scheduled_on', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text')
        .addColumn('attendees', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('agenda', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('decisions', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('monitoring_meeting_plan').on('monitoring_meeting').columns(['plan_id', 'scheduled_on']).execute();
      // One meeting per plan for each milestone of the schedule.
      await db.schema.createIndex('monitoring_meeting_milestone').on('monitoring_meeting').columns(['plan_id', 'milestone_id']).unique().execute();
      await db.schema
        .createTable('follow_up')
        .addColumn('id', id, pk)
        .addColumn('meeting_id', 'integer', (c) => c.notNull().references('monitoring_meeting.id'))
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('done_on', 'text')
        .addColumn('done_by', 'integer')
        .addColumn('done_note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('follow_up_plan').on('follow_up').columns(['plan_id', 'due_on']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('follow_up').ifExists().execute();
      await db.schema.dropTable('monitoring_meeting').ifExists().execute();
    },
  };
}
