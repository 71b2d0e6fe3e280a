/** The monitoring page of a plan: its meetings, agendas and follow-ups, and the forms that change them. */
import { data } from 'react-router';
import { can, PERMISSIONS } from '../../src/domain/auth/permissions.ts';
import { otherMilestones } from '../../src/domain/workflow/schedule.ts';
import { peopleWithRole, districtPeople } from '../../src/data/user.repository.ts';
import { monitoringOf, parseMonitoringCommand, runMonitoringCommand } from '../../src/services/monitoring/index.ts';
import { planView } from '../../src/services/plans/index.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { getStore } from '../lib/store.server.ts';
import { type ActionOutcome, districtOfPlan, fail, planId, refusalOf } from '../lib/work-http.server.ts';
import { routeFor, WORK_ROUTES } from '../lib/work-routes.ts';

export async function monitoringPageData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  const district = await districtOfPlan(id);
  requirePermission(user, routeFor('GET', '/work/plans/:id/monitoring').permission!, district);
  const store = await getStore();
  const plan = await planView(store.db, user, id).catch(fail);
  const monitoring = await monitoringOf(store.db, user, id).catch(fail);
  const state = can(user.grants, PERMISSIONS.monitorPlanAny, district);
  // Who can own a follow-up: the district's people and the state's program staff.
  const owners = state ? [...(await districtPeople(store.db, district, ['district-editor', 'district-representative'])), ...(await peopleWithRole(store.db, ['program-staff']))] : [];
  const held = new Set(monitoring.meetings.map((m) => m.milestoneId));
  return {
    me: user.id,
    plan: { id: plan.id, districtName: plan.districtName, title: plan.cycle.title, approved: plan.approvedVersion !== null },
    monitoring,
    state,
    canPropose: can(user.grants, PERMISSIONS.proposeAgendaOwn, district),
    canReport: can(user.grants, PERMISSIONS.reportSpendingOwn, district),
    canProgress: can(user.grants, PERMISSIONS.reportProgressOwn, district),
    owners: [...new Map(owners.map((o) => [o.id, { id: o.id, name: o.name }])).values()].sort((a, b) => a.name.localeCompare(b.name)),
    /** The cycle's own milestones without a meeting of this plan yet (what the state schedules). */
    milestones: otherMilestones(plan.cycle.schedule).filter((m) => !held.has(m.id)),
    today: new Date().toISOString().slice(0, 10),
  };
}

/** A form's fields as the schema reads them: "followUps.0.text" becomes followUps[0].text, "mapping.date" mapping.date; files stay files. */
function formInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' && !(value instanceof File)) continue;
    const listed = /^(\w+)\.(\d{1,2})\.(\w+)$/.exec(key);
    const nested = /^(\w+)\.(\w+)$/.exec(key);
    if (listed) {
      const list = (input[listed[1]!] ??= []) as Record<string, unknown>[];
      (list[Number(listed[2])] ??= {})[listed[3]!] = value;
    } else if (nested) {
      ((input[nested[1]!] ??= {}) as Record<string, unknown>)[nested[2]!] = value;
    } else input[key] = value;
  }
  for (const v of Object.values(input)) if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] ??= {};
  return input;
}

export async function monitoringAction(request: Request, rawId: string | undefined): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const id = planId(rawId);
  const input = formInput(await request.formData());
  const route = WORK_ROUTES.find((r) => r.method === 'POST' && r.path === '/work/plans/:id/monitoring' && r.intent === input.intent);
  if (!route) return data({ ok: false, message: `Unknown action "${String(input.intent ?? '').slice(0, 40)}".` }, { status: 400 });
  requirePermission(user, route.permission!, await districtOfPlan(id));
  const parsed = parseMonitoringCommand(input);
  if (!parsed.ok) return data({ ok: false, message: parsed.message, issues: parsed.issues }, { status: 400 });
  try {
    return { ok: true, ...(await runMonitoringCommand(await getStore(), user, id, parsed.command)) };
  } catch (e) {
    const r = refusalOf(e);
    if (!r) throw e;
    return data(r.result, { status: r.status });
  }
}
