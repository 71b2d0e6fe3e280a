/**
 * The staff's tiers page: the demo cycle's districts in tiers with the reasons step by step and
 * the supports; other thresholds tried (said to be a computation, not the proposal); axe clean.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { DEMO, signIn } from './work.ts';

test('tiers of support: Meriden in tier 2 with its reasons and supports; other readings tried, said to be a computation', async ({ page }) => {
  await signIn(page, DEMO('reviewer'));
  await page.getByRole('link', { name: /Tiers of support/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tiers of support' })).toBeVisible();
  await expect(page.getByText(/A proposal, not law/)).toBeVisible();
  const table = page.getByRole('table', { name: /districts? with an approved plan, highest tier first/ });
  const meriden = table.getByRole('row', { name: /Meriden School District/ });
  await expect(meriden).toContainText('Tier 2 — targeted support');
  await expect(meriden).toContainText('1 condition of the approval not met: tier 2.');
  await expect(meriden).toContainText('Quarterly "Evidence for Fidelity of Implementation"');
  await expect(table.getByRole('row', { name: /Hartford School District/ })).toContainText('Not set yet: the year is not reviewed');
  await expectNoAxeViolations(page);
  // Tier 1 until reviewed: the page says these are not the proposal's tiers.
  const details = page.getByText('Try other thresholds');
  if (!(await page.getByLabel('What tier is a district whose year has not been reviewed yet?').isVisible())) await details.click();
  await page.getByLabel('What tier is a district whose year has not been reviewed yet?').selectOption('tier-1');
  await page.getByRole('button', { name: 'Show the tiers' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /a computation with your thresholds/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /highest tier first/ }).getByRole('row', { name: /Hartford School District/ })).toContainText('Tier 1 — universal support');
  // A threshold that is not a number is refused in words, beside the form.
  await page.getByLabel(/Consecutive years at tier 3 that bring tier 4/).fill('many');
  await page.getByRole('button', { name: 'Show the tiers' }).click();
  await expect(page.getByRole('alert')).toContainText('“many” is not a number (Consecutive years at tier 3 that bring tier 4). Give the thresholds as numbers.');
  await expect(page.getByLabel(/Consecutive years at tier 3 that bring tier 4/)).toHaveValue('many');
  await expectNoAxeViolations(page);
});
