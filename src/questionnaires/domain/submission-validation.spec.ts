import type { SubmittedAnswer } from './definition';
import { normalizeDefinition } from './normalize';
import { validateSubmission } from './submission-validation';

const definition = normalizeDefinition({
  title: 'Phone service',
  language: 'en',
  sections: [
    {
      key: 'contact',
      title: 'Contact',
      questions: [
        { key: 'greeted', text: 'Greeted?', type: 'yes_no' },
        { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5 },
        { key: 'transfers', text: 'Transfers', type: 'number' },
        { key: 'wait', text: 'Wait', type: 'duration', thresholds: [{ upToSeconds: 60, fraction: 1 }] },
        {
          key: 'outcome',
          text: 'Outcome',
          type: 'single_choice',
          options: [
            { key: 'solved', label: 'Solved', points: 1 },
            { key: 'partly', label: 'Partly', points: 0 },
          ],
        },
        {
          key: 'asked',
          text: 'Asked about',
          type: 'multi_choice',
          options: [
            { key: 'name', label: 'Name', points: 1 },
            { key: 'need', label: 'Need', points: 1 },
          ],
        },
        { key: 'comment', text: 'Comment', type: 'text', minLength: 10 },
        { key: 'called_at', text: 'Called at', type: 'datetime' },
        { key: 'recording', text: 'Recording', type: 'evidence' },
      ],
    },
    {
      key: 'extra',
      title: 'Extra',
      questions: [
        // Shown only when the call was not solved.
        { key: 'follow_up', text: 'Follow-up?', type: 'yes_no', showIf: { questionKey: 'outcome', equals: 'partly' } },
        { key: 'spelling', text: 'Spelling', type: 'yes_no', channels: ['email'] },
        { key: 'ivr_easy', text: 'IVR easy?', type: 'yes_no', allowNa: true },
        { key: 'remarks', text: 'Remarks', type: 'text', required: false },
      ],
    },
  ],
});

/** A complete, valid phone submission; tests replace or drop answers. */
const validAnswers: SubmittedAnswer[] = [
  { questionKey: 'greeted', value: true },
  { questionKey: 'rating', value: 4 },
  { questionKey: 'transfers', value: 0 },
  { questionKey: 'wait', value: 45 },
  { questionKey: 'outcome', value: 'solved' },
  { questionKey: 'asked', value: ['need', 'name'] },
  { questionKey: 'comment', value: 'Friendly and quick.' },
  { questionKey: 'called_at', value: '2025-03-01T10:30:00Z' },
  { questionKey: 'recording', value: '0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60' },
  { questionKey: 'ivr_easy', value: true },
];

function validateWith(...replacements: SubmittedAnswer[]) {
  const replacedKeys = new Set(replacements.map((answer) => answer.questionKey));
  const answers = [...validAnswers.filter((answer) => !replacedKeys.has(answer.questionKey)), ...replacements];
  return validateSubmission(definition, answers, 'phone');
}

function validateWithout(...keys: string[]) {
  return validateSubmission(
    definition,
    validAnswers.filter((answer) => !keys.includes(answer.questionKey)),
    'phone',
  );
}

const EVIDENCE_EXPECTED =
  'expected the id of an evidence file uploaded to this assignment (POST /assignments/:id/evidence), or a list of up to 20 of them';

