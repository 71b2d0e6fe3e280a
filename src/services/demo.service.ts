/**
 * Demo accounts for every role and a sample FY2026 cycle with plans in several states, so the
 * embedded default shows the whole workflow: `alliance seed --demo`. Refused in production.
 * Every demo account's password is DEMO_PASSWORD (documented in the README).
 */
import type { Store } from '../data/database.ts';
import { schoolsOf, type School } from '../data/district.repository.ts';
import type { Grant } from '../domain/auth/permissions.ts';
import type { DistrictCode } from '../domain/district.ts';
import { DomainError } from '../domain/errors.ts';
import { cents, type Cents } from '../domain/money/cents.ts';
import { fiscalYear, type IsoDate } from '../domain/time/fiscal-year.ts';
import type { BudgetLine, FundingArea } from '../domain/workflow/budget.ts';
import { ALL_SCHOOLS, type PlanContent } from '../domain/workflow/content.ts';
import { createUser, userByEmail, type User } from './auth.service.ts';
import {
  assignReviewers,
  certify,
  decide,
  listCycles,
  openCycle,
  planView,
  recommend,
  recordBoardApproval,
  releaseFunds,
  requestRevisions,
  saveDraft,
  score,
  submit,
  type Deadlines,
  changeCycleSchedule,
  getCycle,
} from './plans/index.ts';
import { addConditionEvidence, completeFollowUp, recordAnnualReview, decideRevision, importExpenditures, requestRevision, monitoringOf, proposeAgendaItem, recordGoalValue, recordMeeting, reviewConditionItem, scheduleMeeting, setImplementation } from './monitoring/index.ts';
import { MONITORING_MILESTONES } from '../domain/workflow/monitoring.ts';

export const DEMO_PASSWORD = 'demo-password-for-testing';
export const DEMO_DOMAIN = 'demo.alliance.test';

export const DEMO_ACCOUNTS: readonly { email: string; name: string; grants: Grant[] }[] = [
  { email: `admin@${DEMO_DOMAIN}`, name: 'Avery Admin', grants: [{ role: 'state-admin', districtCode: null }] },
  { email: `reviewer@${DEMO_DOMAIN}`, name: 'Riley Reviewer', grants: [{ role: 'program-staff', districtCode: null }] },
  { email: `reviewer2@${DEMO_DOMAIN}`, name: 'Robin Reviewer', grants: [{ role: 'program-staff', districtCode: null }] },
  { email: `commissioner@${DEMO_DOMAIN}`, name: 'Casey Commissioner', grants: [{ role: 'commissioner', districtCode: null }] },
  { email: `editor.hartford@${DEMO_DOMAIN}`, name: 'Emery Editor', grants: [{ role: 'district-editor', districtCode: '0640011' }] },
  { email: `superintendent.hartford@${DEMO_DOMAIN}`, name: 'Sam Superintendent', grants: [{ role: 'district-representative', districtCode: '0640011' }] },
  { email: `board.hartford@${DEMO_DOMAIN}`, name: 'Blair Boardmember', grants: [{ role: 'district-viewer', districtCode: '0640011' }] },
  {
    email: `superintendent.multi@${DEMO_DOMAIN}`,
    name: 'Morgan Multi',
    grants: [
      { role: 'district-representative', districtCode: '0020011' },
      { role: 'district-representative', districtCode: '0370011' },
    ],
  },
  { email: `editor.bridgeport@${DEMO_DOMAIN}`, name: 'Bailey Bridgeport', grants: [{ role: 'district-representative', districtCode: '0150011' }] },
];

export const DEMO_DEADLINES: Deadlines = { draft: '2025-07-15', board: '2025-08-01', submission: '2025-08-15', review: '2025-09-15', decision: '2025-10-01' };

/**
 * A complete sample plan: goals, strategies, tiered interventions, a narrative. The tier 3 reading
 * block goes to the first two of the district's schools in the directory that teach grades K-3 —
 * the first by name, for the demo: the sources have no school-level results to choose the
 * lowest-performing by.
 */
