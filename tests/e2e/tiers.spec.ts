/**
 * The staff's tiers page: the demo cycle's districts in tiers with the reasons step by step and
 * the supports; other thresholds tried (said to be a computation, not the proposal); axe clean.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { DEMO, planIdOf, signIn, signOut } from './work.ts';

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

test('a support of the tier: the state assigns it, the district gives the evidence, the state accepts it', async ({ page, request }) => {
  const slug = test.info().project.name;
  // Projects share the database: each assigns its own support.
  const support = slug === 'no-js' ? { id: 'needs-assessment', label: /State-directed needs assessment/ } : { id: 'program-review', label: /CSDE\/district in-depth program review/ };
  const meriden = await planIdOf(request, '0800011');
  await signIn(page, DEMO('reviewer'));
  await page.goto(`/work/plans/${meriden}/monitoring`);
  const section = page.getByRole('region', { name: 'Supports of the district’s tier' });
  await section.getByLabel('Assign a support').selectOption(support.id);
  await section.getByLabel('Owner').selectOption({ label: 'Mika Meriden' });
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await section.getByLabel('Due').fill(due);
  await section.getByLabel('What is asked (optional)').fill(`By the end of the month (${slug})`);
  await section.getByRole('button', { name: 'Assign the support' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The support is assigned, due ${due}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  await signIn(page, DEMO('superintendent.meriden'));
  await page.goto(`/work/plans/${meriden}/monitoring`);
  const mine = page.getByRole('region', { name: 'Supports of the district’s tier' }).getByRole('listitem').filter({ hasText: support.label });
  await expect(mine).toContainText(`Open: `);
  await mine.getByRole('textbox').fill(`The district's self-assessment, shared on the portal (${slug}).`);
  await mine.getByRole('button', { name: 'Give the evidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The evidence is given; the state reviews it.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign the support' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, DEMO('reviewer'));
  await page.goto(`/work/plans/${meriden}/monitoring`);
  const given = page.getByRole('region', { name: 'Supports of the district’s tier' }).getByRole('listitem').filter({ hasText: support.label });
  await expect(given).toContainText('Evidence given, awaiting the state');
  await given.getByRole('button', { name: 'Accept the evidence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The support is accepted.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Supports of the district’s tier' }).getByRole('listitem').filter({ hasText: support.label })).toContainText('Accepted');
});
