import { parseArgs } from 'node:util';
import { verifyAudit } from '../../services/audit.service.ts';
import { type CliContext, UsageError } from '../context.ts';

export const auditHelp = `Usage: alliance audit verify

Checks the audit trail's hash chain from the first event to the last: every event must match
its hash and point to the one before it. Names the first broken link.

Exit codes: 0 the chain is intact; 5 it is broken; 2 usage.`;

export async function audit(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  if (values.help) {
    ctx.io.out(auditHelp);
    return 0;
  }
  if (positionals[0] !== 'verify' || positionals.length !== 1) throw new UsageError('Say what to do: alliance audit verify.', auditHelp);
  const store = await ctx.store({ loadEmbedded: false });
  const r = await verifyAudit(store);
  if (r.ok) {
    ctx.io.out(`The audit trail is intact: ${r.events} events, last hash ${r.head.slice(0, 16)}…`);
    return 0;
  }
  ctx.io.err(`alliance: the audit trail is broken at event ${r.seq}: ${r.reason}.`);
  return 5;
}
