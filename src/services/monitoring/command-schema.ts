/**
 * The monitoring page's commands, one schema for its forms (read into an object by the web
 * edge) and any JSON client: schedule a meeting, put an item on its agenda (the district
 * proposes, the state adds), record the held meeting with its follow-ups, mark a follow-up done.
 */
import { z } from 'zod';

const toNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === '' || v === null ? undefined : v);
const id = (what: string) => z.preprocess(toNumber, z.number({ error: `Choose the ${what}.` }).int({ error: `Choose the ${what}.` }).positive({ error: `Choose the ${what}.` }));
const text = (max: number) => z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string().max(max, { error: `At most ${max.toLocaleString('en-US')} characters.` }));
const rowVersion = z.preprocess(toNumber, z.number({ error: '"rowVersion" is the meeting\'s row version, a whole number.' }).int());
/** A list typed one per line (a form's textarea) or sent as a list (JSON). */
const lines = z.preprocess((v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])), z.array(z.string().max(200)).max(100));
/** A follow-up row left blank on the form is not a follow-up. */
const followUps = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((f) => f && typeof f === 'object' && Object.entries(f as object).some(([k, x]) => k !== 'ownerId' && typeof x === 'string' && x.trim() !== '')) : (v ?? [])),
  z.array(z.object({ text: text(1000), ownerId: z.preprocess(toNumber, z.number().int().catch(0)), dueOn: text(10) })).max(30),
);

const agendaItem = { meetingId: id('meeting'), text: text(1000) };

/** The conditions a meeting reviewed: a form's row left at "not discussed" is no review; JSON sends met as true or false. */
const conditionReviews = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((r) => r && typeof r === 'object' && (r as { met?: unknown }).met !== '' && (r as { met?: unknown }).met !== undefined) : (v ?? [])),
  z.array(z.object({ item: id('condition'), met: z.preprocess((v) => (v === 'met' ? true : v === 'not-met' ? false : v), z.boolean({ error: 'Say whether the condition is met.' })) })).max(30),
);

export const monitoringCommandSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('schedule-meeting'), title: text(120), scheduledOn: text(10), milestoneId: z.preprocess((v) => (v === '' ? null : v), z.string().max(40).nullable().default(null)) }),
  /** The district's people propose an item; the state's add one (two intents: two permissions). */
  z.object({ intent: z.literal('propose-agenda-item'), ...agendaItem }),
  z.object({ intent: z.literal('add-agenda-item'), ...agendaItem }),
  z.object({
    intent: z.literal('record-meeting'),
    meetingId: id('meeting'),
    rowVersion,
    heldOn: text(10),
    attendees: lines,
    minutes: text(20_000),
    /** The minutes as a file (PDF, DOCX, PNG or JPEG), beside or instead of the text; a form's empty file input is none. */
    minutesFile: z.preprocess((v) => (v instanceof File && v.size === 0 && !v.name ? undefined : v), z.instanceof(File, { error: 'The minutes file must be sent as a file (multipart/form-data).' }).optional()),
    decisions: text(5000),
    followUps,
    conditionReviews,
  }),
  z.object({ intent: z.literal('complete-follow-up'), followUpId: id('follow-up'), note: text(2000) }),
  z.object({ intent: z.literal('record-goal-value'), goalId: text(40), value: z.preprocess(toNumber, z.number({ error: 'The value must be a number.' })), asOf: text(10), note: text(1000) }),
  z.object({ intent: z.literal('read-goal-values') }),
  z.object({ intent: z.literal('assign-support'), supportId: text(40), ownerId: id('owner'), dueOn: text(10), note: text(2000) }),
  z.object({ intent: z.literal('submit-support-evidence'), assignmentId: id('support'), evidence: text(5000) }),
  z.object({ intent: z.literal('decide-support'), assignmentId: id('support'), decision: z.enum(['accept', 'return'], { error: 'Accept or return it.' }), note: text(2000) }),
  z.object({ intent: z.literal('set-implementation'), strategyId: text(60), status: text(20), note: text(1000) }),
  z.object({ intent: z.literal('add-condition-evidence'), item: id('condition'), evidence: text(5000) }),
  z.object({ intent: z.literal('review-condition'), item: id('condition'), met: z.preprocess((v) => v === true || v === 'met' || v === 'true', z.boolean()) }),
  /** One transfer from a form (the API may send several in "transfers"), with the reason. */
  z.object({
    intent: z.literal('request-revision'),
    transfers: z.array(z.object({ fromLineId: text(40), toLineId: text(40), amount: text(30) })).max(20),
    reason: text(2000),
  }),
  z.object({ intent: z.literal('decide-revision'), revisionId: id('revision'), decision: z.enum(['approve', 'deny'], { error: 'Approve or deny.' }) }),
  z.object({ intent: z.literal('record-annual-review'), decision: text(40), reason: text(5000), conditions: text(5000), typedName: text(200) }),
  /** A ledger export (CSV or XLSX) for a period; the column mapping when the district (re)maps it. */
  z.object({
    intent: z.literal('import-expenditures'),
    file: z.instanceof(File, { error: 'Choose the ledger file (CSV or XLSX).' }),
    period: text(60),
    mapping: z
      .object({ date: text(80), amount: text(80), line: text(80), area: text(80), objectCode: text(80), description: text(80) })
      .partial()
      .optional(),
  }),
]);

export type MonitoringCommand = z.infer<typeof monitoringCommandSchema>;
export const MONITORING_INTENTS: readonly MonitoringCommand['intent'][] = monitoringCommandSchema.options.map((o) => o.shape.intent.value);

export function parseMonitoringCommand(input: unknown): { ok: true; command: MonitoringCommand } | { ok: false; message: string; issues: Record<string, string> } {
  const intent = input && typeof input === 'object' ? (input as { intent?: unknown }).intent : undefined;
  if (typeof intent !== 'string' || !(MONITORING_INTENTS as readonly string[]).includes(intent)) return { ok: false, message: `Unknown action "${String(intent ?? '').slice(0, 40)}".`, issues: {} };
  const r = monitoringCommandSchema.safeParse(input);
  if (r.success) return { ok: true, command: r.data };
  const issues: Record<string, string> = {};
  for (const i of r.error.issues) issues[i.path.join('.') || 'body'] ??= i.message;
  return { ok: false, message: Object.keys(issues).length === 1 ? Object.values(issues)[0]! : 'Some fields need attention; nothing was done.', issues };
}
