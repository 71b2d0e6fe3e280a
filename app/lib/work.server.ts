/**
 * The signed-in area's server side: each page's data and each form action, checked against the
 * route table, run by the workflow services, and turned into HTTP answers (403, 404, 409 with
 * what changed, 400 with the reason).
 */
import { data, redirect } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import { DISTRICT_ROLES, ROLE_LABELS, ROLES, type Grant } from '../../src/domain/auth/permissions.ts';
import { fiscalYear } from '../../src/domain/time/fiscal-year.ts';
import { parseRubric } from '../../src/domain/workflow/rubric.ts';
import { stateLabel } from '../../src/domain/workflow/plan.ts';
import { can, PERMISSIONS } from '../../src/domain/auth/permissions.ts';
import type { User } from '../../src/services/auth.service.ts';
import { exportBudget, formatWorkbookIssue, importBudgetIntoPlan, workbookContextOf, workbookFileName } from '../../src/services/budget-workbook.service.ts';
import { auditOf } from '../../src/services/audit.service.ts';
import { cycleDocuments, formatSize, prepareUpload, readUpload, saveCycleDocument, UploadError, UploadIntegrityError, uploadSettings } from '../../src/services/upload.service.ts';
import { outbox } from '../../src/services/mail.service.ts';
import { delegate, delegationsFrom, revokeDelegation } from '../../src/services/delegation.service.ts';
import { accessTokensOf, createAccessToken, createUser, grantRole, isRole, revokeAccessToken, revokeRole, setAccountStatus } from '../../src/services/auth.service.ts';
import {
  assignReviewers,
  certify,
  changeCycleDeadlines,
  checkBoardApproval,
  comment,
  ConflictError,
  cycleBoard,
  decide,
  diffVersions,
  extendDeadline,
  listCycles,
  openCycle,
  planView,
  plansFor,
  recommend,
  recordBoardApproval,
  releaseFunds,
  requestRevisions,
  saveDraft,
  score,
  startAmendment,
  submit,
  WorkflowError,
  type PlanView,
} from '../../src/services/workflow.service.ts';
import { readBudget, readPlanContent } from './plan-form.server.ts';
import { getStore } from './store.server.ts';
import { routeFor } from './work-routes.ts';
import { publicOrigin, requirePermission, requireUser } from './session.server.ts';
import { separationOfDuties } from './env.server.ts';

/** The outcome of a form action, shown on the page. */
export interface ActionResult {
  readonly ok: boolean;
  readonly message: string;
  readonly issues?: Record<string, string>;
  readonly changes?: readonly string[];
}

/** For loaders: a refusal becomes the error page with its status. */
function fail(e: unknown): never {
  throw refusal(e);
}

/**
 * For actions: a refusal is returned with its status (409 with what changed, 403, 400), so the
 * page shows it beside the form with everything the person typed; anything else is a real error.
 */
function refusal(e: unknown) {
  if (e instanceof ConflictError) return data({ ok: false, message: e.message, changes: e.changes } satisfies ActionResult, { status: 409 });
  if (e instanceof WorkflowError) return data({ ok: false, message: e.message } satisfies ActionResult, { status: e.status });
  if (e instanceof DomainError) return data({ ok: false, message: e.message } satisfies ActionResult, { status: 400 });
  throw e;
}

type ActionOutcome = ActionResult | ReturnType<typeof refusal>;

function planId(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw data('There is no such plan.', { status: 404 });
  return Number(raw);
}

async function districtOfPlan(id: number): Promise<string> {
  const store = await getStore();
  const p = await store.db.selectFrom('plan').select('district_code').where('id', '=', id).executeTakeFirst();
  if (!p) throw data('There is no such plan.', { status: 404 });
  return p.district_code;
}

export function describeGrant(g: Grant): string {
  return `${ROLE_LABELS[g.role]}${g.districtCode ? ` (${g.districtCode})` : ''}${g.delegatedBy !== undefined ? ' — delegated to you for now; what you decide is recorded on the commissioner\'s behalf' : ''}`;
}

export async function homeData(request: Request) {
  const user = await requireUser(request);
  routeFor('GET', '/work');
  const store = await getStore();
  const plans = await plansFor(store.db, user);
  return {
    user: { id: user.id, name: user.name, email: user.email, roles: user.grants.map(describeGrant) },
    plans,
    canBoard: can(user.grants, PERMISSIONS.viewBoardAny),
    canUsers: can(user.grants, PERMISSIONS.manageUsersAny),
    canDelegate: can(user.grants, PERMISSIONS.delegateApprovalAny),
    canOutbox: can(user.grants, PERMISSIONS.viewOutboxAny) && process.env.NODE_ENV !== 'production',
  };
}

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
}

