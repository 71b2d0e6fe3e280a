/**
 * Numeric settings from the environment. A value that is set but is not a whole number in range
 * stops the server at start with the variable's name — a typo like "25MB" must not silently turn
 * a limit off (Number("25MB") is NaN, and every comparison with NaN is false).
 */
export function wholeNumberSetting(env: Record<string, string | undefined>, name: string, fallback: number, min = 0): number {
  const raw = (env[name] ?? '').trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''} (got "${raw.slice(0, 40)}").`);
  return n;
}

/**
 * Separation of duties (ADR 011): on unless SEPARATION_OF_DUTIES is "off". Any other value than
 * "on" or "off" stops the server, naming the variable.
 */
export function separationOfDuties(env: Record<string, string | undefined>): boolean {
  const raw = (env.SEPARATION_OF_DUTIES ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`SEPARATION_OF_DUTIES must be "on" or "off" (got "${raw.slice(0, 40)}").`);
}

/**
 * The site's public address, for every link the system sends (invitations, password resets, the
 * identity provider's redirects): PUBLIC_URL only — never the request's Host header or path, which
 * a client chooses. Required when NODE_ENV=production; elsewhere it defaults to this machine's
 * address (HOST and PORT). Must be an http(s) address with no query or fragment.
 */
export function publicUrlSetting(env: Record<string, string | undefined>): string {
  const raw = (env.PUBLIC_URL ?? '').trim();
  if (!raw) {
    if (env.NODE_ENV === 'production') throw new Error('PUBLIC_URL must be set in production (e.g. https://plans.example.org): links in e-mails are built from it.');
    const host = env.HOST && env.HOST !== '0.0.0.0' && env.HOST !== '::' ? env.HOST : '127.0.0.1';
    return `http://${host}:${env.PORT || '3000'}`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an address like https://plans.example.org (got "${raw.slice(0, 80)}").`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new Error(`PUBLIC_URL must be an http(s) address with no query, fragment or credentials (got "${raw.slice(0, 80)}").`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
