/**
 * The client's address, for the rate limit and the sign-in throttle. Without a trusted proxy it
 * is the connection's peer. Behind N trusted proxies (TRUST_PROXY=N) it is the entry the
 * nearest trusted proxy appended to X-Forwarded-For — the N-th from the right — never the
 * leftmost, which the client writes itself and can change at will.
 */
export function clientAddress(forwardedFor: string | readonly string[] | undefined, peer: string | undefined, trustedHops: number): string {
  const fallback = peer || 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return fallback;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : String(forwardedFor))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) return fallback;
  // Fewer entries than trusted hops: the chain is shorter than configured; the leftmost is then
  // the first one a trusted proxy wrote.
  return entries[Math.max(0, entries.length - trustedHops)]!;
}

/**
 * TRUST_PROXY: how many proxies in front of this server append to X-Forwarded-For. Unset or 0:
 * none (the peer is the client). "1" for one reverse proxy; a number for a chain. Anything else
 * stops the server, naming the variable.
 */
export function trustedHops(env: Record<string, string | undefined>): number {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  if (!/^\d{1,2}$/.test(raw)) throw new Error(`TRUST_PROXY must be the number of trusted proxies in front of the server, e.g. 1 (got "${raw.slice(0, 40)}").`);
  return Number(raw);
}
