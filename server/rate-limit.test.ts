import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('the rate limiter', () => {
  it('lets a burst through, then makes a loop wait, per address; a steady reader never waits', () => {
    const limiter = new RateLimiter(60);
    const t0 = 1_000_000;
    const waits = Array.from({ length: 20 }, () => limiter.take('a', t0));
    expect(waits.slice(0, 15).every((w) => w === 0)).toBe(true);
    expect(waits.at(-1)).toBeGreaterThan(0);
    expect(limiter.take('b', t0)).toBe(0); // another address is not affected
    const steady = new RateLimiter(60);
    for (let i = 0; i < 300; i++) expect(steady.take('reader', t0 + i * 1000)).toBe(0);
  });

  it('0 turns it off, and it keeps a bounded number of addresses', () => {
    const off = new RateLimiter(0);
    for (let i = 0; i < 1000; i++) expect(off.take('x')).toBe(0);
    const small = new RateLimiter(60, 100);
    for (let i = 0; i < 1000; i++) small.take(`10.0.${i >> 8}.${i & 255}`);
    expect(small.size).toBe(100);
  });
});
