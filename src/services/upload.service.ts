/**
 * Files people upload to a plan (the board's minutes): refused unless small enough and, by their
 * content, a PDF, a Word document, a PNG or a JPEG — the browser's type and the file's name are
 * the sender's say-so, the first bytes are not. Each file is kept with its SHA-256, in the
 * database or on disk (UPLOAD_STORAGE), and checked against that hash every time it is read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Executor } from '../data/batch.ts';
import { inTransaction, type Store } from '../data/database.ts';
import { can, PERMISSIONS, type Permission } from '../domain/auth/permissions.ts';
import { appendAudit } from './audit.service.ts';
import type { User } from './auth.service.ts';
import { WorkflowError } from './workflow-errors.ts';
import { readZipEntry, zipEntries } from './zip.ts';

export type UploadStorage = 'database' | 'disk';

export interface UploadSettings {
  readonly storage: UploadStorage;
  /** Where files go when stored on disk (absolute). */
  readonly dir: string;
  readonly maxBytes: number;
  /** The most one plan may keep in files, all its uploads together (UPLOAD_MAX_PER_PLAN_BYTES). */
  readonly maxPerPlanBytes: number;
}

export const DEFAULT_UPLOAD_MAX_PER_PLAN_BYTES = 100 * 1024 * 1024;
export const DEFAULT_UPLOAD_DIR = './data/uploads';
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** The settings from the environment; a wrong value is an error naming the variable, never a silent default. */
export function uploadSettings(env: NodeJS.ProcessEnv = process.env): UploadSettings {
  const storage = (env.UPLOAD_STORAGE ?? '').trim() || 'database';
  if (storage !== 'database' && storage !== 'disk') throw new Error(`UPLOAD_STORAGE must be "database" or "disk" (got "${storage.slice(0, 40)}").`);
  const rawMax = (env.UPLOAD_MAX_BYTES ?? '').trim();
  const maxBytes = rawMax ? Number(rawMax) : DEFAULT_UPLOAD_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new Error(`UPLOAD_MAX_BYTES must be a whole number of bytes above 0 (got "${rawMax.slice(0, 40)}").`);
  const rawPlan = (env.UPLOAD_MAX_PER_PLAN_BYTES ?? '').trim();
  const maxPerPlanBytes = rawPlan ? Number(rawPlan) : DEFAULT_UPLOAD_MAX_PER_PLAN_BYTES;
  if (!/^\d*$/.test(rawPlan) || !Number.isSafeInteger(maxPerPlanBytes) || maxPerPlanBytes <= 0) throw new Error(`UPLOAD_MAX_PER_PLAN_BYTES must be a whole number of bytes above 0 (got "${rawPlan.slice(0, 40)}").`);
  return { storage, dir: resolve((env.UPLOAD_DIR ?? '').trim() || DEFAULT_UPLOAD_DIR), maxBytes, maxPerPlanBytes };
}

/** A file refused on the way in: too large, empty, or not of a type we keep. Nothing was stored. */
export class UploadError extends WorkflowError {
  /** The reason in a few words, to show beside the file field. */
  readonly short: string;
  constructor(message: string, status: number, short: string) {
    super('upload_refused', message, status);
    this.short = short;
  }
}

/** A stored file no longer matches the hash recorded when it came in: it is not served. */
export class UploadIntegrityError extends Error {
  readonly uploadId: number;
  constructor(uploadId: number, message: string) {
    super(message);
    this.name = 'UploadIntegrityError';
    this.uploadId = uploadId;
  }
}

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/** The name a stored file of each type ends with (added when the sender's name lacks it). */
const EXTENSIONS: Readonly<Record<MediaType, readonly string[]>> = {
  [MEDIA_TYPES.pdf]: ['.pdf'],
  [MEDIA_TYPES.docx]: ['.docx'],
  [MEDIA_TYPES.png]: ['.png'],
  [MEDIA_TYPES.jpeg]: ['.jpg', '.jpeg'],
};

