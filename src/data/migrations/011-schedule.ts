/**
 * A cycle's schedule as data: the list of milestones (id, label, who acts, date) in `schedule`,
 * filled for existing cycles from their five deadlines. `deadlines` stays, written with the
 * plan's five dates, so the row still reads as it did to anything older.
 */
import { sql, type Kysely } from 'kysely';

const LABELS: Record<string, [string, string]> = {
  draft: ['the draft plan', 'district'],
  board: ["the local board's approval", 'district'],
  submission: ['submission to the state', 'district'],
  review: ["the state's review", 'reviewers'],
  decision: ["the commissioner's decision", 'commissioner'],
};

export function schedule() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('cycle').addColumn('schedule', 'text').execute();
      const rows = await sql<{ id: number; deadlines: string }>`SELECT id, deadlines FROM cycle`.execute(db);
      for (const r of rows.rows) {
        const d = JSON.parse(r.deadlines) as Record<string, string>;
        const milestones = Object.entries(LABELS).map(([id, [label, actor]]) => ({ id, label, actor, date: d[id] ?? '' }));
        await sql`UPDATE cycle SET schedule = ${JSON.stringify(milestones)} WHERE id = ${r.id}`.execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('cycle').dropColumn('schedule').execute();
    },
  };
}
