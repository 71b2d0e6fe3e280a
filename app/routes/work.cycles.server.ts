/** The cycles page: each cycle's board, its schedule and guidance, and opening a cycle. */
import { changeCycleSchedule, cycleBoard, listCycles, openCycle } from '../../src/services/plans/index.ts';
import { data } from 'react-router';
import { fiscalYear } from '../../src/domain/time/fiscal-year.ts';
import { parseRubric } from '../../src/domain/workflow/rubric.ts';
import { milestoneId, type Milestone, type MilestoneActor } from '../../src/domain/workflow/schedule.ts';
import { can, PERMISSIONS } from '../../src/domain/auth/permissions.ts';
import { cycleDocuments, formatSize, saveCycleDocument, uploadSettings } from '../../src/services/upload.service.ts';
import { getStore } from '../lib/store.server.ts';
import { routeFor } from '../lib/work-routes.ts';
import { requirePermission, requireUser } from '../lib/session.server.ts';
import { type ActionResult, refusal, type ActionOutcome, txt } from '../lib/work-http.server.ts';

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

/**
 * The state's own milestones from a cycle's form: rows milestones.N.label / actor / date (and the
 * id of one that exists, and "remove"); a blank row is dropped. The schedule check says what is
 * wrong with the rest.
 */
function readMilestones(form: FormData): Milestone[] {
  const rows = new Map<number, Map<string, string>>();
  for (const [key, value] of form.entries()) {
    const m = /^milestones\.(\d{1,2})\.(id|label|actor|date|remove)$/.exec(key);
    if (!m || typeof value !== 'string') continue;
    const i = Number(m[1]);
    if (!rows.has(i)) rows.set(i, new Map());
    rows.get(i)!.set(m[2]!, value.trim());
  }
  const out: Milestone[] = [];
  for (const [, r] of [...rows.entries()].sort(([a], [b]) => a - b)) {
    const label = (r.get('label') ?? '').slice(0, 120);
    if (r.get('remove') === 'on' || (!label && !r.get('date'))) continue;
    out.push({ id: r.get('id') || milestoneId(label) || 'milestone', label, actor: (r.get('actor') ?? 'district') as MilestoneActor, date: (r.get('date') ?? '').slice(0, 10) });
  }
  return out;
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
      const c = await changeCycleSchedule(store, user, Number(form.get('cycleId')), { deadlines: readDeadlines(form), milestones: readMilestones(form), reason: txt(form.get('reason'), 2000), expectedRowVersion: Number(form.get('rowVersion')) });
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
      milestones: readMilestones(form),
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
