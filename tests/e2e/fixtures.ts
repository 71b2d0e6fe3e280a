/**
 * Shared helpers for the browser tests: an axe scan (WCAG 2.2 AA) that fails with the
 * violations listed, and the pages of the site in both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export async function expectNoAxeViolations(page: Page): Promise<void> {
  let target = page;
  let extra: Page | null = null;
  if (test.info().project.use.javaScriptEnabled === false) {
    // axe needs JavaScript to run; scan the very same page in a context where the page's own
    // scripts are blocked, so what is scanned is what a reader without JavaScript gets.
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    extra = await context.newPage();
    await extra.route('**/*.js', (r) => r.abort());
    await extra.goto(page.url());
    target = extra;
  }
  const t0 = Date.now();
  const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  if (process.env.DEBUG_AXE) console.log(`axe ${page.url()} ${Date.now() - t0} ms`);
  if (extra) await extra.context().close();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Every public page, English path first; the Spanish path is /es + the same. */
export const PAGES: readonly { path: string; h1: RegExp; h1es: RegExp }[] = [
  { path: '/', h1: /The Alliance District program/, h1es: /El programa de Distritos de la Alianza/ },
  { path: '/districts', h1: /^Districts$/, h1es: /^Distritos$/ },
  { path: '/districts/0640011', h1: /Hartford School District/, h1es: /Hartford School District/ },
  { path: '/designations', h1: /Designation explorer/, h1es: /Explorador de designaciones/ },
  { path: '/scenarios', h1: /What-if simulator/, h1es: /Simulador de escenarios/ },
  { path: '/about', h1: /Methodology and data/, h1es: /Metodología y datos/ },
  { path: '/glossary', h1: /Glossary/, h1es: /Glosario/ },
  { path: '/outcomes', h1: /^Who attends alliance districts$/, h1es: /^Quiénes asisten a los distritos de la Alianza$/ },
  { path: '/evaluation?measure=sbac_math&groups=cohort-2013', h1: /^Results: alliance districts and the others$/, h1es: /^Resultados: los distritos de la Alianza y los demás$/ },
];

export function es(path: string): string {
  return path === '/' ? '/es' : `/es${path}`;
}
