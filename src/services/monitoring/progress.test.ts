/**
 * Progress on the approved plan on every dialect, with the demo's year: Hartford's goals (one on
 * track, one off), its strategies, Meriden's conditions (one met with evidence, one not yet) — and
 * who may record what; a meeting that reviews the conditions, its minutes a file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../tests/support/dialects.ts';
import type { Store } from '../../data/database.ts';
import { loadEmbedded } from '../../data/embedded.ts';
import { auditOf } from '../audit.service.ts';
import { userByEmail, type User } from '../auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from '../demo.service.ts';
import { addConditionEvidence, monitoringOf, progressOf, recordGoalValue, recordMeeting, reviewConditionItem, scheduleMeeting, setImplementation } from './index.ts';
import { prepareUpload } from '../upload.service.ts';
import { importFile } from '../import.service.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGoalValuesFromData } from './index.ts';
import { dataVersion } from '../store.service.ts';
import { publishedPlans } from '../plans/publication.ts';

describe.each(dialects)('progress on the approved plan ($name)', (dialect) => {
  let store: Store;
  const users: Record<string, User> = {};
  const plans: Record<string, number> = {};
  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    for (const who of ['editor.hartford', 'board.hartford', 'editor.bridgeport', 'reviewer', 'superintendent.meriden']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    for (const code of ['0640011', '0800011', '0150011']) plans[code] = Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).executeTakeFirstOrThrow()).id);
  }, 180_000);
  afterAll(async () => dialect.close(store));

  it('the demo: Hartford\'s ELA goal on track and absenteeism off track, its strategies under way; Meriden\'s conditions tracked', async () => {
    const h = (await progressOf(store.db, plans['0640011']!))!;
    expect(h.goals.map((g) => [g.goal.id, g.status])).toEqual([
      ['g1', 'on-track'],
      ['g2', 'off-track'],
    ]);
    expect(h.strategies.map((s) => [s.id, s.implementation])).toEqual([
      ['k3-reading', 'in-progress'],
      ['wraparound', 'not-started'],
      ['talent', 'implemented'],
    ]);
    // The plan's interventions are its action steps, each with its own status.
    expect(h.actionSteps[0]).toMatchObject({ id: 'intervention:1', tier: 1, implementation: 'implemented', note: 'Fall screening done in every school.' });
    expect(h.actionSteps.slice(1).every((a) => a.implementation === 'not-started')).toBe(true);
    const m = (await progressOf(store.db, plans['0800011']!))!;
    expect(m.conditions.map((c) => [c.index, c.met, Boolean(c.evidence)])).toEqual([
      [1, true, true],
      [2, false, false],
    ]);
    // Condition 2 was found not met at Meriden's fall meeting; condition 1 outside a meeting.
    const fall = (await store.db.selectFrom('monitoring_meeting').select('id').where('plan_id', '=', plans['0800011']!).executeTakeFirstOrThrow()).id;
    expect(m.conditions.map((c) => c.meetingId)).toEqual([null, Number(fall)]);
    expect(await progressOf(store.db, plans['0150011']!)).toBeNull();
  });

  it('who may record what, and what is refused', async () => {
    const hartford = plans['0640011']!;
    const meriden = plans['0800011']!;
    await expect(recordGoalValue(store, users['board.hartford']!, hartford, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 403 });
    await expect(recordGoalValue(store, users['editor.bridgeport']!, hartford, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 403 });
    await expect(recordGoalValue(store, users['editor.hartford']!, hartford, { goalId: 'g9', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ issues: { goalId: expect.any(String) } });
    await expect(recordGoalValue(store, users['editor.hartford']!, hartford, { goalId: 'g1', value: 55, asOf: '2099-01-01', note: '' })).rejects.toMatchObject({ issues: { asOf: 'Not in the future.' } });
    await expect(recordGoalValue(store, users['editor.bridgeport']!, plans['0150011']!, { goalId: 'g1', value: 55, asOf: '2026-02-01', note: '' })).rejects.toMatchObject({ status: 409 });
    await expect(setImplementation(store, users['editor.hartford']!, hartford, { strategyId: 'k3-reading', status: 'done', note: '' })).rejects.toMatchObject({ issues: { status: expect.any(String) } });
    await expect(setImplementation(store, users['editor.hartford']!, hartford, { strategyId: 'intervention:99', status: 'implemented', note: '' })).rejects.toMatchObject({ issues: { strategyId: expect.any(String) } });
    await setImplementation(store, users['editor.hartford']!, hartford, { strategyId: 'intervention:2', status: 'in-progress', note: 'Small groups started' });
    expect((await progressOf(store.db, hartford))!.actionSteps[1]).toMatchObject({ implementation: 'in-progress', note: 'Small groups started' });
    // The district gives evidence; only the state reviews; a condition the approval does not have is not there.
    await expect(reviewConditionItem(store, users['superintendent.meriden']!, meriden, { item: 2, met: true })).rejects.toMatchObject({ status: 403 });
    await expect(addConditionEvidence(store, users['superintendent.meriden']!, meriden, { item: 3, evidence: 'x' })).rejects.toMatchObject({ status: 404 });
    await addConditionEvidence(store, users['superintendent.meriden']!, meriden, { item: 2, evidence: 'October and November sent on time.' });
    await reviewConditionItem(store, users.reviewer!, meriden, { item: 2, met: false });
    const m = (await progressOf(store.db, meriden))!;
    expect(m.conditions[1]).toMatchObject({ met: false, evidence: 'October and November sent on time.' });
    expect((await auditOf(store.db, `plan:${meriden}`)).map((e) => e.action)).toEqual(expect.arrayContaining(['progress.condition-evidence', 'progress.condition-reviewed']));
  });

  it('a monitoring meeting reviews the open conditions, its minutes a file; a refused record keeps neither the file nor the reviews', async () => {
    const meriden = plans['0800011']!;
    const reviewer = users.reviewer!;
    const winter = await scheduleMeeting(store, reviewer, meriden, { title: 'Winter monitoring meeting', scheduledOn: '2026-01-21', milestoneId: 'winter-monitoring-meeting' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% Minutes, Meriden, winter\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const minutesFile = await prepareUpload({ name: 'meriden-winter-minutes.pdf', bytes: pdf });
    const record = { heldOn: '2026-01-21', attendees: ['Mika Meriden', 'Riley Reviewer'], minutes: '', decisions: '', followUps: [], minutesFile, expectedRowVersion: winter.rowVersion };
    const uploads = async () => Number((await store.db.selectFrom('upload').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await uploads();
    // Neither text nor file; a condition the approval does not have; one reviewed twice: nothing is kept.
    await expect(recordMeeting(store, reviewer, winter.id, { ...record, minutesFile: null }, '2026-02-01')).rejects.toMatchObject({ issues: { minutes: expect.stringMatching(/or attach them/) } });
    await expect(recordMeeting(store, reviewer, winter.id, { ...record, conditionReviews: [{ item: 3, met: true }] }, '2026-02-01')).rejects.toMatchObject({ issues: { 'conditionReviews.0.met': expect.any(String) } });
    await expect(recordMeeting(store, reviewer, winter.id, { ...record, conditionReviews: [{ item: 2, met: true }, { item: 2, met: false }] }, '2026-02-01')).rejects.toMatchObject({ issues: { conditionReviews: expect.any(String) } });
    expect(await uploads()).toBe(before);
    expect((await progressOf(store.db, meriden))!.conditions[1]).toMatchObject({ met: false });
    // The district cannot record it.
    await expect(recordMeeting(store, users['superintendent.meriden']!, winter.id, { ...record, conditionReviews: [{ item: 2, met: true }] }, '2026-02-01')).rejects.toMatchObject({ status: 403 });
    // Recorded: the file is the plan's, the condition is met at this meeting, and the audit says both.
    await recordMeeting(store, reviewer, winter.id, { ...record, conditionReviews: [{ item: 2, met: true }] }, '2026-02-01');
    expect(await uploads()).toBe(before + 1);
    const view = await monitoringOf(store.db, reviewer, meriden, '2026-02-01');
    const held = view.meetings.find((m) => m.id === winter.id)!;
    expect(held).toMatchObject({ status: 'held', minutes: '' });
    const file = await store.db.selectFrom('upload').select(['plan_id', 'name', 'sha256']).where('id', '=', held.minutesUploadId!).executeTakeFirstOrThrow();
    expect(file).toMatchObject({ plan_id: meriden, name: 'meriden-winter-minutes.pdf' });
    expect(view.progress!.conditions.map((c) => [c.index, c.met, c.meetingId])).toEqual([
      [1, true, null],
      [2, true, winter.id],
    ]);
    const audit = (await auditOf(store.db, `plan:${meriden}`)).find((e) => e.action === 'monitoring.meeting-recorded' && (e.details as { meeting: number }).meeting === winter.id)!;
    expect(audit.details).toMatchObject({ minutes: { upload: held.minutesUploadId, sha256: file.sha256 }, conditions: [{ item: 2, met: true }] });
  });

  it("a goal's value is read from the imported data where the indicator has it: the NGAS results' ELA index for 2025-26, recorded once; absenteeism says what is missing", async () => {
    const hartford = plans['0640011']!;
    const editor = users['editor.hartford']!;
    // Before any 2025-26 data: nothing recorded, each goal says what is missing.
    const version = await dataVersion(store);
    const before = await readGoalValuesFromData(store, editor, hartford);
    expect(await dataVersion(store)).toBe(version);
    expect(before.map((r) => [r.goalId, r.outcome])).toEqual([
      ['g1', 'no-data'],
      ['g2', 'no-data'],
    ]);
    // A data.ct.gov NGAS export (the published layout, its header from the sample) with Hartford's 2025-26 row for the whole district (school code 0000000).
    const header = readFileSync(new URL('../../../../shared/data/formats/ngas_datactgov_h28j-iix5_export_SAMPLE.csv', import.meta.url), 'utf8').split(/\r?\n/)[0]!;
    const columns = header.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const cell: Record<string, string> = { FallOfYear: '2025', RptngDistrictName: 'Hartford School District', ReportingDistrictCode: '0640011', SchoolName: 'Hartford School District', SchoolCode: '0000000', Category: 'DistTot', TotalPoints: '700', TotalPossiblePoints: '1,250', 'Accountability Index ': '56.0', Ind1ELA_All_Rate: '55.4', schoolyear: '2025-26' };
    const dir = mkdtempSync(join(tmpdir(), 'goal-data-'));
    const file = join(dir, 'ngas-2025-26.csv');
    writeFileSync(file, `${header}\n${columns.map((c) => (cell[c] === undefined ? '' : `"${cell[c]}"`)).join(',')}\n`);
    await importFile(store, 'ngas', file);
    rmSync(dir, { recursive: true, force: true });
    const read = await readGoalValuesFromData(store, editor, hartford);
    expect(read[0]).toMatchObject({ goalId: 'g1', outcome: 'recorded', value: 55.4, asOf: '2026-06-30', source: expect.stringMatching(/indicator 1: ELA performance index, all students, 2025-26/) });
    expect(read[1]).toMatchObject({ goalId: 'g2', outcome: 'no-data' });
    // A value recorded changes what the public pages show: the data version their cache is kept against moves, and the published plan says it.
    expect(await dataVersion(store)).not.toBe(version);
    expect((await publishedPlans(store.db, '0640011'))[0]!.progress[0]).toMatchObject({ goalId: 'g1', latest: { value: 55.4, source: 'imported' }, status: 'at-risk' });
    const g1 = (await progressOf(store.db, hartford))!.goals[0]!;
    expect(g1.latest).toMatchObject({ value: 55.4, source: 'imported', asOf: '2026-06-30' });
    // 52.1 → 56: 55.4 is 85% of the way with the whole year gone, 15 points behind: at risk.
    expect(g1.status).toBe('at-risk');
    expect(g1.progress).toBeCloseTo(0.846, 3);
    // Again: nothing new; the district's read-only member cannot; the audit records the one reading.
    const count = async () => Number((await store.db.selectFrom('goal_value').select((eb) => eb.fn.countAll().as('n')).where('plan_id', '=', hartford).executeTakeFirstOrThrow()).n);
    const n = await count();
    expect((await readGoalValuesFromData(store, editor, hartford))[0]).toMatchObject({ outcome: 'unchanged' });
    expect(await count()).toBe(n);
    await expect(readGoalValuesFromData(store, users['board.hartford']!, hartford)).rejects.toMatchObject({ status: 403 });
    expect((await auditOf(store.db, `plan:${hartford}`)).filter((e) => e.action === 'progress.goal-values-imported')).toHaveLength(1);
  });
});
