/**
 * `alliance seed --demo` and `alliance audit verify`, including the tampering test: change one
 * byte of one audit row in the SQLite database file, and verification fails naming the event.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-audit-'));
const file = join(dir, 'audit.sqlite');
const env = { DATABASE_URL: `sqlite:${file}` };

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, errIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('seed and audit (CLI)', () => {
  it('seeds the demo, verifies the chain, then detects one changed byte in the database file', async () => {
    const seeded = await run('seed', '--demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/commissioner@demo\.alliance\.test/);
    expect((await run('seed', '--demo')).out).toMatch(/^0 demo accounts created/);
    const ok = await run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/The audit trail is intact: \d+ events/);

    // The store is closed after each command, so the database file is complete on disk.
    const bytes = readFileSync(file);
    const needle = Buffer.from('"votes":[7,1,1]');
    const at = bytes.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    bytes[at + needle.indexOf('7')] = '8'.charCodeAt(0);
    writeFileSync(file, bytes);

    const broken = await run('audit', 'verify');
    expect(broken.code).toBe(5);
    expect(broken.err).toMatch(/the audit trail is broken at event \d+: event \d+ has been changed/);
  }, 60_000);

  it('refuses demo accounts in production', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['seed', '--demo'], { out: (t) => out.push(t), err: (t) => err.push(t), env: { ...env, NODE_ENV: 'production' }, errIsTty: false });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/refused when NODE_ENV=production/);
  });
});
