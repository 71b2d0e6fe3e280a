/**
 * Outgoing e-mail goes to the outbox table in the same transaction as what caused it, so no
 * message is lost and none is sent for a change that rolled back. The delivery job sends pending
 * messages over SMTP (nodemailer) when SMTP_URL is set; in development the outbox page shows them.
 */
import type { Executor } from '../data/batch.ts';
import type { Store } from '../data/database.ts';

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
  return rows.map((r) => ({ id: Number(r.id), to: r.to_address, subject: r.subject, body: r.body, kind: r.kind, createdAt: r.created_at, sentAt: r.sent_at, error: r.error, attempts: Number(r.attempts) }));
}

/** Something that sends one message (SMTP in production; tests use a real local SMTP server). */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export interface MailSettings {
  readonly transport: MailTransport;
  readonly from: string;
}

/** SMTP from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS) and MAIL_FROM; null if unset. */
export async function mailSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): Promise<MailSettings | null> {
  if (!env.SMTP_URL) return null;
  const { default: nodemailer } = await import('nodemailer');
  // Pooled: one connection carries a batch of messages.
  const transporter = nodemailer.createTransport({ url: env.SMTP_URL, pool: true, maxConnections: 2 } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    from: env.MAIL_FROM || 'Alliance District plans <no-reply@localhost>',
    transport: {
      async send(m) {
        await transporter.sendMail(m);
      },
      close: () => transporter.close(),
    },
  };
}

/** A message that failed this many times is left unsent, with its error, for a person to look at. */
export const MAX_ATTEMPTS = 5;

/**
 * Sends pending messages, oldest first, at most `limit`. Each is marked sent (or its error and
 * attempt recorded) on its own; on PostgreSQL a row is locked while it is sent, so two workers
 * never send the same message.
 */
export async function deliverPending(store: Store, settings: MailSettings, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const attempt = async (db: Executor, row: { id: number; to_address: string; subject: string; body: string; attempts: number }) => {
    try {
      await settings.transport.send({ from: settings.from, to: row.to_address, subject: row.subject, text: row.body });
      await db.updateTable('outbox').set({ sent_at: new Date().toISOString(), error: null, attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
      sent++;
    } catch (e) {
      await db.updateTable('outbox').set({ error: String(e instanceof Error ? e.message : e).slice(0, 500), attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
      failed++;
    }
  };
  const pending = (db: Executor) => db.selectFrom('outbox').select(['id', 'to_address', 'subject', 'body', 'attempts']).where('sent_at', 'is', null).where('attempts', '<', MAX_ATTEMPTS).orderBy('id');
  if (store.dialect === 'postgres') {
    for (let i = 0; i < limit; i++) {
      const done = await store.db.transaction().execute(async (trx) => {
        const row = await pending(trx).limit(1).forUpdate().skipLocked().executeTakeFirst();
        if (!row) return true;
        await attempt(trx, { ...row, id: Number(row.id), attempts: Number(row.attempts) });
        return false;
      });
      if (done) break;
    }
  } else {
    // SQLite: one process, one connection; no transaction is held while a message is sent.
    for (const row of await pending(store.db).limit(limit).execute()) await attempt(store.db, { ...row, id: Number(row.id), attempts: Number(row.attempts) });
  }
  return { sent, failed };
}
