/**
 * The law as data: dated parameters, named options for the places where the law is ambiguous,
 * and rule versions by effective date, each naming the Act that made it. `evaluate` finds the
 * version in force on a date and runs it with a tracer; `withOverrides` derives a what-if law
 * without touching the baseline.
 */
import { DomainError, NoRuleInForceError } from '../errors.ts';
import type { IsoDate } from '../time/fiscal-year.ts';
import { contains, formatPeriod, type Period } from '../time/period.ts';
import type { Citation } from './citation.ts';
import { overrideParameter, valueAt, type Parameter, type Segment } from './parameter.ts';
import { Tracer, type Trace } from './trace.ts';

/**
 * An ambiguity in the law made explicit: the question, the possible readings, and the default
 * with the wording it follows. Never a silent choice.
 */
export interface LawOption<T extends string = string> {
  readonly id: string;
  readonly label: string;
  /** The question the law leaves open, in plain words. */
  readonly question: string;
  readonly choices: readonly { readonly value: T; readonly label: string }[];
  readonly default: T;
  /** The source whose wording the default follows. */
  readonly cite: Citation;
}

export interface RuleContext {
  readonly date: IsoDate;
  readonly law: Law;
  readonly trace: Tracer;
  /** The value in force on `date` with its citation; NoRuleInForceError if none. */
  param<T>(p: Parameter<T>): Segment<T>;
  /** The chosen value of a named option (the default unless a scenario changed it). */
  option<T extends string>(o: LawOption<T>): T;
}

export interface RuleVersion<I, O> {
  /** Stable id, usually the Act: "pa-22-118". */
  readonly id: string;
  /** The rule it is a version of: "designation", "withholding". */
  readonly rule: string;
  readonly title: string;
  readonly act: Citation;
  readonly period: Period;
  /** The statute's words this version implements, quoted. */
  readonly clause: string;
  readonly compute: (input: I, ctx: RuleContext) => O;
}

/** A derived law remembers what it was derived from and why. */
export interface LawOrigin {
  readonly id: string;
  readonly title: string;
  readonly cite: Citation;
  readonly base: string;
  readonly description?: string;
}

export interface Law {
  readonly id: string;
  readonly title: string;
  readonly parameters: ReadonlyMap<string, Parameter<unknown>>;
  readonly options: ReadonlyMap<string, LawOption>;
  readonly optionValues: Readonly<Record<string, string>>;
  // Rule versions of any input and output type live side by side; `evaluate` restores the types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly rules: ReadonlyMap<string, readonly RuleVersion<any, any>[]>;
  /** Set on a what-if law: what it was derived from. */
  readonly origin?: LawOrigin;
}

