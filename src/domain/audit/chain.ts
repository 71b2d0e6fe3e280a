/**
 * The audit trail as a hash chain: each event's hash covers its own content and the hash of the
 * event before it, so changing, removing or reordering any event breaks every link after it.
 * The hash function is passed in (the core does no I/O and imports no crypto library).
 */

export interface AuditEventContent {
  readonly seq: number;
  readonly at: string;
  /** Who: a user id, or "system". */
  readonly actor: string;
  /** On behalf of whom, when an action is delegated (e.g. the commissioner's delegate). */
  readonly onBehalfOf: string | null;
  /** What happened: "plan.submitted", "auth.signin-failed", "funds.released". */
  readonly action: string;
  /** What it happened to: "plan:12", "user:3". */
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditEvent extends AuditEventContent {
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS = '0'.repeat(64);

/** JSON with keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text whose hash is the event's hash. */
export function chainInput(prevHash: string, e: AuditEventContent): string {
  return `${prevHash}\n${canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, onBehalfOf: e.onBehalfOf, action: e.action, subject: e.subject, details: e.details })}`;
}

export type Hasher = (text: string) => string;

export type ChainCheck = { readonly ok: true; readonly events: number; readonly head: string } | { readonly ok: false; readonly seq: number; readonly reason: string };

/** Verifies events in sequence order; names the first broken link. */
export function verifyChain(events: readonly AuditEvent[], hash: Hasher): ChainCheck {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { ok: false, seq: e.seq, reason: `event ${expectedSeq} is missing (found ${e.seq} next)` };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, reason: `event ${e.seq} does not point to the event before it` };
    const h = hash(chainInput(prev, e));
    if (h !== e.hash) return { ok: false, seq: e.seq, reason: `event ${e.seq} has been changed: its content no longer matches its hash` };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, events: events.length, head: prev };
}
