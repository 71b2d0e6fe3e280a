/**
 * Every public page in English and Spanish, with JavaScript on and off: it renders, says its
 * language, has one h1, and axe finds no WCAG 2.2 AA violation.
 */
import { expect, test } from '@playwright/test';
import { es, expectNoAxeViolations, PAGES } from './fixtures.ts';

for (const page of PAGES) {
  test(`${page.path} (English) renders and passes axe`, async ({ page: p }) => {
    const response = await p.goto(page.path);
    expect(response?.status()).toBe(200);
    await expect(p.locator('html')).toHaveAttribute('lang', 'en');
    await expect(p.locator('h1')).toHaveCount(1);
    await expect(p.locator('h1')).toHaveText(page.h1);
    await expectNoAxeViolations(p);
  });

  test(`${es(page.path)} (Spanish) renders and passes axe`, async ({ page: p }) => {
    const response = await p.goto(es(page.path));
    expect(response?.status()).toBe(200);
    await expect(p.locator('html')).toHaveAttribute('lang', 'es');
    await expect(p.locator('h1')).toHaveText(page.h1es);
    await expectNoAxeViolations(p);
  });
}

test('the language switch leads to the same page in the other language', async ({ page }) => {
  await page.goto('/districts?status=alliance');
  await page.getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es\/districts\?status=alliance$/);
  await expect(page.locator('h1')).toHaveText('Distritos');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/districts\?status=alliance$/);
});

test('the API reference page passes axe, in both languages', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.locator('h1')).toHaveText(/Alliance Districts open data/);
  await expectNoAxeViolations(page);
  await page.goto('/es/api/docs');
  await expect(page.locator('h1')).toHaveText('API de datos abiertos');
  await expectNoAxeViolations(page);
});

test('printing hides the navigation and the forms and keeps the content', async ({ page }) => {
  await page.goto('/districts');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('form')).toBeHidden();
  await expect(page.locator('table').first()).toBeVisible();
});

test('counts read correctly in both languages: one district is "1 district shown"', async ({ page }) => {
  await page.goto('/districts?q=Winchester');
  await expect(page.getByRole('status')).toContainText('1 district shown.');
  await expect(page.getByRole('status')).not.toContainText('districts shown');
  await page.goto('/es/districts?q=Winchester');
  await expect(page.getByRole('status')).toContainText('Se muestra 1 distrito.');
  await page.goto('/es/districts?q=no-such-district');
  await expect(page.getByRole('status')).toContainText('No se muestra ningún distrito.');
});

for (const path of ['/districts/0640011', '/', '/es/districts/0640011']) {
  test(`${path}: the ECS-withheld chart keeps its "$" on the y-axis and says its summary once`, async ({ page }) => {
    await page.goto(path);
    const section = page.locator('section[aria-labelledby="money"]');
    const svg = section.locator('figure svg').first();
    // The y-axis labels: each begins with "$" and lies wholly inside the drawing (none cut off at the left).
    const labels = await svg.evaluate((el) =>
      [...el.querySelectorAll('text[text-anchor="end"]')].map((t) => ({ text: t.textContent ?? '', x: (t as SVGTextElement).getBBox().x })),
    );
    expect(labels.length).toBeGreaterThan(2);
    for (const l of labels) {
      expect(l.text).toMatch(/^\$/);
      expect(l.x, `"${l.text}" starts inside the chart`).toBeGreaterThanOrEqual(0);
    }
    expect(labels.at(-1)!.text).toMatch(/^\$\d+([.,]\d+)?[KMB]$/);
    // No sentence said twice in the section.
    const sentences = (await section.locator('p').allTextContents()).map((t) => t.trim()).filter(Boolean);
    expect(new Set(sentences).size, sentences.join('\n')).toBe(sentences.length);
  });
}

