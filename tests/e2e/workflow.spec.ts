/**
 * The annual cycle in the browser, with JavaScript and without: an administrator invites the
 * district's superintendent, who writes the plan and budget, records the board's vote, signs and
 * submits; the state reviews and sends it back; the district revises and resubmits; the state
 * recommends, the commissioner approves, the release of the withheld funds is recorded — and
 * the plan appears on the district's public page. Every page on the way passes axe.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { DEMO, planIdOf, projectDistrict, signIn, signOut } from './work.ts';

/** A (tiny) PDF of the board meeting's minutes. */
const MINUTES = Buffer.from('%PDF-1.4\n% Minutes of the regular meeting of the board of education\n%%EOF\n');
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
/** USWDS draws its own checkboxes: a person clicks the label, as here. */
const tick = async (page: Page, id: string) => {
  await page.locator(`label[for="${id}"]`).click();
  await expect(byId(page, id)).toBeChecked();
};

async function expectStatus(page: Page, text: RegExp): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

/** The board's vote on the current version, with its minutes, then the representative's signature. */
async function boardVoteAndSignature(page: Page, vote: { date: string; votesFor: number; votesAgainst: number }, name: string): Promise<void> {
  await byId(page, 'meetingDate').fill(vote.date);
  await byId(page, 'votesFor').fill(String(vote.votesFor));
  await byId(page, 'votesAgainst').fill(String(vote.votesAgainst));
  await page.getByLabel('Minutes of the meeting (PDF)').setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: MINUTES });
  await page.getByRole('button', { name: "Record the board's approval" }).click();
  await expectStatus(page, /board's approval is recorded/);
  await tick(page, 'assurances');
  await page.getByLabel(/Type your full name to sign/).fill(name);
  await page.getByRole('button', { name: 'Sign and certify this version' }).click();
  await expectStatus(page, /certified/);
}

