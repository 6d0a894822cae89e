/**
 * The consumer's access code (查询码) for a complaint: what it looks like and how often it may be
 * tried. Pure: randomness and time come in as arguments.
 */

/** 32 characters without the look-alikes 0/O, 1/I/L: what a person can read off an SMS and type. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 10 characters from 31 ≈ 2^49.5 codes: at 5 tries per 15 minutes, guessing takes longer than the universe has. */
export const ACCESS_CODE_LENGTH = 10;
/** Failed tries per tracking number within one cool-down window; then every try is refused until it ends. */
export const ACCESS_MAX_FAILURES = 5;
export const ACCESS_COOLDOWN_MINUTES = 15;
/** A new code is sent at most once per this many minutes per complaint (and only to the phone on file). */
export const RESEND_INTERVAL_MINUTES = 10;

/** A new code; `randomIndex(n)` returns a uniformly random integer in [0, n) (crypto.randomInt). */
export function newAccessCode(randomIndex: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) out += ACCESS_CODE_ALPHABET[randomIndex(ACCESS_CODE_ALPHABET.length)];
  return out;
}

/** Groups a code as people read it: `ABCDE-FGHJK`. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, in the stored form: upper case, spaces and dashes dropped. */
export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** Whether a normalized input can be a code at all (saves a database round trip for junk). */
export function isWellFormedAccessCode(code: string): boolean {
  if (code.length !== ACCESS_CODE_LENGTH) return false;
  for (const ch of code) if (!ACCESS_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** The start of the current failure window: a window older than the cool-down is over. */
export function failureWindowCutoff(now: Date): Date {
  return new Date(now.getTime() - ACCESS_COOLDOWN_MINUTES * 60_000);
}

/** When a locked tracking number may be tried again. */
export function lockedUntil(windowStartedAt: Date): Date {
  return new Date(windowStartedAt.getTime() + ACCESS_COOLDOWN_MINUTES * 60_000);
}

/** The placeholder in a message body that the SMS sender fills with the code at send time. */
export const CODE_PLACEHOLDER = '{{code}}';
