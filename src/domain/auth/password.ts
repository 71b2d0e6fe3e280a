/**
 * Password rules after NIST SP 800-63B: length matters, composition rules do not. At least 15
 * characters (a password used alone, without a second factor), at most 128, any characters
 * (spaces and emoji included); refused if it is a commonly used or breached password, or built
 * from the person's e-mail or the service's name. Never expires on a schedule.
 */

export const MIN_LENGTH = 15;
export const MAX_LENGTH = 128;

/** Passwords seen most often in breaches (a sample; extend with a full list at deployment). */
const COMMON = new Set(
  [
    'password',
    'password1',
    'password123',
    'passwordpassword',
    '123456789012345',
    '1234567890123456',
    'qwertyuiopasdfgh',
    'qwertyuiop123456',
    'iloveyou1234567',
    'letmeinletmein1',
    'welcome12345678',
    'changeme1234567',
    'administrator123',
    'abcdefghijklmno',
    'aaaaaaaaaaaaaaa',
    'correcthorsebatterystaple',
  ].map((p) => p.toLowerCase()),
);

export interface PasswordContext {
  readonly email?: string;
  readonly name?: string;
}

/** Why a password cannot be used, or null if it can. Messages are for the person choosing it. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_LENGTH) return `Use at least ${MIN_LENGTH} characters (a few words make a good password).`;
  if (length > MAX_LENGTH) return `Use at most ${MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/\s+/g, ''))) return 'This password is too common; choose another.';
  if (/^(.)\1+$/.test(password)) return 'Do not repeat one character.';
  if (/^(0123456789|1234567890|abcdefghijklmnopqrstuvwxyz)+/.test(lower) && new Set(lower).size < 12) return 'Do not use a simple sequence.';
  const words = [context.email?.split('@')[0], context.name, 'alliance', 'connecticut']
    .filter((w): w is string => Boolean(w && w.length >= 4))
    .map((w) => w.toLowerCase());
  for (const w of words) {
    if (lower.replace(/[^a-z0-9]/g, '') === w.replace(/[^a-z0-9]/g, '') || (lower.includes(w) && length - w.length < 8)) {
      return 'Do not build the password from your name, your e-mail or the name of this service.';
    }
  }
  return null;
}