async function openPlan(page: Page, districtName: string): Promise<void> {
  await page.goto('/work');
  await page.getByRole('link', { name: districtName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(districtName);
}

test('the whole cycle: invitation, draft, board, signature, review, revisions, approval, release, publication', async ({ page }) => {
  test.setTimeout(300_000);
  const d = projectDistrict();
  const email = `superintendent.${d.slug}@e2e.alliance.test`;
  const name = `Dana ${d.slug.toUpperCase()} Superintendent`;

  // 1. The administrator invites the district's authorized representative.
  await signIn(page, DEMO('admin'));
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'People and roles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People and roles' })).toBeVisible();
  await expectNoAxeViolations(page);
  await byId(page, 'invite-name').fill(name);
  await byId(page, 'invite-email').fill(email);
  await byId(page, 'invite-role').selectOption('district-representative');
  await byId(page, 'invite-district').selectOption(d.code);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expectStatus(page, /is invited/);

  // 2. The invitation, as the development outbox shows it.
  await page.goto('/work/outbox');
  await expectNoAxeViolations(page);
  const mail = page.locator('article').filter({ hasText: `To ${email}` }).first();
  const link = /\/work\/welcome\?token=[\w-]+/.exec((await mail.textContent()) ?? '')?.[0];
  expect(link, 'an invitation link in the e-mail').toBeTruthy();
  await signOut(page);

  // 3. The superintendent chooses a password and is signed in.
  await page.goto(link!);
  await expectNoAxeViolations(page);
  await page.getByLabel('Password').fill('a long passphrase for alliance plans');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alliance plans' })).toBeVisible();
  await expect(page.getByRole('link', { name: d.name })).toBeVisible();

  // 4. The plan: needs, a goal, strategies, tiered interventions, the narrative.
  await openPlan(page, d.name);
  await expectNoAxeViolations(page);
  await byId(page, 'needsAssessment').fill('Chronic absenteeism is above 20% in most schools and fewer than half of students in grades 3-8 meet the ELA standard.');
  await byId(page, 'goals.0.indicator').selectOption('ela');
  await byId(page, 'goals.0.description').fill('Raise the ELA performance index');
  await byId(page, 'goals.0.baseline').fill('55.2');
  await byId(page, 'goals.0.target').fill('60');
  await tick(page, 'strategy.k3-reading');
  await byId(page, 'strategy.k3-reading.description').fill('Reading interventionists in every elementary school.');
  // Tier 3 "for all schools" is refused: the most intensive interventions name their schools.
  await byId(page, 'interventions.0.school').fill('All schools');
  await byId(page, 'interventions.0.tier').selectOption('3');
  await byId(page, 'interventions.0.description').fill('Daily small-group reading intervention.');
  await byId(page, 'narrative').fill(`The money pays for reading interventionists where ELA results are lowest (${d.slug}).`);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expectStatus(page, /Saved as a new version/);
  const lacking = page.getByRole('region', { name: 'Still needed before signing' });
  await expect(lacking).toContainText('tier 3 is for the lowest-performing schools');
  // The form offers the district's schools from the state directory; one of them is chosen.
  const options = await page.locator('datalist#district-schools option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options[0]).toBe('All schools');
  expect(options.length).toBeGreaterThan(1);
  await byId(page, 'interventions.0.school').fill(options[1]!);
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(lacking).toHaveCount(0);
  await expect(byId(page, 'interventions.0.school')).toHaveValue(options[1]!);

  // 5. The budget: two lines that add up to the allocation, most of it new reform work.
  await page.getByRole('link', { name: /(Edit|See) the budget/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Budget workbook');
  await expectNoAxeViolations(page);
  const allocation = Number(((await page.getByText(/must add up to the allocation/).textContent()) ?? '').match(/allocation, \$([\d,]+(?:\.\d\d)?)/)![1]!.replace(/,/g, ''));
  expect(allocation).toBeGreaterThan(1_000_000);
  const staff = Math.round(allocation * 0.8 * 100) / 100;
  const fill = async (i: number, area: string, code: string, what: string, fte: string, amount: number) => {
    await byId(page, `lines.${i}.id`).fill(`L${i + 1}`);
    await byId(page, `lines.${i}.area`).selectOption(area);
    await byId(page, `lines.${i}.objectCode`).fill(code);
    await byId(page, `lines.${i}.description`).fill(what);
    await byId(page, `lines.${i}.strategy`).fill('k3-reading');
    await byId(page, `lines.${i}.fte`).fill(fte);
    await byId(page, `lines.${i}.amount`).fill(amount.toFixed(2));
  };
  await fill(0, 'staffing-direct-service', '112', 'Reading interventionists', '40', staff);
  await fill(1, 'professional-development', '322', 'Coaching for K-3 teachers', '0', Math.round((allocation - staff) * 100) / 100);
  await page.getByRole('button', { name: 'Save the budget' }).click();
  await expectStatus(page, /Budget saved/);
  await expect(page.getByText(/\(balanced\)/)).toBeVisible();

  // 6. The board's vote, the signature, the submission.
  await openPlan(page, d.name);
  await boardVoteAndSignature(page, { date: '2025-08-01', votesFor: 6, votesAgainst: 1 }, name);
  await page.getByRole('button', { name: 'Submit to the state' }).click();
  await expectStatus(page, /Submitted to the state/);
  await expect(page.getByText(/Stage: submitted/)).toBeVisible();
  await signOut(page);

  // 7. The state: a committee, a score, and a request for revisions.
  await signIn(page, DEMO('reviewer'));
  await openPlan(page, d.name);
  await expectNoAxeViolations(page);
  for (const reviewer of ['Riley Reviewer', 'Robin Reviewer']) await page.locator('label', { hasText: reviewer }).click();
  await expect(page.getByLabel('Riley Reviewer')).toBeChecked();
  await page.getByRole('button', { name: 'Assign the review committee' }).click();
  await expectStatus(page, /Reviewers assigned/);
  await byId(page, 'section').selectOption('goals');
  await byId(page, 'score').selectOption('2');
  await byId(page, 'score-comment').fill('The goal needs a mathematics target too.');
  await page.getByRole('button', { name: 'Record a rubric score' }).click();
  await expectStatus(page, /Score recorded/);
  await byId(page, 'revisions-message').fill('Add a mathematics goal with a baseline and a target.');
  await page.getByRole('button', { name: 'Send back for revisions' }).click();
  await expectStatus(page, /Sent back to the district/);
  await signOut(page);

  // 8. The district revises: a new version, the board and the signature again, resubmitted.
  await signIn(page, email, 'a long passphrase for alliance plans');
  await openPlan(page, d.name);
  await expect(page.getByText('The state asked: Add a mathematics goal with a baseline and a target.')).toBeVisible();
  // The district does not see the reviewers' internal scores.
  await expect(page.getByText('The goal needs a mathematics target too.')).toHaveCount(0);
  await byId(page, 'goals.1.indicator').selectOption('math');
  await byId(page, 'goals.1.description').fill('Raise the mathematics performance index');
  await byId(page, 'goals.1.baseline').fill('48');
  await byId(page, 'goals.1.target').fill('53');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expectStatus(page, /Saved as a new version/);
  // Versions: 1 empty, 2 tier 3 for all schools, 3 a named school, 4 the budget, 5 this revision.
  await page.getByRole('link', { name: 'changes from version 4' }).click();
  await expect(page.getByText('Raise the mathematics performance index').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await openPlan(page, d.name);
  await boardVoteAndSignature(page, { date: '2025-09-02', votesFor: 7, votesAgainst: 0 }, name);
  await page.getByRole('button', { name: 'Resubmit to the state' }).click();
  await expectStatus(page, /Submitted to the state/);
  await signOut(page);

  // 9. Recommended, approved by the commissioner, funds released.
  await signIn(page, DEMO('reviewer'));
  await openPlan(page, d.name);
  await byId(page, 'note').fill('Meets the guidelines.');
  await page.getByRole('button', { name: 'Recommend to the commissioner' }).click();
  await expectStatus(page, /Recommended/);
  await signOut(page);
  await signIn(page, DEMO('commissioner'));
  await page.getByRole('link', { name: 'Cycles and the staff board' }).click();
  await expectNoAxeViolations(page);
  await openPlan(page, d.name);
  await page.getByRole('button', { name: 'Approve the plan', exact: true }).click();
  await expectStatus(page, /approved and published/);
  await byId(page, 'date').fill('2025-10-15');
  await page.getByRole('button', { name: /Record the release of/ }).click();
  await expectStatus(page, /release of the withheld funds is recorded/);
  await page.getByRole('link', { name: /audit trail/i }).click();
  await expect(page.getByRole('cell', { name: 'funds.released' })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // 10. The public page shows the approved plan, its narrative and the budget by funding area.
  await page.goto(`/districts/${d.code}`);
  const plan = page.getByRole('region', { name: /Approved plan, FY2026/ });
  await expect(plan).toBeVisible();
  await expect(plan).toContainText(`where ELA results are lowest (${d.slug})`);
  await expect(plan).toContainText('Staffing — direct service');
  await expect(plan).toContainText('Raise the mathematics performance index');
  await expect(plan).toContainText(/released/i);
  await expectNoAxeViolations(page);
});

test('the budget workbook round trip: download, edit in a spreadsheet, upload; a broken workbook is refused with the cell named', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'one project edits Ansonia');
  await signIn(page, DEMO('superintendent.multi'));
  await openPlan(page, 'Ansonia School District');
  await page.getByRole('link', { name: /(Edit|See) the budget/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Budget workbook');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the Excel workbook' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('Budget')!;
  expect(sheet, 'a "Budget" sheet').toBeTruthy();
  // Find the header row and the description column, then edit the first line's description.
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.values && (row.values as unknown[]).includes('Description')) header = n;
  });
  expect(header).toBeGreaterThan(0);
  const descCol = (sheet.getRow(header).values as unknown[]).indexOf('Description');
  sheet.getRow(header + 1).getCell(descCol).value = 'Reading interventionists (edited in Excel)';
  const edited = Buffer.from(await book.xlsx.writeBuffer());
  await byId(page, 'workbook').setInputFiles({ name: 'budget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
  await page.getByRole('button', { name: 'Import the workbook' }).click();
  await expectStatus(page, /Imported \d+ lines from the workbook/);
  await expect(page.getByRole('cell', { name: 'Reading interventionists (edited in Excel)' }).or(page.locator('input[value="Reading interventionists (edited in Excel)"]'))).toHaveCount(1);

  // A broken amount: refused, with the sheet, row and column, and nothing imported.
  const amountCol = (sheet.getRow(header).values as unknown[]).findIndex((v) => typeof v === 'string' && /amount/i.test(v));
  sheet.getRow(header + 1).getCell(amountCol).value = 'twelve dollars';
  const broken = Buffer.from(await book.xlsx.writeBuffer());
  await byId(page, 'workbook').setInputFiles({ name: 'budget.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
  await page.getByRole('button', { name: 'Import the workbook' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('nothing was imported');
  await expect(alert).toContainText(`Sheet "Budget", row ${header + 1}`);
  await expectNoAxeViolations(page);
});

test('two people save the same budget: the second sees a conflict and what changed, and nothing is lost', async ({ browser }) => {
  test.skip(test.info().project.name === 'no-js', 'one project edits Ansonia');
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const p of [first, second]) {
    await signIn(p, DEMO('superintendent.multi'));
    await openPlan(p, 'Ansonia School District');
    await p.getByRole('link', { name: /(Edit|See) the budget/ }).click();
    // Wait for the page itself: with JavaScript the link navigates in the page, after click() returns.
    await expect(p.getByRole('heading', { level: 1 })).toContainText('Budget workbook');
  }
  await byId(first, 'lines.0.description').fill('First person’s change');
  await first.getByRole('button', { name: 'Save the budget' }).click();
  await expectStatus(first, /Budget saved/);
  await byId(second, 'lines.0.description').fill('Second person’s change');
  await second.getByRole('button', { name: 'Save the budget' }).click();
  const alert = second.getByRole('alert');
  await expect(alert).toContainText('Someone else changed this plan');
  await expect(alert).toContainText(/saved .* by Morgan Multi/);
  // The first person's change is still there.
  await second.reload();
  await expect(byId(second, 'lines.0.description')).toHaveValue('First person’s change');
  await first.context().close();
  await second.context().close();
});

test('sign-in is throttled: five wrong passwords lock the account, and the page says so', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'one project locks the account');
  for (let i = 0; i < 5; i++) {
    await page.goto('/work/signin');
    await page.getByLabel('E-mail').fill(DEMO('editor.bridgeport'));
    await page.getByLabel('Password').fill(`not the password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText(/not right|locked/);
  }
  // Now even the right password is refused until the lock expires.
  await page.goto('/work/signin');
  await page.getByLabel('E-mail').fill(DEMO('editor.bridgeport'));
  await page.getByLabel('Password').fill('demo-password-for-testing');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/locked/);
  await expectNoAxeViolations(page);
});

test('a district person cannot open another district’s plan', async ({ page, request }) => {
  test.skip(test.info().project.name === 'no-js', 'once is enough');
  const bridgeport = await planIdOf(request, '0150011');
  await signIn(page, DEMO('editor.hartford'));
  const r = await page.goto(`/work/plans/${bridgeport}`);
  expect(r?.status()).toBe(403);
  await expect(page.getByText('You do not have permission')).toBeVisible();
});

test('the workflow API with a personal access token: the same permissions, JSON errors, the row version', async ({ request }) => {
  test.skip(test.info().project.name === 'no-js', 'HTTP only');
  const { sessionFor } = await import('./work.ts');
  const cookie = await sessionFor(request, DEMO('superintendent.hartford'));
  const made = await request.post('/work/tokens', { headers: { cookie }, form: { intent: 'create', name: 'e2e script' } });
  const token = /adp_[\w-]+/.exec(await made.text())?.[0];
  expect(token, 'a token shown once').toBeTruthy();
  const auth = { authorization: `Bearer ${token}` };

  const list = await request.get('/api/v1/plans', { headers: auth });
  expect(list.status()).toBe(200);
  const plans = ((await list.json()) as { plans: { planId: number; districtCode: string }[] }).plans;
  expect(plans.map((p) => p.districtCode)).toEqual(['0640011']);
  const hartford = plans[0]!.planId;

  const one = await request.get(`/api/v1/plans/${hartford}`, { headers: auth });
  const plan = ((await one.json()) as { plan: { rowVersion: number; actions: string[] } }).plan;
  expect(plan.actions).toContain('start-amendment');

  // A stale row version: nothing happens, 409 with what changed.
  const stale = await request.post(`/api/v1/plans/${hartford}`, { headers: auth, data: { intent: 'start-amendment', rowVersion: plan.rowVersion - 1 } });
  expect(stale.status()).toBe(409);
  const body = (await stale.json()) as { error: { status: number; message: string; changes: string[] } };
  expect(body.error.message).toMatch(/Someone else changed this plan/);
  expect(body.error.changes.length).toBeGreaterThan(0);

  // The body is read by the pages' command schema: a field that does not fit is named, nothing is done.
  const malformed = await request.post(`/api/v1/plans/${hartford}`, {
    headers: auth,
    data: { intent: 'save', rowVersion: plan.rowVersion, content: { needsAssessment: '', goals: [{ id: 'g1', indicator: 'height', description: '', baseline: 1, target: 2 }], strategies: [], interventions: [], narrative: '' } },
  });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { error: { issues: Record<string, string> } }).error.issues).toHaveProperty(['content.goals.0.indicator']);
  // A comment from a script reads back as a typed event.
  expect((await request.post(`/api/v1/plans/${hartford}`, { headers: auth, data: { intent: 'comment', body: 'Posted by the e2e script.' } })).status()).toBe(200);
  const after = ((await (await request.get(`/api/v1/plans/${hartford}`, { headers: auth })).json()) as { plan: { rowVersion: number; events: { kind: string; body?: string; internal?: boolean }[] } }).plan;
  expect(after.events.at(-1)).toMatchObject({ kind: 'comment', body: 'Posted by the e2e script.', internal: false });
  expect(after.rowVersion).toBe(plan.rowVersion);

  // Another district's plan, and an action this role does not have.
  const bridgeport = await planIdOf(request, '0150011');
  expect((await request.get(`/api/v1/plans/${bridgeport}`, { headers: auth })).status()).toBe(403);
  expect((await request.post(`/api/v1/plans/${hartford}`, { headers: auth, data: { intent: 'approve', rowVersion: plan.rowVersion } })).status()).toBe(403);
  // A made-up token is not a session.
  expect((await request.get('/api/v1/plans', { headers: { authorization: 'Bearer adp_not-a-token' } })).status()).toBe(401);

  // A token is for the API only: it opens no signed-in page and cannot make another token.
  const page = await request.get('/work/tokens', { headers: auth, maxRedirects: 0 });
  expect(page.status()).toBe(302);
  expect(page.headers().location).toMatch(/^\/work\/signin/);
  const mint = await request.post('/work/tokens', { headers: auth, form: { intent: 'create', name: 'minted by a token' }, maxRedirects: 0 });
  expect(await mint.text()).not.toMatch(/adp_/);
  expect((await request.get('/Work/Plans', { headers: auth, maxRedirects: 0 })).status()).not.toBe(200);

  // A read-only token reads and is refused every action; a revoked token is refused everything.
  const ro = /adp_[\w-]+/.exec(await (await request.post('/work/tokens', { headers: { cookie }, form: { intent: 'create', name: 'read-only dashboard', scope: 'read' } })).text())?.[0];
  const roAuth = { authorization: `Bearer ${ro}` };
  expect((await request.get(`/api/v1/plans/${hartford}`, { headers: roAuth })).status()).toBe(200);
  const refused = await request.post(`/api/v1/plans/${hartford}`, { headers: roAuth, data: { intent: 'comment', body: 'from a read-only token' } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
  const listed = await request.get('/work/tokens', { headers: { cookie } });
  const id = /name="id" value="(\d+)"[^>]*>\s*<button[^>]*aria-label="Revoke the token &quot;read-only dashboard&quot;"/.exec(await listed.text())?.[1];
  expect(id, 'the token is listed with a revoke button').toBeTruthy();
  await request.post('/work/tokens', { headers: { cookie }, form: { intent: 'revoke', id: id! } });
  expect((await request.get('/api/v1/plans', { headers: roAuth })).status()).toBe(401);
});

test('the commissioner delegates decisions for a period, and revokes the delegation', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'one project delegates');
  await signIn(page, DEMO('commissioner'));
  await page.getByRole('link', { name: 'Delegate decisions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegate decisions' })).toBeVisible();
  await expectNoAxeViolations(page);
  await byId(page, 'to').selectOption({ label: 'Robin Reviewer' });
  const end = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await byId(page, 'endsOn').fill(end);
  await byId(page, 'reason').fill('Away at the national conference');
  await page.getByRole('button', { name: 'Delegate', exact: true }).click();
  await expectStatus(page, new RegExp(`Robin Reviewer may decide on your behalf from \\d{4}-\\d{2}-\\d{2} to ${end}`));
  await page.getByRole('button', { name: 'Revoke the delegation to Robin Reviewer' }).first().click();
  await expectStatus(page, /The delegation is revoked/);
  await expect(page.getByText(/Robin Reviewer, .*Away at the national conference — revoked/)).toBeVisible();
});

test('the state adds guidance to the cycle; a district reads it and the rubric on its plan, and replies to a reviewer’s comment', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'one project adds guidance');
  const guidance = Buffer.from(`%PDF-1.4\n% FY2026 Alliance District guidance (${test.info().project.name})\n%%EOF\n`);
  await signIn(page, DEMO('admin'));
  await page.getByRole('link', { name: 'Cycles and the staff board' }).click();
  await page.getByLabel(/Add a guidance document/).setInputFiles({ name: 'FY2026 guidance.pdf', mimeType: 'application/pdf', buffer: guidance });
  await page.getByRole('button', { name: /Add to the FY2026 Alliance District plans guidance/ }).click();
  await expectStatus(page, /"FY2026 guidance.pdf" is added to the cycle's guidance/);
  await expectNoAxeViolations(page);
  await signOut(page);

  await signIn(page, DEMO('reviewer'));
  await openPlan(page, 'Ansonia School District');
  await byId(page, 'body').fill('Which schools get the tier 3 reading block?');
  await page.getByRole('button', { name: 'Post the comment' }).click();
  await expectStatus(page, /Comment posted/);
  await signOut(page);

  // (Not Bridgeport's account: the lockout test locks it.)
  await signIn(page, DEMO('superintendent.multi'));
  await openPlan(page, 'Ansonia School District');
  const rubric = page.getByRole('region', { name: 'How the state reviews this plan' });
  await expect(rubric).toContainText('Tiered interventions: The most intensive interventions in the lowest-performing schools.');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'FY2026 guidance.pdf' }).click();
  expect((await readFile(await (await download).path())).equals(guidance)).toBe(true);
  await page.getByText('Reply to Riley Reviewer').last().click();
  await page.getByLabel('Your reply').last().fill('Roosevelt and Hall, every morning.');
  await page.getByRole('button', { name: 'Post the reply' }).last().click();
  await expectStatus(page, /Reply posted/);
  await expect(page.getByRole('list', { name: 'Replies to Riley Reviewer' }).last()).toContainText('Roosevelt and Hall, every morning.');
  await expectNoAxeViolations(page);
});

test('the state gives one district a later deadline, and moves the cycle’s deadlines for everyone', async ({ page }) => {
  const d = projectDistrict();
  await signIn(page, DEMO('admin'));
  await openPlan(page, d.name);
  await byId(page, 'extend-deadline').selectOption('review');
  await byId(page, 'extend-date').fill('2025-09-30');
  await byId(page, 'extend-reason').fill(`Reviewers were reassigned (${d.slug}).`);
  await page.getByRole('button', { name: 'Extend the deadline' }).click();
  await expectStatus(page, /deadline is extended to 2025-09-30/);
  await expect(page.getByText('review 2025-09-30 (extended for this district from 2025-09-15)')).toBeVisible();
  await expect(page.getByText(`Deadline extended by Avery Admin`).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // The cycle's own deadlines: once, from the project with JavaScript (both projects share the cycle).
  if (test.info().project.name === 'no-js') return;
  await page.goto('/work/cycles');
  const form = page.locator('details', { hasText: 'Change the FY2026' });
  await form.locator('summary').click();
  await expectNoAxeViolations(page);
  await form.getByLabel("Deadline for the commissioner's decision").fill('2025-10-03');
  await form.getByLabel(/^Why/).fill('The commissioner is away the first week of October.');
  await form.getByRole('button', { name: 'Change the deadlines' }).click();
  await expectStatus(page, /FY2026 deadlines are changed/);
  await expect(page.getByText(/decision 2025-10-03/).first()).toBeVisible();
  const again = page.locator('details', { hasText: 'Change the FY2026' });
  // With JavaScript the page updates in place and the section stays open.
  if (!(await again.evaluate((e) => (e as HTMLDetailsElement).open))) await again.locator('summary').click();
  await again.getByLabel("Deadline for the commissioner's decision").fill('2025-10-01');
  await again.getByLabel(/^Why/).fill('Back to the published date.');
  await again.getByRole('button', { name: 'Change the deadlines' }).click();
  await expect(page.getByText(/decision 2025-10-01/).first()).toBeVisible();
});

test('the printed plan leaves out "What you can do now": its forms do not print, so neither does its heading', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'print styles are the same without JavaScript');
  await signIn(page, DEMO('superintendent.multi'));
  await openPlan(page, 'Derby School District');
  const heading = page.getByRole('heading', { level: 2, name: 'What you can do now' });
  await expect(heading).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(heading).toBeHidden();
  // The plan itself still prints.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main h2:visible').first()).toBeVisible();
});

test('a workbook knows whose it is: its file name says the plan and version, and another plan refuses it, naming both', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'the server answers the same without JavaScript; once is enough');
  await signIn(page, DEMO('superintendent.multi'));
  await openPlan(page, 'Derby School District');
  await page.getByRole('link', { name: /(Edit|See) the budget/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the Excel workbook' }).click();
  const derbyBook = await download;
  expect(derbyBook.suggestedFilename()).toMatch(/^budget-derby-0370011-FY2026-plan\d+-v\d+\.xlsx$/);
  const [, planId, version] = /plan(\d+)-v(\d+)/.exec(derbyBook.suggestedFilename())!;
  const bytes = await readFile(await derbyBook.path());
  // Uploaded into Ansonia's plan: refused, naming both plans.
  await openPlan(page, 'Ansonia School District');
  await page.getByRole('link', { name: /(Edit|See) the budget/ }).click();
  await byId(page, 'workbook').setInputFiles({ name: derbyBook.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  await page.getByRole('button', { name: 'Import the workbook' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('nothing was imported');
  await expect(alert).toContainText(`This workbook was exported from Derby School District's FY2026 plan (plan ${planId}, version ${version}); this is Ansonia School District's FY2026 plan`);
  await expectNoAxeViolations(page);
});