export async function planPageData(request: Request, rawId: string | undefined): Promise<PlanPageData> {
  const user = await requireUser(request);
  const id = planId(rawId);
  const route = routeFor('GET', '/work/plans/:id');
  requirePermission(user, route.permission!, await districtOfPlan(id));
  const store = await getStore();
  const plan = await planView(store.db, user, id).catch(fail);
  const staff = await store.db
    .selectFrom('user_grant')
    .innerJoin('app_user', 'app_user.id', 'user_grant.user_id')
    .select(['app_user.id', 'app_user.name'])
    .where('user_grant.role', '=', 'program-staff')
    .where('app_user.status', '=', 'active')
    .orderBy('app_user.name')
    .execute();
  return {
    user: { id: user.id, name: user.name },
    plan,
    reviewers: [...new Map(staff.map((s) => [Number(s.id), { id: Number(s.id), name: s.name }])).values()],
    canAudit: can(user.grants, PERMISSIONS.viewAuditAny),
    canComment: can(user.grants, PERMISSIONS.commentPlanOwn, plan.districtCode),
    canExtend: can(user.grants, routeFor('POST', '/work/plans/:id', 'extend-deadline').permission!),
    uploadLimit: formatSize(uploadSettings().maxBytes),
    guidance: (await cycleDocuments(store.db, plan.cycle.id)).map((d) => ({ id: d.id, name: d.name, size: formatSize(d.size) })),
  };
}

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? NaN : Number(v));
const txt = (v: FormDataEntryValue | null, max = 5000) => String(v ?? '').slice(0, max);

/** Room for a form's other fields beside its file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * A multipart form larger than a file may be (plus its fields) is refused before it is read
 * into memory: the body is parsed whole. (A body sent without a length is still read whole.)
 */
function oversizeForm(request: Request): ReturnType<typeof refusal> | null {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return null;
  const length = Number(request.headers.get('content-length') ?? 0);
  const { maxBytes } = uploadSettings();
  if (!(length > maxBytes + FORM_OVERHEAD_BYTES)) return null;
  const message = `The file is too large: files may be at most ${formatSize(maxBytes)}. Nothing was recorded.`;
  return data({ ok: false, message, issues: { minutes: `Larger than ${formatSize(maxBytes)}.` } } satisfies ActionResult, { status: 413 });
}

