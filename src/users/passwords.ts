import * as argon2 from 'argon2';
import { ruleViolation } from '../common/errors/domain-error';
import { passwordProblems } from './password-policy';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * The one check of the password policy, for every way a password is set (POST /users, a change, a
 * reset): a 422 PASSWORD_POLICY naming `field` with each reason.
 */
export function assertPasswordPolicy(password: string, email: string, field: string): void {
  const problems = passwordProblems(password, email, field);
  if (problems.length) throw ruleViolation('PASSWORD_POLICY', 'The password does not follow the password policy', problems);
}
