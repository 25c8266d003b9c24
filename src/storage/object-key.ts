/**
 * Object keys are relative slash-separated paths (`evidence/ab/<sha256>`, `reports/<uuid>.pdf`). One that
 * could climb out of its folder or mean different things to a file system and to S3 is a programming
 * error, refused with a TypeError before it reaches either.
 */
export function assertObjectKey(key: string): void {
  const problem = objectKeyProblem(key);
  if (problem) throw new TypeError(`Invalid object key ${JSON.stringify(key)}: ${problem}`);
}

/** Why a key is refused, or null for a good one. */
export function objectKeyProblem(key: string): string | null {
  if (typeof key !== 'string' || key === '') return 'it must be a non-empty string';
  if (key.startsWith('/')) return 'it must be relative (no leading /)';
  if (key.includes('\\')) return 'it must not contain a backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'it must not contain NUL or other control characters';
  if (key.includes('..')) return 'it must not contain ..';
  if (key.split('/').some((segment) => segment === '' || segment === '.')) return 'it must not have empty or "." segments';
  return null;
}