/** One of the plan page's forms, by its intent. */
export async function planAction(request: Request, rawId: string | undefined, user?: User, formData?: FormData): Promise<ActionOutcome> {
  const who = user ?? (await requireUser(request));
  const id = planId(rawId);
  if (!formData) {
    const tooLarge = oversizeForm(request);
    if (tooLarge) return tooLarge;
  }
  const form = formData ?? (await request.formData());
  const intent = String(form.get('intent') ?? '');
  let route;
  try {
    route = routeFor('POST', '/work/plans/:id', intent || 'none');
  } catch {
    throw data({ ok: false, message: `Unknown action "${intent.slice(0, 40)}".` } satisfies ActionResult, { status: 400 });
  }
  requirePermission(who, route.permission!, await districtOfPlan(id));
  const store = await getStore();
  const rowVersion = form.has('rowVersion') ? num(form.get('rowVersion')) : undefined;
  const expected = rowVersion !== undefined && Number.isFinite(rowVersion) ? rowVersion : undefined;
  try {
    switch (intent) {
      case 'save': {
        const { content, issues } = readPlanContent(form);
        if (Object.keys(issues).length) return { ok: false, message: 'Some fields need attention; nothing was saved.', issues };
        const current = await planView(store.db, who, id);
        await saveDraft(store, who, id, { content, budget: current.budget, expectedRowVersion: expected ?? -1 });
        return { ok: true, message: 'Saved as a new version.' };
      }
      case 'record-board-approval': {
        const vote = { meetingDate: txt(form.get('meetingDate'), 10), votesFor: num(form.get('votesFor')), votesAgainst: num(form.get('votesAgainst')), abstentions: num(form.get('abstentions')) || 0 };
        // A wrong date or vote keeps no file; then the minutes, then the vote that points at them.
        checkBoardApproval(vote);
        const minutes = form.get('minutes');
        if (!(minutes instanceof File) || (minutes.size === 0 && !minutes.name)) {
          return { ok: false, message: 'Attach the minutes of the board meeting. Nothing was recorded.', issues: { minutes: 'Required.' } };
        }
        let prepared;
        try {
          prepared = await prepareUpload({ name: minutes.name, bytes: new Uint8Array(await minutes.arrayBuffer()) });
        } catch (e) {
          if (!(e instanceof UploadError)) throw e;
          return data({ ok: false, message: `${e.message} Nothing was recorded.`, issues: { minutes: e.short } } satisfies ActionResult, { status: e.status });
        }
        // The minutes are kept with the vote, in its transaction: a refused vote keeps no file.
        try {
          await recordBoardApproval(store, who, id, { ...vote, minutesUploadId: null, minutes: prepared }, expected);
        } catch (e) {
          if (e instanceof UploadError) return data({ ok: false, message: `${e.message} Nothing was recorded.`, issues: { minutes: e.short } } satisfies ActionResult, { status: e.status });
          throw e;
        }
        const upload = prepared.checked;
        return { ok: true, message: `The board's approval is recorded, with the minutes (${upload.name}).` };
      }
      case 'certify':
        if (form.get('assurances') !== 'on') return { ok: false, message: 'Accept the assurances to sign.', issues: { assurances: 'Required.' } };
        await certify(store, who, id, txt(form.get('typedName'), 200), expected);
        return { ok: true, message: 'Signed: this exact version is certified.' };
      case 'submit':
        await submit(store, who, id, expected);
        return { ok: true, message: 'Submitted to the state. The plan is locked.' };
      case 'assign-reviewers': {
        const ids = form.getAll('reviewers').map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0);
        await assignReviewers(store, who, id, ids, expected);
        return { ok: true, message: 'Reviewers assigned.' };
      }
      case 'score':
        await score(store, who, id, { section: txt(form.get('section'), 40), score: num(form.get('score')), comment: txt(form.get('comment')) });
        return { ok: true, message: 'Score recorded.' };
      case 'request-revisions':
        await requestRevisions(store, who, id, txt(form.get('message')), expected);
        return { ok: true, message: 'Sent back to the district with your comments.' };
      case 'recommend':
        await recommend(store, who, id, txt(form.get('note')), expected);
        return { ok: true, message: 'Recommended to the commissioner.' };
      case 'approve':
      case 'approve-with-conditions':
      case 'deny':
        await decide(store, who, id, intent, { conditions: txt(form.get('conditions')) || undefined }, expected);
        return { ok: true, message: intent === 'deny' ? 'The plan is denied.' : 'The plan is approved and published.' };
      case 'release-funds':
        await releaseFunds(store, who, id, { date: txt(form.get('date'), 10) }, expected);
        return { ok: true, message: 'The release of the withheld funds is recorded.' };
      case 'start-amendment':
        await startAmendment(store, who, id, expected);
        return { ok: true, message: 'An amendment is open as a new draft.' };
      case 'extend-deadline': {
        const date = txt(form.get('date'), 10);
        // Not an edit of the plan: its row version is not needed (a stale form's date is still the one meant).
        await extendDeadline(store, who, id, { deadline: txt(form.get('deadline'), 20), date, reason: txt(form.get('reason'), 2000) });
        return { ok: true, message: `The deadline is extended to ${date} for this district; its people are told.` };
      }
      case 'comment':
        await comment(store, who, id, { body: txt(form.get('body')), section: txt(form.get('section'), 40) || null, internal: form.get('internal') === 'on', parentId: /^\d{1,9}$/.test(txt(form.get('parentId'), 12)) ? Number(form.get('parentId')) : null });
        return { ok: true, message: form.get('parentId') ? 'Reply posted.' : 'Comment posted.' };
      default:
        throw data({ ok: false, message: `Unknown action "${intent.slice(0, 40)}".` }, { status: 400 });
    }
  } catch (e) {
    return refusal(e);
  }
}

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

