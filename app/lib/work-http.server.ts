/**
 * What every page of the signed-in area shares on the server: a refusal turned into its HTTP
 * answer (403, 404, 409 with what changed, 400 with the reason and the fields), the plan id from
 * the path and its district (what permissions are checked against), and form field readers.
 */
import { data } from 'react-router';
import { DomainError } from '../../src/domain/errors.ts';
import { ROLE_LABELS, type Grant } from '../../src/domain/auth/permissions.ts';
import { formatSize, uploadSettings } from '../../src/services/upload.service.ts';
import { districtOfPlan as planDistrict } from '../../src/data/plan.repository.ts';
import { CommandInputError, ConflictError, WorkflowError } from '../../src/services/plans/index.ts';
import { LedgerFileError } from '../../src/services/monitoring/index.ts';
import { getStore } from './store.server.ts';

/** The outcome of a form action, shown on the page. */
export interface ActionResult {
  readonly ok: boolean;
  readonly message: string;
  readonly issues?: Record<string, string>;
  readonly changes?: readonly string[];
}

/** For loaders: a refusal becomes the error page with its status. */
export function fail(e: unknown): never {
  throw refusal(e);
}

/** A refusal's HTTP status and what the person is told, or null for an error that is not a refusal. */
export function refusalOf(e: unknown): { status: number; result: ActionResult } | null {
  if (e instanceof ConflictError) return { status: 409, result: { ok: false, message: e.message, changes: e.changes } };
  if (e instanceof LedgerFileError) return { status: e.status, result: { ok: false, message: e.message, changes: e.issues.slice(0, 100).map((i) => (i.row ? `Row ${i.row}${i.column ? `, column "${i.column}"` : ''}: ${i.message}` : i.message)) } };
  if (e instanceof CommandInputError) return { status: e.status, result: { ok: false, message: e.message, issues: { ...e.issues } } };
  if (e instanceof WorkflowError) return { status: e.status, result: { ok: false, message: e.message } };
  if (e instanceof DomainError) return { status: 400, result: { ok: false, message: e.message } };
  return null;
}

/**
 * For actions: a refusal is returned with its status (409 with what changed, 403, 400), so the
 * page shows it beside the form with everything the person typed; anything else is a real error.
 */
export function refusal(e: unknown) {
  const r = refusalOf(e);
  if (!r) throw e;
  return data(r.result, { status: r.status });
}

export type ActionOutcome = ActionResult | ReturnType<typeof refusal>;

export function planId(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw data('There is no such plan.', { status: 404 });
  return Number(raw);
}

export async function districtOfPlan(id: number): Promise<string> {
  const code = await planDistrict((await getStore()).db, id);
  if (code === null) throw data('There is no such plan.', { status: 404 });
  return code;
}

export function describeGrant(g: Grant): string {
  return `${ROLE_LABELS[g.role]}${g.districtCode ? ` (${g.districtCode})` : ''}${g.delegatedBy !== undefined ? ' — delegated to you for now; what you decide is recorded on the commissioner\'s behalf' : ''}`;
}

export const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? NaN : Number(v));
export const txt = (v: FormDataEntryValue | null, max = 5000) => String(v ?? '').slice(0, max);

/** Room for a form's other fields beside its file. */
export const FORM_OVERHEAD_BYTES = 1024 * 1024;

/**
 * A multipart form larger than a file may be (plus its fields) is refused before it is read
 * into memory: the body is parsed whole. (A body sent without a length is still read whole.)
 */
export function oversizeForm(request: Request): ReturnType<typeof refusal> | null {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return null;
  const length = Number(request.headers.get('content-length') ?? 0);
  const { maxBytes } = uploadSettings();
  if (!(length > maxBytes + FORM_OVERHEAD_BYTES)) return null;
  const message = `The file is too large: files may be at most ${formatSize(maxBytes)}. Nothing was recorded.`;
  return data({ ok: false, message, issues: { minutes: `Larger than ${formatSize(maxBytes)}.` } } satisfies ActionResult, { status: 413 });
}

/** "attachment" with the stored name: plain ASCII for old clients, UTF-8 (RFC 6266) for the rest. */
export function attachment(name: string): string {
  const plain = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
