/**
 * One typed error family for the pure core. Each fault has a stable `code` a program can
 * switch on, a message a program officer can read, and `info` with the particulars.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly info: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, info: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.info = info;
  }
}

/**
 * No rule (or no parameter value) is in force for the date asked. Never answered with a zero:
 * the law simply says nothing for that date, and the caller must say so.
 */
export class NoRuleInForceError extends DomainError {
  readonly rule: string;
  readonly date: string;

  constructor(rule: string, date: string, detail?: string) {
    super(
      'no_rule_in_force',
      `No rule is in force for ${rule} on ${date}.${detail ? ` ${detail}` : ''}`,
      { rule, date },
    );
    this.name = 'NoRuleInForceError';
    this.rule = rule;
    this.date = date;
  }
}

/** The data a rule needs is not there (e.g. no accountability index for the data year). */
export class MissingDataError extends DomainError {
  constructor(message: string, info: Record<string, unknown> = {}) {
    super('missing_data', message, info);
    this.name = 'MissingDataError';
  }
}