/** "attachment" with the stored name: plain ASCII for old clients, UTF-8 (RFC 6266) for the rest. */
function attachment(name: string): string {
  const plain = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/**
 * A file of a plan (the board's minutes), for those who may see the plan: the permission is
 * checked on the plan before anything is said about the file. Served as a download with its
 * stored type, never sniffed or cached; a copy that no longer matches its hash is not served.
 */
export async function uploadDownload(request: Request, rawId: string | undefined, rawUploadId: string | undefined): Promise<Response> {
  return planFile(request, rawId, rawUploadId, '/work/plans/:id/uploads/:upload', async (id) => ({ planId: id }));
}

/** A guidance document of the plan's cycle, for those who may see the plan. */
export async function guidanceDownload(request: Request, rawId: string | undefined, rawUploadId: string | undefined): Promise<Response> {
  return planFile(request, rawId, rawUploadId, '/work/plans/:id/guidance/:upload', async (id) => {
    const store = await getStore();
    const p = await store.db.selectFrom('plan').select('cycle_id').where('id', '=', id).executeTakeFirstOrThrow();
    return { cycleId: p.cycle_id };
  });
}

async function planFile(request: Request, rawId: string | undefined, rawUploadId: string | undefined, path: string, scope: (planId: number) => Promise<{ planId?: number; cycleId?: number }>): Promise<Response> {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', path).permission!, await districtOfPlan(id));
  if (!rawUploadId || !/^\d{1,9}$/.test(rawUploadId)) throw data('There is no such file.', { status: 404 });
  const store = await getStore();
  let file;
  try {
    file = await readUpload(store.db, Number(rawUploadId), await scope(id));
  } catch (e) {
    if (e instanceof UploadIntegrityError) {
      console.error(`upload ${e.uploadId}: ${e.message}`);
      throw data('The stored copy of this file no longer matches the file that was uploaded, so it is not served. The problem is logged; an administrator needs to restore the file.', { status: 500 });
    }
    fail(e);
  }
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.size),
      'Content-Disposition': attachment(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

export async function diffData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/diff').permission!, await districtOfPlan(id));
  const url = new URL(request.url);
  const store = await getStore();
  const view = await planView(store.db, user, id).catch(fail);
  const from = Number(url.searchParams.get('from') ?? view.approvedVersion ?? 1);
  const to = Number(url.searchParams.get('to') ?? view.version);
  if (!Number.isInteger(from) || !Number.isInteger(to)) throw data('"from" and "to" must be version numbers.', { status: 400 });
  return { plan: { id, districtName: view.districtName, version: view.version }, diff: await diffVersions(store.db, id, from, to).catch(fail) };
}

export async function auditData(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = planId(rawId);
  requirePermission(user, routeFor('GET', '/work/plans/:id/audit').permission!, await districtOfPlan(id));
  const store = await getStore();
  const events = await auditOf(store.db, `plan:${id}`);
  const names = new Map((await store.db.selectFrom('app_user').select(['id', 'name']).execute()).map((u) => [`user:${u.id}`, u.name]));
  return { planId: id, events: events.map((e) => ({ ...e, actorName: names.get(e.actor) ?? e.actor, onBehalfOfName: e.onBehalfOf ? (names.get(e.onBehalfOf) ?? e.onBehalfOf) : null })) };
}

export async function cyclesData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/cycles').permission!);
  const store = await getStore();
  const cycles = await listCycles(store.db);
  const boards = await Promise.all(
    cycles.map(async (c) => ({ cycle: c, rows: await cycleBoard(store.db, c.id), guidance: (await cycleDocuments(store.db, c.id)).map((d) => ({ id: d.id, name: d.name, size: formatSize(d.size) })) })),
  );
  return { boards, canOpen: can(user.grants, PERMISSIONS.manageCycleAny), uploadLimit: formatSize(uploadSettings().maxBytes) };
}

/** A cycle's five deadlines from its form. */
function readDeadlines(form: FormData) {
  return { draft: txt(form.get('draft'), 10), board: txt(form.get('board'), 10), submission: txt(form.get('submission'), 10), review: txt(form.get('review'), 10), decision: txt(form.get('decision'), 10) };
}