export function samplePlanContent(districtName: string, schools: readonly Pick<School, 'name' | 'grades'>[] = []): PlanContent {
  const intensive = schools.filter((s) => /^(PK|K|[123])-/.test(s.grades ?? '') && s.grades !== 'PK-PK').slice(0, 2).map((s) => s.name);
  return {
    needsAssessment: `${districtName}'s accountability index is below the state's, chronic absenteeism is above 20% in several schools, and fewer than half of students in grades 3-8 meet the ELA standard. The district reviewed its data with school leaders and families in the spring.`,
    goals: [
      { id: 'g1', indicator: 'ela', description: 'Raise the ELA performance index', baseline: 52.1, target: 56 },
      { id: 'g2', indicator: 'chronic-absenteeism', description: 'Reduce chronic absenteeism', baseline: 24.3, target: 19 },
    ],
    strategies: [
      { id: 'k3-reading', statutory: 'k3-reading', title: 'K-3 foundational reading', description: 'Reading interventionists and coaching in every elementary school.' },
      { id: 'wraparound', statutory: 'wraparound', title: 'Attendance and family engagement', description: 'Attendance teams and home visits with community partners.' },
      { id: 'talent', statutory: 'talent', title: 'Talent strategy', description: 'TEAM mentor stipends and a teacher residency.' },
    ],
    interventions: [
      { school: ALL_SCHOOLS, tier: 1, description: 'Universal screening three times a year.' },
      ...(intensive.length ? intensive : ['Lowest-performing elementary schools']).map((school) => ({ school, tier: 3 as const, description: 'Daily small-group reading intervention and an attendance coordinator.' })),
    ],
    narrative: `Most of ${districtName}'s alliance funds pay for people who work directly with students: reading interventionists in the schools with the lowest ELA results and attendance coordinators where chronic absenteeism is highest. The rest trains teachers and pays for benchmark assessments that show, three times a year, whether the work is moving the goals.`,
  };
}

/** A budget that adds up exactly to the allocation, mostly new and extended reform efforts. */
export function sampleBudget(allocation: Cents): BudgetLine[] {
  const parts: [string, FundingArea, string, string, number, BudgetLine['effort'], number][] = [
    ['b1', 'staffing-direct-service', '112', 'Reading interventionists', 0.42, 'new', 12],
    ['b2', 'staffing-direct-service', '119', 'Attendance coordinators', 0.14, 'extension', 5],
    ['b3', 'benefits', '200', 'Benefits for alliance-funded staff', 0.2, 'new', 0],
    ['b4', 'professional-development', '322', 'Coaching and mentor stipends', 0.12, 'extension', 0],
    ['b5', 'progress-monitoring', '530', 'Benchmark assessment software', 0.07, 'existing', 0],
    ['b6', 'supplies', '611', 'Intervention materials', 0.05, 'new', 0],
  ];
  const strategy: Record<string, string> = { b1: 'k3-reading', b2: 'wraparound', b3: 'k3-reading', b4: 'talent', b5: 'k3-reading', b6: 'k3-reading' };
  let used = 0;
  return parts.map(([id, area, objectCode, description, share, effort, fte], i) => {
    const amount = i === parts.length - 1 ? allocation - used : Math.round((allocation * share) / 100) * 100;
    used += amount;
    return { id, area, objectCode, description, school: null, strategy: strategy[id]!, fte, amountCents: cents(amount), effort };
  });
}

async function demoUser(store: Store, email: string): Promise<User> {
  return (await userByEmail(store.db, email))!;
}

/**
 * Creates the demo accounts and the sample FY2026 cycle: Hartford approved with funds released,
 * Bridgeport in review, Ansonia sent back for revisions, Derby certified and ready to submit, the
 * rest drafts. Idempotent: accounts and the cycle that exist are kept.
 */
