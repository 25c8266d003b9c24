// The password policy for every password set (an account created, a change of one's own, a reset by token): long
// enough, not one of the most common passwords, and not the account's e-mail. Pure; docs in README
// (Administration).
import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Every reason `password` breaks the policy (empty when it is fine), each for the field `field`. */
export function passwordProblems(password: string, email: string, field = 'newPassword'): Array<{ field: string; reason: string }> {
  const problems: Array<{ field: string; reason: string }> = [];
  const characters = [...password].length;
  if (characters < PASSWORD_MIN_LENGTH)
    problems.push({ field, reason: `at least ${PASSWORD_MIN_LENGTH} characters (this one has ${characters})` });
  if (characters > PASSWORD_MAX_LENGTH) problems.push({ field, reason: `at most ${PASSWORD_MAX_LENGTH} characters` });
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push({ field, reason: 'one of the most common passwords; choose another' });
  const local = email.toLowerCase().split('@')[0];
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    problems.push({ field, reason: 'must not contain the account’s e-mail name' });
  }
  return problems;
}
