// Issue 8: property-based hostile input (fast-check) on the routes that write what matters most: the
// visit-report submission, questionnaire create/update and campaign create (there is no campaign update
// route). Random JSON, and valid bodies with one field swapped for a hostile value, must all be refused
// with a 4xx in the docs/api.md error shape, and leave the database exactly as it was.
import fc from 'fast-check';
import type { Response } from 'supertest';
import { isoDate, sampleQuestionnaireBody } from '../factories/design.factory';
import { FieldworkWorld, newKey, reportBody, seedFieldwork } from '../factories/fieldwork.factory';
import { insertAssignment } from '../factories/tables.factory';
import { errorShapeProblem, expectErrorShape, fieldsOf } from '../helpers/errors';
import { createTestApp, TestContext } from '../helpers/test-app';

/**
 * Fixed, so a failure reproduces run after run (fast-check prints the failing payload, shortened).
 * FUZZ_SEED and FUZZ_RUNS explore further by hand, e.g. `FUZZ_SEED=7 FUZZ_RUNS=300 npx jest test/e2e/security-fuzz`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// ---------------------------------------------------------------------------------------------------
// Payloads

/** A JSON token that JSON.stringify cannot write: 1e400 parses to Infinity on the server. */
class RawJson {
  constructor(readonly text: string) {}
}

function toJson(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => (item instanceof RawJson ? `\u0000${raw.push(item.text) - 1}\u0000` : item));
  return text.replace(/"\\u0000(\d+)\\u0000"/g, (_match, index: string) => raw[Number(index)]);
}

type Path = Array<string | number>;

/** A request body and what was done to it; printed short, since some are a megabyte long. */
interface Payload {
  what: string;
  json: string;
}

const short = (text: string, length = 200) => (text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text);

function payload(what: string, json: string): Payload {
  return { what, json, [fc.toStringMethod]: () => `${what} in ${short(json, 300)}` } as Payload;
}

const pathText = (path: Path) =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '') || '(body)';

function objectAt(root: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)[part], root) as Record<string | number, unknown>;
}

/** `valid` with the value at `path` replaced. */
function withValue(valid: object, path: Path, value: unknown): string {
  const body: unknown = JSON.parse(JSON.stringify(valid));
  objectAt(body, path.slice(0, -1))[path[path.length - 1]] = value;
  return toJson(body);
}

/** `valid` with an extra key in the object at `path`; defineProperty so that `__proto__` is an own key, as JSON.parse makes it. */
function withExtraKey(valid: object, path: Path, key: string, value: unknown): string {
  const body: unknown = JSON.parse(JSON.stringify(valid));
  Object.defineProperty(objectAt(body, path), key, { value, enumerable: true, writable: true, configurable: true });
  return toJson(body);
}

// ---------------------------------------------------------------------------------------------------
// Hostile values, by the kind of field they are put in. Every value of a kind is invalid for every
// field of that kind, so each payload must be refused.

const nested = (depth: number, asArray: boolean): unknown => {
  let value: unknown = 0;
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { deep: value };
  return value;
};

const hostile = {
  infinity: fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400')),
  operatorObject: fc.constantFrom<object>({ $gt: '' }, { $ne: null }, { toString: 'x' }, { length: 1 }, {}),
  /** Past the JSON depth limit (32) or under it, as arrays or as objects. */
  deep: fc.tuple(fc.integer({ min: 2, max: 60 }), fc.boolean()).map(([depth, asArray]) => nested(depth, asArray)),
  /** 100 000 elements, a few hundred kB: under the body limit. */
  hugeArray: fc.constantFrom<unknown>(0, 'x', {}, null).map((item) => new Array<unknown>(100_000).fill(item)),
  /** Longer than any field's limit (the longest is 20 000); some past the 1 MB body limit once escaped. */
  hugeString: fc
    .tuple(fc.integer({ min: 50_000, max: 300_000 }), fc.constantFrom('x', 'é', '😀', '\u0000', "' OR '1'='1'; --", '<script>'))
    .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
};

const unstorable = (text: string) =>
  text.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** Text PostgreSQL cannot store (NUL) or that has no UTF-8 form (a lone UTF-16 surrogate), anywhere in a string. */
