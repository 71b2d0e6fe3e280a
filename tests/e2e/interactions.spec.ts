/**
 * What people do on the site, with JavaScript on and off: filter and sort the districts, download
 * them, read why a district is designated, explore and compare laws, run a what-if scenario and
 * share it, meet a clear error, and use the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';

test('filter and sort the districts table with the form', async ({ page }) => {
  await page.goto('/districts');
  await page.getByLabel('Status').selectOption('alliance');
  await page.getByLabel('Sort by').selectOption('index');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/status=alliance/);
  await expect(page.getByRole('status')).toContainText('36 districts shown');
  const first = page.locator('tbody tr').first().locator('th');
  await expect(first).toHaveText('Norwich School District');
  await expectNoAxeViolations(page);
});

test('download the districts as CSV', async ({ page }) => {
  await page.goto('/districts?status=alliance');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^districts-FY\d{4}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split('\n');
  expect(lines[0]).toMatch(/^districtCode,name,orgType/);
  expect(lines).toHaveLength(37); // the header and the 36 alliance districts
});

test('a district page says why: the status, the history and the rule step by step with citations', async ({ page }) => {
  await page.goto('/districts/1620011');
  await expect(page.locator('h1')).toHaveText('Winchester School District');
  await expect(page.getByText(/is an alliance district for FY\d{4}/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Designation cycles' })).toContainText('FY2018–FY2022');
  // Officially: from the record, the cycle that designated it and the rule that keeps it.
  const record = page.getByRole('region', { name: /Why: the official record/ });
  await expect(record).toContainText('first designated an alliance district for FY2013, under PA 12-116');
  await expect(record).toContainText('keeps every district designated FY2013–FY2022');
  // Then, apart and labelled, what the rule gives on newer data.
  const computation = page.getByRole('region', { name: /a computation/ });
  await expect(computation).toContainText('If PA 22-118 were applied to 2024-25 data');
  // One phrase for an earlier designee below the size floor, not "selected" beside "too few students".
  await expect(computation).toContainText('would select Winchester School District as an earlier designee (now below 1,000 students).');
  await expect(computation).not.toContainText('no longer meets a step');
  await expect(page.getByRole('table', { name: 'Designation cycles' }).getByRole('row', { name: /FY2023–FY2027/ })).toContainText('Designated as an earlier designee (now below 1,000 students)');
  const trace = computation.locator('.trace').first();
  await expect(trace).toContainText('599 students in 2024-25 < 1,000');
  await expect(trace).toContainText('kept as an earlier designee');
  await expect(trace).toContainText('C.G.S. § 10-262u(a)(1)(B)');
  // Winchester skips step 3 (it is not ranked): "Step 4" is not also marked as the list's third item.
  const step4 = trace.locator('li', { hasText: 'Step 4:' });
  await expect(step4).toHaveCount(1);
  const marker = await step4.evaluate((li) => ({ list: li.parentElement!.tagName, before: getComputedStyle(li, '::before').content }));
  expect(marker.list, 'the steps carry their own numbers; the list does not number them again').toBe('UL');
  expect(marker.before).not.toMatch(/counter/);
  // The explorer's row says it the same way, in both languages.
  await page.goto('/designations');
  await expect(page.getByRole('row', { name: /Winchester School District/ }).last()).toContainText('Selected: alliance district, as an earlier designee (now below 1,000 students)');
  await page.goto('/es/districts/1620011');
  await expect(page.getByRole('region', { name: /un cálculo/ })).toContainText('seleccionaría a Winchester School District como designado anteriormente (ahora con menos de 1,000 estudiantes).');
  await expect(page.getByRole('table', { name: 'Ciclos de designación' })).toContainText('Designado como distrito designado anteriormente (ahora con menos de 1,000 estudiantes)');
});

test('compare two laws in the designation explorer: who enters, who leaves, the money', async ({ page }) => {
  await page.goto('/designations');
  await page.getByLabel('Law', { exact: true }).selectOption('rb-1458-2025');
  await page.getByLabel('Compare with').selectOption('pa-22-118');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/law=rb-1458-2025/);
  await expect(page.getByRole('heading', { level: 3, name: /^In PA 22-118 applied to 2024-25 data, not in 2025 Raised Bill 1458/ })).toBeVisible();
  // The proposal is measured against the official list too, and says so.
  await expect(page.getByText('Baseline: the official list for FY2023–FY2027 (PA 22-118).')).toBeVisible();
  await expect(page.getByText(/Withheld in FY\d{4}:/).first()).toBeVisible();
  await expect(page.getByText(/Cutoff: the 15 lowest end here/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a what-if scenario lives in the address, shows the difference, and can be shared', async ({ page }) => {
  await page.goto('/scenarios');
  await page.getByLabel('How many lowest').fill('20');
  await page.getByLabel('Minimum students (empty for no floor)').fill('');
  // The styled checkbox is its label, as a person clicks it.
  await page.locator('label[for=keep]').click();
  await expect(page.getByLabel('Keep districts designated before (grandfathering)')).not.toBeChecked();
  await page.getByRole('button', { name: 'Show the result' }).click();
  await expect(page).toHaveURL(/count=20/);
  await expect(page).toHaveURL(/floor=&/);
  await expect(page.getByText(/This computation selects 20 districts: 20 by rank and 0 earlier designees/)).toBeVisible();
  // The baseline is the official list (36), and the page says so.
  await expect(page.getByRole('heading', { name: 'The scenario against the official list for FY2023–FY2027 (PA 22-118)' })).toBeVisible();
  const share = await page.getByRole('link', { name: 'Link to this scenario' }).getAttribute('href');
  await page.goto(share!);
  await expect(page.getByText(/selects 20 districts/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('asking for FY2028 says no law is in force and shows the scenario instead', async ({ page }) => {
  await page.goto('/scenarios?run=1&fy=2028&keep=on');
  await expect(page.getByText('No law is in force for FY2028')).toBeVisible();
  await expect(page.getByText(/districts: 33 by rank/)).toBeVisible();
});

test('a scenario that cannot run says why, beside the form (400)', async ({ page }) => {
  const response = await page.goto('/scenarios?run=1&count=abc');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('count: "abc" is not a number');
  await expectNoAxeViolations(page);
});

test('bad addresses give clear 400 and 404 pages, not crashes', async ({ page }) => {
  let r = await page.goto('/designations?law=pa-99-1');
  expect(r?.status()).toBe(400);
  await expect(page.locator('h1')).toHaveText('The request cannot be answered');
  await expect(page.getByText(/There is no law or proposal "pa-99-1"/)).toBeVisible();
  r = await page.goto('/districts/0000001');
  expect(r?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  // A data year with no index still answers with the page: what is missing, and the official list.
  r = await page.goto('/designations?dataYear=2019-20');
  expect(r?.status()).toBe(200);
  await expect(page.getByText(/no accountability index for 2019-20/i)).toBeVisible();
  r = await page.goto('/es/no-such-page');
  expect(r?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Página no encontrada');
  await expectNoAxeViolations(page);
});

test('keyboard only: the skip link, then the navigation', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  await page.goto('/');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Districts') break;
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Districts');
});

test('pages send a strict Content-Security-Policy and security headers, and nothing breaks it', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto('/districts/0640011');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self' 'sha256-/);
  expect(headers['content-security-policy']).not.toContain('unsafe-inline');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  await page.getByRole('link', { name: 'Designations' }).click();
  await expect(page.locator('h1')).toHaveText('Designation explorer');
  expect(errors).toEqual([]);
});
