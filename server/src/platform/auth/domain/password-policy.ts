/**
 * The password policy (pure): long enough, not one of the passwords attackers try first, not made
 * of one repeated character or a run, and not the user name. Returns the reasons a password fails.
 */
export const PASSWORD_MIN_LENGTH = 10;

/** Passwords from the common breach lists (and Chinese favourites) that pass the length rule. */
const COMMON = new Set(
  [
    '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', '1qaz2wsx3edc', 'qwertyuiop', 'qwerty123456',
    'password12', 'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'iloveyou123', 'abcdefghij', 'abc1234567',
    '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsxcde', 'asdfghjkl1', 'qazwsxedcrfv', '11111111111', 'woaini1314', 'woaini520520',
    '5201314520', '1314520520', 'aini1314520', 'admin12345', 'admin123456', 'administrator', 'welcome123', 'changeme123',
    'letmein123', 'football123', 'sunshine123', 'princess123', 'dragon12345', 'xingfeng@2026', 'xingfeng2026',
    'qwer1234qwer', 'q1w2e3r4t5', 'zxcvbnm123', 'asdf1234asdf', 'test123456', 'testtest123', '123qweasdzxc', 'qweasdzxc123',
  ].map((p) => p.toLowerCase()),
);

export type PasswordProblem = 'TOO_SHORT' | 'COMMON' | 'REPETITIVE' | 'SAME_AS_USERNAME';

export function passwordProblems(password: string, username?: string | null): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) out.push('TOO_SHORT');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) out.push('COMMON');
  if (new Set(lower).size <= 3 || isRun(lower)) out.push('REPETITIVE');
  if (username && lower.includes(username.toLowerCase()) && username.length >= 3) out.push('SAME_AS_USERNAME');
  return out;
}

/** An ascending or descending run of characters (`abcdefghij`, `9876543210`). */
function isRun(s: string): boolean {
  if (s.length < 4) return false;
  const d = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(d) !== 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== d) return false;
  return true;
}
