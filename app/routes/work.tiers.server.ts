/** The staff's tiers page: each district of a cycle's approved plans in a tier, with the reasons; other thresholds tried in the URL. */
import { data } from 'react-router';
import { DomainError, MissingDataError, NoRuleInForceError } from '../../src/domain/errors.ts';
import { TIERED_SUPPORT } from '../../src/domain/support/tiers.ts';
import { fiscalYear as toFiscalYear } from '../../src/domain/time/fiscal-year.ts';
import { valueAt } from '../../src/domain/rules/parameter.ts';
import { listCycles } from '../../src/services/plans/index.ts';
import { tierScenario } from '../../src/services/support/tier-scenario.ts';
import { tiersFor } from '../../src/services/support/tiers.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';

/** The proposal's parameters and option as the page offers them: id, label, unit, value now, citation. */
function proposalTerms() {
  const on = '2026-06-30' as Parameters<typeof valueAt>[1];
  return {
    parameters: [...TIERED_SUPPORT.parameters.values()].map((p) => ({ id: p.id, label: p.label, unit: p.unit ?? '', value: valueAt(p, on).value as number })),
    options: [...TIERED_SUPPORT.options.values()].map((o) => ({ id: o.id, label: o.label, question: o.question, choices: o.choices, default: o.default })),
  };
}

export async function tiersPageData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/tiers').permission!);
  const url = new URL(request.url);
  const store = await getStore();
  const cycles = (await listCycles(store.db)).map((c) => ({ id: c.id, fiscalYear: c.fiscalYear as number, title: c.title })).sort((a, b) => b.fiscalYear - a.fiscalYear);
  const terms = proposalTerms();
  const raw = url.searchParams.get('fiscalYear');
  const fy = raw && /^\d{4}$/.test(raw) ? Number(raw) : (cycles[0]?.fiscalYear ?? null);
  // Thresholds the person typed (p.<id>) and readings chosen (o.<id>): a scenario, said to be one.
  const changed: Record<string, number> = {};
  /** What was typed, as typed (shown back in the form). */
  const typed: Record<string, string> = {};
  const notNumbers: string[] = [];
  for (const p of terms.parameters) {
    const v = url.searchParams.get(`p.${p.id}`)?.trim();
    if (v === undefined || v === '') continue;
    typed[p.id] = v.slice(0, 20);
    const n = Number(v);
    if (!Number.isFinite(n)) notNumbers.push(`“${v.slice(0, 20)}” is not a number (${p.label}).`);
    else if (n !== p.value) changed[p.id] = n;
  }
  const chosen: Record<string, string> = {};
  for (const o of terms.options) {
    const v = url.searchParams.get(`o.${o.id}`);
    if (v && v !== o.default) chosen[o.id] = v;
  }
  const isScenario = Object.keys(changed).length + Object.keys(chosen).length > 0;
  const base = { cycles, terms, fiscalYear: fy, changed, typed, chosen };
  if (notNumbers.length) return data({ ...base, run: null, problem: `${notNumbers.join(' ')} Give the thresholds as numbers.` }, { status: 400 });
  if (fy === null) return { ...base, run: null, problem: 'No plan cycle is open yet: tiers are set on a cycle\'s approved plans.' };
  let law = TIERED_SUPPORT;
  if (isScenario) {
    const s = tierScenario({ id: 'your-thresholds', title: 'Your thresholds', parameters: changed, options: chosen });
    if (!s.ok) return data({ ...base, run: null, problem: s.issues.join(' ') }, { status: 400 });
    law = s.law;
  }
  try {
    return { ...base, run: await tiersFor(store.db, toFiscalYear(fy), law), problem: null };
  } catch (e) {
    if (e instanceof MissingDataError || e instanceof NoRuleInForceError) return data({ ...base, run: null, problem: e.message }, { status: 404 });
    if (e instanceof DomainError) return data({ ...base, run: null, problem: e.message }, { status: 400 });
    throw e;
  }
}
