/**
 * Background jobs: the deadline sweep (hourly) and e-mail delivery (every minute). On SQLite they
 * run in-process from the `job` table; on PostgreSQL through pg-boss, so several servers share
 * them and each runs once. Both keep their schedule in the database: a restart (or a crash in
 * the middle of a job) loses nothing — what came due while the server was down runs at start.
 */
import type { Store } from '../data/database.ts';
import { processResetRequests } from './auth.service.ts';
import { sweepDeadlines } from './plans/index.ts';
import { deliverPending, mailSettingsFromEnv, type MailSettings } from './mail.service.ts';

export type JobKind = 'deadlines-sweep' | 'mail-deliver';

export interface JobDefinition {
  readonly kind: JobKind;
  /** How often it runs (in-process), and the same as a cron expression (pg-boss). */
  readonly everySeconds: number;
  readonly cron: string;
  readonly run: () => Promise<string>;
}

export interface JobRunner {
  readonly engine: 'in-process' | 'pg-boss';
  start(): Promise<void>;
  /** Runs a job as soon as possible (the CLI, tests); resolves when it has been queued (and, in-process, run). */
  runSoon(kind: JobKind): Promise<void>;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** The program's jobs, bound to a store and the mail settings (none: messages stay in the outbox). */
export function jobDefinitions(store: Store, mail: MailSettings | null): JobDefinition[] {
  return [
    {
      kind: 'deadlines-sweep',
      everySeconds: 3600,
      cron: '7 * * * *',
      run: async () => {
        const r = await sweepDeadlines(store);
        return `${r.notices} notices, ${r.messages} messages queued`;
      },
    },
    {
      kind: 'mail-deliver',
      everySeconds: 60,
      cron: '* * * * *',
      run: async () => {
        // Reset requests a stopped process left behind are worked through first (their links are mail too).
        const resets = await processResetRequests(store);
        if (!mail) return `${resets ? `${resets} reset links queued; ` : ''}SMTP_URL is not set: messages stay in the outbox`;
        const r = await deliverPending(store, mail);
        return `${r.sent} sent, ${r.failed} failed`;
      },
    },
  ];
}

/** In-process, from the `job` table (SQLite, or PostgreSQL without pg-boss in tests). */
export class TableJobRunner implements JobRunner {
  readonly engine = 'in-process' as const;
  #timer: ReturnType<typeof setInterval> | undefined;
  #busy: Promise<void> | null = null;
  readonly #store: Store;
  readonly #defs: Map<JobKind, JobDefinition>;
  readonly #tickMs: number;
  readonly #log: Log;

  constructor(store: Store, defs: readonly JobDefinition[], options: { tickMs?: number; log?: Log } = {}) {
    this.#store = store;
    this.#defs = new Map(defs.map((d) => [d.kind, d]));
    this.#tickMs = options.tickMs ?? 5000;
    this.#log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    const db = this.#store.db;
    const now = new Date().toISOString();
    // A job that was running when the process stopped runs again.
    await db.updateTable('job').set({ status: 'pending' }).where('status', '=', 'running').execute();
    for (const d of this.#defs.values()) {
      await db
        .insertInto('job')
        .values({ kind: d.kind, dedupe_key: `every:${d.kind}`, run_at: now, payload: '{}', status: 'pending', attempts: 0, last_error: null, created_at: now })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
    this.#timer = setInterval(() => void this.#tick(), this.#tickMs);
    this.#timer.unref?.();
    await this.#tick();
  }

  async runSoon(kind: JobKind): Promise<void> {
    await this.#store.db.updateTable('job').set({ run_at: new Date(0).toISOString() }).where('dedupe_key', '=', `every:${kind}`).execute();
    await this.#busy;
    await this.#tick();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#busy;
  }

  #tick(): Promise<void> {
    if (this.#busy) return this.#busy;
    this.#busy = this.#runDue().finally(() => {
      this.#busy = null;
    });
    return this.#busy;
  }

