/** The budget page and its workbook: the lines by form or from an .xlsx, and the workbook to download. */
import { planView, saveDraft, type PlanView } from '../../src/services/plans/index.ts';
import { data } from 'react-router';
import { stateLabel } from '../../src/domain/workflow/plan.ts';
import { exportBudget, formatWorkbookIssue, importBudgetIntoPlan, workbookContextOf, workbookFileName } from '../../src/services/budget-workbook.service.ts';
import { readBudget } from '../lib/plan-form.server.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { type ActionResult, fail, refusal, type ActionOutcome, planId, districtOfPlan, FORM_OVERHEAD_BYTES } from '../lib/work-http.server.ts';

export async function budgetPageData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/budget').permission!, await districtOfPlan(id));
  const store = await getStore();
  return { plan: await planView(store.db, user, id).catch(fail) };
}

/** The largest budget workbook file accepted (compressed); what it unpacks to is limited too (WORKBOOK_LIMITS). */
const WORKBOOK_MAX_BYTES = 5 * 1024 * 1024;

export async function budgetAction(request: Request, rawId: string | undefined): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const id = planId(rawId);
  // A body far larger than a workbook is refused before it is read.
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data') && Number(request.headers.get('content-length') ?? 0) > WORKBOOK_MAX_BYTES + FORM_OVERHEAD_BYTES) {
    return data({ ok: false, message: 'The workbook is larger than 5 MB; is it the right file? Nothing was imported.' } satisfies ActionResult, { status: 413 });
  }
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'save' && intent !== 'import') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/plans/:id/budget', intent).permission!, await districtOfPlan(id));
  const store = await getStore();
  const view = await planView(store.db, user, id).catch(fail);
  const expected = Number(form.get('rowVersion'));
  // A plan that cannot be changed now: say so, and never open the workbook.
  if (!view.actions.includes('save')) {
    return data({ ok: false, message: `The plan is ${stateLabel(view.state)}; its budget cannot be changed now. Nothing was ${intent === 'import' ? 'imported' : 'saved'}.` } satisfies ActionResult, { status: 409 });
  }
  let lines;
  let warnings: string[] = [];
  if (intent === 'import') {
    const file = form.get('workbook');
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: 'Choose the workbook (.xlsx) to upload.' };
    if (file.size > WORKBOOK_MAX_BYTES) return { ok: false, message: 'The workbook is larger than 5 MB; is it the right file?' };
    const result = await importBudgetIntoPlan(store.db, view, new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return { ok: false, message: 'The workbook has problems; nothing was imported.', changes: result.issues.map(formatWorkbookIssue) };
    ({ lines, warnings } = result);
  } else {
    const read = readBudget(form);
    if (Object.keys(read.issues).length) return { ok: false, message: 'Some lines need attention; nothing was saved.', issues: read.issues };
    lines = read.lines;
  }
  try {
    await saveDraft(store, user, id, { content: view.content, budget: lines, expectedRowVersion: Number.isFinite(expected) ? expected : -1 });
  } catch (e) {
    return refusal(e);
  }
  return { ok: true, message: intent === 'import' ? `Imported ${lines.length} lines from the workbook as a new version.` : 'Budget saved as a new version.', changes: warnings };
}

function workbookContext(view: PlanView) {
  return workbookContextOf(view);
}

export async function budgetWorkbook(request: Request, rawId: string | undefined): Promise<Response> {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/budget.xlsx').permission!, await districtOfPlan(id));
  const store = await getStore();
  const view = await planView(store.db, user, id).catch(fail);
  const buffer = await exportBudget(view.budget, workbookContext(view));
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${workbookFileName(workbookContext(view).plan!)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
