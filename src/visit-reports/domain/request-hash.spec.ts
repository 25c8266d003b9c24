import { createHash } from 'crypto';
import { canonicalJson, submissionRequestHash } from './request-hash';

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
