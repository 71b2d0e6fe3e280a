/**
 * The board's minutes in the browser: Derby's representative records the board's vote with the
 * minutes as a PDF, the plan page links to them, and the download gives back the very bytes sent
 * (as an attachment, never sniffed or cached). A program renamed .pdf is refused, naming the
 * file, and nothing is recorded.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures.ts';
import { DEMO, signIn } from './work.ts';

const DERBY = 'Derby School District';

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** A small, valid PDF, different on every run (the same bytes twice give back the first upload). */
function minutesPdf(): Buffer {
  const stamp = `${test.info().project.name} ${Date.now()}`;
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
      `% Minutes of the Derby Board of Education, ${stamp}`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n'),
  );
}

async function openDerby(page: Page): Promise<void> {
  await page.goto('/work');
  await page.getByRole('link', { name: DERBY }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DERBY);
}

async function fillVote(page: Page, meetingDate: string): Promise<void> {
  await byId(page, 'meetingDate').fill(meetingDate);
  await byId(page, 'votesFor').fill('6');
  await byId(page, 'votesAgainst').fill('1');
}

test("the board's minutes: uploaded with the vote, linked from the plan, downloaded unchanged; a disguised program is refused", async ({ page }) => {
  test.skip(test.info().project.name === 'no-js', 'Once is enough: the form is a plain multipart post either way');
  await signIn(page, DEMO('superintendent.multi'));
  await openDerby(page);

  // The vote with its minutes.
  const pdf = minutesPdf();
  await fillVote(page, '2025-08-04');
  await page.getByLabel('Minutes of the meeting (PDF)').setInputFiles({ name: 'derby-board-minutes.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: "Record the board's approval" }).click();
  await expect(page.getByRole('status').filter({ hasText: /board's approval is recorded, with the minutes/ })).toBeVisible();

  // The plan links to the minutes of the vote on this version.
  const link = page.getByRole('link', { name: /Minutes of the board meeting of 2025-08-04/ });
  await expect(link).toBeVisible();
  await expect(link).toContainText('derby-board-minutes.pdf');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/work\/plans\/\d+\/uploads\/\d+$/);

  // Downloaded: the same bytes, under the name it was sent with.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('derby-board-minutes.pdf');
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);

  // As an attachment of the stored type, never sniffed, never cached.
  const r = await page.request.get(href!);
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/pdf');
  expect(r.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(r.headers()['x-content-type-options']).toBe('nosniff');
  expect(r.headers()['cache-control']).toBe('no-store');
  expect((await r.body()).equals(pdf)).toBe(true);

  // A Windows program renamed .pdf (and sent as a PDF) is refused by its content, naming the file.
  await openDerby(page);
  await fillVote(page, '2025-08-05');
  await page.getByLabel('Minutes of the meeting (PDF)').setInputFiles({
    name: 'minutes-fake.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.from('This program cannot be run in DOS mode.')]),
  });
  await page.getByRole('button', { name: "Record the board's approval" }).click();
  const alert = page.getByRole('alert').filter({ hasText: /"minutes-fake\.pdf" was not accepted/ });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Nothing was recorded');
  await expectNoAxeViolations(page);

  // Nothing was recorded: the minutes shown are still those of the first vote.
  await openDerby(page);
  await expect(page.getByRole('link', { name: /Minutes of the board meeting of 2025-08-04/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Minutes of the board meeting of 2025-08-05/ })).toHaveCount(0);
});