test('/about sets the figures quoted in 2017 beside the system\'s own, saying which is the early estimate and which the final split', async ({ page }) => {
  await page.goto('/about');
  const section = page.getByRole('region', { name: 'The figures quoted in 2017, and this system’s' });
  await expect(section).toContainText('Quoted: “$140.6 million of the almost $1.9 billion in ECS aid” for FY2017');
  await expect(section).toContainText('That is an early estimate');
  await expect(section.locator('.quoted-final')).toContainText(/^The final split: \$135,271,086 of the \$[\d,]+ in ECS entitlements for FY2017 is the alliance portion of its 30 alliance districts\..*equals CSDE’s published final split to the dollar/);
  await expect(section).toContainText('Quoted: “more than 200,000 students in 410 schools”');
  await expect(section.locator('.quoted-counted')).toContainText(/^Counted here: [\d,]+ students in 2016-17 in the 30 alliance districts of FY2017 \(EdSight enrollment\), and [\d,]+ schools listed for them/);
  await expectNoAxeViolations(page);
  await page.goto('/es/about');
  const es = page.getByRole('region', { name: 'Las cifras citadas en 2017 y las de este sistema' });
  await expect(es).toContainText('Es una estimación temprana');
  await expect(es.locator('.quoted-final')).toContainText(/^La división definitiva: \$135,271,086 de los /);
  await expect(es.locator('.quoted-counted')).toContainText(/^Contado aquí: [\d,]+ estudiantes en 2016-17 en los 30 distritos de la Alianza de FY2017/);
});