export async function cyclesAction(request: Request): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'open' && intent !== 'guidance' && intent !== 'deadlines') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/cycles', intent).permission!);
  const store = await getStore();
  if (intent === 'deadlines') {
    try {
      const c = await changeCycleDeadlines(store, user, Number(form.get('cycleId')), { deadlines: readDeadlines(form), reason: txt(form.get('reason'), 2000), expectedRowVersion: Number(form.get('rowVersion')) });
      return { ok: true, message: `The FY${c.fiscalYear} deadlines are changed; the districts still working on their plans are told.` };
    } catch (e) {
      return refusal(e);
    }
  }
  if (intent === 'guidance') {
    const file = form.get('document');
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: 'Choose the document to add.', issues: { document: 'Required.' } };
    try {
      const doc = await saveCycleDocument(store, user, Number(form.get('cycleId')), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return { ok: true, message: `"${doc.name}" is added to the cycle's guidance; every plan's page links to it.` };
    } catch (e) {
      return refusal(e);
    }
  }
  const fy = Number(form.get('fiscalYear'));
  const deadlines = readDeadlines(form);
  for (const [k, v] of Object.entries(deadlines)) if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ok: false, message: `Give the ${k} deadline as a date.`, issues: { [k]: 'A date is required.' } };
  const share = Number(form.get('substantialMajority'));
  const rubric = parseRubric(txt(form.get('rubric'), 10_000));
  if (!rubric.ok) return { ok: false, message: 'The rubric needs attention; the cycle is not open yet.', issues: { rubric: rubric.problems.join(' ') } };
  const reminderText = txt(form.get('reminderDays'), 40).trim();
  const reminderDays = reminderText ? reminderText.split(/[\s,]+/).filter(Boolean).map(Number) : [];
  if (reminderDays.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) return { ok: false, message: 'Reminder days are whole numbers from 1 to 60, e.g. "7, 1".', issues: { reminderDays: 'Whole numbers, 1 to 60.' } };
  try {
    await openCycle(store, user, {
      fiscalYear: fiscalYear(fy),
      deadlines,
      settings: {
        substantialMajority: Number.isFinite(share) ? share / 100 : 0.5,
        noAllocationPolicy: form.get('noAllocationPolicy') === 'plan-required' ? 'plan-required' : 'plan-optional',
        rubric: rubric.rubric,
        reminderDays,
      },
    });
  } catch (e) {
    return refusal(e);
  }
  return { ok: true, message: `The FY${fy} cycle is open.` };
}

export async function outboxData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/outbox').permission!);
  if (process.env.NODE_ENV === 'production') throw data('The outbox page is for development only.', { status: 404 });
  return { messages: await outbox((await getStore()).db) };
}

export async function tokensData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/tokens').permission!);
  return { tokens: await accessTokensOf((await getStore()).db, user.id) };
}

export async function tokensAction(request: Request): Promise<ActionResult & { token?: string }> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'create' && intent !== 'revoke') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/tokens', intent).permission!);
  const store = await getStore();
  if (intent === 'revoke') {
    try {
      await revokeAccessToken(store, user.id, Number(form.get('id')));
    } catch (e) {
      return refusal(e) as never;
    }
    return { ok: true, message: 'The token is revoked: programs using it are refused from now on.' };
  }
  const name = txt(form.get('name'), 80).trim();
  if (!name) return { ok: false, message: 'Name the token (what will use it).', issues: { name: 'Required.' } };
  const scope = form.get('scope') === 'read' ? 'read' : 'workflow';
  const token = await createAccessToken(store, user.id, name, 90, scope);
  return { ok: true, message: 'Copy the token now: it is shown only once.', token };
}

export function redirectToSignIn(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/work/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function usersData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/users').permission!);
  const store = await getStore();
  const users = await store.db.selectFrom('app_user').select(['id', 'email', 'name', 'status', 'locked_until']).orderBy('name').execute();
  const grants = await store.db.selectFrom('user_grant').select(['user_id', 'role', 'district_code']).execute();
  const districts = await store.db.selectFrom('district').select(['code', 'name']).orderBy('name').execute();
  const names = new Map(districts.map((d) => [d.code, d.name]));
  return {
    me: user.id,
    roles: ROLES.map((r) => ({ id: r, label: ROLE_LABELS[r], district: DISTRICT_ROLES.has(r) })),
    districts,
    users: users.map((u) => ({
      id: Number(u.id),
      email: u.email,
      name: u.name,
      status: u.status,
      locked: u.locked_until !== null && u.locked_until > new Date().toISOString(),
      grants: grants
        .filter((g) => Number(g.user_id) === Number(u.id))
        .map((g) => ({ role: g.role, districtCode: g.district_code, label: `${ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? g.role}${g.district_code ? ` — ${names.get(g.district_code) ?? g.district_code}` : ''}` })),
    })),
  };
}

