import { inspectBody, MAX_BODY_DEPTH, numberProblem, queryTextProblem, textProblem } from './body-parsing';

const nestingDepthExceeds = (value: unknown, limit: number) => inspectBody(value, limit).tooDeep;
const builtInKeyPath = (value: unknown) => inspectBody(value, Number.POSITIVE_INFINITY).builtInKey;

const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

describe('nestingDepthExceeds', () => {
  it('counts each object or array as one level', () => {
    expect(nestingDepthExceeds({ a: 1 }, 1)).toBe(false);
    expect(nestingDepthExceeds({ a: { b: 1 } }, 1)).toBe(true);
    expect(nestingDepthExceeds([[], { x: [] }], 3)).toBe(false);
    expect(nestingDepthExceeds([[], { x: [] }], 2)).toBe(true);
  });

  it('accepts scalars and bodies exactly at the limit, refuses one level more', () => {
    expect(nestingDepthExceeds('text', 0)).toBe(false);
    expect(nestingDepthExceeds(null, 0)).toBe(false);
    expect(nestingDepthExceeds(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestingDepthExceeds(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
  });

  it('walks a depth that would overflow a recursive walker without overflowing itself', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(nestingDepthExceeds(deep, MAX_BODY_DEPTH)).toBe(true);
  });
});

describe('builtInKeyPath', () => {
  it('finds a key named after an inherited object property, with its path, as JSON.parse makes it', () => {
    expect(builtInKeyPath(JSON.parse('{"__proto__":{"polluted":true}}'))).toBe('__proto__');
    expect(builtInKeyPath(JSON.parse('{"answers":[{"questionKey":"a"},{"valueOf":1}]}'))).toBe('answers[1].valueOf');
    expect(builtInKeyPath({ employee: { constructor: { prototype: {} } } })).toBe('employee.constructor');
    expect(builtInKeyPath([[{ toString: 'x' }]])).toBe('[0][0].toString');
    expect(builtInKeyPath({ sections: [{ key: 'a', prototype: 1 }] })).toBe('sections[0].prototype');
    expect(builtInKeyPath({ isPrototypeOf: 1 })).toBe('isPrototypeOf');
  });

  it('accepts ordinary keys, values named like built-ins, and scalars', () => {
    expect(builtInKeyPath({ title: 'x', sections: [{ key: 'constructor', name: 'length' }] })).toBeNull();
    expect(builtInKeyPath(['__proto__', 'valueOf'])).toBeNull();
    expect(builtInKeyPath('text')).toBeNull();
    expect(builtInKeyPath(null)).toBeNull();
  });
});

describe('textProblem, numberProblem and the body walk (issue 12: NUL, lone surrogates and huge numbers were 500s)', () => {
  it('refuses NUL and unpaired surrogates, accepts paired ones and ordinary text', () => {
    expect(textProblem('Ana\u0000')).toMatch(/NUL/);
    expect(textProblem('\ud83d')).toMatch(/surrogate/);
    expect(textProblem('x\ude00')).toMatch(/surrogate/);
    expect(textProblem('\ude00\ud83d')).toMatch(/surrogate/); // reversed pair
    expect(textProblem('😀 ñandú \u0001')).toBeNull();
  });

  it('refuses numbers JavaScript writes in exponent notation and infinities, accepts ordinary ones', () => {
    for (const value of [1e21, -1e21, 1e308, 5e-324, 1e-7, Infinity, -Infinity, NaN]) expect(numberProblem(value)).not.toBeNull();
    for (const value of [0, -0, 1, 0.000001, 99_999_999.99, 9.99e20, -42.5]) expect(numberProblem(value)).toBeNull();
  });

  it('names the first bad string, key or number with its path', () => {
    const badOf = (body: unknown) => inspectBody(body, MAX_BODY_DEPTH).badText?.field ?? null;
    expect(badOf({ answers: [{ value: 'ok' }, { value: 'a\u0000' }] })).toBe('answers[1].value');
    expect(badOf({ employee: { ['na\u0000me']: 'x' } })).toBe('employee.na\u0000me');
    expect(badOf({ expenses: 1e21 })).toBe('expenses');
    expect(badOf('\ud800')).toBe('body');
    expect(badOf({ fine: ['text', 1.5, null, true] })).toBeNull();
  });

  it('names the parameter of a query value with NUL, repeated parameters by index', () => {
    expect(queryTextProblem({ region: 'Centro', status: ['a', '\u0000'] })).toEqual({
      field: 'status[1]',
      reason: expect.stringMatching(/NUL/),
    });
    expect(queryTextProblem({ region: 'Centro' })).toBeNull();
  });
});
