import { parseArgs } from 'node:util';
import { IMPORTERS } from '../../data/importers/index.ts';
import { importFile } from '../../services/import.service.ts';
import { type CliContext, UsageError } from '../context.ts';
import { progressBar } from '../progress.ts';

export const importHelp = `Usage: alliance import <kind> <file>
       alliance import --list

Imports a data file into the database: all or nothing, in one transaction. The same file
imported again changes nothing. Every problem is named by file, line and column.

Kinds:
${IMPORTERS.map((i) => `  ${i.kind.padEnd(24)} ${i.title}`).join('\n')}
  ${'auto'.padEnd(24)} tell the kind from the file's first lines

Examples:
  alliance import ngas Next_Generation_Accountability_h28j-iix5.csv
  alliance import edsight enrollment-all-students-2024-25.csv
  alliance import ecs town_year_ecs_entitlement.csv

Exit codes: 0 imported (or already imported); 2 usage; 4 the file was refused (nothing changed).`;

export async function importCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    ctx.io.out(importHelp);
    return 0;
  }
  if (values.list) {
    for (const i of IMPORTERS) ctx.io.out(`${i.kind.padEnd(24)} ${i.title}\n${' '.repeat(25)}${i.description}`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('Give the kind and the file: alliance import <kind> <file>.', importHelp);
  const [kind, file] = positionals as [string, string];
  if (kind !== 'auto' && !IMPORTERS.some((i) => i.kind === kind)) {
    throw new UsageError(`"${kind}" is not a kind of import. Kinds: auto, ${IMPORTERS.map((i) => i.kind).join(', ')}.`);
  }
  const store = await ctx.store();
  const bar = ctx.io.errIsTty ? progressBar((s) => process.stderr.write(s), file) : null;
  try {
    const r = await importFile(store, kind, file, bar ? { onProgress: bar.update } : {});
    bar?.done();
    if (r.status === 'unchanged') {
      ctx.io.out(`${r.file}: already imported on ${r.previous!.importedAt.slice(0, 10)} (same content, SHA-256 ${r.sha256.slice(0, 12)}…); nothing changed.`);
    } else {
      ctx.io.out(`${r.file}: imported as ${r.kind}: ${r.rows.toLocaleString('en-US')} rows${r.skipped ? `, ${r.skipped} skipped` : ''}.`);
      for (const n of r.notes) ctx.io.out(`  ${n}`);
    }
    return 0;
  } catch (e) {
    bar?.done();
    throw e;
  }
}