/** A role from a form: a known role, and a district that exists when the role needs one. */
async function grantFromForm(form: FormData): Promise<Grant | string> {
  const role = txt(form.get('role'), 40);
  if (!isRole(role)) return `Choose a role.`;
  const code = txt(form.get('district'), 20).trim() || null;
  if (DISTRICT_ROLES.has(role)) {
    if (!code) return `The role "${ROLE_LABELS[role]}" needs a district.`;
    const store = await getStore();
    if (!(await store.db.selectFrom('district').select('code').where('code', '=', code).executeTakeFirst())) return `There is no district with code "${code}".`;
    return { role, districtCode: code };
  }
  return { role, districtCode: null };
}

export async function usersAction(request: Request): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (!['invite', 'grant', 'revoke', 'disable', 'enable'].includes(intent)) throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/users', intent).permission!);
  const store = await getStore();
  if (intent === 'disable' || intent === 'enable') {
    const target = Number(form.get('userId'));
    if (!Number.isInteger(target)) return { ok: false, message: 'There is no such account.' };
    try {
      await setAccountStatus(store, `user:${user.id}`, target, intent === 'disable' ? 'disabled' : 'active');
    } catch (e) {
      return refusal(e);
    }
    return { ok: true, message: intent === 'disable' ? 'The account is disabled: its sessions ended and its access tokens are revoked.' : 'The account is enabled again.' };
  }
  const grant = await grantFromForm(form);
  if (typeof grant === 'string') return { ok: false, message: grant, issues: { role: grant } };
  const actor = `user:${user.id}`;
  try {
    if (intent === 'invite') {
      const r = await createUser(store, actor, { email: txt(form.get('email'), 200), name: txt(form.get('name'), 200), grants: [grant] }, { baseUrl: publicOrigin(request) });
      return { ok: true, message: `${r.user.name} is invited: an e-mail with a link to choose a password is on its way to ${r.user.email}.` };
    }
    const target = Number(form.get('userId'));
    if (!Number.isInteger(target) || !(await store.db.selectFrom('app_user').select('id').where('id', '=', target).executeTakeFirst())) {
      return { ok: false, message: 'There is no such account.' };
    }
    if (intent === 'grant') {
      await grantRole(store, actor, target, grant, { separationOfDuties: separationOfDuties(process.env) });
      return { ok: true, message: 'The role is granted.' };
    }
    if (target === user.id && grant.role === 'state-admin') return { ok: false, message: 'You cannot remove your own administrator role; ask another administrator.' };
    await revokeRole(store, actor, target, grant);
    return { ok: true, message: 'The role is removed.' };
  } catch (e) {
    return refusal(e);
  }
}

export async function delegationData(request: Request) {
  const user = await requireUser(request);
  requirePermission(user, routeFor('GET', '/work/delegation').permission!);
  const store = await getStore();
  const staff = await store.db
    .selectFrom('user_grant')
    .innerJoin('app_user', 'app_user.id', 'user_grant.user_id')
    .select(['app_user.id', 'app_user.name', 'user_grant.role'])
    .where('user_grant.role', 'in', ['program-staff', 'state-admin', 'commissioner'])
    .where('app_user.status', '=', 'active')
    .where('app_user.id', '!=', user.id)
    .orderBy('app_user.name')
    .execute();
  return {
    staff: [...new Map(staff.map((s) => [Number(s.id), { id: Number(s.id), name: s.name }])).values()],
    delegations: await delegationsFrom(store.db, user.id),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function delegationAction(request: Request): Promise<ActionOutcome> {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent !== 'delegate' && intent !== 'revoke') throw data({ ok: false, message: 'Unknown action.' } satisfies ActionResult, { status: 400 });
  requirePermission(user, routeFor('POST', '/work/delegation', intent).permission!);
  const store = await getStore();
  try {
    if (intent === 'revoke') {
      await revokeDelegation(store, user, Number(form.get('id')));
      return { ok: true, message: 'The delegation is revoked.' };
    }
    const d = await delegate(store, user, { toUserId: Number(form.get('to')), startsOn: txt(form.get('startsOn'), 10), endsOn: txt(form.get('endsOn'), 10), reason: txt(form.get('reason'), 500) });
    return { ok: true, message: `${d.to.name} may decide on your behalf from ${d.startsOn} to ${d.endsOn}.` };
  } catch (e) {
    return refusal(e);
  }
}
