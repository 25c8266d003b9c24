import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { inspectBody, MAX_BODY_DEPTH } from '../../common/http/body-parsing';
import { createValidationPipe, validationOptions } from '../../common/http/validation';
import { submissionRequestHash } from '../domain/request-hash';
import { AnswerDto } from './answer.dto';
import { EmployeeDto, isValidSubmitReport, SubmitReportDto } from './submission.dto';

// isValidSubmitReport stands in for SubmitReportDto's decorators on the ingest hot path: it must accept
// exactly what they accept, and what it accepts must be stored (and hashed) as the decorators' copy is.

const body: ArgumentMetadata = { type: 'body', metatype: SubmitReportDto };
const reference = new ValidationPipe(validationOptions());
const pipe = createValidationPipe();

/** The decorators' verdict: the DTO they build, or the 400 body. */
async function byDecorators(value: unknown): Promise<{ dto: unknown } | { refused: unknown }> {
  try {
    return { dto: await reference.transform(copy(value), body) };
  } catch (error) {
    if (error instanceof BadRequestException) return { refused: error.getResponse() };
    throw error;
  }
}

const validReport = () => ({
  visitedAt: '2026-03-01T10:30:00Z',
  answers: [
    { questionKey: 'greeting', value: true },
    { questionKey: 'wait', value: 95 },
    { questionKey: 'privacy', na: true },
    { questionKey: 'product', value: ['card', 'loan'], na: false },
    { questionKey: 'comment', value: 'Friendly', na: null },
    { questionKey: 'blank', value: null },
  ],
  narrative: 'Busy branch, polite agent.',
  employee: { name: 'Ana', badge: 'B-1', description: 'Blue jacket' },
  expenses: 3.5,
});

type Path = Array<string | number>;

/** As the body parser would make it. */
const copy = (value: unknown): unknown => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as unknown));

/** Each field of the body and of its parts, with values around its limits and of every JSON type. */
const json = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, '', 'x', [], {}, ['a'], [1], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const text = (max: number) =>
  fc.constantFrom<unknown>('', 'a'.repeat(max), 'a'.repeat(max + 1), '😀'.repeat(max), '😀'.repeat(max + 1), null, 5, ['a']);
const answerFields = (index: number): Array<[Path, fc.Arbitrary<unknown>]> => [
  [['answers', index], fc.oneof(json, fc.constant({ questionKey: 'q' }))],
  [['answers', index, 'questionKey'], fc.oneof(json, text(100), fc.constantFrom('__x', 'q'))],
  [
    ['answers', index, 'value'],
    fc.oneof(
      json,
      text(10_000),
      fc.constantFrom<unknown>(Array(100).fill('k'), Array(101).fill('k'), ['a'.repeat(100)], ['a'.repeat(101)], [null], 1e20, -0),
    ),
  ],
  [['answers', index, 'na'], json],
  [['answers', index, 'extra'], json],
];
const fields: Array<[Path, fc.Arbitrary<unknown>]> = [
  [[], json],
  [
    ['visitedAt'],
    fc.oneof(json, fc.constantFrom('2026-02-30T10:00:00Z', '2026-03-01', '2026-03-01T10:30', '2026-03-01T10:30:00.123+01:00')),
  ],
  [['answers'], fc.oneof(json, fc.constantFrom(Array(1000).fill({ questionKey: 'q' }), Array(1001).fill({ questionKey: 'q' })))],
  ...answerFields(0),
  ...answerFields(3),
  [['narrative'], fc.oneof(json, text(20_000))],
  [['employee'], json],
  [['employee', 'name'], fc.oneof(json, text(200))],
  [['employee', 'badge'], fc.oneof(json, text(100))],
  [['employee', 'description'], fc.oneof(json, text(2000))],
  [['employee', 'age'], json],
  [['expenses'], fc.oneof(json, fc.constantFrom(0, 0.01, 1.005, -0.01, 99_999_999, 99_999_999.01, 12.34))],
  [['rating'], json],
];

