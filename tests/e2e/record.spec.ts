/**
 * One truth about who is designated: the official list (the record) and what a rule gives on a
 * year's data (a computation) are shown apart, each labelled. Plymouth, Griswold and Watertown —
 * selected when PA 22-118 is re-run on 2024-25 data, never designated by the state — are never
 * said to be designated, in English or Spanish; every law and base offered answers with a page.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';

const NOT_DESIGNATED = [
  ['1110011', 'Plymouth School District'],
  ['0580011', 'Griswold School District'],
  ['1530011', 'Watertown School District'],
] as const;

for (const [code, name] of NOT_DESIGNATED) {
  for (const lang of ['en', 'es'] as const) {
    test(`${name} (${lang}) is not an alliance district, and no sentence on its page says it was designated`, async ({ page }) => {
      test.skip(test.info().project.name === 'no-js' && code !== '1110011', 'the server-rendered text is the same; once is enough');
      await page.goto(`${lang === 'es' ? '/es' : ''}/districts/${code}`);
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      if (lang === 'en') {
        await expect(page.getByText(`${name} is not an alliance district for FY`)).toBeVisible();
        expect(text).toContain('If PA 22-118 were applied to 2024-25 data');
        expect(text).toContain('This differs from the official status above');
        expect(text).not.toMatch(/\bdesignated an alliance district\b(?! for any cycle)/i);
        expect(text).not.toMatch(/Result: designated|(?<!not )\bDesignated\b(?! \()/);
        expect(text).not.toMatch(/is an alliance district/);
      } else {
        await expect(page.getByText(`${name} no es un distrito de la Alianza para FY`)).toBeVisible();
        expect(text).toContain('Si PA 22-118 se aplicara a los datos de 2024-25');
        // The official explanation is said in Spanish, not left in English.
        expect(text).toContain(`${name} no figura en el registro de designaciones de ningún ciclo`);
        expect(text).toContain('Oficialmente: no es distrito de la Alianza para FY');
        expect(text).not.toMatch(/is not on the record|Officially:/);
        expect(text).not.toMatch(/\bDesignado\b|(?<!no )es un distrito de la Alianza para/);
      }
      // The computation's own steps, which are in English, never assert a designation either.
      const steps = (await page.locator('section.computation .trace').first().textContent()) ?? '';
      expect(steps).toMatch(/this rule selects it/);
      expect(steps).not.toMatch(/designated an alliance district for FY|Result: designated/);
    });
  }
}

test('the explorer shows the official list (36) apart from the computation (39), and measures the computation against it', async ({ page }) => {
  await page.goto('/designations');
  await expect(page.getByRole('heading', { name: /The official list for FY2023–FY2027 — the record/ })).toBeVisible();
  await expect(page.getByText(/^36 alliance districts, from the record of designations and PA 22-118/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /If PA 22-118 were applied to 2024-25 data — a computation/ }).first()).toBeVisible();
  await expect(page.getByText(/This computation selects 39 districts/)).toBeVisible();
  const vs = page.getByRole('region', { name: 'The computation against the official list' });
  await expect(vs.getByRole('link', { name: 'Plymouth School District' })).toBeVisible();
  await expect(vs).toContainText('Baseline: the official list for FY2023–FY2027 (PA 22-118).');
  await expectNoAxeViolations(page);
});

test('every law and proposal the explorer offers, and every base the simulator offers, answers with a page in both languages', async ({ request }) => {
  test.skip(test.info().project.name === 'no-js', 'HTTP only: once is enough');
  const laws = ((await (await request.get('/api/v1/laws')).json()) as { laws: { id: string }[] }).laws.map((l) => l.id);
  expect(laws).toEqual(expect.arrayContaining(['pa-12-116', 'pa-17-2', 'pa-22-118', 'rb-1458-2025']));
  const wrong: string[] = [];
  for (const law of laws) {
    for (const prefix of ['', '/es']) {
      const path = `${prefix}/designations?law=${law}`;
      const r = await request.get(path);
      if (r.status() !== 200) wrong.push(`${path}: ${r.status()}`);
    }
    const compared = await request.get(`/designations?law=pa-22-118&compare=${law}`);
    if (compared.status() !== 200) wrong.push(`compare=${law}: ${compared.status()}`);
  }
  for (const base of ['pa-12-116', 'pa-17-2', 'pa-22-118']) {
    for (const path of [`/scenarios?base=${base}`, `/scenarios?base=${base}&run=1`, `/es/scenarios?base=${base}&run=1`, `/scenarios?base=${base}&run=1&baseline=rerun`]) {
      const r = await request.get(path);
      if (r.status() !== 200) wrong.push(`${path}: ${r.status()}`);
    }
  }
  expect(wrong).toEqual([]);
});

test('in Spanish, the comparisons, the reasons and the missing data are said in Spanish', async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'the server-rendered text is the same; once is enough');
  await page.goto('/es/designations');
  const vs = page.getByRole('region', { name: 'El cálculo frente a la lista oficial' });
  await expect(vs).toContainText('Base de comparación: la lista oficial para FY2023–FY2027 (PA 22-118).');
  await expect(vs).toContainText('En PA 22-118 aplicada a los datos de 2024-25, no en la lista oficial');
  await expect(page.getByRole('cell', { name: /Seleccionado: distrito de la Alianza \(por posición\)/ }).first()).toBeVisible();
  await page.goto('/es/designations?law=pa-17-2');
  await expect(page.getByText('No hay índice de rendición de cuentas para 2015-16 en la base de datos')).toBeVisible();
  await page.goto('/es/scenarios?run=1');
  await expect(page.getByRole('heading', { name: 'El escenario frente a la lista oficial para FY2023–FY2027 (PA 22-118)' })).toBeVisible();
  await page.goto('/es/districts/1620011');
  await expect(page.getByText('keeps every district designated')).toHaveCount(0);
  await expect(page.getByText(/mantiene como distrito de la Alianza a todo distrito designado en FY2013–FY2022/)).toBeVisible();
});

test('a law whose data is missing says which data it needs and how to import it, and shows its cycle’s official list', async ({ page }) => {
  await page.goto('/designations?law=pa-17-2');
  await expect(page.getByRole('heading', { name: 'The data this rule needs is not in the database' })).toBeVisible();
  await expect(page.getByText(/no accountability index for 2015-16[\s\S]*h28j-iix5/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /The official list for FY2018–FY2022 — the record/ })).toBeVisible();
  await expect(page.getByText(/^33 alliance districts, from the record/)).toBeVisible();
  await page.goto('/designations?law=pa-12-116');
  await expect(page.getByText(/District Performance Index/).first()).toBeVisible();
  await expect(page.getByText(/^30 alliance districts, from the record/)).toBeVisible();
  await page.goto('/scenarios?base=pa-17-2&run=1');
  await expect(page.getByRole('heading', { name: 'The data this rule needs is not in the database' })).toBeVisible();
  await expect(page.getByText(/^33 alliance districts, from the record/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the API keeps them apart too: the official list is the record, a designation run says it is a computation', async ({ request }) => {
  test.skip(test.info().project.name === 'no-js', 'HTTP only');
  const official = await (await request.get('/api/v1/designations/official?fiscalYear=2027')).json();
  expect(official).toMatchObject({ kind: 'record', fiscalYear: 2027, counts: { designated: 36 } });
  expect(official.districts.map((d: { districtCode: string }) => d.districtCode)).not.toContain('1110011');
  const run = await (await request.get('/api/v1/designations?law=pa-22-118')).json();
  expect(run).toMatchObject({ kind: 'computation', description: expect.stringMatching(/^If PA 22-118 were applied to 2024-25 data — a computation/) });
  // One view model: the API has what the CLI has.
  const winchester = run.districts.find((d: { districtCode: string }) => d.districtCode === '1620011');
  expect(winchester).toMatchObject({ opportunityRank: expect.any(Number), priorDesignation: { firstFiscalYear: 2013 }, firstDesignatedFiscalYear: 2013 });
  const csv = await (await request.get('/api/v1/designations/official.csv?fiscalYear=2018')).text();
  expect(csv.trim().split('\n')).toHaveLength(34);
  expect((await request.get('/api/v1/designations/official?fiscalYear=2028')).status()).toBe(404);
});