test('who attends alliance districts: the brief\'s 227,273 students (44.3%) in 2023-24, the groups, and what the data cannot give', async ({ page }) => {
  await page.goto('/outcomes');
  await page.getByLabel('School year').selectOption('2023-24');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('227,273 students attend the 36 alliance districts in 2023-24: 44.3% of the state’s 512,598 students.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Students by group, 2023-24/ }).getByRole('row', { name: /English learners/ })).toContainText(/of 36/);
  await expect(page.getByText(/cannot be computed from it without counting some students twice/)).toBeVisible();
  const csv = await (await page.request.get('/api/v1/outcomes/headline.csv?schoolYear=2023-24')).text();
  expect(csv.split('\n')[1]).toMatch(/^2023-24,all students,227273,512598,0\.44/);
  await page.goto('/es/outcomes?year=2023-24');
  // es-US: the separators readers in Connecticut expect.
  await expect(page.getByText(/227,273 estudiantes asisten a los 36 distritos de la Alianza en 2023-24: el 44.3%/)).toBeVisible();
});

test('the evaluation: pooled graduation by group and year, another measure and grouping chosen, the pandemic years said, in Spanish too', async ({ page }) => {
  await page.goto('/outcomes');
  await page.getByRole('link', { name: 'Results of alliance districts against the others, year by year' }).click();
  await expect(page).toHaveURL(/\/evaluation$/);
  const grad = page.getByRole('table', { name: /Four-year graduation rate, by school year and group/ });
  // 14 years of graduation, FY2012 to FY2025, each with its numerator and denominator.
  await expect(grad.locator('tbody tr')).toHaveCount(14);
  await expect(grad.getByRole('row', { name: /^2023-24/ })).toContainText(/\d+\.\d% \([\d,]+ of [\d,]+; \d+ districts\)/);
  await expect(page.getByText(/Computed by alliance-districts@/)).toBeVisible();
  const change = page.getByRole('table', { name: /change in the gap since the year before designation/ });
  // Each cohort against its matched look-alikes and against all never-designated districts.
  await expect(change.getByRole('row', { name: /First designated for FY2013 Matched: the 3 most similar/ })).toContainText(/2011-12\s*-?\d+\.\d \(-?\d+\.\d to -?\d+\.\d\)/);
  await expect(change.getByRole('row', { name: /First designated for FY2013 All never-designated/ })).toContainText(/2011-12\s*-?\d+\.\d \(-?\d+\.\d to -?\d+\.\d\)/);
  await expect(change.getByRole('row', { name: /First designated for FY2018 All never-designated/ })).toContainText('So few districts make the interval a rough guide only.');
  await expect(page.getByRole('table', { name: /Averages in the year before designation/ }).getByRole('row', { name: /FY2013 \(2011-12\) % free or reduced-price meals/ })).toBeVisible();
  await page.getByLabel('Measure').selectOption('sbac_ela');
  await page.getByLabel('Which districts count as alliance districts').selectOption('that-year');
  await page.getByRole('button', { name: 'Show' }).click();
  const ela = page.getByRole('table', { name: /English language arts: met or exceeded the standard, by school year and group/ });
  await expect(ela.getByRole('row', { name: /^2019-20/ })).toContainText('No statewide tests were given in 2019-20');
  await expect(ela.getByRole('row', { name: /^2014-15/ })).toContainText('Grade 11 took Smarter Balanced in 2014-15 only');
  await expect(page.getByText(/the districts on that fiscal year’s official list/)).toBeVisible();
  await expect(page.getByRole('row', { name: /First designated for FY2013 All never-designated/ })).toContainText('Not estimated: the data has no values for 2011-12');
  const csv = await (await page.request.get(await page.getByRole('link', { name: 'CSV' }).getAttribute('href') ?? '')).text();
  expect(csv.split('\n').find((l) => l.startsWith('2019-20,2020,alliance,'))).toMatch(/No statewide/);
  // Before, during and after the pandemic: Smarter Balanced has no pandemic year, said in words.
  const periods = page.getByRole('table', { name: /pooled over each period/ });
  await expect(periods.getByRole('row', { name: /^Pandemic years/ })).toContainText('No year with data');
  await expect(periods.getByRole('row', { name: /^Before the pandemic/ })).toContainText(/2014-15 to 2018-19 \(5 years\)/);
  // The rank cutoff: why it cannot be estimated, cycle by cycle.
  await expect(page.getByRole('heading', { name: 'Around the rank cutoff' })).toBeVisible();
  await expect(page.getByText(/FY2018 cycle: the state ranked on 2015-16 accountability data, and no district’s index for 2015-16 is imported/)).toBeVisible();
  await page.goto('/es/evaluation?measure=sbac_ela&groups=ever');
  await expect(page.getByRole('row', { name: /^2020-21/ })).toContainText('EdSight no tiene resultados de 2020-21');
  await expect(page.getByText(/Calculado por alliance-districts@/)).toBeVisible();
  await expect(page.getByText(/Ciclo FY2018: el estado hizo el ranking con los datos de rendición de cuentas de 2015-16/)).toBeVisible();
  await expect(page.getByRole('row', { name: /^Años de la pandemia/ })).toContainText('Ningún año con datos');
  // The whole report, one document: every measure, the contents, no script, its style allowed by hash only.
  await page.getByRole('link', { name: 'el informe de evaluación' }).click();
  await expect(page).toHaveURL(/\/evaluation\/report\?groups=ever$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^The Alliance District program: outcomes, FY2012–FY2025$/);
  await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link')).toHaveCount(13);
  await expect(page.getByRole('table', { name: /Midpoint review, FY2026: change since 2021-22/ }).getByRole('row', { name: /^Hartford School District/ })).toContainText(/of 3 years out of the lowest/);
  await expect(page.getByRole('heading', { level: 2, name: 'Smarter Balanced mathematics: met or exceeded the standard', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'ECS aid withheld from the alliance districts, by fiscal year' }).getByRole('row', { name: /^FY2024/ })).toContainText('227,273');
  const r = await page.request.get('/evaluation/report');
  expect(r.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
  await expectNoAxeViolations(page);
  // The style is applied under that policy: headings carry the report's rule.
  expect(await page.locator('h2').first().evaluate((h) => getComputedStyle(h).borderBottomStyle)).toBe('solid');
});
