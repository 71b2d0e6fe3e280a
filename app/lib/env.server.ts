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