/** validReport() with up to three fields replaced (or removed: undefined). */
const reports = fc
  .array(
    fc
      .integer({ min: 0, max: fields.length - 1 })
      .chain((index) =>
        fc.tuple(fc.constant(fields[index][0]), fc.oneof({ weight: 4, arbitrary: fields[index][1] }, fc.constant(undefined))),
      ),
    { maxLength: 3 },
  )
  .map((changes) => {
    let root: unknown = validReport();
    for (const [path, value] of changes) {
      if (!path.length) {
        root = value;
        continue;
      }
      const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], root);
      if (parent === null || typeof parent !== 'object') continue;
      const key = path[path.length - 1];
      if (value === undefined) delete (parent as Record<string | number, unknown>)[key];
      else (parent as Record<string | number, unknown>)[key] = copy(value);
    }
    return copy(root); // as JSON: a removed list item is null
  })
  // What the body parser lets through (it refuses e.g. 1e-7, on which class-validator's IsNumber throws).
  .filter((report) => {
    const { tooDeep, builtInKey, badText } = inspectBody(report, MAX_BODY_DEPTH);
    return !tooDeep && builtInKey === null && badText === null;
  });

describe('isValidSubmitReport (the submission hot path)', () => {
  it('is written for exactly these decorators: a change to them must be made in the check too', () => {
    const constraints = (target: new () => object) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .map((m) => `${m.propertyName} ${m.name ?? m.type}${m.each ? '[each]' : ''} ${JSON.stringify(m.constraints ?? [])}`)
        .sort();
    expect(constraints(SubmitReportDto)).toEqual([
      'answers arrayMaxSize [1000]',
      'answers isArray []',
      'answers isObject[each] []',
      'answers nestedValidation[each] []',
      'employee isObject []',
      'employee isOptional [null]',
      'employee nestedValidation []',
      'expenses isNumber [{"maxDecimalPlaces":2,"allowNaN":false,"allowInfinity":false}]',
      'expenses isOptional [null]',
      'expenses max [99999999]',
      'expenses min [0]',
      'narrative isOptional [null]',
      'narrative isString []',
      'narrative maxLength [20000]',
      'visitedAt isIso8601 [{"strict":true}]',
    ]);
    expect(constraints(AnswerDto)).toEqual([
      'na isBoolean []',
      'na isOptional [null]',
      'questionKey isLength [1,100]',
      'questionKey isString []',
      'value isAnswerValue []',
      'value isOptional [null]',
    ]);
    expect(constraints(EmployeeDto)).toEqual([
      'badge isOptional [null]',
      'badge isString []',
      'badge maxLength [100]',
      'description isOptional [null]',
      'description isString []',
      'description maxLength [2000]',
      'name isOptional [null]',
      'name isString []',
      'name maxLength [200]',
    ]);
  });

  it('accepts exactly what the decorators accept, and the pipe then refuses with their messages', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(reports, async (report) => {
        const verdict = await byDecorators(report);
        expect(isValidSubmitReport(report)).toBe('dto' in verdict);
        if ('dto' in verdict) {
          accepted += 1;
          // The request hash is over the DTO: the check's plain object must hash as the decorators' copy.
          const taken = await pipe.transform(report, body);
          expect(submissionRequestHash('a', taken)).toBe(submissionRequestHash('a', verdict.dto));
        } else {
          await expect(pipe.transform(report, body)).rejects.toMatchObject({ response: verdict.refused });
        }
      }),
      { seed: 19, numRuns: 600 },
    );
    // The generator must reach both sides often enough to mean something.
    expect(accepted).toBeGreaterThan(200);
  });

  it('takes a valid report as it came, without copying it', async () => {
    const report = validReport();
    expect(isValidSubmitReport(report)).toBe(true);
    await expect(pipe.transform(report, body)).resolves.toBe(report);
  });

  it('leaves other bodies to the decorators', async () => {
    await expect(pipe.transform({ visitedAt: 'yesterday', answers: [] }, body)).rejects.toMatchObject({
      response: { message: 'Invalid request: visitedAt' },
    });
    await expect(pipe.transform({ comment: 'ok' }, { type: 'body', metatype: AnswerDto })).rejects.toMatchObject({
      response: { message: 'Invalid request: comment, questionKey' },
    });
  });
});
