/**
 * The year after approval in the browser, with JavaScript and without: Hartford's monitoring page
 * (the demo's fall and winter meetings held, the spring one scheduled), a collaborative agenda, a
 * meeting the state schedules and records with a follow-up, the follow-up done by its owner —
 * and what a district's read-only member sees. Every page passes axe. Projects share the
 * database, so each adds its own items, named by the project.
 */
import { expect, request as http, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { DEMO, planIdOf, signIn, signOut } from './work.ts';

async function expectStatus(page: Page, text: RegExp): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('Hartford\'s monitoring year: meetings, a collaborative agenda, a meeting recorded with a follow-up the owner marks done', async ({ page, request }) => {
  const slug = test.info().project.name;
  const hartford = await planIdOf(request, '0640011');
  await signIn(page, DEMO('reviewer'));
  await page.goto(`/work/plans/${hartford}`);
  await page.getByRole('link', { name: 'Monitoring: meetings, agendas and follow-ups' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Monitoring: Hartford School District/);
  await expect(page.getByRole('heading', { level: 2, name: /Fall monitoring meeting, 2025-10-15 Held/ })).toBeVisible();
  await expect(page.getByText('Chronic absenteeism in the K-3 schools since September (proposed by the district)')).toBeVisible();
  await expect(page.getByText(/Done: Send the attendance data by school/)).toBeVisible();
  // Progress on the goals: the ELA index on track, chronic absenteeism off track.
  const goals = page.getByRole('table', { name: /Goals: the latest value/ });
  await expect(goals.getByRole('row', { name: /Raise the ELA performance index/ })).toContainText('On track');
  await expect(goals.getByRole('row', { name: /Reduce chronic absenteeism/ })).toContainText('Off track');
  // The plan's interventions as action steps, each with its implementation status.
  await expect(page.getByRole('heading', { level: 3, name: 'Action steps (the plan’s interventions)' })).toBeVisible();
  await expect(page.getByText(/Implemented: All schools, tier 1 — Universal screening three times a year\. — Fall screening done in every school\./)).toBeVisible();
  // Spending against the budget: two quarters reported, supplies behind pace.
  const spending = page.getByRole('region', { name: 'Spending against the approved budget' });
  await expect(spending.getByRole('row', { name: /Supplies/ })).toContainText('behind pace');
  await expect(spending.getByText(/Q2 \(October–December 2025\): hartford-ledger-fy2026-q2\.csv/)).toBeVisible();
  await expect(spending.getByText(/Revision 1: approved/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The state adds an item to the spring meeting's agenda.
  const spring = page.getByRole('region', { name: /Spring monitoring meeting/ });
  await spring.getByLabel('Add an item to the agenda').fill(`Spring spend-down by funding area (${slug})`);
  await spring.getByRole('button', { name: 'Add to the agenda' }).click();
  await expectStatus(page, /on the agenda/);
  await expect(page.getByText(`Spring spend-down by funding area (${slug}) (added by the state)`)).toBeVisible();

  // A further meeting for Hartford alone, held today, recorded with a follow-up for the district's editor.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('For', { exact: true }).selectOption({ label: 'A further meeting for this district only' });
  await page.getByLabel('Title', { exact: true }).fill(`Site visit (${slug})`);
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expectStatus(page, new RegExp(`"Site visit \\(${slug}\\)" is scheduled`));
  const visit = page.getByRole('region', { name: new RegExp(`Site visit \\(${slug}\\)`) });
  await visit.getByText('Record this meeting as held').click();
  // Minutes too short: said beside the form, nothing recorded.
  await visit.getByLabel('Held on').fill(today);
  await visit.getByLabel('Who attended (one per line)').fill('Riley Reviewer\nEmery Editor');
  await visit.getByLabel('Minutes', { exact: true }).fill('Short.');
  await visit.getByRole('button', { name: 'Record the meeting' }).click();
  await expect(page.getByRole('alert')).toContainText('Write the minutes');
  const visit2 = page.getByRole('region', { name: new RegExp(`Site visit \\(${slug}\\)`) });
  if (!(await visit2.getByLabel('Minutes', { exact: true }).isVisible())) await visit2.getByText('Record this meeting as held').click();
  await visit2.getByLabel('Held on').fill(today);
  await visit2.getByLabel('Who attended (one per line)').fill('Riley Reviewer\nEmery Editor');
  await visit2.getByLabel('Minutes', { exact: true }).fill('Walked through two K-3 classrooms during the reading block; materials are in place.');
  await visit2.getByLabel('Follow-up 1').fill(`Send the walkthrough notes (${slug})`);
  await visit2.getByLabel('Owner').first().selectOption({ label: 'Emery Editor' });
  await visit2.getByLabel('Due').first().fill(today);
  await visit2.getByRole('button', { name: 'Record the meeting' }).click();
  await expectStatus(page, /is recorded, with 1 follow-up/);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Site visit \\(${slug}\\), ${today} Held`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // The owner marks it done; the district's read-only member sees it all and no forms.
  await signIn(page, DEMO('editor.hartford'));
  await page.goto(`/work/plans/${hartford}/monitoring`);
  // A malformed ledger: refused with the row and column of each problem, nothing imported.
  await page.getByLabel('Ledger export (CSV or XLSX)').setInputFiles({ name: `q3-${slug}.csv`, mimeType: 'text/csv', buffer: Buffer.from('Posted,Account,Budget line,Amount,Memo\n2026-01-15,112,b1,100.00,ok\n2026-02-30,112,b1,100.00,bad\n') });
  await page.getByLabel(/Period it covers/).fill(`Q3 (${slug})`);
  await page.getByRole('button', { name: 'Import the expenditures' }).click();
  await expect(page.getByRole('alert')).toContainText(`q3-${slug}.csv has a problem; nothing was imported.`);
  await expect(page.getByRole('alert')).toContainText('Row 3, column "Posted"');
  await expect(page.getByText(`Q3 (${slug})`)).toHaveCount(0);
  // A small revision within staffing is recorded at once.
  await page.getByLabel('From line').selectOption('b2');
  await page.getByLabel('To line').selectOption('b1');
  await page.getByLabel('Amount ($)').fill('100');
  await page.getByLabel('Why', { exact: true }).fill(`A coordinator's hours move to tutoring (${slug}).`);
  await page.getByRole('button', { name: 'Ask for the revision' }).click();
  await expectStatus(page, /is recorded; the budget in force is revised/);
  // A value for a goal, with its source.
  await page.getByLabel('Record a value for the goal').selectOption({ label: 'Raise the ELA performance index' });
  await page.getByLabel('Value', { exact: true }).fill('54.3');
  await page.getByLabel('As of').fill('2026-01-21');
  await page.getByLabel('Source or evidence (optional)').fill(`Benchmark re-check (${slug})`);
  await page.getByRole('button', { name: 'Record the value' }).click();
  await expectStatus(page, /value as of 2026-01-21 is recorded/);
  // Values from the imported data: the demo has no 2025-26 results yet, and the page says so per goal.
  await page.getByRole('button', { name: 'Read the values from the imported data' }).click();
  await expectStatus(page, /Read from the imported data\. Raise the ELA performance index: no 2025-26 value is imported yet/);
  await page.getByRole('button', { name: `Mark “Send the walkthrough notes (${slug})” done` }).click();
  await expectStatus(page, /marked done/);
  await expect(page.getByText(new RegExp(`Done: Send the walkthrough notes \\(${slug}\\)`))).toBeVisible();
  await signOut(page);
  await signIn(page, DEMO('board.hartford'));
  await page.goto(`/work/plans/${hartford}/monitoring`);
  await expect(page.getByRole('heading', { level: 2, name: /Winter monitoring meeting, 2026-01-21 Held/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Mark|Add to the agenda|Propose|Schedule|Record/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a monitoring meeting reviews a condition of the approval, its minutes a file the district can download', async ({ page, request }) => {
  const slug = test.info().project.name;
  const meriden = await planIdOf(request, '0800011');
  await signIn(page, DEMO('reviewer'));
  await page.goto(`/work/plans/${meriden}/monitoring`);
  const condition = page.getByRole('listitem').filter({ hasText: 'Submit attendance data by school every month' }).first();
  // The demo's fall meeting reviewed it (or, the projects sharing a database, another project's check since).
  await expect(condition).toContainText(/reviewed at the (fall monitoring meeting \(2025-10-15\)|condition check)/);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('For', { exact: true }).selectOption({ label: 'A further meeting for this district only' });
  await page.getByLabel('Title', { exact: true }).fill(`Condition check (${slug})`);
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expectStatus(page, /is scheduled/);
  const meeting = page.getByRole('region', { name: new RegExp(`Condition check \\(${slug}\\)`) });
  await meeting.getByText('Record this meeting as held').click();
  await meeting.getByLabel('Held on').fill(today);
  await meeting.getByLabel('Who attended (one per line)').fill('Riley Reviewer\nMika Meriden');
  const minutes = Buffer.from(`%PDF-1.4\n% Minutes of the condition check (${slug})\n%%EOF\n`);
  await meeting.getByLabel('The minutes as a file (optional)').setInputFiles({ name: `condition-check-${slug}.pdf`, mimeType: 'application/pdf', buffer: minutes });
  // USWDS draws its own radio: a person clicks the label.
  const reviewed = meeting.getByRole('group', { name: /Condition 2: Submit attendance data/ });
  await reviewed.locator('label', { hasText: 'Not met yet' }).click();
  await expect(reviewed.getByLabel('Not met yet')).toBeChecked();
  await meeting.getByRole('button', { name: 'Record the meeting' }).click();
  await expectStatus(page, new RegExp(`is recorded, with the minutes \\(condition-check-${slug}\\.pdf\\) and 1 condition reviewed`));
  const held = page.getByRole('region', { name: new RegExp(`Condition check \\(${slug}\\), ${today} Held`) });
  await expect(held.getByText(/Condition 2, .Submit attendance data by school every month.*: not met yet/)).toBeVisible();
  const link = held.getByRole('link', { name: 'The minutes as a file' });
  await expect(link).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Submit attendance data by school every month' }).first()).toContainText(`reviewed at the condition check (${slug}) (${today})`);
  await expectNoAxeViolations(page);
  const href = (await link.getAttribute('href'))!;
  await signOut(page);
  // The district's representative downloads the minutes as they were uploaded.
  await signIn(page, DEMO('superintendent.meriden'));
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(minutes)).toBe(true);
});

test('the monitoring API: a plan\'s meetings and follow-ups as data, for those who may see the plan', async ({ request }) => {
  test.skip(test.info().project.name === 'no-js', 'HTTP only');
  const { sessionFor } = await import('./work.ts');
  const hartford = await planIdOf(request, '0640011');
  const own = await request.get(`/api/v1/plans/${hartford}/monitoring`, { headers: { cookie: await sessionFor(request, DEMO('board.hartford')) } });
  expect(own.status()).toBe(200);
  const body = (await own.json()) as { monitoring: { meetings: { milestoneId: string | null; status: string; followUps: { status: string }[] }[] } };
  expect(body.monitoring.meetings.slice(0, 3).map((m) => m.milestoneId)).toEqual(['fall-monitoring-meeting', 'winter-monitoring-meeting', 'spring-monitoring-meeting']);
  expect(body.monitoring.meetings[0]!.followUps.map((f) => f.status)).toEqual(['done', 'overdue']);
  const spending = (body as unknown as { monitoring: { spending: { spendDown: { areas: { area: string; flags: { rule: string }[] }[] } } } }).monitoring.spending;
  expect(spending.spendDown.areas.find((a) => a.area === 'supplies')!.flags.map((f) => f.rule)).toContain('pace');
  const other = await request.get(`/api/v1/plans/${hartford}/monitoring`, { headers: { cookie: await sessionFor(request, DEMO('editor.bridgeport')) } });
  expect(other.status()).toBe(403);
  const meriden = await planIdOf(request, '0800011');
  const conditions = ((await (await request.get(`/api/v1/plans/${meriden}/monitoring`, { headers: { cookie: await sessionFor(request, DEMO('reviewer')) } })).json()) as { monitoring: { progress: { conditions: { met: boolean | null }[] } } }).monitoring.progress.conditions;
  expect(conditions.map((c) => c.met)).toEqual([true, false]);
  // Nobody signed in (a context of its own: this one keeps the cookies it was given).
  const anonymous = await http.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/v1/plans/${hartford}/monitoring`)).status()).toBe(401);
  await anonymous.dispose();
});

test('the public sees Hartford\'s spending to date by funding area and its goals\' progress, in English and Spanish, with the data to download', async ({ page }) => {
  await page.goto('/districts/0640011');
  const table = page.getByRole('table', { name: 'Spending to date, by funding area, as of 2025-12-15' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Supplies/ })).toContainText('15%');
  await expect(page.getByText('From the district’s 2 expenditure reports so far')).toBeVisible();
  // Each goal's progress: the latest value, its date and source, and the status by the stated rule.
  const goals = page.getByRole('table', { name: 'Goals: progress to date' });
  await expect(goals.getByRole('row', { name: /Reduce chronic absenteeism/ })).toContainText('Off track');
  await expect(goals.getByRole('row', { name: /Reduce chronic absenteeism/ })).toContainText('24.1 on 2026-01-21 (reported by the district or the state)');
  await expect(page.getByText(/On track: within 10 points of a straight line/)).toBeVisible();
  // The data behind both tables, downloadable.
  const csv = await (await page.request.get('/api/v1/districts/0640011/plans.csv')).text();
  expect(csv.split('\n')[0]).toBe('fiscalYear,kind,item,budgetedCents,spentCents,spentShare,asOf,baseline,target,value,status,source');
  expect(csv).toMatch(/\n2026,goal,Reduce chronic absenteeism,,,,2026-01-21,24.3,19,24.1,off-track,/);
  expect(csv).toMatch(/\n2026,spending,supplies,\d+,\d+,/);
  // Its distance to exit under the off-ramp proposal, with what an exit would no longer withhold.
  const exit = page.getByRole('table', { name: /The exit criteria and where the district stands/ });
  await expect(exit.getByRole('row', { name: /Out of the lowest-ranked districts/ })).toContainText(/Not yet: \d+ more years?/);
  await expect(page.getByText(/If it exited, \$[\d,]+ of its ECS grant would no longer be withheld/)).toBeVisible();
  const offRamp = (await (await page.request.get('/api/v1/off-ramp?fiscalYear=2026')).json()) as { kind: string; effect: { withheldCents: number }; districts: { districtCode: string; criteria: { id: string }[] }[] };
  expect(offRamp.kind).toBe('computation');
  expect(offRamp.districts.find((d) => d.districtCode === '0640011')!.criteria.map((c) => c.id)).toEqual(['out-of-lowest', 'targets-met']);
  await expectNoAxeViolations(page);
  await page.goto('/es/districts/0640011');
  await expect(page.getByRole('table', { name: 'Gasto hasta la fecha, por área de financiación, al 2025-12-15' })).toBeVisible();
  await expect(page.getByText('Según los 2 informes de gastos del distrito')).toBeVisible();
  const metas = page.getByRole('table', { name: 'Metas: avance hasta la fecha' });
  await expect(metas.getByRole('row', { name: /Reduce chronic absenteeism/ })).toContainText('Rezagada');
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/api/v1/districts/0640011/plans.csv');
  await expect(page.getByRole('heading', { level: 2, name: 'Distancia a la salida (una propuesta)' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the staff\'s monitoring board: those needing attention first, filtered', async ({ page }) => {
  await signIn(page, DEMO('reviewer'));
  await page.getByRole('link', { name: /Monitoring board/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoring board' })).toBeVisible();
  const board = page.getByRole('table', { name: /Every approved plan/ });
  await expect(board.getByRole('row', { name: /Hartford School District/ })).toContainText('1 funding area flagged');
  await expect(board.getByRole('row', { name: /Meriden School District/ })).toContainText('1 not yet met');
  await expectNoAxeViolations(page);
  await page.getByLabel('Show').selectOption('spending-flags');
  await page.getByRole('button', { name: 'Filter' }).click();
  const flagged = page.getByRole('table', { name: /With spending flagged/ });
  await expect(flagged.getByRole('row', { name: /Hartford School District/ })).toBeVisible();
  await expect(flagged.getByRole('row', { name: /Meriden School District/ })).toHaveCount(0);
});
