/**
 * Takes the README's screenshots of the main pages in Debian's Chromium: `node scripts/screenshots.ts`
 * (after `npm run build`). Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startServer } from '../server.ts';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
// The signed-in shots need the demo accounts and the sample cycle.
{
  const { openAppStore } = await import('../src/services/store.service.ts');
  const { seedDemo } = await import('../src/services/demo.service.ts');
  const store = await openAppStore(process.env, () => undefined);
  await seedDemo(store, process.env);
  await store.close();
}
const server = await startServer({ port: 0, rateLimitPerMinute: 0, log: () => undefined });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const shots: [string, string, string?][] = [
  ['overview', '/'],
  ['map', '/', '#map'],
  ['district', '/districts/0640011'],
  ['designations', '/designations?law=rb-1458-2025&compare=pa-22-118'],
  ['scenarios', '/scenarios?run=1&sel=percentile&percent=20&floor=&keep=on', '#result'],
  ['districts-es', '/es/districts?status=alliance&sort=index'],
];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  for (const [name, path, anchor] of shots) {
    await page.goto(server.url + path);
    if (anchor) await page.locator(anchor).first().evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
    console.log(`docs/screenshots/${name}.png`);
  }
  // The signed-in area, as a reviewer sees it.
  await page.goto(`${server.url}/work/signin`);
  await page.getByLabel('E-mail').fill('reviewer@demo.alliance.test');
  await page.getByLabel('Password').fill('demo-password-for-testing');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/work');
  for (const [name, link] of [['work-board', 'Cycles and the staff board'], ['work-plan', 'Bridgeport School District']] as const) {
    await page.goto(`${server.url}/work${name === 'work-board' ? '/cycles' : ''}`);
    if (name === 'work-plan') await page.getByRole('link', { name: link }).click();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