export async function seedDemo(store: Store, env: Readonly<Record<string, string | undefined>>, options: { monitoring?: boolean } = {}): Promise<{ accounts: number; cycle: number }> {
  if (env.NODE_ENV === 'production') throw new DomainError('refused', 'Demo accounts are refused when NODE_ENV=production.');
  let accounts = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await userByEmail(store.db, a.email)) continue;
    await createUser(store, 'system:demo', { ...a, password: DEMO_PASSWORD });
    accounts++;
  }
  const admin = await demoUser(store, `admin@${DEMO_DOMAIN}`);
  const existing = (await listCycles(store.db)).find((c) => c.fiscalYear === 2026);
  const cycle = existing ?? (await openCycle(store, admin, { fiscalYear: fiscalYear(2026), deadlines: DEMO_DEADLINES }));
  if (existing) return { accounts, cycle: cycle.id };

  const reviewer = await demoUser(store, `reviewer@${DEMO_DOMAIN}`);
  const reviewer2 = await demoUser(store, `reviewer2@${DEMO_DOMAIN}`);
  const commissioner = await demoUser(store, `commissioner@${DEMO_DOMAIN}`);
  const hartfordRep = await demoUser(store, `superintendent.hartford@${DEMO_DOMAIN}`);
  const multi = await demoUser(store, `superintendent.multi@${DEMO_DOMAIN}`);
  const bridgeport = await demoUser(store, `editor.bridgeport@${DEMO_DOMAIN}`);
  const plans = await store.db.selectFrom('plan').select(['id', 'district_code']).where('cycle_id', '=', cycle.id).execute();
  const planOf = (code: string) => Number(plans.find((p) => p.district_code === code)!.id);

  const prepare = async (user: User, code: DistrictCode | string, name: string) => {
    const id = planOf(code);
    const view = await planView(store.db, user, id);
    await saveDraft(store, user, id, { content: samplePlanContent(name, await schoolsOf(store.db, view.districtCode)), budget: sampleBudget(view.allocationCents), expectedRowVersion: view.rowVersion });
    await recordBoardApproval(store, user, id, { meetingDate: '2025-07-28', votesFor: 7, votesAgainst: 1, abstentions: 1, minutesUploadId: null });
    await certify(store, user, id, user.name);
    return id;
  };

  // Hartford: the whole path, funds released.
  const hartford = await prepare(hartfordRep, '0640011', 'Hartford');
  await submit(store, hartfordRep, hartford);
  await assignReviewers(store, reviewer, hartford, [reviewer.id, reviewer2.id]);
  await score(store, reviewer, hartford, { section: 'budget', score: 3, comment: 'Costs are tied to the goals.' });
  await recommend(store, reviewer, hartford, 'Meets the guidelines.');
  await decide(store, commissioner, hartford, 'approve', {});
  await releaseFunds(store, commissioner, hartford, { date: '2025-10-03' });

  // Bridgeport: submitted and in review.
  const bpt = await prepare(bridgeport, '0150011', 'Bridgeport');
  await submit(store, bridgeport, bpt);
  await assignReviewers(store, reviewer, bpt, [reviewer.id]);

  // Ansonia: sent back for revisions.
  const ansonia = await prepare(multi, '0020011', 'Ansonia');
  await submit(store, multi, ansonia);
  await assignReviewers(store, reviewer, ansonia, [reviewer2.id]);
  await requestRevisions(store, reviewer2, ansonia, 'Tie the attendance coordinators to named schools and add a tier 2 intervention.');

  // Derby: certified, not yet submitted.
  await prepare(multi, '0370011', 'Derby');
  if (options.monitoring !== false) {
    await seedDemoMonitoring(store, cycle.id, hartford);
    await seedDemoConditions(store, prepare, { reviewer: reviewer2, commissioner });
  }
  return { accounts, cycle: cycle.id };
}

/** The three meetings of the demo year (the state sets the dates in the cycle's schedule). */
export const DEMO_MONITORING = { fall: '2025-10-15', winter: '2026-01-21', spring: '2026-04-15' } as const;

/**
 * The year after approval, for Hartford: the fall and winter meetings held (agendas from the
 * district and the state, minutes, follow-ups — one done, one left overdue), the spring meeting
 * scheduled.
 */
