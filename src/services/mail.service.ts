/**
 * Outgoing e-mail goes to the outbox table in the same transaction as what caused it, so no
 * message is lost and none is sent for a change that rolled back. A sender (SMTP via nodemailer,
 * later) delivers pending messages; in development the outbox page shows them.
 */
import type { Executor } from '../data/batch.ts';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** invitation | reset | reminder | escalation | notice */
  readonly kind: string;
}

export async function queueMail(db: Executor, mail: Mail): Promise<number> {
  const r = await db
    .insertInto('outbox')
    .values({ to_address: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind, created_at: new Date().toISOString(), sent_at: null, error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function outbox(db: Executor, limit = 100) {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), to: r.to_address, subject: r.subject, body: r.body, kind: r.kind, createdAt: r.created_at, sentAt: r.sent_at, error: r.error }));
}
