/**
 * A token bucket per client address: a steady reader never notices; a scraping loop does. Kept
 * in this process's memory — each process limits on its own (a limit of N per process is at most
 * N × processes in all); the sign-in throttle, which must hold across processes, is in the
 * database (auth.service.ts).
 */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #maxKeys: number;

  constructor(perMinute: number, maxKeys = 50_000) {
    this.#perMinute = perMinute;
    this.#maxKeys = maxKeys;
  }

  /** Seconds to wait, or 0 if the request may go ahead. */
  take(key: string, now = Date.now()): number {
    if (this.#perMinute <= 0) return 0;
    const burst = Math.max(10, Math.round(this.#perMinute / 4));
    const rate = this.#perMinute / 60_000;
    const b = this.#buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate / 1000);
  }

  /** How many addresses are being tracked (bounded by maxKeys). */
  get size(): number {
    return this.#buckets.size;
  }
}
