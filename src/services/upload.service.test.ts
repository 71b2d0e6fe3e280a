/**
 * Uploads on SQLite and PostgreSQL, in the database and on disk: the same bytes and hash come
 * back; an oversize, empty or disguised file is refused with its name and nothing is kept; a
 * copy changed after upload is caught on read; the board's approval points at its minutes; and
 * the audit chain still verifies. The type and name checks are pure and tested once.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../tests/support/dialects.ts';
import { zipOf } from '../../tests/support/zip.ts';
import type { Store } from '../data/database.ts';
import { loadEmbedded } from '../data/embedded.ts';
import { auditOf, verifyAudit } from './audit.service.ts';
import { userByEmail, type User } from './auth.service.ts';
import { DEMO_DOMAIN, seedDemo } from './demo.service.ts';
import { cleanFileName, cycleDocuments, MEDIA_TYPES, prepareUpload, readUpload, saveCycleDocument, saveUpload, sniffType, UploadError, UploadIntegrityError, uploadSettings, type UploadSettings } from './upload.service.ts';
import { planView, recordBoardApproval } from './plans/index.ts';

const text = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A small PDF, as a scanner or word processor would start one. */
function pdf(body = 'Minutes of the regular meeting of the Board of Education'): Uint8Array {
  return text(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% ${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A zip of stored (uncompressed) entries, enough to stand for a .docx. */
const zip = (entries: Record<string, string>) => zipOf(Object.entries(entries).map(([name, content]) => ({ name, content })));

const MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOCX = { '[Content_Types].xml': `<Types><Override PartName="/word/document.xml" ContentType="${MAIN}"/></Types>`, 'word/document.xml': '<w:document/>' };

describe('what an upload is, by its content', () => {
  it('knows PDF, PNG, JPEG and Word by their first bytes, whatever the name says', () => {
    expect(sniffType('minutes.txt', pdf())).toEqual({ ok: true, mediaType: MEDIA_TYPES.pdf });
    expect(sniffType('scan', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ ok: true, mediaType: MEDIA_TYPES.png });
    expect(sniffType('scan.pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toEqual({ ok: true, mediaType: MEDIA_TYPES.jpeg });
    expect(sniffType('minutes.docx', zip(DOCX))).toEqual({ ok: true, mediaType: MEDIA_TYPES.docx });
  });

  it('refuses a program, a script, an ordinary zip, a zip dressed as .docx and a document with macros', () => {
    expect(sniffType('minutes.pdf', text('MZ\x90\x00rest of a program'))).toMatchObject({ ok: false, reason: /Windows program/ });
    expect(sniffType('minutes.pdf', text('#!/bin/sh\nrm -rf /'))).toMatchObject({ ok: false, reason: /script/ });
    expect(sniffType('minutes.zip', zip(DOCX))).toMatchObject({ ok: false, reason: /only Word documents/ });
    expect(sniffType('minutes.docx', zip({ 'payload.exe': 'MZ' }))).toMatchObject({ ok: false, reason: /some other zip/ });
    expect(sniffType('minutes.docx', zip({ ...DOCX, 'word/vbaProject.bin': 'x' }))).toMatchObject({ ok: false, reason: /macros/ });
    expect(sniffType('minutes.docx', text('PK\x03\x04 and then nothing a zip needs'))).toMatchObject({ ok: false, reason: /not a readable Word document/ });
    // Judged by its parts, not by one file name: a macro part under another name, a macro-enabled
    // main document, an external template attached.
    const types = (extra: string) => `<Types><Override PartName="/word/document.xml" ContentType="${MAIN}"/>${extra}</Types>`;
    expect(sniffType('minutes.docx', zip({ ...DOCX, '[Content_Types].xml': types('<Override PartName="/word/x.bin" ContentType="application/vnd.ms-office.vbaProject"/>'), 'word/x.bin': 'x' }))).toMatchObject({ ok: false, reason: /macros/ });
    expect(sniffType('minutes.docx', zip({ ...DOCX, '[Content_Types].xml': '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>' }))).toMatchObject({ ok: false, reason: /macros/ });
    const template = '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/></Relationships>';
    expect(sniffType('minutes.docx', zip({ ...DOCX, 'word/_rels/settings.xml.rels': template }))).toMatchObject({ ok: false, reason: /attaches a template/ });
    // However the XML writes it: single quotes, character references, another letter case, a second part of one name.
    const quoted = "<Relationships><Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate' Target='https://evil.example/t.dotm' TargetMode='External'/></Relationships>";
    expect(sniffType('minutes.docx', zip({ ...DOCX, 'word/_rels/settings.xml.rels': quoted }))).toMatchObject({ ok: false, reason: /attaches a template/ });
    expect(sniffType('minutes.docx', zip({ ...DOCX, 'WORD/_RELS/SETTINGS.XML.RELS': template }))).toMatchObject({ ok: false, reason: /attaches a template/ });
    expect(sniffType('minutes.docx', zip({ ...DOCX, '[Content_Types].xml': types('<Default Extension="bin" ContentType="application/vnd.ms-office.vba&#80;roject"/>') }))).toMatchObject({ ok: false, reason: /macros/ });
    const twice = zipOf([...Object.entries(DOCX).map(([name, content]) => ({ name, content })), { name: 'word/document.xml', content: '<w:document/>' }]);
    expect(sniffType('minutes.docx', twice)).toMatchObject({ ok: false, reason: /two parts of the same name/ });
    // An ordinary hyperlink to a web page is fine.
    const link = '<Relationships><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://portal.ct.gov/sde" TargetMode="External"/></Relationships>';
    expect(sniffType('minutes.docx', zip({ ...DOCX, 'word/_rels/document.xml.rels': link }))).toEqual({ ok: true, mediaType: MEDIA_TYPES.docx });
    expect(sniffType('notes.pdf', text('Just some text'))).toMatchObject({ ok: false, reason: /not one of these/ });
  });

  it('keeps only the last part of the name, without control or disguising characters, ending as its type does', () => {
    expect(cleanFileName('../../etc/passwd', MEDIA_TYPES.pdf)).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\clerk\\Minutes 8-1.PDF', MEDIA_TYPES.pdf)).toBe('Minutes 8-1.PDF');
    expect(cleanFileName('minutes\u202Efdp.exe', MEDIA_TYPES.pdf)).toBe('minutesfdp.exe.pdf');
    expect(cleanFileName('scan.jpeg', MEDIA_TYPES.jpeg)).toBe('scan.jpeg');
    expect(cleanFileName('a"b\r\nc.pdf')).toBe('abc.pdf');
    expect(cleanFileName('...')).toBe('upload');
    expect(cleanFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(150);
  });

  it('reads its settings from the environment and names a wrong one', () => {
    expect(uploadSettings({})).toMatchObject({ storage: 'database', maxBytes: 10 * 1024 * 1024 });
    expect(uploadSettings({}).dir).toMatch(/data[\\/]uploads$/);
    expect(uploadSettings({ UPLOAD_STORAGE: 'disk', UPLOAD_DIR: '/srv/uploads', UPLOAD_MAX_BYTES: '2048' })).toEqual({ storage: 'disk', dir: '/srv/uploads', maxBytes: 2048, maxPerPlanBytes: 100 * 1024 * 1024 });
    expect(() => uploadSettings({ UPLOAD_STORAGE: 's3' })).toThrow(/UPLOAD_STORAGE must be "database" or "disk"/);
    expect(() => uploadSettings({ UPLOAD_MAX_BYTES: '10MB' })).toThrow(/UPLOAD_MAX_BYTES/);
  });
});

describe.each(dialects)('uploads ($name)', (dialect) => {
  let store: Store;
  let dir: string;
  let derby: number;
  let hartford: number;
  let database: UploadSettings;
  let disk: UploadSettings;
  const users: Record<string, User> = {};
  const planOf = async (code: string) => Number((await store.db.selectFrom('plan').select('id').where('district_code', '=', code).executeTakeFirstOrThrow()).id);
  const count = async () => Number((await store.db.selectFrom('upload').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async () => Number((await store.db.selectFrom('audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    store = await dialect.open();
    await loadEmbedded(store);
    await seedDemo(store, {});
    for (const who of ['superintendent.multi', 'superintendent.hartford', 'board.hartford', 'editor.bridgeport']) users[who] = (await userByEmail(store.db, `${who}@${DEMO_DOMAIN}`))!;
    derby = await planOf('0370011');
    hartford = await planOf('0640011');
    dir = await mkdtemp(join(tmpdir(), 'alliance-uploads-'));
    database = { storage: 'database', dir, maxBytes: 64 * 1024, maxPerPlanBytes: 10 * 1024 * 1024 };
    disk = { storage: 'disk', dir, maxBytes: 64 * 1024, maxPerPlanBytes: 10 * 1024 * 1024 };
  }, 120_000);
  afterAll(async () => {
    await dialect.close(store);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a PDF in the database and gives back the same bytes, with its hash in the audit trail', async () => {
    const bytes = pdf('database copy');
    const saved = await saveUpload(store, users['superintendent.multi']!, derby, { name: 'Minutes 2025-08-01.pdf', bytes }, { settings: database });
    expect(saved).toMatchObject({ planId: derby, name: 'Minutes 2025-08-01.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha(bytes), storage: 'db' });
    const back = await readUpload(store.db, saved.id, { settings: database });
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(back.sha256).toBe(sha(bytes));
    const row = await store.db.selectFrom('upload').select(['path', 'plan_id']).where('id', '=', saved.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ path: null, plan_id: derby });
    const event = (await auditOf(store.db, `plan:${derby}`)).find((e) => e.action === 'upload.stored' && e.details.upload === saved.id);
    expect(event?.details).toMatchObject({ sha256: sha(bytes), size: bytes.length, type: 'application/pdf', storage: 'db' });
  });

  it('keeps a PDF on disk under its hash (never its name), with no temporary file left, and gives back the same bytes', async () => {
    const bytes = pdf('disk copy');
    const saved = await saveUpload(store, users['superintendent.multi']!, derby, { name: '../../../etc/minutes.pdf', bytes }, { settings: disk });
    expect(saved).toMatchObject({ storage: 'disk', name: 'minutes.pdf', sha256: sha(bytes) });
    const row = await store.db.selectFrom('upload').select(['path', 'content']).where('id', '=', saved.id).executeTakeFirstOrThrow();
    expect(row.content).toBeNull();
    expect(row.path).toBe(`${sha(bytes).slice(0, 2)}/${sha(bytes)}`);
    expect(Buffer.from(await readFile(join(dir, row.path!))).equals(Buffer.from(bytes))).toBe(true);
    expect(await readdir(join(dir, sha(bytes).slice(0, 2)))).toEqual([sha(bytes)]);
    const back = await readUpload(store.db, saved.id, { settings: disk, planId: derby });
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true);
    // Another plan's address does not reach it.
    await expect(readUpload(store.db, saved.id, { settings: disk, planId: hartford })).rejects.toMatchObject({ status: 404 });
  });

  it('gives back the first upload when the same file comes again to the same plan (a retried form)', async () => {
    const bytes = pdf('sent twice');
    const first = await saveUpload(store, users['superintendent.multi']!, derby, { name: 'minutes.pdf', bytes }, { settings: database });
    const events = await auditCount();
    const again = await saveUpload(store, users['superintendent.multi']!, derby, { name: 'minutes (1).pdf', bytes }, { settings: database });
    expect(again.id).toBe(first.id);
    expect(await auditCount()).toBe(events);
  });

  it('refuses an oversize file, a program renamed .pdf and an empty file, naming the file; nothing is kept', async () => {
    const rep = users['superintendent.multi']!;
    const before = { uploads: await count(), events: await auditCount() };
    const big = new Uint8Array(64 * 1024 + 1);
    big.set(pdf());
    const refused = [
      [{ name: 'huge.pdf', bytes: big }, 413, /"huge\.pdf" is 65,537 bytes; files may be at most 65,536 bytes/],
      [{ name: 'minutes.pdf', bytes: text('MZ\x90\x00\x03\x00 This program cannot be run in DOS mode.') }, 415, /"minutes\.pdf" was not accepted: its content is a Windows program/],
      [{ name: 'blank.pdf', bytes: new Uint8Array(0) }, 400, /"blank\.pdf" is empty/],
    ] as const;
    for (const settings of [database, disk]) {
      for (const [file, status, message] of refused) {
        const err = await saveUpload(store, rep, derby, file, { settings }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UploadError);
        expect(err).toMatchObject({ status, message });
      }
    }
    expect({ uploads: await count(), events: await auditCount() }).toEqual(before);
  });

  it('keeps a Word document; refuses a zip that only calls itself one', async () => {
    const rep = users['superintendent.multi']!;
    const doc = await saveUpload(store, rep, derby, { name: 'minutes.docx', bytes: zip(DOCX) }, { settings: database });
    expect(doc.mediaType).toBe(MEDIA_TYPES.docx);
    await expect(saveUpload(store, rep, derby, { name: 'minutes.docx', bytes: zip({ 'evil.exe': 'MZ' }) }, { settings: database })).rejects.toThrow(/"minutes\.docx" was not accepted/);
  });

  it('only those who may act on the plan may upload to it', async () => {
    const bytes = pdf('not theirs');
    await expect(saveUpload(store, users['board.hartford']!, hartford, { name: 'm.pdf', bytes }, { settings: database })).rejects.toMatchObject({ status: 403 });
    await expect(saveUpload(store, users['editor.bridgeport']!, derby, { name: 'm.pdf', bytes }, { settings: database })).rejects.toMatchObject({ status: 403 });
    await expect(saveUpload(store, users['superintendent.multi']!, 999_999, { name: 'm.pdf', bytes }, { settings: database })).rejects.toMatchObject({ status: 404 });
  });

  it('catches a copy changed after upload, on disk or in the database, and a path that leads elsewhere', async () => {
    const rep = users['superintendent.multi']!;
    const onDisk = await saveUpload(store, rep, derby, { name: 'tampered.pdf', bytes: pdf('to be tampered with on disk') }, { settings: disk });
    const row = await store.db.selectFrom('upload').select('path').where('id', '=', onDisk.id).executeTakeFirstOrThrow();
    await writeFile(join(dir, row.path!), pdf('to be tampered with on disK'));
    await expect(readUpload(store.db, onDisk.id, { settings: disk })).rejects.toThrow(UploadIntegrityError);
    await expect(readUpload(store.db, onDisk.id, { settings: disk })).rejects.toThrow(/has changed since it was uploaded/);
    await rm(join(dir, row.path!));
    await expect(readUpload(store.db, onDisk.id, { settings: disk })).rejects.toThrow(/missing from the upload folder/);

    await store.db.updateTable('upload').set({ path: '../../../../etc/passwd' }).where('id', '=', onDisk.id).execute();
    await expect(readUpload(store.db, onDisk.id, { settings: disk })).rejects.toThrow(/not where a file of its hash is kept/);

    const inDb = await saveUpload(store, rep, derby, { name: 'db.pdf', bytes: pdf('to be tampered with in the database') }, { settings: database });
    await store.db.updateTable('upload').set({ content: Buffer.from(pdf('to be tampered with in the databasE')) }).where('id', '=', inDb.id).execute();
    await expect(readUpload(store.db, inDb.id, { settings: database })).rejects.toThrow(UploadIntegrityError);
  });

  it("the board's approval points at its minutes, and its audit event carries their hash; another plan's file is refused", async () => {
    const rep = users['superintendent.multi']!;
    const bytes = pdf('approved 6-1');
    const minutes = await saveUpload(store, rep, derby, { name: 'board-minutes.pdf', bytes }, { settings: database });
    let v = await planView(store.db, rep, derby);
    await recordBoardApproval(store, rep, derby, { meetingDate: '2025-08-01', votesFor: 6, votesAgainst: 1, abstentions: 0, minutesUploadId: minutes.id }, v.rowVersion);
    v = await planView(store.db, rep, derby);
    expect(v.facts.boardApproved).toBe(true);
    const vote = [...v.events].reverse().find((e) => e.kind === 'board-approval')!;
    expect(vote.version).toBe(v.version);
    expect(vote).toMatchObject({ minutesUploadId: minutes.id, minutesName: 'board-minutes.pdf', minutesSha256: sha(bytes) });
    const audit = (await auditOf(store.db, `plan:${derby}`)).filter((e) => e.action === 'plan.board-approved').at(-1)!;
    expect(audit.details.minutes).toEqual({ upload: minutes.id, sha256: sha(bytes) });

    const hartfordFile = await saveUpload(store, users['superintendent.hartford']!, hartford, { name: 'other.pdf', bytes: pdf('Hartford') }, { settings: database });
    await expect(recordBoardApproval(store, rep, derby, { meetingDate: '2025-08-02', votesFor: 6, votesAgainst: 1, abstentions: 0, minutesUploadId: hartfordFile.id })).rejects.toThrow(/uploaded to this plan/);
    await expect(recordBoardApproval(store, rep, derby, { meetingDate: '2025-08-02', votesFor: 6, votesAgainst: 1, abstentions: 0, minutesUploadId: 987_654 })).rejects.toMatchObject({ status: 400 });
  });

  it('a board vote refused keeps none of the minutes that came with it, on disk or in the database', async () => {
    const rep = users['superintendent.multi']!;
    const v = await planView(store.db, rep, derby);
    const before = { uploads: await count(), events: await auditCount() };
    for (const [i, settings] of [database, disk].entries()) {
      const bytes = pdf(`minutes of a vote refused, try ${i}`);
      const prepared = await prepareUpload({ name: 'refused.pdf', bytes }, settings);
      // A stale form: 409, and nothing of it stays.
      await expect(recordBoardApproval(store, rep, derby, { meetingDate: '2025-08-01', votesFor: 6, votesAgainst: 1, abstentions: 0, minutesUploadId: null, minutes: prepared }, v.rowVersion - 1)).rejects.toMatchObject({ status: 409 });
      // No record of it: on disk its bytes stay under their hash, unreferenced (another upload of
      // the same bytes may be writing its row), and nobody can reach them.
      expect(await store.db.selectFrom('upload').select('id').where('sha256', '=', prepared.checked.sha256).execute()).toEqual([]);
    }
    // Someone without the right: 403, nothing kept.
    const stranger = await prepareUpload({ name: 'x.pdf', bytes: pdf('stranger') }, database);
    await expect(recordBoardApproval(store, users['editor.bridgeport']!, derby, { meetingDate: '2025-08-01', votesFor: 6, votesAgainst: 1, abstentions: 0, minutesUploadId: null, minutes: stranger })).rejects.toMatchObject({ status: 403 });
    expect({ uploads: await count(), events: await auditCount() }).toEqual(before);
    // Accepted: the file and the vote, together.
    const ok = await prepareUpload({ name: 'accepted.pdf', bytes: pdf('approved 7-0') }, database);
    await recordBoardApproval(store, rep, derby, { meetingDate: '2025-08-01', votesFor: 7, votesAgainst: 0, abstentions: 0, minutesUploadId: null, minutes: ok }, v.rowVersion);
    const vote = [...(await planView(store.db, rep, derby)).events].reverse().find((e) => e.kind === 'board-approval')!;
    expect(vote).toMatchObject({ minutesName: 'accepted.pdf', minutesSha256: ok.checked.sha256 });
    expect(await count()).toBe(before.uploads + 1);
  });

  it('a plan keeps at most UPLOAD_MAX_PER_PLAN_BYTES of files', async () => {
    const rep = users['superintendent.multi']!;
    const used = Number((await store.db.selectFrom('upload').select((eb) => eb.fn.sum<number>('size').as('n')).where('plan_id', '=', derby).executeTakeFirstOrThrow()).n);
    const tight = { ...database, maxPerPlanBytes: used + 1000 };
    await saveUpload(store, rep, derby, { name: 'small.pdf', bytes: pdf('fits') }, { settings: tight });
    const err = await saveUpload(store, rep, derby, { name: 'one-too-many.pdf', bytes: pdf('x'.repeat(2000)) }, { settings: tight }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadError);
    expect(err).toMatchObject({ status: 413, message: /a plan may keep at most/ });
    expect(() => uploadSettings({ UPLOAD_MAX_PER_PLAN_BYTES: '100MB' })).toThrow(/UPLOAD_MAX_PER_PLAN_BYTES/);
  });

  it('a cycle’s guidance: only the administrator adds it; it is read through the cycle, not as another plan’s file', async () => {
    const admin = (await userByEmail(store.db, `admin@${DEMO_DOMAIN}`))!;
    const cycleId = Number((await store.db.selectFrom('plan').select('cycle_id').where('id', '=', derby).executeTakeFirstOrThrow()).cycle_id);
    const bytes = pdf('FY2026 guidance');
    await expect(saveCycleDocument(store, users['superintendent.multi']!, cycleId, { name: 'Guidance.pdf', bytes }, database)).rejects.toMatchObject({ status: 403 });
    await expect(saveCycleDocument(store, admin, 999_999, { name: 'Guidance.pdf', bytes }, database)).rejects.toMatchObject({ status: 404 });
    const doc = await saveCycleDocument(store, admin, cycleId, { name: 'FY2026 Alliance guidance.pdf', bytes }, disk);
    expect(doc).toMatchObject({ cycleId, planId: null, name: 'FY2026 Alliance guidance.pdf', storage: 'disk' });
    expect((await cycleDocuments(store.db, cycleId)).map((d) => d.id)).toEqual([doc.id]);
    const back = await readUpload(store.db, doc.id, { cycleId, settings: disk });
    expect(Buffer.from(back.bytes).equals(Buffer.from(bytes))).toBe(true);
    await expect(readUpload(store.db, doc.id, { planId: derby, settings: disk })).rejects.toMatchObject({ status: 404 });
    await expect(readUpload(store.db, doc.id, { cycleId: cycleId + 1, settings: disk })).rejects.toMatchObject({ status: 404 });
    expect((await auditOf(store.db, `cycle:${cycleId}`)).some((e) => e.action === 'upload.stored' && e.details.upload === doc.id)).toBe(true);
  });

  it('the audit chain still verifies', async () => {
    expect(await verifyAudit(store)).toMatchObject({ ok: true });
  });
});