async function seedDemoMonitoring(store: Store, cycleId: number, hartford: number): Promise<void> {
  const admin = await demoUser(store, `admin@${DEMO_DOMAIN}`);
  const reviewer = await demoUser(store, `reviewer@${DEMO_DOMAIN}`);
  const editor = await demoUser(store, `editor.hartford@${DEMO_DOMAIN}`);
  const cycle = (await getCycle(store.db, cycleId))!;
  const milestones = MONITORING_MILESTONES.map((m) => ({ ...m, date: DEMO_MONITORING[m.id.split('-')[0] as keyof typeof DEMO_MONITORING] }));
  await changeCycleSchedule(store, admin, cycleId, { deadlines: cycle.deadlines, milestones, reason: 'The monitoring meetings of the year.', expectedRowVersion: cycle.rowVersion });
  const meetings = [];
  for (const m of milestones) meetings.push(await scheduleMeeting(store, reviewer, hartford, { title: m.label, scheduledOn: m.date, milestoneId: m.id }));
  let f = meetings[0]!;
  f = await proposeAgendaItem(store, editor, f.id, { text: 'Chronic absenteeism in the K-3 schools since September' });
  f = await proposeAgendaItem(store, reviewer, f.id, { text: 'Spend-down of the first quarter, by funding area' });
  await recordMeeting(store, reviewer, f.id, {
    heldOn: DEMO_MONITORING.fall,
    attendees: ['Emery Editor (Hartford)', 'Sam Superintendent (Hartford)', 'Riley Reviewer (CSDE)'],
    minutes: 'The district presented attendance by school and the first weeks of the tier 3 reading block. The state reviewed the first-quarter spend-down: the reading interventionists are hired; supplies are behind.',
    decisions: 'Keep the reading block as planned; the district sends attendance data by school monthly.',
    followUps: [
      { text: 'Send the attendance data by school for September and October', ownerId: editor.id, dueOn: '2025-10-29' },
      { text: 'Confirm the supplies orders placed for the reading block', ownerId: editor.id, dueOn: '2025-11-14' },
    ],
    expectedRowVersion: f.rowVersion,
  });
  const done = (await monitoringOf(store.db, reviewer, hartford)).meetings[0]!.followUps[0]!;
  await completeFollowUp(store, editor, done.id, { note: 'Sent on October 27.' }, '2025-10-27');
  let w = meetings[1]!;
  w = await proposeAgendaItem(store, editor, w.id, { text: 'Mid-year reading benchmarks' });
  await recordMeeting(store, reviewer, w.id, {
    heldOn: DEMO_MONITORING.winter,
    attendees: ['Emery Editor (Hartford)', 'Riley Reviewer (CSDE)'],
    minutes: 'Mid-year benchmarks show growth in grades 1 and 2, not yet in grade 3. Attendance improved in one of the two K-3 schools.',
    decisions: 'Add a grade 3 small-group block from February.',
    followUps: [{ text: 'Share the grade 3 small-group schedule', ownerId: editor.id, dueOn: '2026-04-01' }],
    expectedRowVersion: w.rowVersion,
  });
  // Progress: the ELA index is on its way, chronic absenteeism is not moving; the reading strategy is under way.
  await recordGoalValue(store, editor, hartford, { goalId: 'g1', value: 54.3, asOf: '2026-01-21', note: 'Mid-year benchmark (district data)' });
  await recordGoalValue(store, editor, hartford, { goalId: 'g2', value: 24.1, asOf: '2026-01-21', note: 'Attendance system, July–December' });
  await setImplementation(store, editor, hartford, { strategyId: 'k3-reading', status: 'in-progress', note: 'Interventionists hired in all K-3 schools.' });
  await setImplementation(store, editor, hartford, { strategyId: 'talent', status: 'implemented', note: 'Mentor stipends paid in September.' });
  await setImplementation(store, editor, hartford, { strategyId: 'intervention:1', status: 'implemented', note: 'Fall screening done in every school.' });
  // Two quarters of spending from the district's ledger; intervention materials lag (flagged).
  const budget = (await planView(store.db, editor, hartford)).budget;
  for (const [i, period] of ['Q1 (July–September 2025)', 'Q2 (October–December 2025)'].entries()) {
    const csv = demoLedger(budget, i);
    await importExpenditures(store, editor, hartford, { name: `hartford-ledger-fy2026-q${i + 1}.csv`, bytes: new TextEncoder().encode(csv), period, mapping: i === 0 ? DEMO_LEDGER_MAPPING : null });
  }
  // A revision the state approved: a third of the slow materials money moves to the interventionists.
  const b6 = budget.find((l) => l.id === 'b6')!;
  const revision = await requestRevision(store, editor, hartford, { transfers: [{ fromLineId: 'b6', toLineId: 'b1', amountCents: cents(Math.round(b6.amountCents / 3 / 100) * 100) }], reason: 'Materials are bought more slowly than planned; the winter meeting agreed a grade 3 small-group block.' });
  await decideRevision(store, reviewer, revision.id, true);
}

