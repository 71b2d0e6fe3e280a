import { describe, expect, it } from 'vitest';
import { wholeNumberSetting } from './env.server.ts';

describe('numeric settings', () => {
  it('takes a whole number, falls back when unset, and refuses anything else by name', () => {
    expect(wholeNumberSetting({}, 'RATE_LIMIT_PER_MINUTE', 600)).toBe(600);
    expect(wholeNumberSetting({ RATE_LIMIT_PER_MINUTE: ' ' }, 'RATE_LIMIT_PER_MINUTE', 600)).toBe(600);
    expect(wholeNumberSetting({ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE', 600)).toBe(0);
    expect(wholeNumberSetting({ MAX_BODY_BYTES: '1048576' }, 'MAX_BODY_BYTES', 1, 1)).toBe(1_048_576);
    expect(() => wholeNumberSetting({ MAX_BODY_BYTES: '25MB' }, 'MAX_BODY_BYTES', 1, 1)).toThrow('MAX_BODY_BYTES must be a whole number of at least 1 (got "25MB").');
    expect(() => wholeNumberSetting({ MAX_BODY_BYTES: '0' }, 'MAX_BODY_BYTES', 1, 1)).toThrow(/at least 1/);
    expect(() => wholeNumberSetting({ RATE_LIMIT_PER_MINUTE: '-5' }, 'RATE_LIMIT_PER_MINUTE', 600)).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number/);
  });
});
