/**
 * The `alliance` command: designation, withholding, imports and the law, from a terminal.
 * Thin: it parses arguments, calls a service and prints. Exit codes: 0 done, 1 unexpected
 * error, 2 usage, 3 no rule in force or data missing, 4 an import refused (nothing changed),
 * 5 the audit trail is broken.
 */
import { fileURLToPath } from 'node:url';
import { DatabaseUrlError } from '../data/database.ts';
import { formatIssue, ImportFailure } from '../data/importers/index.ts';
import { DomainError, MissingDataError, NoRuleInForceError } from '../domain/errors.ts';
import { audit } from './commands/audit.ts';
import { designate } from './commands/designate.ts';
import { importCommand } from './commands/import.ts';
import { jobs } from './commands/jobs.ts';
import { laws } from './commands/laws.ts';
import { overview } from './commands/overview.ts';
import { report as reportCommand } from './commands/report.ts';
import { seed } from './commands/seed.ts';
import { tiers } from './commands/tiers.ts';
import { withholding } from './commands/withholding.ts';
import { CliContext, type CliIo, UsageError } from './context.ts';

type Command = (argv: string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  designate: { run: designate, summary: 'designate alliance districts under a law or proposal, with the reasons' },
  withholding: { run: withholding, summary: 'split each town\'s ECS grant: the alliance portion withheld and the rest' },
  import: { run: importCommand, summary: 'import a data file (EdSight, data.ct.gov, CSDE ECS, directory, designations)' },
  laws: { run: laws, summary: 'list the enacted rules and proposals with dates and citations' },
  overview: { run: overview, summary: 'the program today, from the database' },
  seed: { run: seed, summary: 'create demo accounts and a sample FY2026 cycle (--demo)' },
  tiers: { run: tiers, summary: 'each district with an approved plan in a tier of support, with the reasons (a proposal)' },
  report: { run: reportCommand, summary: 'the evaluation: alliance districts against the others, pooled by year (report evaluation)' },
  audit: { run: audit, summary: 'verify the audit trail\'s hash chain (audit verify)' },
  jobs: { run: jobs, summary: 'deadline reminders and e-mail delivery: sweep, deliver, or work (a worker)' },
};

export const HELP = `alliance — Connecticut's Alliance District program: law-as-code designation and ECS withholding

Usage: alliance <command> [options]     (alliance <command> --help for more)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Database: DATABASE_URL (default sqlite:./data/alliance.sqlite; an empty SQLite database is
filled with the embedded Connecticut dataset), or postgres://user@host:5432/db.

Exit codes: 0 done; 1 unexpected error; 2 usage; 3 no rule in force or data missing;
4 an import refused (nothing changed); 5 the audit trail is broken.`;

export const EXIT = { ok: 0, error: 1, usage: 2, noRule: 3, refused: 4 } as const;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    const { CODE_VERSION } = await import('../services/version.ts');
    io.out(CODE_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`alliance: "${name}" is not a command.\n\n${HELP}`);
    return EXIT.usage;
  }
  const ctx = new CliContext(io);
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    return report(e, io);
  } finally {
    await ctx.close();
  }
}

function report(e: unknown, io: CliIo): number {
  if (e instanceof UsageError) {
    io.err(`alliance: ${e.message}${e.help ? `\n\n${e.help}` : ''}`);
    return EXIT.usage;
  }
  if (e instanceof NoRuleInForceError || e instanceof MissingDataError) {
    io.err(`alliance: ${e.message}`);
    return EXIT.noRule;
  }
  if (e instanceof ImportFailure) {
    io.err(`alliance: the import was refused; nothing was changed.`);
    for (const issue of e.issues) io.err(`  ${formatIssue(issue)}`);
    if (e.truncated) io.err('  (stopped after the first problems; fix these and try again)');
    return EXIT.refused;
  }
  if (e instanceof DomainError || e instanceof DatabaseUrlError) {
    io.err(`alliance: ${e.message}`);
    return EXIT.usage;
  }
  const err = e as { code?: string; message?: string };
  if (err && typeof err === 'object' && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`alliance: ${err.message}`);
    return EXIT.usage;
  }
  if (err && typeof err === 'object' && err.code === 'ECONNREFUSED') {
    io.err(`alliance: cannot reach the database (${err.message}). Is PostgreSQL running, and is DATABASE_URL right?`);
    return EXIT.error;
  }
  io.err(`alliance: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.error;
}

/** Runs as a program. */
export async function run(): Promise<void> {
  // `alliance … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    env: process.env,
    errIsTty: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