const ACCEPTED = 'a PDF, a Word document (.docx), a PNG or a JPEG image';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** What some refused contents are, so the message can say more than "not allowed". */
const KNOWN: readonly [signature: readonly number[], what: string][] = [
  [ascii('MZ'), 'a Windows program'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux program'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'a macOS program'],
  [ascii('#!'), 'a script'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old-format Office file (.doc/.xls); save it as PDF or .docx'],
  [ascii('GIF8'), 'a GIF image'],
  [ascii('<'), 'a web page or XML'],
];

/** The names in a zip file's central directory, or null if it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/**
 * XML as the checks read it: character references decoded and attribute quotes made double, so
 * `TargetMode='External'` and `macro&#69;nabled` are seen for what they are.
 */
function normaliseXml(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => String.fromCodePoint(Math.min(0x10ffff, parseInt(h, 16))))
    .replace(/&#(\d{1,7});/g, (_, d: string) => String.fromCodePoint(Math.min(0x10ffff, Number(d))))
    .replace(/'/g, '"');
}

/** The most a .docx's content types and relationship parts may inflate to, read to check them. */
const DOCX_PART_LIMIT = 2 * 1024 * 1024;
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * Why a zip named .docx is not a plain Word document, or null. Read from its parts, not its
 * names: the content types ([Content_Types].xml) must declare an ordinary Word main document
 * and no macro-enabled or VBA part; no relationship may attach an external template (the way a
 * document fetches macros from elsewhere when opened) or point at an external frame or object.
 */
export function docxProblem(bytes: Uint8Array): string | null {
  const entries = zipEntries(bytes);
  if (!entries) return 'it is named .docx but is not a readable Word document (a damaged or unusual zip file)';
  // Part names are case-insensitive (OPC); two entries of one name could show a checker one part and Word another.
  const lower = entries.map((e) => e.name.toLowerCase());
  if (new Set(lower).size !== lower.length) return 'it is named .docx but holds two parts of the same name (an unusual or tampered file)';
  const types = entries.find((e) => e.name.toLowerCase() === '[content_types].xml');
  if (!types || !entries.some((e) => e.name.startsWith('word/'))) return 'it is named .docx but its content is some other zip archive, not a Word document';
  const read = (e: (typeof entries)[number]) => {
    try {
      const b = readZipEntry(bytes, e, DOCX_PART_LIMIT);
      return b ? normaliseXml(new TextDecoder('utf-8', { fatal: false }).decode(b)) : null;
    } catch {
      return null;
    }
  };
  const contentTypes = read(types);
  if (contentTypes === null) return 'it is named .docx but its list of parts cannot be read (a damaged or unusual Word document)';
  if (/macroEnabled|vbaProject|vbaData|ms-office\.activeX|oleObject/i.test(contentTypes) || lower.some((n) => /vbaproject\.bin$|vbadata\.xml$|\/activex\//.test(n))) {
    return 'the Word document contains macros or embedded programs; save it as an ordinary .docx without macros, or as PDF';
  }
  // An ordinary Word document declares its main part so (a .docm declares a macro-enabled one).
  const main = /<Override\b[^>]*PartName="\/word\/document\.xml"[^>]*>/i.exec(contentTypes)?.[0];
  if (main && !main.toLowerCase().includes(`contenttype="${WORD_MAIN}"`)) return 'its main part is not an ordinary Word document (for example a macro-enabled one); save it as .docx or PDF';
  for (const rels of entries.filter((e) => e.name.toLowerCase().endsWith('.rels'))) {
    const xml = read(rels);
    if (xml === null) return 'it is named .docx but one of its parts cannot be read (a damaged or unusual Word document)';
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/gi)) {
      const rel = m[0];
      if (!/TargetMode="External"/i.test(rel)) continue;
      if (/\/(attachedTemplate|subDocument|frame|oleObject|package)"/i.test(rel)) {
        return 'the Word document attaches a template or an object from outside the file (which can bring macros when opened); save it as an ordinary .docx, or as PDF';
      }
    }
  }
  return null;
}

/**
 * The file's type by its first bytes (and, for a Word document, its zip entries), or why it is
 * refused. The name only decides between a Word document and any other zip.
 */
export function sniffType(name: string, bytes: Uint8Array): { ok: true; mediaType: MediaType } | { ok: false; reason: string } {
  if (startsWith(bytes, PDF)) return { ok: true, mediaType: MEDIA_TYPES.pdf };
  if (startsWith(bytes, PNG)) return { ok: true, mediaType: MEDIA_TYPES.png };
  if (startsWith(bytes, JPEG)) return { ok: true, mediaType: MEDIA_TYPES.jpeg };
  if (startsWith(bytes, ZIP)) {
    if (!name.toLowerCase().endsWith('.docx')) return { ok: false, reason: 'its content is a zip archive, and only Word documents (.docx) among zip files are accepted' };
    const problem = docxProblem(bytes);
    return problem ? { ok: false, reason: problem } : { ok: true, mediaType: MEDIA_TYPES.docx };
  }
  const known = KNOWN.find(([signature]) => startsWith(bytes, signature));
  return { ok: false, reason: `its content is ${known ? known[1] : 'not one of these'}, whatever its name or type says` };
}

/**
 * The sender's file name, fit to show and to offer back on download: no folders, no control or
 * reserved characters, at most 150 characters, and ending as its real type does.
 */
export function cleanFileName(raw: string, mediaType?: MediaType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    // Control and invisible format characters (a right-to-left override can disguise ".exe").
    .replace(/[\p{Cc}\p{Cf}"*:<>?|]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (name.length > 150) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 150 - ext.length) + ext;
  }
  if (!name) name = 'upload';
  if (mediaType && !EXTENSIONS[mediaType].some((e) => name.toLowerCase().endsWith(e))) name += EXTENSIONS[mediaType][0];
  return name;
}

/** A size as people say it: "10 MB", "64 KB", "512 bytes". */
export function formatSize(n: number): string {
  const round = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (n >= 1024 * 1024) return `${round(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n.toLocaleString('en-US')} bytes`;
}

/** The file's size against the limit, in bytes when rounding would make them look the same. */
function tooLarge(size: number, max: number): [string, string] {
  const [a, b] = [formatSize(size), formatSize(max)];
  return a === b ? [`${size.toLocaleString('en-US')} bytes`, `${max.toLocaleString('en-US')} bytes`] : [a, b];
}

export interface CheckedFile {
  readonly name: string;
  readonly mediaType: MediaType;
  readonly size: number;
  readonly sha256: string;
}

/** Size, emptiness and type, with a message that names the file; throws UploadError. */
export function checkUpload(file: { name: string; bytes: Uint8Array }, maxBytes: number): CheckedFile {
  const shown = cleanFileName(file.name);
  if (file.bytes.length === 0) throw new UploadError(`"${shown}" is empty: choose the file again, or check that it saved properly.`, 400, 'Empty.');
  if (file.bytes.length > maxBytes) {
    const [size, max] = tooLarge(file.bytes.length, maxBytes);
    throw new UploadError(`"${shown}" is ${size}; files may be at most ${max}.`, 413, `Larger than ${max}.`);
  }
  const type = sniffType(shown, file.bytes);
  if (!type.ok) throw new UploadError(`"${shown}" was not accepted: ${type.reason}. Upload ${ACCEPTED}.`, 415, `Not ${ACCEPTED}.`);
  return { name: cleanFileName(file.name, type.mediaType), mediaType: type.mediaType, size: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** Where a file of this hash lives under the upload folder: "ab/abcd…". Never the sender's name. */
const relativePath = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

/** The path of a stored row's file, refusing anything that is not a path this module wrote. */
function diskPath(dir: string, rel: string | null, sha256: string, uploadId: number): string {
  if (rel === null || rel !== relativePath(sha256) || !/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(rel)) {
    throw new UploadIntegrityError(uploadId, `Upload ${uploadId} records the path "${String(rel).slice(0, 80)}", which is not where a file of its hash is kept.`);
  }
  return join(dir, rel);
}

/**
 * Writes the bytes under the folder by their hash: to a temporary file beside the final one, then
 * renamed over it, so a reader never sees half a file. A file already there with the right
 * content is kept; a damaged one is replaced.
 */
async function writeByHash(dir: string, sha256: string, bytes: Uint8Array): Promise<string> {
  const rel = relativePath(sha256);
  const folder = join(dir, sha256.slice(0, 2));
  const final = join(dir, rel);
  await mkdir(folder, { recursive: true });
  try {
    if (createHash('sha256').update(await readFile(final)).digest('hex') === sha256) return rel;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const temporary = join(folder, `.${sha256}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o640);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, final);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
  return rel;
}

export interface StoredUpload {
  readonly id: number;
  readonly planId: number | null;
  readonly cycleId: number | null;
  readonly sha256: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** db | disk */
  readonly storage: string;
  readonly uploadedBy: number;
  readonly at: string;
}

const META = ['id', 'plan_id', 'cycle_id', 'sha256', 'name', 'media_type', 'size', 'storage', 'path', 'uploaded_by', 'at'] as const;

function toStored(r: { id: number; plan_id: number | null; cycle_id: number | null; sha256: string; name: string; media_type: string; size: number; storage: string; uploaded_by: number; at: string }): StoredUpload {
  return { id: Number(r.id), planId: r.plan_id === null ? null : Number(r.plan_id), cycleId: r.cycle_id === null ? null : Number(r.cycle_id), sha256: r.sha256, name: r.name, mediaType: r.media_type, size: Number(r.size), storage: r.storage, uploadedBy: Number(r.uploaded_by), at: r.at };
}

export interface SaveOptions {
  /** The permission the person needs on the plan's district (the action's own; default edit). */
  readonly permission?: Permission;
  readonly settings?: UploadSettings;
}

/**
 * Checks and keeps a file of a plan: the row and an `upload.stored` audit event in one
 * transaction. On disk the file is written first — content-addressed, so a file left behind by
 * a failed transaction is only a copy of some file's bytes, reused when it is uploaded again.
 * The same bytes uploaded again to the same plan (a retried form) give back the first upload.
 */
export async function saveUpload(store: Store, user: User, planId: number, file: { name: string; bytes: Uint8Array }, options: SaveOptions = {}): Promise<StoredUpload> {
  // Who may, before anything about the file is said or written.
  const plan = await store.db.selectFrom('plan').select('district_code').where('id', '=', planId).executeTakeFirst();
  if (!plan) throw new WorkflowError('not_found', `There is no plan ${planId}.`, 404);
  if (!can(user.grants, options.permission ?? PERMISSIONS.editPlanOwn, plan.district_code)) throw new WorkflowError('forbidden', 'You cannot add files to this plan.', 403);
  return keep(store, user, { planId }, file, options.settings ?? uploadSettings());
}

/** A guidance document for every district of a cycle: the state administrator's. */
export async function saveCycleDocument(store: Store, user: User, cycleId: number, file: { name: string; bytes: Uint8Array }, settings: UploadSettings = uploadSettings()): Promise<StoredUpload> {
  if (!can(user.grants, PERMISSIONS.manageCycleAny)) throw new WorkflowError('forbidden', 'Only a state administrator can add guidance to a cycle.', 403);
  if (!(await store.db.selectFrom('cycle').select('id').where('id', '=', cycleId).executeTakeFirst())) throw new WorkflowError('not_found', `There is no cycle ${cycleId}.`, 404);
  return keep(store, user, { cycleId }, file, settings);
}

/** A cycle's guidance documents, oldest first. */
export async function cycleDocuments(db: Executor, cycleId: number): Promise<StoredUpload[]> {
  return (await db.selectFrom('upload').select(META).where('cycle_id', '=', cycleId).orderBy('id').execute()).map(toStored);
}

/** A file checked (and, for disk storage, written under its hash), ready to be recorded in a transaction. */
export interface PreparedUpload {
  readonly checked: CheckedFile;
  readonly bytes: Uint8Array;
  readonly storage: 'db' | 'disk';
  readonly path: string | null;
  readonly settings: UploadSettings;
}

/** Checks the file (UploadError if refused) and, on disk, writes it under its hash. */
export async function prepareUpload(file: { name: string; bytes: Uint8Array }, settings: UploadSettings = uploadSettings()): Promise<PreparedUpload> {
  const checked = checkUpload(file, settings.maxBytes);
  const storage = settings.storage === 'disk' ? 'disk' : 'db';
  const path = storage === 'disk' ? await writeByHash(settings.dir, checked.sha256, file.bytes) : null;
  return { checked, bytes: file.bytes, storage, path, settings };
}

/**
 * Records a prepared file in the caller's transaction — so a file that comes with an action the
 * action's refusal rolls back is not kept. The same bytes uploaded again to the same plan give
 * back the first upload; a plan keeps at most `maxPerPlanBytes` of files in all.
 */
export async function insertUpload(trx: Executor, user: User, owner: { planId: number } | { cycleId: number }, prepared: PreparedUpload): Promise<StoredUpload> {
  const { checked, storage, path } = prepared;
  const planId = 'planId' in owner ? owner.planId : null;
  const cycleId = 'cycleId' in owner ? owner.cycleId : null;
  let again = trx.selectFrom('upload').select(META).where('sha256', '=', checked.sha256).where('storage', '=', storage);
  again = planId !== null ? again.where('plan_id', '=', planId) : again.where('cycle_id', '=', cycleId!);
  const found = await again.orderBy('id').executeTakeFirst();
  if (found) return toStored(found);
  if (planId !== null) {
    // Take the plan's row lock first (an update that changes nothing): two uploads at once then
    // sum one after the other, so together they cannot pass the bound.
    await trx.updateTable('plan').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', planId).execute();
    const used = await trx.selectFrom('upload').select((eb) => eb.fn.sum<number>('size').as('bytes')).where('plan_id', '=', planId).executeTakeFirst();
    const total = Number(used?.bytes ?? 0);
    if (total + checked.size > prepared.settings.maxPerPlanBytes) {
      throw new UploadError(
        `"${checked.name}" was not kept: this plan already keeps ${formatSize(total)} of files, and a plan may keep at most ${formatSize(prepared.settings.maxPerPlanBytes)}. Ask the state's administrator if more is needed.`,
        413,
        'The plan has no room for more files.',
      );
    }
  }
  const at = new Date().toISOString();
  const row = await trx
    .insertInto('upload')
    .values({ plan_id: planId, cycle_id: cycleId, sha256: checked.sha256, name: checked.name, media_type: checked.mediaType, size: checked.size, storage, content: storage === 'db' ? Buffer.from(prepared.bytes) : null, path, uploaded_by: user.id, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await appendAudit(trx, {
    actor: `user:${user.id}`,
    action: 'upload.stored',
    subject: planId !== null ? `plan:${planId}` : `cycle:${cycleId}`,
    details: { upload: id, name: checked.name, sha256: checked.sha256, size: checked.size, type: checked.mediaType, storage },
    at,
  });
  return { id, planId, cycleId, sha256: checked.sha256, name: checked.name, mediaType: checked.mediaType, size: checked.size, storage, uploadedBy: user.id, at };
}

/**
 * After a refused action. In the database nothing is left (the row went with the transaction).
 * On disk the bytes stay under their hash, unreferenced: another upload of the same bytes may be
 * writing its row at this moment, and deleting the file would leave that row without its file.
 * An unreferenced file is harmless (nobody can reach it) and is reused if the file comes again.
 */
export async function discardPrepared(_db: Executor, _prepared: PreparedUpload): Promise<void> {}

async function keep(store: Store, user: User, owner: { planId: number } | { cycleId: number }, file: { name: string; bytes: Uint8Array }, settings: UploadSettings): Promise<StoredUpload> {
  const prepared = await prepareUpload(file, settings);
  try {
    return await inTransaction(store, (trx) => insertUpload(trx, user, owner, prepared));
  } catch (e) {
    await discardPrepared(store.db, prepared);
    throw e;
  }
}

/** An upload's record without its bytes (e.g. to check who may see it before reading them). */
export async function uploadInfo(db: Executor, id: number): Promise<StoredUpload | null> {
  const r = await db.selectFrom('upload').select(META).where('id', '=', id).executeTakeFirst();
  return r ? toStored(r) : null;
}

export interface ReadOptions {
  /** Only an upload of this plan (another plan's is "not found"). */
  readonly planId?: number;
  /** Only a guidance document of this cycle. */
  readonly cycleId?: number;
  readonly settings?: UploadSettings;
}

/**
 * An upload's bytes and record, verified: bytes whose SHA-256 or length differ from what was
 * recorded on the way in throw UploadIntegrityError instead of being served.
 */
export async function readUpload(db: Executor, id: number, options: ReadOptions = {}): Promise<StoredUpload & { bytes: Uint8Array }> {
  let query = db.selectFrom('upload').select([...META, 'content']).where('id', '=', id);
  if (options.planId !== undefined) query = query.where('plan_id', '=', options.planId);
  if (options.cycleId !== undefined) query = query.where('cycle_id', '=', options.cycleId);
  const r = await query.executeTakeFirst();
  if (!r) throw new WorkflowError('not_found', 'There is no such file.', 404);
  const meta = toStored(r);
  let bytes: Uint8Array;
  if (r.storage === 'db') {
    if (!r.content) throw new UploadIntegrityError(meta.id, `Upload ${meta.id} is recorded as kept in the database, but its content is missing.`);
    bytes = new Uint8Array(r.content);
  } else if (r.storage === 'disk') {
    const file = diskPath((options.settings ?? uploadSettings()).dir, r.path, r.sha256, meta.id);
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UploadIntegrityError(meta.id, `The file of upload ${meta.id} is missing from the upload folder (${file}). Is UPLOAD_DIR set as when it was stored?`);
      throw e;
    }
  } else {
    throw new UploadIntegrityError(meta.id, `Upload ${meta.id} has an unknown storage "${r.storage.slice(0, 20)}".`);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== r.sha256 || bytes.length !== meta.size) {
    throw new UploadIntegrityError(meta.id, `The stored copy of upload ${meta.id} ("${meta.name}") has changed since it was uploaded: its SHA-256 is ${actual}, not ${r.sha256}. It is not served.`);
  }
  return { ...meta, bytes };
}

/** A file stored for a plan (its id, name and hash), or null when the id is not one of that plan's. */
export async function uploadOfPlan(db: Executor, id: number, planId: number): Promise<{ id: number; name: string; sha256: string } | null> {
  const u = await db.selectFrom('upload').select(['id', 'plan_id', 'name', 'sha256']).where('id', '=', id).executeTakeFirst();
  if (!u || u.plan_id === null || Number(u.plan_id) !== planId) return null;
  return { id: Number(u.id), name: u.name, sha256: u.sha256 };
}
