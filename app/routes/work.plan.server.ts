/** The plan page: everything about a plan the person may see, and its forms, each a plan command. */
import { data } from 'react-router';
import { can, PERMISSIONS } from '../../src/domain/auth/permissions.ts';
import { peopleWithRole } from '../../src/data/user.repository.ts';
import { getCycle, planView, type PlanView } from '../../src/services/plans/index.ts';
import { latestApprovedPlanBefore } from '../../src/data/plan.repository.ts';
import type { Executor } from '../../src/data/batch.ts';
import { annualReviewOf, type AnnualReview } from '../../src/services/monitoring/index.ts';
import { cycleDocuments, formatSize, uploadSettings } from '../../src/services/upload.service.ts';
import { commandFromForm, planCommand } from '../lib/plan-command.server.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { fail, type ActionOutcome, planId, districtOfPlan, oversizeForm } from '../lib/work-http.server.ts';

export interface PlanPageData {
  readonly user: { id: number; name: string };
  readonly plan: PlanView;
  readonly reviewers: readonly { id: number; name: string }[];
  readonly canAudit: boolean;
  readonly canComment: boolean;
  /** A state administrator may give this district a later deadline. */
  readonly canExtend: boolean;
  /** The largest file the minutes may be (UPLOAD_MAX_BYTES), in words. */
  readonly uploadLimit: string;
  /** The cycle's guidance documents. */
  readonly guidance: readonly { id: number; name: string; size: string }[];
  /** The district's previous approved plan and its annual review (what this plan starts from). */
  readonly prior: { readonly planId: number; readonly fiscalYear: number; readonly review: AnnualReview | null } | null;
}

export async function planPageData(request: Request, rawId: string | undefined): Promise<PlanPageData> {
  const user = await requireUser(request);
  const id = planId(rawId);
  const route = routeFor('GET', '/work/plans/:id');
  requirePermission(user, route.permission!, await districtOfPlan(id));
  const store = await getStore();
  const plan = await planView(store.db, user, id).catch(fail);
  const staff = (await peopleWithRole(store.db, ['program-staff'])).sort((a, b) => a.name.localeCompare(b.name));
  return {
    user: { id: user.id, name: user.name },
    plan,
    reviewers: [...new Map(staff.map((s) => [s.id, { id: s.id, name: s.name }])).values()],
    canAudit: can(user.grants, PERMISSIONS.viewAuditAny),
    canComment: can(user.grants, PERMISSIONS.commentPlanOwn, plan.districtCode),
    canExtend: can(user.grants, routeFor('POST', '/work/plans/:id', 'extend-deadline').permission!),
    uploadLimit: formatSize(uploadSettings().maxBytes),
    guidance: (await cycleDocuments(store.db, plan.cycle.id)).map((d) => ({ id: d.id, name: d.name, size: formatSize(d.size) })),
    prior: await priorOf(store.db, plan),
  };
}

async function priorOf(db: Executor, plan: PlanView): Promise<PlanPageData['prior']> {
  const prior = await latestApprovedPlanBefore(db, plan.districtCode, plan.cycle.fiscalYear);
  if (!prior) return null;
  const cycle = await getCycle(db, prior.cycle_id);
  return { planId: prior.id, fiscalYear: cycle?.fiscalYear ?? 0, review: await annualReviewOf(db, prior.id) };
}

/** One of the plan page's forms: a plan command, as the API runs it. */
export async function planAction(request: Request, rawId: string | undefined): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const id = planId(rawId);
  const tooLarge = oversizeForm(request);
  if (tooLarge) return tooLarge;
  const { input, issues } = commandFromForm(await request.formData());
  const answer = await planCommand(user, id, input, issues);
  return answer.status === 200 ? answer.result : data(answer.result, { status: answer.status });
}
