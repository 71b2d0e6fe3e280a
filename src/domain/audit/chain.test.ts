import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainInput, GENESIS, verifyChain, type AuditEvent, type AuditEventContent } from './chain.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function build(contents: AuditEventContent[]): AuditEvent[] {
  let prev = GENESIS;
  return contents.map((c) => {
    const hash = sha(chainInput(prev, c));
    const e = { ...c, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}

const content = (seq: number, action = 'plan.saved'): AuditEventContent => ({ seq, at: `2026-11-29T10:00:0${seq % 10}Z`, actor: 'user:1', onBehalfOf: null, action, subject: 'plan:1', details: { b: 1, a: [1, { z: 2, y: 3 }] } });

describe('the audit hash chain', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('an untouched chain verifies; any change, removal or reordering names the first broken link (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.constantFrom('edit', 'remove', 'swap'), (n, pick, how) => {
        const events = build(Array.from({ length: n }, (_, i) => content(i + 1)));
        expect(verifyChain(events, sha)).toEqual({ ok: true, events: n, head: events.at(-1)!.hash });
        const k = pick % (n - 1);
        const tampered = [...events];
        if (how === 'edit') tampered[k] = { ...tampered[k]!, details: { ...tampered[k]!.details, b: 2 } };
        if (how === 'remove') tampered.splice(k, 1);
        if (how === 'swap') [tampered[k], tampered[k + 1]] = [tampered[k + 1]!, tampered[k]!];
        const r = verifyChain(tampered, sha);
        expect(r.ok).toBe(false);
        // An edit breaks the edited event; a removal or a swap breaks the first out-of-place one.
        if (!r.ok) expect(r.seq).toBe(how === 'edit' ? k + 1 : k + 2);
      }),
    );
  });
});
