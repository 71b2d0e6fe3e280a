/**
 * `alliance jobs`: the sweep from a terminal (idempotent; --today), and delivery that says what
 * it needs when SMTP is not configured.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'alliance-jobs-'));
const env: Record<string, string> = { DATABASE_URL: `sqlite:${join(dir, 'jobs.sqlite')}` };

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env, errIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('alliance jobs (CLI)', () => {
  it('sweeps: reminders due that day are queued once; after the deadlines, which passed before the cycle opened, nothing', async () => {
    expect((await run('seed', '--demo')).code).toBe(0);
    // 2025-08-10: five days before the demo's submission deadline — Derby (board vote recorded, signed) is reminded.
    const first = await run('jobs', 'sweep', '--today', '2025-08-10');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^2025-08-10: [1-9]\d* notices? recorded, [1-9]\d* e-mails? queued in the outbox\.$/);
    expect(await run('jobs', 'sweep', '--today', '2025-08-10')).toMatchObject({ code: 0, out: '2025-08-10: 0 notices recorded, 0 e-mails queued in the outbox.' });
    expect(await run('jobs', 'sweep', '--today', '2026-12-01')).toMatchObject({ code: 0, out: '2026-12-01: 0 notices recorded, 0 e-mails queued in the outbox.' });
  }, 60_000);

  it('says what is missing: a date for --today, SMTP_URL for deliver, a known subcommand', async () => {
    expect(await run('jobs', 'sweep', '--today', 'tomorrow')).toMatchObject({ code: 2, err: expect.stringMatching(/--today takes a date/) });
    expect(await run('jobs', 'deliver')).toMatchObject({ code: 2, err: expect.stringMatching(/Set SMTP_URL/) });
    expect(await run('jobs', 'dance')).toMatchObject({ code: 2, err: expect.stringMatching(/alliance jobs sweep \| deliver \| work/) });
    expect((await run('jobs', '--help')).out).toMatch(/reminders|deadline/);
  });
});
