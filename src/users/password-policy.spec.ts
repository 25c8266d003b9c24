import { COMMON_PASSWORDS } from './common-passwords';
import { PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('violet-harbour-lantern', 'ana@example.com')).toEqual([]);
  });

  it('refuses one that is too short, naming the field', () => {
    expect(passwordProblems('Short1!', 'ana@example.com', 'password')).toEqual([
      { field: 'password', reason: `at least ${PASSWORD_MIN_LENGTH} characters (this one has 7)` },
    ]);
  });

  it('refuses a common password in any case', () => {
    expect(passwordProblems('Password1234', 'ana@example.com')).toEqual([
      { field: 'newPassword', reason: 'one of the most common passwords; choose another' },
    ]);
    expect(passwordProblems('CONTRASEÑA123', 'ana@example.com')).toHaveLength(1);
  });

  it('refuses one that contains the e-mail name', () => {
    expect(passwordProblems('my-anagarcia-secret', 'anagarcia@example.com')[0].reason).toMatch(/e-mail/);
  });

  it('lists only passwords long enough to pass the length rule, lower-cased', () => {
    for (const password of COMMON_PASSWORDS) {
      expect([password, [...password].length >= PASSWORD_MIN_LENGTH, password === password.toLowerCase()]).toEqual([password, true, true]);
    }
  });
});
