import { createHash } from 'crypto';
import fc from 'fast-check';
import { canonicalJson, submissionRequestHash } from './request-hash';

/** The first version of canonicalJson: stored hashes were made with it, so the current one must write the same text. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => firstCanonicalJson(item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${firstCanonicalJson(field)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
  });

  it('leaves out undefined fields and writes dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, b: null, c: new Date('2026-01-02T03:04:05.000Z') })).toBe(
      '{"b":null,"c":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('writes scalars as JSON does', () => {
    expect(canonicalJson('é"')).toBe('"é\\""');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('writes what its first version wrote (stored hashes must still match a retry)', () => {
    const keys = fc.oneof(fc.string(), fc.constantFrom('a', 'B', 'é', '😀', 'ａ', '10', '9', 'questionKey'));
    const values = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.constantFrom(undefined, new Date('2026-01-02T03:04:05.000Z')),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(values, (value) => canonicalJson(value) === firstCanonicalJson(value)),
      { seed: 19, numRuns: 2000 },
    );
  });
});

describe('submissionRequestHash', () => {
  const body = { visitedAt: '2026-01-01T10:00:00Z', answers: [{ questionKey: 'q1', value: true }] };

  it('is the sha256 of the canonical {assignmentId, body}', () => {
    const expected = createHash('sha256')
      .update('{"assignmentId":"a1","body":{"answers":[{"questionKey":"q1","value":true}],"visitedAt":"2026-01-01T10:00:00Z"}}')
      .digest('hex');
    expect(submissionRequestHash('a1', body)).toBe(expected);
  });

  it('does not depend on the order of fields', () => {
    const reordered = { answers: [{ value: true, questionKey: 'q1' }], visitedAt: '2026-01-01T10:00:00Z' };
    expect(submissionRequestHash('a1', reordered)).toBe(submissionRequestHash('a1', body));
  });

  it('differs for another body or another assignment', () => {
    const other = { ...body, answers: [{ questionKey: 'q1', value: false }] };
    expect(submissionRequestHash('a1', other)).not.toBe(submissionRequestHash('a1', body));
    expect(submissionRequestHash('a2', body)).not.toBe(submissionRequestHash('a1', body));
  });
});
