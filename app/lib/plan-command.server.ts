/**
 * A plan command from a page's form or the API's JSON body, run the same way: the route's
 * permission (work-routes.ts) on the plan's district, the one command schema, the command. The
 * answer is a status and what the person is told; each edge renders it (a page, JSON).
 */
import { can } from '../../src/domain/auth/permissions.ts';
import type { User } from '../../src/services/auth.service.ts';
import { parsePlanCommand, runPlanCommand } from '../../src/services/plans/index.ts';
import { readPlanContent } from './plan-form.server.ts';
import { getStore } from './store.server.ts';
import { type ActionResult, districtOfPlan, refusalOf } from './work-http.server.ts';
import { WORK_ROUTES } from './work-routes.ts';

export interface CommandAnswer {
  readonly status: number;
  readonly result: ActionResult;
}

/**
 * A form's fields as the command schema reads them: one value per field, a list where a field
 * repeats (or is a list, like the reviewers), files as files. The plan form's sections are read
 * into the plan's content, field by field, so a bad goal is reported where it was typed.
 */
export function commandFromForm(form: FormData): { input: Record<string, unknown>; issues: Record<string, string> } {
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    input[key] = values.length > 1 || key === 'reviewers' ? values : values[0];
  }
  if (input.intent !== 'save') return { input, issues: {} };
  const { content, issues } = readPlanContent(form);
  return { input: { intent: 'save', rowVersion: input.rowVersion, content }, issues };
}

export async function planCommand(user: User, planId: number, input: unknown, formIssues: Record<string, string> = {}): Promise<CommandAnswer> {
  const intent = input && typeof input === 'object' ? (input as { intent?: unknown }).intent : undefined;
  const route = WORK_ROUTES.find((r) => r.method === 'POST' && r.path === '/work/plans/:id' && r.intent === intent);
  if (!route) return { status: 400, result: { ok: false, message: `Unknown action "${String(intent ?? '').slice(0, 40)}".` } };
  if (!can(user.grants, route.permission!, await districtOfPlan(planId))) return { status: 403, result: { ok: false, message: 'You do not have permission to do this.' } };
  if (Object.keys(formIssues).length) return { status: 400, result: { ok: false, message: 'Some fields need attention; nothing was saved.', issues: formIssues } };
  const parsed = parsePlanCommand(input);
  if (!parsed.ok) return { status: 400, result: { ok: false, message: parsed.message, issues: parsed.issues } };
  try {
    const { message } = await runPlanCommand(await getStore(), user, planId, parsed.command);
    return { status: 200, result: { ok: true, message } };
  } catch (e) {
    const r = refusalOf(e);
    if (!r) throw e;
    return r;
  }
}
