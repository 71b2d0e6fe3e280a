import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const PG_PORT = PORT + 1;
const PG_URL = process.env.TEST_DATABASE_URL;
const PG_SCHEMA = `e2e_${PORT}`;

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against the real server on a
 * fresh SQLite database filled with the embedded dataset; every spec runs with JavaScript on
 * and with it off. With TEST_DATABASE_URL set, a second server runs on PostgreSQL and the
 * signed-in area's specs run against it too.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it at the start, and test-results/ also holds Vitest's report.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
    // The signed-in area again on PostgreSQL (when CI gives one): the workflow and the permission matrix.
    ...(PG_URL ? [{ name: 'pg', testMatch: /(workflow|permissions|uploads)\.spec\.ts/, use: { javaScriptEnabled: true, baseURL: `http://127.0.0.1:${PG_PORT}` } }] : []),
  ],
  webServer: [
    {
      // A fresh database every run: the server fills it with the embedded dataset and the demo on start.
      command: `node -e "require('node:fs').rmSync('test-results/e2e-db', { recursive: true, force: true })" && node scripts/start.ts`,
      url: `http://127.0.0.1:${PORT}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:./test-results/e2e-db/site-${PORT}.sqlite`,
        RATE_LIMIT_PER_MINUTE: '0',
        // Demo accounts and the sample FY2026 cycle (the workflow specs sign in with them).
        ALLIANCE_DEMO: '1',
      },
    },
    ...(PG_URL
      ? [
          {
            // The same on PostgreSQL, in a schema of its own that starts empty.
            command: `node scripts/drop-schema.ts ${PG_URL} ${PG_SCHEMA} && node scripts/drop-schema.ts ${PG_URL} ${PG_SCHEMA}_jobs && node scripts/start.ts`,
            url: `http://127.0.0.1:${PG_PORT}/`,
            timeout: 300_000,
            reuseExistingServer: false,
            env: {
              PORT: String(PG_PORT),
              HOST: '127.0.0.1',
              DATABASE_URL: PG_URL,
              DATABASE_SCHEMA: PG_SCHEMA,
              ALLIANCE_LOAD_EMBEDDED: '1',
              RATE_LIMIT_PER_MINUTE: '0',
              ALLIANCE_DEMO: '1',
            },
          },
        ]
      : []),
  ],
});
