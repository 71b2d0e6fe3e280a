import { listImports } from '../../data/import-log.repository.ts';
import { resolveRuleset } from '../../domain/law/catalog.ts';
import { fiscalYearOf, formatFiscalYear, isoDate } from '../../domain/time/fiscal-year.ts';
import { runDesignation } from '../../services/designation.service.ts';
import { runWithholding } from '../../services/withholding.service.ts';
import type { CliContext } from '../context.ts';
import { money } from '../format.ts';

/** What `npm start` shows until the web site exists: the program today, from the database. */
export async function overview(_argv: string[], ctx: CliContext): Promise<number> {
  const store = await ctx.store();
  const out = ctx.io.out;
  const today = isoDate(new Date().toISOString().slice(0, 10));
  const fy = fiscalYearOf(today);
  out(`Connecticut's Alliance District program — ${formatFiscalYear(fy)} (database: ${store.label})\n`);
  const imports = await listImports(store.db);
  out(`Data: ${imports.length} files imported; latest ${imports.at(-1)?.importedAt.slice(0, 10) ?? 'never'}.`);
  try {
    const resolved = resolveRuleset({ fiscalYear: fy });
    out(`Law in force: ${resolved.info.title}.`);
    const w = await runWithholding(store, fy);
    out(`${w.result.totals.designatedTowns} alliance districts (the official list); ${money(w.result.totals.allianceCents)} of ECS withheld for alliance plans in ${formatFiscalYear(fy)}.`);
    const d = await runDesignation(store, { fiscalYear: fy, record: false }).catch(() => null);
    if (d) out(`Re-running ${resolved.info.id} on ${d.dataYear} data would select ${d.result.counts.designated} (${d.result.counts.byRank} by rank + ${d.result.counts.grandfathered} earlier designees) — a computation, not the official list.`);
  } catch (e) {
    out((e as Error).message);
  }
  out(`\nTry:\n  npx alliance designate --fiscal-year ${fy} --official\n  npx alliance designate --fiscal-year ${fy}\n  npx alliance withholding --fiscal-year ${fy}\n  npx alliance laws\n  npx alliance --help`);
  return 0;
}
