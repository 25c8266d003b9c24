import { assertObjectKey, objectKeyProblem } from './object-key';

describe('object keys', () => {
  it('accepts relative slash-separated paths', () => {
    for (const key of ['evidence/ab/' + 'a'.repeat(64), 'reports/5f0c7d1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f.pdf', 'file.pdf', 'a/b/c-d_e.f']) {
      expect(objectKeyProblem(key)).toBeNull();
      expect(() => assertObjectKey(key)).not.toThrow();
    }
  });

  it.each([
    ['', /non-empty/],
    ['/etc/passwd', /leading \//],
    ['../secret', /\.\./],
    ['evidence/../../x', /\.\./],
    ['evidence/ab..cd', /\.\./],
    ['evidence\\ab\\x', /backslash/],
    ['evidence/a\u0000b', /NUL/],
    ['evidence/a\nb', /control/],
    ['evidence//x', /empty/],
    ['evidence/x/', /empty/],
    ['./evidence/x', /"\."/],
  ])('refuses %j with a TypeError saying why', (key, reason) => {
    expect(objectKeyProblem(key)).toMatch(reason);
    expect(() => assertObjectKey(key)).toThrow(TypeError);
  });
});
