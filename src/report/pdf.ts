/**
 * HTML to PDF with Chromium's own print (through playwright-core, no downloaded browser): the
 * system's Chromium (CHROMIUM_PATH, else /usr/bin/chromium), US Letter, page numbers in the
 * footer, the document's title in the header.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

export function chromiumPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export async function htmlToPdf(html: string, options: { executablePath: string; title: string }): Promise<Uint8Array> {
  if (!existsSync(options.executablePath)) {
    throw new PdfError(`A PDF needs Chromium, and there is none at ${options.executablePath}. Install it (on Debian: apt-get install chromium) or set CHROMIUM_PATH to its path; --format html writes the same report without it.`);
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: options.executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  } catch (e) {
    throw new PdfError(`Chromium at ${options.executablePath} did not start: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    const page = await browser.newPage();
    // The report is self-contained: nothing to fetch, so nothing may be fetched.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const small = 'font-size:8px;font-family:Arial,sans-serif;color:#454545;width:100%;padding:0 12mm;';
    const pdf = await page.pdf({
      format: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${small}">${options.title.replace(/[&<>"']/g, '')}</div>`,
      footerTemplate: `<div style="${small}text-align:right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      outline: true,
      tagged: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
