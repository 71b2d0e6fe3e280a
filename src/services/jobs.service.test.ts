/**
 * Deadlines and e-mail, on SQLite and PostgreSQL: the sweep queues each reminder and escalation
 * once (however often it runs), the delivery job sends them to a real local SMTP server and
 * records failures, and the job runners keep their schedule across a restart.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { fiscalYear } from '../domain/time/fiscal-year.ts';
import { verifyAudit } from './audit.service.ts';
import { userByEmail } from './auth.service.ts';
import { programToday, sweepDeadlines } from './plans/index.ts';
import { DEMO_DOMAIN, seedDemo } from './demo.service.ts';
import { PgBossJobRunner, TableJobRunner, type JobDefinition } from './jobs.service.ts';
import { deliverPending, mailSettingsFromEnv, MAX_ATTEMPTS, outbox } from './mail.service.ts';
import { openCycle } from './plans/index.ts';

const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port; one address can be made to refuse mail. */
async function smtpServer(refuse: string | null = null) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address === refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

describe.each(dialects)('deadlines and e-mail ($name)', (dialect) => {
  let store: Store;
  const today = programToday();

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {}, { monitoring: false });
    const admin = (await userByEmail(store.db, `admin@${DEMO_DOMAIN}`))!;
    // A cycle opened today: the board's vote is due in 5 days, the rest later.
    await openCycle(store, admin, {
      fiscalYear: fiscalYear(2027),
      deadlines: { draft: plusDays(today, 2), board: plusDays(today, 5), submission: plusDays(today, 20), review: plusDays(today, 40), decision: plusDays(today, 60) },
    });
  }, 120_000);
  afterAll(async () => dialect.close(store));

  it('the sweep reminds once per plan and window, escalates once after the deadline, and ignores the old demo cycle', async () => {
    const first = await sweepDeadlines(store, { today });
    // Every FY2027 plan is a draft working toward the board's vote, due in 5 days: the 7-day reminder.
    // A district with nothing withheld files no plan under the default policy: no reminders for it.
    const all = await store.db.selectFrom('plan').innerJoin('cycle', 'cycle.id', 'plan.cycle_id').select(['plan.id', 'plan.allocation_cents']).where('cycle.fiscal_year', '=', 2027).execute();
    const plans = all.filter((p) => Number(p.allocation_cents) > 0);
    expect(plans.length).toBeLessThan(all.length);
    expect(first.notices).toBe(plans.length);
    // Only the districts with demo accounts have someone to tell: Hartford (2), Ansonia and Derby (1 each), Bridgeport (1).
    expect(first.messages).toBe(5);
    expect(await sweepDeadlines(store, { today })).toEqual({ notices: 0, messages: 0 });

    const mail = await outbox(store.db);
    const hartford = mail.filter((m) => m.to === `editor.hartford@${DEMO_DOMAIN}` && m.kind === 'reminder');
    expect(hartford).toHaveLength(1);
    expect(hartford[0]!.subject).toBe(`Reminder: the local board's approval for Hartford School District is due in 7 days (${plusDays(today, 5)})`);

    const dayBefore = await sweepDeadlines(store, { today: plusDays(today, 4) });
    expect(dayBefore).toEqual({ notices: plans.length, messages: 5 });
    const late = await sweepDeadlines(store, { today: plusDays(today, 6) });
    // Escalations also go to the state administrator: one more message per plan.
    expect(late).toEqual({ notices: plans.length, messages: 5 + plans.length });
    expect(await sweepDeadlines(store, { today: plusDays(today, 7) })).toEqual({ notices: 0, messages: 0 });
    expect((await outbox(store.db, 1000)).filter((m) => m.kind === 'escalation' && m.to === `admin@${DEMO_DOMAIN}`)).toHaveLength(plans.length);
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it('delivers the outbox to an SMTP server, records a refusal, and gives up after a few attempts', async () => {
    const smtp = await smtpServer(`editor.bridgeport@${DEMO_DOMAIN}`);
    try {
      const settings = (await mailSettingsFromEnv({ SMTP_URL: smtp.url, MAIL_FROM: 'Alliance District plans <plans@example.org>' }))!;
      const pending = (await outbox(store.db, 10_000)).filter((m) => !m.sentAt);
      const refused = pending.filter((m) => m.to === `editor.bridgeport@${DEMO_DOMAIN}`).length;
      expect(refused).toBeGreaterThan(0);
      let result = { sent: 0, failed: 0 };
      for (let i = 0; i < 20 && (result.sent > 0 || i === 0 || result.failed > 0); i++) result = await deliverPending(store, settings, 50);
      settings.transport.close();
      expect(smtp.received.length).toBe(pending.length - refused);
      const reminder = smtp.received.find((r) => r.to.includes(`editor.hartford@${DEMO_DOMAIN}`) && r.raw.includes('Reminder'));
      expect(reminder?.from).toBe('plans@example.org');
      expect(reminder?.raw).toMatch(/Subject: Reminder: the local board's approval for Hartford School Distric/);
      const after = await outbox(store.db, 10_000);
      const failedRow = after.find((m) => m.to === `editor.bridgeport@${DEMO_DOMAIN}`)!;
      expect(failedRow.sentAt).toBeNull();
      expect(failedRow.attempts).toBe(MAX_ATTEMPTS);
      expect(failedRow.error).toMatch(/Mailbox unavailable|550/);
      expect(after.filter((m) => m.sentAt).length).toBe(pending.length - refused);
    } finally {
      await smtp.close();
    }
  });

  it('the in-process runner keeps its schedule across a restart, and reruns a job a crash interrupted', async () => {
    const runs: string[] = [];
    const defs: JobDefinition[] = [
      { kind: 'deadlines-sweep', everySeconds: 3600, cron: '0 * * * *', run: async () => (runs.push('sweep'), 'ok') },
      {
        kind: 'mail-deliver',
        everySeconds: 60,
        cron: '* * * * *',
        run: async () => {
          runs.push('mail');
          throw new Error('SMTP is down');
        },
      },
    ];
    const first = new TableJobRunner(store, defs, { tickMs: 60_000 });
    await first.start();
    await first.stop();
    expect(runs.sort()).toEqual(['mail', 'sweep']);
    const rows = await store.db.selectFrom('job').selectAll().orderBy('kind').execute();
    expect(rows.map((r) => [r.kind, r.status, Number(r.attempts)])).toEqual([
      ['deadlines-sweep', 'pending', 0],
      ['mail-deliver', 'pending', 1],
    ]);
    expect(rows[1]!.last_error).toBe('SMTP is down');
    expect(rows[0]!.run_at > new Date(Date.now() + 3500_000).toISOString()).toBe(true);

    // The server is down for two hours, and the last run crashed in the middle of the sweep.
    await store.db.updateTable('job').set({ run_at: new Date(Date.now() - 7200_000).toISOString(), status: 'running' }).where('kind', '=', 'deadlines-sweep').execute();
    runs.length = 0;
    const second = new TableJobRunner(store, defs, { tickMs: 60_000 });
    await second.start();
    await second.stop();
    expect(runs).toContain('sweep');
    expect((await store.db.selectFrom('job').select('status').where('kind', '=', 'deadlines-sweep').executeTakeFirstOrThrow()).status).toBe('pending');
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('pg-boss on PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_boss_${Date.now().toString(36)}`;
  afterAll(async () => {
    const { dropSchema } = await import('../data/database.ts');
    await dropSchema(url, schema);
  });

  it('runs a job sent while no worker was running, after a restart', async () => {
    const runs: string[] = [];
    const defs: JobDefinition[] = [{ kind: 'deadlines-sweep', everySeconds: 3600, cron: '0 * * * *', run: async () => (runs.push('sweep'), 'ok') }];
    // The job is queued by one server, which stops before any worker takes it…
    const { PgBoss } = await import('pg-boss');
    const sender = new PgBoss({ connectionString: url, schema });
    await sender.start();
    await sender.createQueue('deadlines-sweep');
    await sender.send('deadlines-sweep', {});
    await sender.stop({ graceful: true, timeout: 5000 });
    // …and the next server to start runs it.
    const runner = new PgBossJobRunner(url, schema, defs);
    await runner.start();
    try {
      await expect.poll(() => runs.length, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(1);
      await runner.runSoon('deadlines-sweep');
      await expect.poll(() => runs.length, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    } finally {
      await runner.stop();
    }
  }, 60_000);
});