/** The representative of the district the demo approves with conditions (made with the monitoring demo). */
export const DEMO_CONDITIONS_ACCOUNT = { email: `superintendent.meriden@${DEMO_DOMAIN}`, name: 'Mika Meriden', grants: [{ role: 'district-representative', districtCode: '0800011' }] as Grant[] };

/** Meriden: approved with two conditions, one met (with evidence), the other found not met yet at its fall meeting; its year reviewed, funding continued with that condition. */
async function seedDemoConditions(store: Store, prepare: (user: User, code: string, name: string) => Promise<number>, state: { reviewer: User; commissioner: User }): Promise<void> {
  if (!(await userByEmail(store.db, DEMO_CONDITIONS_ACCOUNT.email))) await createUser(store, 'system:demo', { ...DEMO_CONDITIONS_ACCOUNT, password: DEMO_PASSWORD });
  const rep = await demoUser(store, DEMO_CONDITIONS_ACCOUNT.email);
  const meriden = await prepare(rep, '0800011', 'Meriden');
  await submit(store, rep, meriden);
  await assignReviewers(store, state.reviewer, meriden, [state.reviewer.id]);
  await recommend(store, state.reviewer, meriden, 'Meets the guidelines, with two conditions.');
  await decide(store, state.commissioner, meriden, 'approve-with-conditions', { conditions: 'Name the schools the attendance coordinators serve.\nSubmit attendance data by school every month.' });
  await addConditionEvidence(store, rep, meriden, { item: 1, evidence: 'The coordinators serve Casimir Pulaski and John Barry (staffing memo of October 2).' });
  await reviewConditionItem(store, state.reviewer, meriden, { item: 1, met: true });
  const fall = await scheduleMeeting(store, state.reviewer, meriden, { title: 'Fall monitoring meeting', scheduledOn: DEMO_MONITORING.fall, milestoneId: 'fall-monitoring-meeting' });
  await recordMeeting(store, state.reviewer, fall.id, {
    heldOn: DEMO_MONITORING.fall,
    attendees: ['Mika Meriden (Meriden)', 'Robin Reviewer (CSDE)'],
    minutes: 'The district showed the coordinators\' school assignments. Attendance by school has not been sent for September.',
    decisions: 'The monthly attendance data is the condition still open.',
    followUps: [],
    conditionReviews: [{ item: 2, met: false }],
    expectedRowVersion: fall.rowVersion,
  });
  // The year's review: funding continues, with the open condition as its condition.
  await recordAnnualReview(
    store,
    state.reviewer,
    meriden,
    { decision: 'continue-with-conditions', reason: 'The coordinators serve the named schools; attendance data by school is still not sent every month.', conditions: 'Submit attendance data by school every month.', typedName: state.reviewer.name },
    '2026-06-30' as IsoDate,
  );
}

/** How the demo district's ledger export names its columns. */
export const DEMO_LEDGER_MAPPING = { date: 'Posted', amount: 'Amount', line: 'Budget line', objectCode: 'Account', description: 'Memo' } as const;

/**
 * A quarter of a ledger export (quarter 0 is July–September): each line spent at its quarter's
 * share of the budget, in one row a month — except intervention materials (b6), bought slowly,
 * at a fifth of that.
 */
export function demoLedger(budget: readonly BudgetLine[], quarter: number): string {
  const rows = ['Posted,Account,Budget line,Amount,Memo'];
  for (let m = 0; m < 3; m++) {
    const month = 7 + quarter * 3 + m;
    const date = month <= 12 ? `2025-${String(month).padStart(2, '0')}-15` : `2026-${String(month - 12).padStart(2, '0')}-15`;
    for (const l of budget) {
      const share = l.id === 'b6' ? 0.2 : 1;
      const amount = Math.round((l.amountCents * share) / 12);
      rows.push(`${date},${l.objectCode},${l.id},${(amount / 100).toFixed(2)},"${l.description.replace(/"/g, '""')}, ${date.slice(0, 7)}"`);
    }
  }
  return `${rows.join('\n')}\n`;
}
