import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../services/demo.service.ts';
import { type CliContext, UsageError } from '../context.ts';

export const seedHelp = `Usage: alliance seed --demo

Creates demo accounts for every role and a sample FY2026 cycle with plans in several states
(approved with funds released, in review, sent back for revisions, certified, drafts), so the
embedded default shows the whole workflow. Every demo account's password is "${DEMO_PASSWORD}".
Refused when NODE_ENV=production. Running it again changes nothing.`;

export async function seed(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    ctx.io.out(seedHelp);
    return 0;
  }
  if (!values.demo) throw new UsageError('Say what to seed: --demo.', seedHelp);
  const store = await ctx.store();
  const r = await seedDemo(store, ctx.io.env);
  ctx.io.out(`${r.accounts} demo accounts created (${DEMO_ACCOUNTS.length} in all); the FY2026 sample cycle is cycle ${r.cycle}.`);
  ctx.io.out(`Sign in at /work/signin with any of these, password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS) ctx.io.out(`  ${a.email.padEnd(42)} ${a.grants.map((g) => `${g.role}${g.districtCode ? ` (${g.districtCode})` : ''}`).join(', ')}`);
  return 0;
}