export interface LawDefinition {
  id: string;
  title: string;
  parameters: readonly Parameter<unknown>[];
  options: readonly LawOption[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  versions: readonly RuleVersion<any, any>[];
}

/** Assembles a law, checking ids are unique and versions of one rule never overlap. */
export function defineLaw(def: LawDefinition): Law {
  const parameters = new Map<string, Parameter<unknown>>();
  for (const p of def.parameters) {
    if (parameters.has(p.id)) throw new DomainError('duplicate_parameter', `Duplicate parameter ${p.id}`, { id: p.id });
    parameters.set(p.id, p);
  }
  const options = new Map<string, LawOption>();
  for (const o of def.options) {
    if (options.has(o.id)) throw new DomainError('duplicate_option', `Duplicate option ${o.id}`, { id: o.id });
    options.set(o.id, o);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rules = new Map<string, RuleVersion<any, any>[]>();
  for (const v of def.versions) {
    const list = rules.get(v.rule) ?? [];
    list.push(v);
    rules.set(v.rule, list);
  }
  for (const list of rules.values()) list.sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
  const optionValues = Object.fromEntries([...options.values()].map((o) => [o.id, o.default]));
  return Object.freeze({ id: def.id, title: def.title, parameters, options, optionValues, rules });
}

/** Every version of a rule, in date order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function versionsOf(law: Law, rule: string): readonly RuleVersion<any, any>[] {
  return law.rules.get(rule) ?? [];
}

/** The version of `rule` in force on `date`, or NoRuleInForceError naming the rule and date. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function versionAt(law: Law, rule: string, date: IsoDate): RuleVersion<any, any> {
  const versions = versionsOf(law, rule);
  const found = versions.filter((v) => contains(v.period, date));
  if (found.length === 0) {
    const known = versions.map((v) => `${v.title} (${formatPeriod(v.period)})`).join('; ');
    throw new NoRuleInForceError(rule, date, known ? `Rules exist only for: ${known}.` : undefined);
  }
  if (found.length > 1) {
    throw new DomainError('rule_overlap', `Two versions of ${rule} are in force on ${date}: ${found.map((v) => v.id).join(', ')}`, {
      rule,
      date,
    });
  }
  return found[0]!;
}

/** A version by id ("pa-22-118"), across all rules of that name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function versionById(law: Law, rule: string, id: string): RuleVersion<any, any> | undefined {
  return versionsOf(law, rule).find((v) => v.id === id);
}

export interface Evaluation<O> {
  readonly value: O;
  readonly trace: Trace;
  readonly version: RuleVersion<unknown, O>;
  readonly date: IsoDate;
  readonly law: Law;
}

/** Makes the context a rule version computes in. */
export function ruleContext(law: Law, date: IsoDate, tracer = new Tracer()): RuleContext {
  return {
    date,
    law,
    trace: tracer,
    param<T>(p: Parameter<T>): Segment<T> {
      const current = (law.parameters.get(p.id) as Parameter<T> | undefined) ?? p;
      return valueAt(current, date);
    },
    option<T extends string>(o: LawOption<T>): T {
      return (law.optionValues[o.id] as T | undefined) ?? o.default;
    },
  };
}

/**
 * Runs the version of `rule` in force on `date` (or the version named `versionId`, evaluated
 * on `date`) and returns its value with the trace of every step.
 */
export function evaluate<I, O>(law: Law, rule: string, date: IsoDate, input: I, versionId?: string): Evaluation<O> {
  const version = (versionId ? versionById(law, rule, versionId) : versionAt(law, rule, date)) as RuleVersion<I, O> | undefined;
  if (!version) throw new DomainError('unknown_rule_version', `There is no version "${versionId ?? ''}" of ${rule}`, { rule, versionId });
  if (!contains(version.period, date)) {
    throw new NoRuleInForceError(`${rule} (${version.title})`, date, `It is in force ${formatPeriod(version.period)}.`);
  }
  const tracer = new Tracer();
  tracer.step({
    rule,
    text: `Rule in force on ${date}: ${version.title}, ${formatPeriod(version.period)}.`,
    cite: version.act,
  });
  const value = version.compute(input, ruleContext(law, date, tracer));
  return { value, trace: tracer.steps, version: version as RuleVersion<unknown, O>, date, law };
}

/** What a scenario changes. Everything is optional; unknown ids are errors. */
export interface Overrides {
  readonly id: string;
  readonly title: string;
  readonly cite: Citation;
  readonly description?: string;
  readonly parameters?: Readonly<
    Record<string, { value: unknown; from?: IsoDate; until?: IsoDate | null; note?: string }>
  >;
  readonly options?: Readonly<Record<string, string>>;
  /** New rule versions (e.g. a rule for years no Act covers yet, or a proposal's own logic). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly versions?: readonly RuleVersion<any, any>[];
  /** Versions of the baseline to drop (replaced by `versions`). */
  readonly removeVersions?: readonly string[];
}

/**
 * Derives a what-if law from a baseline: a pure transformation (OpenFisca's Reform.apply,
 * Publicodes' `remplace`). The baseline is never mutated.
 */
export function withOverrides(base: Law, o: Overrides): Law {
  const parameters = new Map(base.parameters);
  for (const [id, change] of Object.entries(o.parameters ?? {})) {
    const current = parameters.get(id);
    if (!current) throw new DomainError('unknown_parameter', `Scenario "${o.id}" changes an unknown parameter "${id}"`, { id });
    parameters.set(
      id,
      overrideParameter(current, {
        value: change.value,
        cite: o.cite,
        ...(change.from !== undefined ? { from: change.from } : {}),
        ...(change.until !== undefined ? { until: change.until } : {}),
        note: change.note ?? o.description ?? o.title,
      }),
    );
  }
  const optionValues: Record<string, string> = { ...base.optionValues };
  for (const [id, value] of Object.entries(o.options ?? {})) {
    const opt = base.options.get(id);
    if (!opt) throw new DomainError('unknown_option', `Scenario "${o.id}" sets an unknown option "${id}"`, { id });
    if (!opt.choices.some((c) => c.value === value)) {
      throw new DomainError(
        'invalid_option',
        `Option "${id}" cannot be "${value}"; choose one of: ${opt.choices.map((c) => c.value).join(', ')}`,
        { id, value },
      );
    }
    optionValues[id] = value;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rules = new Map<string, RuleVersion<any, any>[]>();
  const removed = new Set(o.removeVersions ?? []);
  for (const [rule, list] of base.rules) rules.set(rule, list.filter((v) => !removed.has(v.id)));
  for (const v of o.versions ?? []) {
    const list = rules.get(v.rule) ?? [];
    for (const existing of list) {
      if (existing.id === v.id) throw new DomainError('duplicate_version', `Version ${v.id} already exists`, { id: v.id });
    }
    list.push(v);
    list.sort((a, b) => (a.period.from < b.period.from ? -1 : 1));
    rules.set(v.rule, list);
  }
  return Object.freeze({
    id: o.id,
    title: o.title,
    parameters,
    options: base.options,
    optionValues: Object.freeze(optionValues),
    rules,
    origin: {
      id: o.id,
      title: o.title,
      cite: o.cite,
      base: base.id,
      ...(o.description ? { description: o.description } : {}),
    },
  });
}