  async #runDue(): Promise<void> {
    const db = this.#store.db;
    const due = await db.selectFrom('job').selectAll().where('status', '=', 'pending').where('run_at', '<=', new Date().toISOString()).orderBy('run_at').execute();
    for (const job of due) {
      const def = this.#defs.get(job.kind as JobKind);
      if (!def) continue;
      const claimed = await db.updateTable('job').set({ status: 'running' }).where('id', '=', job.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      try {
        const said = await def.run();
        await db.updateTable('job').set({ status: 'pending', attempts: 0, last_error: null, run_at: new Date(Date.now() + def.everySeconds * 1000).toISOString() }).where('id', '=', job.id).execute();
        this.#log(`job ${def.kind}: ${said}`);
      } catch (e) {
        const attempts = Number(job.attempts) + 1;
        // Back off: 30 s, 1 min, 2 min… but never later than the next regular run.
        const wait = Math.min(30 * 2 ** (attempts - 1), def.everySeconds);
        const message = e instanceof Error ? e.message : String(e);
        await db.updateTable('job').set({ status: 'pending', attempts, last_error: message.slice(0, 500), run_at: new Date(Date.now() + wait * 1000).toISOString() }).where('id', '=', job.id).execute();
        this.#log(`job ${def.kind} failed (attempt ${attempts}): ${message}`);
      }
    }
  }
}

/** pg-boss on PostgreSQL: schedules by cron, one run per tick across every server. */
export class PgBossJobRunner implements JobRunner {
  readonly engine = 'pg-boss' as const;
  readonly #defs: readonly JobDefinition[];
  readonly #connectionString: string;
  readonly #schema: string;
  readonly #log: Log;
  #boss: import('pg-boss').PgBoss | undefined;

  constructor(connectionString: string, schema: string, defs: readonly JobDefinition[], options: { log?: Log } = {}) {
    this.#connectionString = connectionString;
    this.#schema = schema;
    this.#defs = defs;
    this.#log = options.log ?? (() => undefined);
  }

  async start(): Promise<void> {
    const { PgBoss } = await import('pg-boss');
    const boss = new PgBoss({ connectionString: this.#connectionString, schema: this.#schema, cronWorkerIntervalSeconds: 5 });
    boss.on('error', (e: Error) => this.#log(`pg-boss: ${e.message}`));
    await boss.start();
    this.#boss = boss;
    for (const d of this.#defs) {
      if (!(await boss.getQueue(d.kind))) {
        try {
          await boss.createQueue(d.kind);
        } catch (e) {
          // Another server created it at the same moment.
          if (!(await boss.getQueue(d.kind))) throw e;
        }
      }
      await boss.schedule(d.kind, d.cron);
      await boss.work(d.kind, { pollingIntervalSeconds: 2 }, async () => {
        this.#log(`job ${d.kind}: ${await d.run()}`);
      });
    }
  }

  async runSoon(kind: JobKind): Promise<void> {
    if (!this.#boss) throw new Error('The job runner is not started.');
    await this.#boss.send(kind, {});
  }

  async stop(): Promise<void> {
    await this.#boss?.stop({ graceful: true, timeout: 10_000 });
    this.#boss = undefined;
  }
}

/**
 * Starts the jobs for a store: pg-boss on PostgreSQL (its tables in `<schema>_jobs`, or
 * `pgboss`), in-process on SQLite. `JOBS=0` in the environment: none (e.g. when a separate
 * `alliance jobs work` process runs them).
 */
export async function startJobs(store: Store, env: Readonly<Record<string, string | undefined>>, log: Log = () => undefined): Promise<JobRunner | null> {
  if (env.JOBS === '0') return null;
  const defs = jobDefinitions(store, await mailSettingsFromEnv(env));
  const runner: JobRunner =
    store.dialect === 'postgres' && env.DATABASE_URL
      ? new PgBossJobRunner(env.DATABASE_URL, store.schema && store.schema !== 'public' ? `${store.schema}_jobs` : 'pgboss', defs, { log })
      : new TableJobRunner(store, defs, { log });
  await runner.start();
  return runner;
}
