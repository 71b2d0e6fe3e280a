/**
 * The append-only, hash-chained audit trail. Every state change, approval, release, role change,
 * sign-in and failed sign-in appends one event in the same transaction as the change; the chain
 * head row serialises appends (its update locks it until the transaction ends).
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../data/batch.ts';
import type { Store } from '../data/database.ts';
import { canonicalJson, chainInput, verifyChain, type AuditEvent, type ChainCheck } from '../domain/audit/chain.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface AuditInput {
  readonly actor: string;
  readonly onBehalfOf?: string | null;
  readonly action: string;
  readonly subject: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly at?: string;
}

/** Appends one event; call inside the transaction that makes the change. */
export async function appendAudit(db: Executor, input: AuditInput): Promise<AuditEvent> {
  // Take the next place and lock the head row in one statement (both dialects).
  const head = await db
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const event = {
    seq: Number(head.seq),
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    onBehalfOf: input.onBehalfOf ?? null,
    action: input.action,
    subject: input.subject,
    details: input.details ?? {},
  };
  const hash = sha256(chainInput(head.hash, event));
  await db
    .insertInto('audit_event')
    .values({
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      on_behalf_of: event.onBehalfOf,
      action: event.action,
      subject: event.subject,
      details: canonicalJson(event.details),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return { ...event, prevHash: head.hash, hash };
}

function toEvent(r: { seq: number; at: string; actor: string; on_behalf_of: string | null; action: string; subject: string; details: string; prev_hash: string; hash: string }): AuditEvent {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = { unreadable: r.details };
  }
  return { seq: Number(r.seq), at: r.at, actor: r.actor, onBehalfOf: r.on_behalf_of, action: r.action, subject: r.subject, details, prevHash: r.prev_hash, hash: r.hash };
}

/** Checks the whole chain and its head; names the first broken link. */
export async function verifyAudit(store: Store): Promise<ChainCheck> {
  const rows = await store.db.selectFrom('audit_event').selectAll().orderBy('seq').execute();
  const result = verifyChain(rows.map(toEvent), sha256);
  if (!result.ok) return result;
  const head = await store.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) !== result.events || head.hash !== result.head) {
    return { ok: false, seq: result.events + 1, reason: `the chain ends at event ${result.events}, but its head records ${head ? Number(head.seq) : 'nothing'}: events were removed from the end or the head was changed` };
  }
  return result;
}

/** The events about one subject ("plan:12"), oldest first. */
export async function auditOf(db: Executor, subject: string): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_event').selectAll().where('subject', '=', subject).orderBy('seq').execute();
  return rows.map(toEvent);
}

export async function recentAudit(db: Executor, limit = 100): Promise<AuditEvent[]> {
  const rows = await db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEvent);
}