const unstorableText = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u0000\u0000'),
    fc.string({ maxLength: 12 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`)
  .filter(unstorable);
/** Numbers too large for any column (or for SQL as JSON writes them: 1e+21), negative ones, and ones that are not whole. */
const hugeNumber = fc.oneof(
  fc.constantFrom<unknown>(1e21, 1e308, -1e308, 2 ** 53 + 2, 9.9e15, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, 5e-324),
  fc.constantFrom(
    new RawJson('9223372036854775807'),
    new RawJson('-9223372036854775809'),
    new RawJson('1e21'),
    new RawJson('123456789012345678901234567890'),
  ),
  fc.double({ min: 1e15, max: 1e308, noNaN: true }),
);
/** Query parameter values: unstorable text, huge, negative, fractional or exotic numbers. */
const hostileQueryValue = fc.oneof(
  unstorableText,
  fc.constantFrom(
    '1e21',
    '9223372036854775807',
    '1e308',
    '-1',
    '1.5',
    '0x10',
    '+5',
    ' 5',
    'Infinity',
    'NaN',
    '',
    '1e2',
    '٣',
    '00000000000000000000001',
  ),
  fc.double({ noNaN: true }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

const smallJson = fc.jsonValue({ maxDepth: 2 });
const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  hostile.infinity,
  hostile.operatorObject,
  fc.array(smallJson, { maxLength: 3 }),
  hostile.deep,
  hostile.hugeArray,
);
const notANumber = fc.oneof(
  fc.constantFrom('1', '0', 'NaN', 'Infinity', '-1', '1e3', '', '0x10'),
  fc.boolean(),
  hostile.infinity,
  hostile.operatorObject,
  fc.array(fc.integer(), { maxLength: 3 }),
  hostile.deep,
  hostile.hugeArray,
  hostile.hugeString,
);
const notABoolean = fc.oneof(
  fc.constantFrom<unknown>('true', 'false', 1, 0, ''),
  hostile.operatorObject,
  fc.array(fc.boolean(), { maxLength: 2 }),
  hostile.deep,
);
const notAnObject = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  hostile.infinity,
  fc.array(smallJson, { maxLength: 3 }),
  hostile.hugeArray,
  hostile.hugeString,
);
/** An object with a key no DTO has. */
const unknownKeyObject = fc.dictionary(
  fc.string({ maxLength: 12 }).map((key) => `_${key}`),
  smallJson,
  { minKeys: 1, maxKeys: 3 },
);

const kind = {
  requiredString: fc.oneof(fc.constant(null), notAString, hostile.hugeString, unstorableText),
  optionalString: fc.oneof(notAString, hostile.hugeString, unstorableText),
  /** Numbers outside [min, max] (or not whole, for integers) and things that are not numbers. */
  number: (min: number, max?: number, integer = false) =>
    fc.oneof(
      notANumber,
      fc.integer({ min: -1e9, max: Math.ceil(min) - 1 }),
      fc.constantFrom(min - 0.5, -1e308),
      ...(max === undefined
        ? []
        : [
            fc.integer({ min: Math.floor(max) + 1, max: 2 ** 53 }),
            fc.constantFrom<unknown>(1e308, 1e21, 2 ** 53 + 2, new RawJson('9223372036854775807'), new RawJson('1e21')),
          ]),
      ...(integer ? [fc.constantFrom(min + 0.5, min + 1e-9)] : []),
    ),
  boolean: notABoolean,
  object: fc.oneof(notAnObject, unknownKeyObject, hostile.deep),
  arrayOfObjects: fc.oneof(
    notAnObject.filter((value) => !Array.isArray(value)),
    hostile.operatorObject,
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.boolean()), { minLength: 1, maxLength: 3 }),
    fc.array(unknownKeyObject, { minLength: 1, maxLength: 3 }),
    hostile.deep,
    hostile.hugeArray,
  ),
  arrayOfStrings: fc.oneof(
    notAnObject.filter((value) => !Array.isArray(value)),
    hostile.operatorObject,
    fc.array(fc.oneof(fc.integer(), fc.boolean(), hostile.operatorObject), { minLength: 1, maxLength: 3 }),
    hostile.deep,
    hostile.hugeArray.map((items) => items.map(() => 'x')),
  ),
  uuid: fc.oneof(
    fc.constant(null),
    notAString,
    hostile.hugeString,
    unstorableText,
    fc.uuid(),
    fc.constantFrom('not-a-uuid', "' OR '1'='1", '', '00000000-0000-0000-0000-00000000000g'),
  ),
  key: fc.oneof(
    fc.constant(null),
    notAString,
    hostile.hugeString,
    unstorableText,
    fc.constantFrom('', 'has space', 'ñandú', 'a-b', '../etc', '$where'),
  ),
};

const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    '__defineGetter__',
    'isAdmin',
    'id',
    'status',
    'score',
  ),
  fc.string({ maxLength: 12 }).map((key) => `_${key}`),
);
const extraValue = fc.oneof(fc.constantFrom<unknown>({ polluted: true }, { role: 'admin' }, { prototype: { polluted: true } }), smallJson);

interface Target {
  path: Path;
  values: fc.Arbitrary<unknown>;
}

/** One field of a valid body set to a hostile value, or an extra key added to one of its objects. */
function mutations(valid: () => object, targets: Target[], objects: Path[]): fc.Arbitrary<Payload> {
  const replaced = fc
    .constantFrom(...targets)
    .chain((target) =>
      target.values.map((value) => payload(`${pathText(target.path)} = ${short(toJson(value))}`, withValue(valid(), target.path, value))),
    );
  const added = fc
    .tuple(fc.constantFrom(...objects), extraKey, extraValue)
    .map(([path, key, value]) => payload(`extra key "${key}" in ${pathText(path)}`, withExtraKey(valid(), path, key, value)));
  return fc.oneof({ arbitrary: replaced, weight: 4 }, { arbitrary: added, weight: 1 });
}

/** Random JSON: any value, raw text, and objects with the route's own field names holding random values. */
function randomBodies(fields: string[]): fc.Arbitrary<Payload> {
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  return fc.oneof(
    anyJson.map((value) => payload('random JSON', toJson(value))),
    fc.string({ maxLength: 50 }).map((text) => payload('raw text', text)),
    fc
      .record(Object.fromEntries(fields.map((field) => [field, fc.oneof(anyJson, hostile.infinity, hostile.deep)])), { requiredKeys: [] })
      .map((value) => payload("the route's fields, random values", toJson(value))),
  );
}

// ---------------------------------------------------------------------------------------------------

/** Tables a refused write must not touch (report_edits is the audit trail). */
const WATCHED_TABLES = [
  'visit_reports',
  'visit_answers',
  'visit_section_scores',
  'visit_dimension_scores',
  'alerts',
  'report_edits',
  'appeals',
  'idempotency_records',
  'evidence_files',
  'questionnaires',
  'campaigns',
  'campaign_touchpoints',
  'assignments',
];

describe('security: property-based hostile input', () => {
  let ctx: TestContext;
  let w: FieldworkWorld;
  let assignmentId: string;
  let draftId: string;
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort().join();

  beforeAll(async () => {
    ctx = await createTestApp();
    w = await seedFieldwork(ctx);
    assignmentId = (
      await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
    ).id;
    const draft = await ctx.http.post('/questionnaires').set(w.consultant.auth).send(sampleQuestionnaireBody()).expect(201);
    draftId = draft.body.id;
  });
  afterAll(() => ctx.close());

  /** A valid campaign of the world's client, with `overrides`. */
  const campaignBody = (overrides: Record<string, unknown> = {}) => ({
    clientId: w.clientId,
    questionnaireId: w.questionnaireId,
    name: 'Regression wave',
    startsOn: isoDate(-5),
    endsOn: isoDate(20),
    touchpointIds: [w.touchpointId],
    visitsPerTouchpoint: 2,
    ...overrides,
  });

  /** Row count and checksum of every watched table. */
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      await ctx.db.query(
        WATCHED_TABLES.map(
          (table) =>
            `SELECT '${table}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${table} x`,
        ).join(' UNION ALL '),
      ),
    );

  /** Sends one payload and throws (for fast-check to report) unless it is refused cleanly. */
  async function expectRefused(send: (json: string) => Promise<Response>, body: Payload): Promise<void> {
    const before = await snapshot();
    const response = await send(body.json);
    const shown = JSON.stringify(response.body).slice(0, 500);
    if (response.status < 400 || response.status >= 500) throw new Error(`answered ${response.status} ${shown}`);
    const problem = errorShapeProblem(response.status, response.body);
    if (problem) throw new Error(`${response.status} not in the error shape: ${problem}`);
    if ((await snapshot()) !== before) throw new Error(`${response.status}, but the database changed`);
    if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeNames) throw new Error('Object.prototype was polluted');
  }

  const json = (request: ReturnType<TestContext['http']['post']>, body: string) =>
    request.set('Content-Type', 'application/json').send(body);
  const check = (arbitrary: fc.Arbitrary<Payload>, send: (json: string) => Promise<Response>, numRuns = RUNS) =>
    fc.assert(
      fc.asyncProperty(arbitrary, (body) => expectRefused(send, body)),
      { seed: SEED, numRuns },
    );

  describe('POST /assignments/:id/report', () => {
    const valid = () => reportBody({ narrative: 'Friendly staff, quick answer.', employee: { name: 'Ana', badge: 'B-1' }, expenses: 3.5 });
    // goodAnswers(): greet, clean, friendly, wait, privacy, solved, product; -1 and these strings fit none of them.
    const answerValue = fc.oneof(
      hostile.operatorObject,
      fc.array(fc.oneof(fc.integer(), fc.boolean(), hostile.operatorObject), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constant('accurate'), { minLength: 101, maxLength: 150 }),
      fc.constantFrom<unknown>(-1, -1e308, 'NaN', 'Infinity', '1', 'true', ''),
      hostile.infinity,
      hostile.hugeString,
      hostile.deep,
      hostile.hugeArray,
    );
    const answer = (index: number): Target[] => [
      { path: ['answers', index], values: kind.object },
      {
        path: ['answers', index, 'questionKey'],
        values: fc.oneof(kind.requiredString, fc.constantFrom('__proto__', 'constructor', 'toString', 'mystery')),
      },
      { path: ['answers', index, 'value'], values: answerValue },
      { path: ['answers', index, 'na'], values: kind.boolean },
    ];
    const targets: Target[] = [
      {
        path: ['visitedAt'],
        values: fc.oneof(
          kind.requiredString,
          fc.constantFrom(
            'yesterday',
            '',
            '2026-13-01T00:00:00Z',
            '2026-02-30T10:00:00Z',
            '2026-11-24T25:00:00Z',
            '0000-00-00T00:00:00Z',
            '+275760-09-13T00:00:00.001Z',
            '-271821-04-19T00:00:00Z',
            '9999-12-31T23:59:59Z',
            '1970-01-01T00:00:00Z',
            '1999-06-01',
          ),
        ),
      },
      { path: ['answers'], values: fc.oneof(kind.arrayOfObjects, fc.constant([])) },
      ...[0, 2, 3, 6].flatMap(answer),
      { path: ['narrative'], values: kind.optionalString },
      { path: ['employee'], values: kind.object },
      { path: ['employee', 'name'], values: kind.optionalString },
      { path: ['employee', 'description'], values: kind.optionalString },
      { path: ['expenses'], values: fc.oneof(kind.number(0, 99_999_999), fc.constant(0.001)) },
    ];
    const send = (body: string) =>
      json(ctx.http.post(`/assignments/${assignmentId}/report`).set(w.shopper.auth).set('Idempotency-Key', newKey()), body);

    it('accepts the unmutated body (so each mutation is what gets refused)', async () => {
      const other = (
        await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
      ).id;
      await ctx.http.post(`/assignments/${other}/report`).set(w.shopper.auth).set('Idempotency-Key', newKey()).send(valid()).expect(201);
    });

    it('refuses a valid report with one field made hostile: 4xx, error shape, nothing stored', async () => {
      await check(mutations(valid, targets, [[], ['employee'], ['answers', 1]]), send);
    });

    it('refuses random JSON the same way', async () => {
      await check(randomBodies(['visitedAt', 'answers', 'narrative', 'employee', 'expenses']), send, 30);
    });
  });

  describe('POST /questionnaires and PUT /questionnaires/:id', () => {
    const valid = () => sampleQuestionnaireBody({ title: 'Fuzzed questionnaire' });
    // sampleQuestionnaireBody(): sections[0] = greeting (yes_no), wait_time (duration, thresholds), friendliness (scale 1..5);
    // sections[1] = accuracy (single_choice, options), data_protected, resolved, follow_up (showIf), comment (text).
    const q = (section: number, question: number, ...rest: Path): Path => ['sections', section, 'questions', question, ...rest];
    const targets: Target[] = [
      { path: ['title'], values: kind.requiredString },
      { path: ['language'], values: fc.oneof(kind.requiredString, fc.constantFrom('fr', 'xx', '', '__proto__')) },
      { path: ['sections'], values: fc.oneof(kind.arrayOfObjects, fc.constant([])) },
      { path: ['sections', 0], values: kind.object },
      { path: ['sections', 0, 'key'], values: kind.key },
      { path: ['sections', 1, 'title'], values: kind.requiredString },
      { path: ['sections', 1, 'weight'], values: fc.oneof(kind.number(0.000001), fc.constant(0)) },
      { path: ['sections', 0, 'questions'], values: fc.oneof(kind.arrayOfObjects, fc.constant([])) },
      { path: q(0, 0), values: kind.object },
      { path: q(0, 0, 'key'), values: kind.key },
      { path: q(0, 0, 'text'), values: kind.requiredString },
      { path: q(0, 0, 'type'), values: fc.oneof(kind.requiredString, fc.constantFrom('essay', '', '__proto__', 'constructor')) },
      { path: q(0, 0, 'maxPoints'), values: kind.number(0) },
      { path: q(0, 0, 'required'), values: kind.boolean },
      { path: q(0, 0, 'channels'), values: fc.oneof(kind.arrayOfStrings, fc.constant(['fax'])) },
      { path: q(0, 0, 'dimension'), values: fc.oneof(kind.optionalString, fc.constant('charisma')) },
      { path: q(0, 1, 'kpi'), values: fc.oneof(kind.optionalString, fc.constant('speed')) },
      { path: q(0, 1, 'thresholds'), values: fc.oneof(kind.arrayOfObjects, fc.constant([])) },
      { path: q(0, 1, 'thresholds', 0, 'upToSeconds'), values: kind.number(0) },
      { path: q(0, 1, 'thresholds', 0, 'fraction'), values: kind.number(0, 1) },
      { path: q(0, 2, 'min'), values: fc.oneof(notANumber, fc.constantFrom(5, 6, 1.5, 1e308)) },
      { path: q(0, 2, 'max'), values: fc.oneof(notANumber, fc.constantFrom(1, 0, -5, 5.5)) },
      { path: q(1, 0, 'options'), values: fc.oneof(kind.arrayOfObjects, fc.constant([])) },
      { path: q(1, 0, 'options', 0, 'key'), values: kind.key },
      { path: q(1, 0, 'options', 0, 'points'), values: kind.number(0, 4) },
      { path: q(1, 1, 'knockoutScope'), values: fc.oneof(kind.optionalString, fc.constant('galaxy')) },
      { path: q(1, 3, 'showIf'), values: kind.object },
      {
        path: q(1, 3, 'showIf', 'questionKey'),
        values: fc.oneof(kind.requiredString, fc.constantFrom('nope', 'follow_up', 'comment', '__proto__')),
      },
      {
        path: q(1, 3, 'showIf', 'equals'),
        values: fc.oneof(hostile.operatorObject, hostile.infinity, fc.constantFrom<unknown>(1, 'maybe', [1, 2])),
      },
      { path: q(1, 4, 'minLength'), values: kind.number(0, undefined, true) },
    ];
    const objects: Path[] = [[], ['sections', 0], q(0, 0), q(1, 0, 'options', 0), q(1, 3, 'showIf'), q(0, 1, 'thresholds', 0)];
    const create = (body: string) => json(ctx.http.post('/questionnaires').set(w.consultant.auth), body);
    const update = (body: string) => json(ctx.http.put(`/questionnaires/${draftId}`).set(w.consultant.auth), body);

    it('accepts the unmutated body on both routes', async () => {
      await ctx.http.post('/questionnaires').set(w.consultant.auth).send(valid()).expect(201);
      await ctx.http.put(`/questionnaires/${draftId}`).set(w.consultant.auth).send(valid()).expect(200);
    });

    it('refuses a questionnaire with one field made hostile on create', async () => {
      await check(mutations(valid, targets, objects), create);
    });

    it('refuses a questionnaire with one field made hostile on update, leaving the draft as it was', async () => {
      await check(mutations(valid, targets, objects), update);
    });

    it('refuses random JSON on create and update', async () => {
      const fields = ['title', 'language', 'sections'];
      await check(randomBodies(fields), create, 30);
      await check(randomBodies(fields), update, 30);
    });
  });

  describe('POST /campaigns', () => {
    const valid = () =>
      campaignBody({
        name: 'Fuzzed wave',
        scenarios: [{ key: 'card', title: 'Credit card', brief: 'Ask what the card costs' }],
        slaSeconds: { in_person: 300 },
        targets: { overall: 80 },
        seed: 'fuzz',
        visitFee: 25,
        retentionDays: 365,
      });
    const impossibleDate = fc.oneof(
      kind.requiredString,
      fc.constantFrom(
        '2027-02-30',
        '2027-13-01',
        '2027-00-10',
        '0000-00-00',
        '9999-99-99',
        '2027-3-1',
        '2027/03/01',
        '2027-03-01T00:00:00Z',
        '',
      ),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }))
        .map(([year, month, day]) => `${String(year).padStart(4, '0')}-${month}-${String(day).padStart(2, '0')}`),
    );
    const targets: Target[] = [
      { path: ['clientId'], values: kind.uuid },
      { path: ['questionnaireId'], values: kind.uuid },
      { path: ['previousCampaignId'], values: kind.uuid.filter((value) => value !== null) },
      { path: ['name'], values: fc.oneof(kind.requiredString, fc.constant('')) },
      { path: ['startsOn'], values: fc.oneof(impossibleDate, fc.constant('2099-01-01')) },
      { path: ['endsOn'], values: fc.oneof(impossibleDate, fc.constant('2000-01-01')) },
      {
        path: ['touchpointIds'],
        values: fc.oneof(
          kind.arrayOfStrings,
          fc.constant([]),
          fc.uuid().map((id) => [id]),
        ),
      },
      { path: ['touchpointIds', 1], values: fc.oneof(kind.uuid, fc.constant('dup')) },
      { path: ['visitsPerTouchpoint'], values: kind.number(1, 1000, true) },
      { path: ['scenarios'], values: kind.arrayOfObjects },
      { path: ['scenarios', 0, 'key'], values: kind.key },
      { path: ['scenarios', 0, 'title'], values: fc.oneof(kind.requiredString, fc.constant('')) },
      { path: ['scenarios', 1], values: fc.constant({ key: 'card', title: 'Again', brief: 'Same key twice' }) },
      { path: ['slaSeconds'], values: kind.object },
      { path: ['slaSeconds', 'phone'], values: kind.number(1) },
      { path: ['targets'], values: kind.object },
      { path: ['targets', 'overall'], values: kind.number(0, 100) },
      { path: ['seed'], values: fc.oneof(kind.optionalString, fc.constant('')) },
      { path: ['visitFee'], values: fc.oneof(kind.number(0, 99_999_999), fc.constant(0.001)) },
      { path: ['retentionDays'], values: kind.number(0, 36_500, true) },
    ];
    const create = (body: string) => {
      // 'dup' stands for the first touchpoint again (ArrayUnique).
      return json(ctx.http.post('/campaigns').set(w.consultant.auth), body.replace('"dup"', JSON.stringify(w.touchpointId)));
    };

    it('accepts the unmutated body', async () => {
      await ctx.http.post('/campaigns').set(w.consultant.auth).send(valid()).expect(201);
    });

    it('refuses a campaign with one field made hostile: 4xx, error shape, nothing stored', async () => {
      await check(mutations(valid, targets, [[], ['scenarios', 0], ['slaSeconds'], ['targets']]), create);
    });

    it('refuses random JSON the same way', async () => {
      const fields = [
        'clientId',
        'questionnaireId',
        'name',
        'startsOn',
        'endsOn',
        'touchpointIds',
        'visitsPerTouchpoint',
        'scenarios',
        'slaSeconds',
        'targets',
      ];
      await check(randomBodies(fields), create, 30);
    });
  });

  // Issue 12: huge numbers in numeric body fields used to reach SQL or arithmetic that threw (a 500).
  // A huge value may be refused or, where the field has no upper bound, stored: never a 5xx.
  describe('huge numbers in every numeric body field', () => {
    /** Sends one payload and throws unless the answer is a 2xx or a 4xx in the error shape. */
    async function expectNoServerError(send: (json: string) => Promise<Response>, body: Payload): Promise<void> {
      const response = await send(body.json);
      if (response.status >= 500) throw new Error(`answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
      if (response.status >= 400) {
        const problem = errorShapeProblem(response.status, response.body);
        if (problem) throw new Error(`${response.status} not in the error shape: ${problem}`);
      }
    }
    const checkNo5xx = (arbitrary: fc.Arbitrary<Payload>, send: (json: string) => Promise<Response>, numRuns = RUNS) =>
      fc.assert(
        fc.asyncProperty(arbitrary, (body) => expectNoServerError(send, body)),
        { seed: SEED, numRuns },
      );
    const replacedBy = (valid: () => object, paths: Path[]) =>
      fc
        .tuple(fc.constantFrom(...paths), hugeNumber)
        .map(([path, value]) => payload(`${pathText(path)} = ${short(toJson(value))}`, withValue(valid(), path, value)));

    it('questionnaires: maxPoints, weights, thresholds, scale bounds, option points, minLength', async () => {
      const q = (section: number, question: number, ...rest: Path): Path => ['sections', section, 'questions', question, ...rest];
      const paths: Path[] = [
        q(0, 0, 'maxPoints'),
        ['sections', 1, 'weight'],
        q(0, 1, 'thresholds', 0, 'upToSeconds'),
        q(0, 1, 'thresholds', 0, 'fraction'),
        q(0, 2, 'min'),
        q(0, 2, 'max'),
        q(0, 2, 'maxPoints'),
        q(1, 0, 'options', 0, 'points'),
        q(1, 4, 'minLength'),
      ];
      await checkNo5xx(
        replacedBy(() => sampleQuestionnaireBody({ title: 'Huge numbers' }), paths),
        (body) => json(ctx.http.post('/questionnaires').set(w.consultant.auth), body),
      );
    });

    it('campaigns: visits per touchpoint, SLA seconds, targets, fee, retention', async () => {
      const valid = () => campaignBody({ slaSeconds: { in_person: 300 }, targets: { overall: 80 }, visitFee: 25, retentionDays: 365 });
      const paths: Path[] = [['visitsPerTouchpoint'], ['slaSeconds', 'in_person'], ['targets', 'overall'], ['visitFee'], ['retentionDays']];
      await checkNo5xx(replacedBy(valid, paths), (body) => json(ctx.http.post('/campaigns').set(w.consultant.auth), body));
    });

    it('reports: scale and duration answers, expenses', async () => {
      // goodAnswers(): [2] friendly (scale 1..5), [3] wait (duration, seconds)
      const valid = () => reportBody({ expenses: 3.5 });
      const paths: Path[] = [['answers', 2, 'value'], ['answers', 3, 'value'], ['expenses']];
      await checkNo5xx(replacedBy(valid, paths), async (body) => {
        const target = (
          await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
        ).id;
        return json(ctx.http.post(`/assignments/${target}/report`).set(w.shopper.auth).set('Idempotency-Key', newKey()), body);
      });
    });
  });

  // Issue 12: NUL in a query value reached PostgreSQL, and offset=1e21 reached SQL as 1e+21 (500s).
  describe('hostile values in every query parameter of every GET route', () => {
    interface QueryRoute {
      path: string;
      parameters: string[];
    }
    /** GET routes with query parameters, from the OpenAPI document, path parameters filled with the world's campaign id. */
    async function queryRoutes(): Promise<QueryRoute[]> {
      const document = (await ctx.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
      };
      return Object.entries(document.paths)
        .map(([path, item]) => ({
          path: path.replace(/\{[^}]+\}/g, w.campaignId),
          parameters: (item.get?.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        }))
        .filter((route) => route.parameters.length > 0);
    }
    /** Percent-encodes as a careless client would: a lone surrogate as its three WTF-8 bytes (encodeURIComponent throws on it). */
    const percentEncode = (text: string) =>
      text.replace(/[\s\S]/gu, (character) => {
        const unit = character.charCodeAt(0);
        if (character.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
          return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(character);
      });
    const isPlainIntegerIn = (value: string, min: number, max: number) =>
      /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;

    it('never answers 5xx; unstorable text is a 400 naming the parameter; limit and offset only take decimal integers in range', async () => {
      const routes = await queryRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(8);
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...routes)
            .chain((route) => fc.tuple(fc.constant(route), fc.constantFrom(...route.parameters), hostileQueryValue)),
          async ([route, parameter, value]) => {
            const response = await ctx.http.get(`${route.path}?${parameter}=${percentEncode(value)}`).set(w.admin.auth);
            const where = `GET ${route.path}?${parameter}=${JSON.stringify(value)}`;
            if (response.status >= 500) throw new Error(`${where} answered ${response.status}`);
            const problem = response.status >= 400 ? errorShapeProblem(response.status, response.body) : null;
            if (problem) throw new Error(`${where}: ${problem}`);
            // A surrogate cannot travel in a URL (its bytes are no UTF-8, so they arrive as U+FFFD): only NUL must be refused there.
            const mustRefuse =
              value.includes('\u0000') ||
              (parameter === 'offset' && !isPlainIntegerIn(value, 0, 2_147_483_647)) ||
              (parameter === 'limit' && !(/^\d+$/.test(value) && Number(value) >= 1));
            if (mustRefuse && (response.status !== 400 || !fieldsOf(response.body).includes(parameter))) {
              throw new Error(
                `${where} answered ${response.status} ${JSON.stringify(response.body).slice(0, 200)}, not a 400 naming ${parameter}`,
              );
            }
          },
        ),
        { seed: SEED, numRuns: RUNS * 3 },
      );
    });
  });

  describe('regressions found by the properties above', () => {
    const submit = (body: string) =>
      json(ctx.http.post(`/assignments/${assignmentId}/report`).set(w.shopper.auth).set('Idempotency-Key', newKey()), body);
    const createQuestionnaire = (body: object) => ctx.http.post('/questionnaires').set(w.consultant.auth).send(body);

    // Was a 500: @ValidateNested validates the elements of a list found where one object belongs, so
    // `sections: [[…]]` reached normalizeDefinition, which threw on the missing `questions`.
    it('refuses a list where a section belongs with 400 naming sections, on create and update', async () => {
      const section = (sampleQuestionnaireBody().sections as object[])[0];
      for (const sections of [[[]], [[section]], [section, [section]]]) {
        const before = await snapshot();
        const created = await createQuestionnaire(sampleQuestionnaireBody({ sections }));
        expectErrorShape(400, created);
        expect(fieldsOf(created.body)).toEqual(['sections']);
        const updated = await ctx.http.put(`/questionnaires/${draftId}`).set(w.consultant.auth).send(sampleQuestionnaireBody({ sections }));
        expectErrorShape(400, updated);
        expect(await snapshot()).toBe(before);
      }
    });

    // Were accepted: a list where a nested object belongs (the employee was stored as `[]`).
    it('refuses a list where a nested object belongs with 400 naming the field', async () => {
      const before = await snapshot();
      const report = await submit(JSON.stringify(reportBody({ employee: [{ name: 'Ana' }] })));
      expectErrorShape(400, report);
      expect(fieldsOf(report.body)).toEqual(['employee']);
      for (const field of ['slaSeconds', 'targets']) {
        const campaign = await ctx.http
          .post('/campaigns')
          .set(w.consultant.auth)
          .send(campaignBody({ [field]: [] }));
        expectErrorShape(400, campaign);
        expect(fieldsOf(campaign.body)).toEqual([field]);
      }
      const body = sampleQuestionnaireBody();
      const sections = body.sections as Array<{ questions: Array<Record<string, unknown>> }>;
      sections[1].questions[3].showIf = [{ questionKey: 'resolved', equals: false }];
      const questionnaire = await createQuestionnaire(body);
      expectErrorShape(400, questionnaire);
      expect(fieldsOf(questionnaire.body)).toEqual(['sections[1].questions[3].showIf']);
      expect(await snapshot()).toBe(before);
    });

    // Were accepted (201) with the key silently dropped: class-transformer skips keys that name a
    // property every object inherits, so the whitelist never saw them.
    it.each([
      ['__proto__', 'the body', '__proto__'],
      ['constructor', 'employee', 'employee.constructor'],
      ['valueOf', 'an answer', 'answers[1].valueOf'],
      ['toString', 'an answer', 'answers[1].toString'],
      ['prototype', 'employee', 'employee.prototype'],
      ['isPrototypeOf', 'the body', 'isPrototypeOf'],
    ])('refuses a "%s" key in %s with 400 naming it, and stores nothing', async (key, where, field) => {
      const employee = { name: 'Ana' };
      const body = reportBody({ employee });
      const target = where === 'the body' ? body : where === 'employee' ? employee : body.answers[1];
      // defineProperty: an own key, as JSON.parse makes it on the server (an assignment would set the prototype).
      Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true });
      const before = await snapshot();
      const response = await submit(JSON.stringify(body));
      expectErrorShape(400, response);
      expect(fieldsOf(response.body)).toEqual([field]);
      expect(await snapshot()).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses __proto__ and constructor keys on the design routes too', async () => {
      const questionnaire = await ctx.http
        .post('/questionnaires')
        .set(w.consultant.auth)
        .set('Content-Type', 'application/json')
        .send(`{"__proto__":{"status":"published"},${JSON.stringify(sampleQuestionnaireBody()).slice(1)}`);
      expectErrorShape(400, questionnaire);
      expect(fieldsOf(questionnaire.body)).toEqual(['__proto__']);
      const scenarios = [{ key: 'card', title: 'Card', brief: 'Ask', constructor: { prototype: { polluted: true } } }];
      const campaign = await ctx.http.post('/campaigns').set(w.consultant.auth).send(campaignBody({ scenarios }));
      expectErrorShape(400, campaign);
      expect(fieldsOf(campaign.body)).toEqual(['scenarios[0].constructor']);
    });

    // Were 500s (issue 12): numbers JavaScript writes in exponent notation reached a numeric column as
    // "5e-324" or "1e+21", and NUL reached a text column; now one 400 naming the field, for every route.
    it.each([
      ['visitFee', '5e-324'],
      ['visitFee', '1e-7'],
      ['retentionDays', '1e21'],
      ['slaSeconds', '{"in_person":1e308}'],
      ['name', '"wave\\u0000"'],
    ])('refuses %s = %s on campaign create with 400 naming it, and stores nothing', async (field, raw) => {
      const before = await snapshot();
      const body = toJson({ ...campaignBody(), [field]: new RawJson(raw) });
      const response = await json(ctx.http.post('/campaigns').set(w.consultant.auth), body);
      expectErrorShape(400, response);
      expect(fieldsOf(response.body)[0]).toMatch(new RegExp(`^${field}`));
      expect(await snapshot()).toBe(before);
    });

    // Took four minutes of one CPU: 100 000 bad elements made 100 000 details, whose field names were
    // then deduplicated in quadratic time (and answered in a 10 MB body).
    it('answers a list of 100 000 bad elements with one detail', async () => {
      const response = await ctx.http
        .post('/campaigns')
        .set(w.consultant.auth)
        .send(campaignBody({ scenarios: new Array<number>(100_000).fill(0) }));
      expectErrorShape(400, response);
      expect(fieldsOf(response.body)).toEqual(['scenarios']);
      const answers = await submit(JSON.stringify(reportBody({ answers: new Array<object>(100_000).fill({}) })));
      expectErrorShape(400, answers);
      expect(fieldsOf(answers.body)).toEqual(['answers']);
    });
  });

  // security-input.e2e-spec.ts already covers a 10 MB body (413) and `limit` on GET /users, which takes none.
  describe('list parameters', () => {
    // No list route sorts on request: `sort` is an unknown query parameter, refused by name like any other.
    it.each(['/visit-reports', '/campaigns', '/questionnaires', '/alerts'])(
      'refuses a sort parameter on GET %s with 400 naming it',
      async (route) => {
        const response = await ctx.http.get(`${route}?sort=password_hash`).set(w.consultant.auth);
        expectErrorShape(400, response);
        expect(fieldsOf(response.body)).toEqual(['sort']);
      },
    );

    // The paged routes serve at most MAX_PAGE_SIZE (500) items: a larger limit is lowered to it, so a client
    // asking for "everything" gets the largest page rather than an error or an unbounded answer.
    it('caps limit=100000 to 500 items', async () => {
      const [template] = await ctx.db.query(`SELECT id FROM assignments WHERE campaign_id = $1 LIMIT 1`, [w.campaignId]);
      await ctx.db.query(
        `INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, window_start, window_end, planned_at, fee, status)
         SELECT campaign_id, touchpoint_id, scenario_key, window_start, window_end, planned_at, fee, 'open'
           FROM assignments, generate_series(1, 520) WHERE id = $1`,
        [template?.id ?? assignmentId],
      );
      const page = await ctx.http.get(`/assignments?campaignId=${w.campaignId}&limit=100000`).set(w.consultant.auth).expect(200);
      expect(page.body).toHaveLength(500);
    });

    it.each(['/visit-reports', '/alerts', '/appeals', '/assignments'])(
      'answers limit=100000 on GET %s with a page, and refuses limit=0 naming limit',
      async (route) => {
        const page = await ctx.http.get(`${route}?limit=100000`).set(w.consultant.auth).expect(200);
        expect(page.body.length).toBeLessThanOrEqual(500);
        for (const bad of ['0', '-1', '2.5', 'all']) {
          const response = await ctx.http.get(`${route}?limit=${bad}`).set(w.consultant.auth);
          expectErrorShape(400, response);
          expect(fieldsOf(response.body)).toEqual(['limit']);
        }
      },
    );
  });
});
