/**
 * The whole evaluation report as one HTML document (the same text `alliance report evaluation
 * --format html` writes, and the PDF is printed from): every measure, in English. No scripts;
 * its one inline style block is allowed by hash.
 */
import { createHash } from 'node:crypto';
import type { LoaderFunctionArgs } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import { renderEvaluationHtml } from '../../src/report/evaluation-html.ts';
import { evaluationReport } from '../../src/services/evaluation-report.service.ts';
import { groupingOf, membershipOf } from '../lib/evaluation-groups.ts';
import { SECURITY_HEADERS } from '../lib/headers.server.ts';
import { cached } from '../lib/store.server.ts';

export async function loader({ request }: LoaderFunctionArgs) {
  const grouping = groupingOf(new URL(request.url).searchParams);
  let html: string;
  try {
    html = await cached(`evaluation-report:${grouping}`, async (store) => renderEvaluationHtml(await evaluationReport(store, { membership: membershipOf(grouping) })));
  } catch (e) {
    if (e instanceof DomainError) return new Response(`The evaluation report cannot be made: ${e.message}`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
    throw e;
  }
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; style-src ${styles.join(' ')}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'public, max-age=300',
      ...SECURITY_HEADERS,
    },
  });
}
