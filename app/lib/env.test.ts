import { describe, expect, it } from 'vitest';
import { publicUrlSetting, separationOfDuties, wholeNumberSetting } from './env.server.ts';

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

describe('the public address', () => {
  it('is PUBLIC_URL, required in production, an http(s) address without query, fragment or credentials', () => {
    expect(publicUrlSetting({ PUBLIC_URL: 'https://plans.example.org/' })).toBe('https://plans.example.org');
    expect(publicUrlSetting({ PUBLIC_URL: 'https://state.example.gov/alliance/' })).toBe('https://state.example.gov/alliance');
    expect(() => publicUrlSetting({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL must be set in production/);
    expect(() => publicUrlSetting({ PUBLIC_URL: '//evil.example' })).toThrow(/PUBLIC_URL must be an address/);
    expect(() => publicUrlSetting({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/http\(s\)/);
    expect(() => publicUrlSetting({ PUBLIC_URL: 'https://a.example/?next=//evil' })).toThrow(/no query/);
    // Elsewhere, this machine's address: never a Host header.
    expect(publicUrlSetting({ PORT: '4173', HOST: '127.0.0.1' })).toBe('http://127.0.0.1:4173');
    expect(publicUrlSetting({ HOST: '0.0.0.0' })).toBe('http://127.0.0.1:3000');
  });
  it('separation of duties is on unless turned off, and a typo stops the server', () => {
    expect(separationOfDuties({})).toBe(true);
    expect(separationOfDuties({ SEPARATION_OF_DUTIES: 'off' })).toBe(false);
    expect(() => separationOfDuties({ SEPARATION_OF_DUTIES: 'no' })).toThrow(/SEPARATION_OF_DUTIES/);
  });
});