describe('validateSubmission', () => {
  it('accepts a complete valid submission', () => {
    expect(validateSubmission(definition, validAnswers, 'phone')).toEqual([]);
  });

  describe('the answer list', () => {
    it('rejects an unknown question key, naming the answer', () => {
      const problems = validateSubmission(definition, [...validAnswers, { questionKey: 'ghost', value: 1 }], 'phone');
      expect(problems).toEqual([{ field: 'answers[10].questionKey', reason: 'there is no question "ghost" in this questionnaire' }]);
    });

    it('rejects an answer without a question key', () => {
      const problems = validateSubmission(definition, [...validAnswers, { value: 1 } as SubmittedAnswer], 'phone');
      expect(problems).toEqual([
        { field: 'answers[10].questionKey', reason: 'every answer must name the question it answers (questionKey)' },
      ]);
    });

    it('rejects a key answered twice', () => {
      const answers = [...validAnswers, { questionKey: 'greeted', value: false }];
      expect(validateSubmission(definition, answers, 'phone')).toEqual([
        {
          field: 'answers[10].questionKey',
          reason: 'question "greeted" is answered more than once (first at answers[0])',
        },
      ]);
    });
  });

  describe('value types', () => {
    it.each([
      ['greeted', 'yes', 'expected true or false, got "yes"'],
      ['greeted', 1, 'expected true or false, got 1'],
      ['rating', 2.5, 'expected a whole number on the scale 1..5, got 2.5'],
      ['rating', '3', 'expected a whole number on the scale 1..5, got "3"'],
      ['transfers', '2', 'expected a number, got "2"'],
      ['transfers', Number.POSITIVE_INFINITY, 'expected a number, got Infinity'],
      ['wait', -1, 'expected a duration in seconds (a number of 0 or more), got -1'],
      ['wait', '45', 'expected a duration in seconds (a number of 0 or more), got "45"'],
      ['outcome', 2, 'expected one option key, got 2'],
      ['outcome', ['solved'], 'expected one option key, got ["solved"]'],
      ['asked', 'name', 'expected a list of option keys, got "name"'],
      ['asked', ['name', 3], 'expected a list of option keys, got ["name",3]'],
      ['comment', 42, 'expected text, got 42'],
      ['called_at', 1740825000, 'expected an ISO 8601 date-time such as "2025-03-01T10:30:00Z", got 1740825000'],
      ['recording', true, `${EVIDENCE_EXPECTED}, got true`],
      ['recording', 'evidence/0f3c.mp3', `${EVIDENCE_EXPECTED}, got "evidence/0f3c.mp3"`],
      ['recording', [], `${EVIDENCE_EXPECTED}, got []`],
      ['recording', ['0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60', 7], `${EVIDENCE_EXPECTED}, got ["0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",7]`],
      [
        'recording',
        ['0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60', '0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60'],
        'evidence 0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60 is listed more than once',
      ],
    ])('rejects %s = %p', (questionKey, value, reason) => {
      const answer = { questionKey, value: value as SubmittedAnswer['value'] };
      expect(validateWith(answer)).toEqual([{ field: questionKey, reason }]);
    });

    it('accepts a fractional duration (a stopwatch reading) and zero', () => {
      expect(validateWith({ questionKey: 'wait', value: 12.5 })).toEqual([]);
      expect(validateWith({ questionKey: 'wait', value: 0 })).toEqual([]);
    });

    it('accepts an empty multi_choice list ("none of these")', () => {
      expect(validateWith({ questionKey: 'asked', value: [] })).toEqual([]);
    });

    it.each(['2025-03-01', '2025-03-01T10:30', '2025-03-01T10:30:15.250+01:00', '2024-02-29T23:59:59Z'])(
      'accepts the ISO 8601 date-time %s',
      (value) => {
        expect(validateWith({ questionKey: 'called_at', value })).toEqual([]);
      },
    );

    const badDateTimes = ['yesterday', '01/03/2025', '2025-02-29', '2025-13-01T00:00:00Z', '2025-03-01T24:00:00Z'];
    it.each([...badDateTimes, '2025-03-01 10:30'])('rejects the date-time %p', (value) => {
      expect(validateWith({ questionKey: 'called_at', value })).toEqual([
        { field: 'called_at', reason: expect.stringMatching(/expected an ISO 8601 date-time/) },
      ]);
    });
  });

  describe('values out of range', () => {
    it('rejects a scale value outside min..max', () => {
      expect(validateWith({ questionKey: 'rating', value: 7 })).toEqual([{ field: 'rating', reason: 'value 7 is outside the scale 1..5' }]);
      expect(validateWith({ questionKey: 'rating', value: 0 })).toEqual([{ field: 'rating', reason: 'value 0 is outside the scale 1..5' }]);
    });

    it('accepts both ends of the scale', () => {
      expect(validateWith({ questionKey: 'rating', value: 1 })).toEqual([]);
      expect(validateWith({ questionKey: 'rating', value: 5 })).toEqual([]);
    });

    it('rejects an option key the single_choice question does not have', () => {
      expect(validateWith({ questionKey: 'outcome', value: 'maybe' })).toEqual([
        { field: 'outcome', reason: '"maybe" is not an option of this question (expected one of solved, partly)' },
      ]);
    });

    it('rejects each unknown or repeated option of a multi_choice answer', () => {
      expect(validateWith({ questionKey: 'asked', value: ['name', 'age', 'name', 'zip'] })).toEqual([
        { field: 'asked', reason: '"age" is not an option of this question (expected one of name, need)' },
        { field: 'asked', reason: '"zip" is not an option of this question (expected one of name, need)' },
        { field: 'asked', reason: 'option "name" is chosen more than once' },
      ]);
    });
  });

  describe('applicability', () => {
    it('rejects an answer to a question hidden by showIf', () => {
      // outcome is "solved", so follow_up (shown only when "partly") is hidden.
      expect(validateWith({ questionKey: 'follow_up', value: true })).toEqual([
        {
          field: 'follow_up',
          reason: 'this question must not be answered: it is shown only when "outcome" is "partly"',
        },
      ]);
    });

    it('accepts an answer to a question that showIf reveals', () => {
      expect(validateWith({ questionKey: 'outcome', value: 'partly' }, { questionKey: 'follow_up', value: false })).toEqual([]);
    });

    it('requires a question that showIf reveals', () => {
      expect(validateWith({ questionKey: 'outcome', value: 'partly' })).toEqual([{ field: 'follow_up', reason: 'an answer is required' }]);
    });

    it('rejects an answer to a question not asked on the channel', () => {
      expect(validateWith({ questionKey: 'spelling', value: true })).toEqual([
        { field: 'spelling', reason: 'this question must not be answered: it is not asked on the phone channel' },
      ]);
    });

    it('accepts N/A or an empty value for a question that does not apply', () => {
      const problems = validateWith({ questionKey: 'spelling', na: true }, { questionKey: 'follow_up', value: null });
      expect(problems).toEqual([]);
    });

    it('requires the channel-specific question on its own channel', () => {
      const onEmail = validateSubmission(definition, validAnswers, 'email');
      expect(onEmail).toEqual([{ field: 'spelling', reason: 'an answer is required' }]);
    });
  });

  describe('N/A', () => {
    it('accepts N/A where it is allowed, even on a required question', () => {
      expect(validateWith({ questionKey: 'ivr_easy', na: true })).toEqual([]);
    });

    it('rejects N/A where it is not allowed', () => {
      expect(validateWith({ questionKey: 'greeted', na: true })).toEqual([
        { field: 'greeted', reason: 'N/A is not allowed for this question' },
      ]);
    });

    it('rejects N/A together with a value', () => {
      expect(validateWith({ questionKey: 'ivr_easy', na: true, value: false })).toEqual([
        { field: 'ivr_easy', reason: 'an answer cannot be N/A and carry a value at the same time' },
      ]);
    });

    it('rejects an na flag that is not a boolean', () => {
      expect(validateWith({ questionKey: 'ivr_easy', value: true, na: 'no' as unknown as boolean })).toEqual([
        { field: 'ivr_easy', reason: 'na must be true or false, got "no"' },
      ]);
    });

    it('accepts na: false with a value', () => {
      expect(validateWith({ questionKey: 'greeted', value: true, na: false })).toEqual([]);
    });
  });

  describe('required answers', () => {
    it('rejects a missing required answer', () => {
      expect(validateWithout('rating')).toEqual([{ field: 'rating', reason: 'an answer is required' }]);
    });

    it('treats null and blank text as missing', () => {
      expect(validateWith({ questionKey: 'rating', value: null }, { questionKey: 'recording', value: '  ' })).toEqual([
        { field: 'rating', reason: 'an answer is required' },
        { field: 'recording', reason: 'an answer is required' },
      ]);
    });

    it('accepts a missing optional answer', () => {
      expect(validateWithout('remarks')).toEqual([]);
    });

    it('checks minLength on an optional text only when it is answered', () => {
      expect(validateWith({ questionKey: 'remarks', value: 'ok' })).toEqual([]);
    });
  });

  describe('minLength', () => {
    it('rejects text shorter than minLength', () => {
      // "Too short" has 9 characters; the minimum is 10.
      expect(validateWith({ questionKey: 'comment', value: 'Too short' })).toEqual([
        { field: 'comment', reason: 'text has 9 characters, fewer than the required 10' },
      ]);
    });

    it('does not count surrounding spaces', () => {
      expect(validateWith({ questionKey: 'comment', value: '   Too short   ' })).toEqual([
        { field: 'comment', reason: 'text has 9 characters, fewer than the required 10' },
      ]);
    });

    it('accepts text of exactly minLength', () => {
      expect(validateWith({ questionKey: 'comment', value: 'Ten chars!' })).toEqual([]);
    });
  });

  it('reports every problem at once', () => {
    const answers: SubmittedAnswer[] = [
      { questionKey: 'greeted', value: 'yes' },
      { questionKey: 'rating', value: 9 },
      { questionKey: 'outcome', value: 'solved' },
      { questionKey: 'asked', value: ['name'] },
      { questionKey: 'comment', value: 'short' },
      { questionKey: 'called_at', value: '2025-03-01' },
      { questionKey: 'recording', value: ['0f3c5a1e-8d2b-4c6f-9a7e-1b2c3d4e5f60'] },
      { questionKey: 'ivr_easy', na: true, value: true },
      { questionKey: 'spelling', value: true },
      { questionKey: 'ghost', value: 1 },
      { questionKey: 'greeted', value: true },
    ];
    expect(validateSubmission(definition, answers, 'phone')).toEqual([
      { field: 'answers[9].questionKey', reason: 'there is no question "ghost" in this questionnaire' },
      {
        field: 'answers[10].questionKey',
        reason: 'question "greeted" is answered more than once (first at answers[0])',
      },
      { field: 'greeted', reason: 'expected true or false, got "yes"' },
      { field: 'rating', reason: 'value 9 is outside the scale 1..5' },
      { field: 'transfers', reason: 'an answer is required' },
      { field: 'wait', reason: 'an answer is required' },
      { field: 'comment', reason: 'text has 5 characters, fewer than the required 10' },
      { field: 'spelling', reason: 'this question must not be answered: it is not asked on the phone channel' },
      { field: 'ivr_easy', reason: 'an answer cannot be N/A and carry a value at the same time' },
    ]);
  });
});
