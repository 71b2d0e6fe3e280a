/**
 * One schema for every plan command, a discriminated union on `intent`: the plan page's forms
 * (read into an object by the web edge) and the JSON API both parse through it, so a field means
 * the same thing whichever way it came. The schema checks shapes; the commands check meaning
 * (a score within the rubric, a date in the cycle's year, the state machine).
 */
import { z } from 'zod';
import { cents } from '../../domain/money/cents.ts';
import { EFFORTS, FUNDING_AREAS, type BudgetLine } from '../../domain/workflow/budget.ts';
import { INDICATORS, type PlanContent } from '../../domain/workflow/content.ts';

/** A form sends strings: "" is "not given", "12" a number. JSON sends numbers. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const toNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : blank(v));
const int = (message: string) => z.preprocess(toNumber, z.number({ error: message }).int({ error: message }));
const optionalInt = (message: string) => z.preprocess(toNumber, z.number({ error: message }).int({ error: message }).optional());
const text = (max: number) => z.preprocess((v) => (v === null || v === undefined ? '' : v), z.string().max(max, { error: `At most ${max.toLocaleString('en-US')} characters.` }));
const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** The plan's row version when the person read it: if the plan changed since, nothing is done (409). */
const rowVersion = optionalInt('"rowVersion" is the plan\'s row version, a whole number.');

const goal = z.object({ id: z.string().min(1).max(40), indicator: z.enum(INDICATORS), description: text(500), baseline: z.number(), target: z.number() });
const strategy = z.object({ id: z.string().min(1).max(60), statutory: z.string().max(60).nullable(), title: z.string().max(200), description: text(2000) });
const intervention = z.object({ school: z.string().max(200), tier: z.union([z.literal(1), z.literal(2), z.literal(3)]), description: text(2000) });
export const contentSchema = z.object({
  needsAssessment: text(20_000),
  goals: z.array(goal).max(50),
  strategies: z.array(strategy).max(60),
  interventions: z.array(intervention).max(200),
  narrative: text(20_000),
}) satisfies z.ZodType<PlanContent>;

const budgetLine = z.object({
  id: z.string().min(1).max(40),
  area: z.enum(FUNDING_AREAS),
  objectCode: z.string().max(10),
  description: text(300),
  school: z.string().max(200).nullable(),
  strategy: z.string().max(60),
  fte: z.number().min(0),
  amountCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).transform((n) => cents(n)),
  effort: z.enum(EFFORTS),
});
export const budgetSchema = z.array(budgetLine).max(2000) satisfies z.ZodType<readonly BudgetLine[], unknown>;

const votes = 'Votes must be whole numbers.';

export const planCommandSchema = z.discriminatedUnion('intent', [
  /** A new version of the plan's content (and, from the API, its budget lines); what is not given stays as it is. */
  z.object({ intent: z.literal('save'), rowVersion: int('"rowVersion" is required to save: the plan\'s row version when you read it.'), content: contentSchema.optional(), budget: budgetSchema.optional() }),
  z.object({
    intent: z.literal('record-board-approval'),
    rowVersion,
    meetingDate: text(10),
    votesFor: int(votes),
    votesAgainst: int(votes),
    abstentions: z.preprocess(toNumber, z.number({ error: votes }).int({ error: votes }).default(0)),
    /** Minutes already uploaded to the plan (the API), or the file sent with the vote (a form). */
    minutesUploadId: optionalInt('"minutesUploadId" is the id of a file uploaded to this plan.'),
    minutes: z.instanceof(File).optional(),
  }),
  z.object({ intent: z.literal('certify'), rowVersion, typedName: text(200), assurances: flag }),
  z.object({ intent: z.literal('submit'), rowVersion }),
  z.object({ intent: z.literal('assign-reviewers'), rowVersion, reviewers: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v.map(toNumber) : [toNumber(v)]), z.array(z.number().int().positive()).max(50)) }),
  z.object({ intent: z.literal('score'), rowVersion, section: text(40), score: int('A rubric score is a whole number.'), comment: text(5000) }),
  z.object({ intent: z.literal('comment'), body: text(5000), section: z.preprocess(blank, z.string().max(40).nullable().default(null)), internal: flag, parentId: z.preprocess(toNumber, z.number().int().positive().nullable().default(null)) }),
  z.object({ intent: z.literal('request-revisions'), rowVersion, message: text(5000) }),
  z.object({ intent: z.literal('recommend'), rowVersion, note: text(5000) }),
  z.object({ intent: z.literal('approve'), rowVersion }),
  z.object({ intent: z.literal('approve-with-conditions'), rowVersion, conditions: text(5000) }),
  z.object({ intent: z.literal('deny'), rowVersion }),
  z.object({ intent: z.literal('release-funds'), rowVersion, date: text(10) }),
  z.object({ intent: z.literal('start-amendment'), rowVersion }),
  /** Not an edit of the plan: no row version (a stale form's date is still the one meant). */
  z.object({ intent: z.literal('extend-deadline'), deadline: text(40), date: text(10), reason: text(2000) }),
]);

export type PlanCommand = z.infer<typeof planCommandSchema>;
export type PlanIntent = PlanCommand['intent'];

export const COMMAND_INTENTS: readonly PlanIntent[] = planCommandSchema.options.map((o) => o.shape.intent.value);

export type ParsedCommand = { ok: true; command: PlanCommand } | { ok: false; message: string; issues: Record<string, string> };

/** Reads a command from a form's fields or a JSON body; what does not fit is said by field. */
export function parsePlanCommand(input: unknown): ParsedCommand {
  const intent = input && typeof input === 'object' ? (input as { intent?: unknown }).intent : undefined;
  if (typeof intent !== 'string' || !(COMMAND_INTENTS as readonly string[]).includes(intent)) {
    return { ok: false, message: `Unknown action "${String(intent ?? '').slice(0, 40)}".`, issues: {} };
  }
  const r = planCommandSchema.safeParse(input);
  if (r.success) return { ok: true, command: r.data };
  const issues: Record<string, string> = {};
  for (const i of r.error.issues) {
    const key = i.path.join('.') || 'body';
    issues[key] ??= i.message;
  }
  const first = Object.entries(issues)[0]!;
  return { ok: false, message: Object.keys(issues).length === 1 ? first[1] : 'Some fields need attention; nothing was done.', issues };
}
