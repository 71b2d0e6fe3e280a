import { parseArgs } from 'node:util';
import { sweepDeadlines, programToday } from '../../services/plans/index.ts';
import { startJobs } from '../../services/jobs.service.ts';
import { deliverPending, mailSettingsFromEnv } from '../../services/mail.service.ts';
import { type CliContext, UsageError } from '../context.ts';

export const jobsHelp = `Usage: alliance jobs sweep [--today YYYY-MM-DD]
       alliance jobs deliver
       alliance jobs work

sweep    queue today's deadline reminders and escalations (each is sent once, however often
         this runs); --today pretends it is another day (in Connecticut).
deliver  send the e-mail waiting in the outbox over SMTP (SMTP_URL, MAIL_FROM).
work     run the background jobs in this process until stopped (Ctrl-C): the sweep hourly,
         delivery every minute — for a worker beside web servers started with JOBS=0. On
         PostgreSQL the jobs go through pg-boss, so several workers never run one twice.

The web server (npm start) runs the jobs itself unless JOBS=0.`;

export async function jobs(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, options: { today: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  if (values.help) {
    ctx.io.out(jobsHelp);
    return 0;
  }
  const what = positionals[0];
  if (positionals.length !== 1 || !['sweep', 'deliver', 'work'].includes(what ?? '')) throw new UsageError('Say which: alliance jobs sweep | deliver | work.', jobsHelp);
  if (values.today !== undefined && (what !== 'sweep' || !/^\d{4}-\d{2}-\d{2}$/.test(values.today))) throw new UsageError('--today takes a date (YYYY-MM-DD), with sweep only.', jobsHelp);
  const store = await ctx.store({ loadEmbedded: false });
  if (what === 'sweep') {
    const today = values.today ?? programToday();
    const r = await sweepDeadlines(store, { today });
    ctx.io.out(`${today}: ${r.notices} notices recorded, ${r.messages} e-mails queued in the outbox.`);
    return 0;
  }
  if (what === 'deliver') {
    const mail = await mailSettingsFromEnv(ctx.io.env);
    if (!mail) throw new UsageError('Set SMTP_URL (e.g. smtp://user:password@mail.example.org:587) to send e-mail.', jobsHelp);
    try {
      let total = { sent: 0, failed: 0 };
      for (;;) {
        const r = await deliverPending(store, mail);
        total = { sent: total.sent + r.sent, failed: total.failed + r.failed };
        if (r.sent + r.failed === 0 || r.sent === 0) break;
      }
      ctx.io.out(`${total.sent} sent, ${total.failed} failed (see /work/outbox for the errors).`);
      return total.failed ? 1 : 0;
    } finally {
      mail.transport.close();
    }
  }
  const runner = await startJobs(store, { ...ctx.io.env, JOBS: '1' }, (line) => ctx.io.out(line));
  ctx.io.out(`Running the background jobs (${runner!.engine}); Ctrl-C stops.`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await runner!.stop();
  return 0;
}
