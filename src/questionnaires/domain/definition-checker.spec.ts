import { checkDefinition } from './definition-checker';
import type { QuestionDefinition, QuestionnaireDefinition } from './definition';
import { normalizeDefinition } from './normalize';

/** A valid questionnaire using every question type; each test breaks one thing in a copy of it. */
function validDefinition(): QuestionnaireDefinition {
  return normalizeDefinition({
    title: 'Phone service',
    language: 'en',
    sections: [
      {
        key: 'contact',
        title: 'Contact',
        weight: 2,
        questions: [
          // [0][0]
          { key: 'greeted', text: 'Greeted?', type: 'yes_no', dimension: 'protocol', critical: true },
          // [0][1]
          {
            key: 'wait',
            text: 'Wait',
            type: 'duration',
            kpi: 'wait_time',
            thresholds: [
              { upToSeconds: 60, fraction: 1 },
              { upToSeconds: 180, fraction: 0.5 },
            ],
          },
          // [0][2]
          { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5 },
        ],
      },
      {
        key: 'resolution',
        title: 'Resolution',
        questions: [
          // [1][0]
          {
            key: 'outcome',
            text: 'Outcome',
            type: 'single_choice',
            kpi: 'fcr',
            options: [
              { key: 'solved', label: 'Solved', points: 2 },
              { key: 'partly', label: 'Partly', points: 1 },
            ],
          },
          // [1][1]
          {
            key: 'asked',
            text: 'Asked about',
            type: 'multi_choice',
            options: [
              { key: 'name', label: 'Name', points: 1 },
              { key: 'need', label: 'Need', points: 1 },
            ],
          },
          // [1][2]
          {
            key: 'follow_up',
            text: 'Follow-up?',
            type: 'yes_no',
            showIf: { questionKey: 'outcome', in: ['partly'] },
            channels: ['phone'],
          },
          // [1][3] .. [1][6]
          { key: 'comment', text: 'Comment', type: 'text', minLength: 10, required: false },
          { key: 'transfers', text: 'Transfers', type: 'number' },
          { key: 'called_at', text: 'Called at', type: 'datetime' },
          { key: 'recording', text: 'Recording', type: 'evidence' },
        ],
      },
    ],
  });
}

function problemsAfter(breakIt: (definition: QuestionnaireDefinition) => void) {
  const definition = validDefinition();
  breakIt(definition);
  return checkDefinition(definition);
}

function question(definition: QuestionnaireDefinition, sectionIndex: number, questionIndex: number): QuestionDefinition {
  return definition.sections[sectionIndex].questions[questionIndex];
}

/** Asserts exactly one problem, on `field`, whose reason matches `reason`. */
function expectOnlyProblem(breakIt: (definition: QuestionnaireDefinition) => void, field: string, reason: RegExp) {
  const problems = problemsAfter(breakIt);
  expect(problems).toEqual([{ field, reason: expect.stringMatching(reason) }]);
}

describe('checkDefinition', () => {
  it('accepts a valid questionnaire', () => {
    expect(checkDefinition(validDefinition())).toEqual([]);
  });

  describe('questionnaire', () => {
    it('rejects an empty title', () => {
      expectOnlyProblem((d) => (d.title = '  '), 'title', /title must not be empty/);
    });

    it('rejects an unknown language', () => {
      expectOnlyProblem((d) => ((d as { language: string }).language = 'fr'), 'language', /unknown language "fr"; expected one of es, en/);
    });

    it('needs at least one section', () => {
      expectOnlyProblem((d) => (d.sections = []), 'sections', /at least one section/);
    });
  });

  describe('sections', () => {
    it('rejects an empty section', () => {
      expectOnlyProblem((d) => (d.sections[1].questions = []), 'sections[1].questions', /at least one question/);
    });

    it('rejects a duplicate section key', () => {
      expectOnlyProblem(
        (d) => (d.sections[1].key = 'contact'),
        'sections[1].key',
        /section key "contact" is already used by sections\[0\]/,
      );
    });

    it('rejects an empty section key', () => {
      expectOnlyProblem((d) => (d.sections[0].key = ''), 'sections[0].key', /key must not be empty/);
    });

    it('rejects a section key with characters other than letters, digits and underscores', () => {
      expectOnlyProblem(
        (d) => (d.sections[0].key = 'first-contact'),
        'sections[0].key',
        /key "first-contact" may contain only letters, digits and underscores/,
      );
    });

    it('rejects an empty section title', () => {
      expectOnlyProblem((d) => (d.sections[1].title = ''), 'sections[1].title', /title must not be empty/);
    });

    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the weight %p', (weight) => {
      expectOnlyProblem((d) => (d.sections[0].weight = weight), 'sections[0].weight', /weight must be a number greater than 0/);
    });
  });

  describe('question basics', () => {
    it('rejects a question key used twice, even across sections', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 4).key = 'greeted'),
        'sections[1].questions[4].key',
        /question key "greeted" is already used by sections\[0\]\.questions\[0\]/,
      );
    });

    it('rejects an empty question key', () => {
      expectOnlyProblem((d) => (question(d, 1, 4).key = ''), 'sections[1].questions[4].key', /key must not be empty/);
    });

    it('rejects a question key with spaces', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 4).key = 'two words'),
        'sections[1].questions[4].key',
        /only letters, digits and underscores/,
      );
    });

    it('rejects empty question text', () => {
      expectOnlyProblem((d) => (question(d, 0, 2).text = ''), 'sections[0].questions[2].text', /text must not be empty/);
    });

    it('rejects an unknown type', () => {
      expectOnlyProblem(
        (d) => ((question(d, 1, 4) as { type: string }).type = 'slider'),
        'sections[1].questions[4].type',
        /unknown question type "slider"/,
      );
    });

    it('rejects an unknown knockout scope', () => {
      expectOnlyProblem(
        (d) => ((question(d, 0, 0) as { knockoutScope: string }).knockoutScope = 'campaign'),
        'sections[0].questions[0].knockoutScope',
        /unknown knockout scope "campaign"; expected one of section, visit/,
      );
    });

    it('rejects an unknown channel', () => {
      expectOnlyProblem(
        (d) => ((question(d, 1, 2) as { channels: string[] }).channels = ['phone', 'fax']),
        'sections[1].questions[2].channels[1]',
        /unknown channel "fax"/,
      );
    });

    it('rejects an unknown dimension', () => {
      expectOnlyProblem(
        (d) => ((question(d, 0, 0) as { dimension: string }).dimension = 'charm'),
        'sections[0].questions[0].dimension',
        /unknown dimension "charm"/,
      );
    });
  });

  describe('points', () => {
    it('rejects negative maxPoints', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 2).maxPoints = -1),
        'sections[0].questions[2].maxPoints',
        /maxPoints must be a number of 0 or more/,
      );
    });

    it.each([
      [3, 'text'],
      [4, 'number'],
      [5, 'datetime'],
      [6, 'evidence'],
    ])('rejects maxPoints on the unscored question %p (%s)', (index, type) => {
      expectOnlyProblem(
        (d) => (question(d, 1, index).maxPoints = 2),
        `sections[1].questions[${index}].maxPoints`,
        new RegExp(`maxPoints must be 0: a ${type} question is never scored`),
      );
    });

    it('rejects critical on an unscored type', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 4).critical = true),
        'sections[1].questions[4].critical',
        /only a scored question can be critical/,
      );
    });

    it('rejects critical on a question worth 0 points', () => {
      expectOnlyProblem(
        (d) => {
          question(d, 1, 2).maxPoints = 0;
          question(d, 1, 2).critical = true;
        },
        'sections[1].questions[2].critical',
        /only a scored question can be critical/,
      );
    });

    it('rejects a question that is both bonus and critical', () => {
      expectOnlyProblem((d) => (question(d, 0, 0).bonus = true), 'sections[0].questions[0].bonus', /cannot be both a bonus and critical/);
    });

    it('rejects a bonus on an unscored question', () => {
      expectOnlyProblem((d) => (question(d, 1, 3).bonus = true), 'sections[1].questions[3].bonus', /only a scored question can be a bonus/);
    });
  });

  describe('kpi', () => {
    it('rejects an unknown kpi', () => {
      expectOnlyProblem(
        (d) => ((question(d, 0, 2) as { kpi: string }).kpi = 'nps'),
        'sections[0].questions[2].kpi',
        /unknown kpi "nps"; expected one of fcr, wait_time, response_time/,
      );
    });

    it('accepts fcr on a scored yes_no question', () => {
      expect(problemsAfter((d) => (question(d, 1, 2).kpi = 'fcr'))).toEqual([]);
    });

    it('rejects fcr on a scale question', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 2).kpi = 'fcr'),
        'sections[0].questions[2].kpi',
        /fcr kpi needs a scored yes_no or single_choice question/,
      );
    });

    it('rejects fcr on an unscored yes_no question', () => {
      expectOnlyProblem(
        (d) => {
          question(d, 1, 2).kpi = 'fcr';
          question(d, 1, 2).maxPoints = 0;
        },
        'sections[1].questions[2].kpi',
        /fcr kpi needs a scored yes_no or single_choice question/,
      );
    });

    it.each(['wait_time', 'response_time'] as const)('rejects %s on a question that is not a duration', (kpi) => {
      expectOnlyProblem(
        (d) => (question(d, 1, 4).kpi = kpi),
        'sections[1].questions[4].kpi',
        new RegExp(`the ${kpi} kpi needs a duration question`),
      );
    });
  });

  describe('showIf', () => {
    const followUp = 'sections[1].questions[2].showIf';

    it('rejects a condition on a missing question', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf!.questionKey = 'ghost'),
        `${followUp}.questionKey`,
        /there is no question "ghost"/,
      );
    });

    it('rejects a condition on the question itself', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'follow_up', equals: true }),
        `${followUp}.questionKey`,
        /cannot depend on itself/,
      );
    });

    it('rejects a condition on a later question', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'transfers', equals: 2 }),
        `${followUp}.questionKey`,
        /question "transfers" comes later; a question can only depend on an earlier one/,
      );
    });

    it('rejects a condition on a question in a later section', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 2).showIf = { questionKey: 'outcome', equals: 'solved' }),
        'sections[0].questions[2].showIf.questionKey',
        /comes later/,
      );
    });

    it('accepts a condition on a question in an earlier section', () => {
      expect(problemsAfter((d) => (question(d, 1, 2).showIf = { questionKey: 'greeted', equals: false }))).toEqual([]);
    });

    it('rejects a condition with neither equals nor in', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'outcome' }),
        followUp,
        /needs a value to compare with: equals or in/,
      );
    });

    it('rejects a condition with both equals and in', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'outcome', equals: 'solved', in: ['partly'] }),
        followUp,
        /either equals or in, not both/,
      );
    });

    it('rejects an empty in', () => {
      expectOnlyProblem((d) => (question(d, 1, 2).showIf = { questionKey: 'outcome', in: [] }), `${followUp}.in`, /at least one value/);
    });

    it('rejects a value a yes_no question cannot take', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'greeted', equals: 'yes' }),
        `${followUp}.equals`,
        /question "greeted" can never have this value: expected true or false, got "yes"/,
      );
    });

    it('rejects an option key the single_choice question does not have, naming the entry of in', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'outcome', in: ['partly', 'never'] }),
        `${followUp}.in[1]`,
        /"never" is not an option of this question/,
      );
    });

    it('rejects a scale value outside min..max', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'rating', equals: 6 }),
        `${followUp}.equals`,
        /value 6 is outside the scale 1\.\.5/,
      );
    });

    it('rejects a scale value that is not a whole number', () => {
      expectOnlyProblem((d) => (question(d, 1, 2).showIf = { questionKey: 'rating', in: [2.5] }), `${followUp}.in[0]`, /whole number/);
    });

    it('accepts a single option key or a list of option keys for a multi_choice question', () => {
      expect(problemsAfter((d) => (question(d, 1, 2).showIf = { questionKey: 'asked', equals: 'need' }))).toEqual([]);
      const listOrKey = { questionKey: 'asked', in: ['name', ['name', 'need']] };
      expect(problemsAfter((d) => (question(d, 1, 2).showIf = listOrKey))).toEqual([]);
    });

    it('rejects an option key the multi_choice question does not have', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'asked', equals: 'budget' }),
        `${followUp}.equals`,
        /"budget" is not an option/,
      );
    });

    it('rejects a negative duration', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 2).showIf = { questionKey: 'wait', equals: -5 }),
        `${followUp}.equals`,
        /expected a duration in seconds/,
      );
    });
  });

  describe('choice questions', () => {
    const outcome = 'sections[1].questions[0]';

    it('needs at least one option', () => {
      expectOnlyProblem(
        (d) => {
          question(d, 1, 0).options = [];
          question(d, 1, 2).showIf = undefined; // it tests an option of this question
        },
        `${outcome}.options`,
        /needs at least one option/,
      );
    });

    it('rejects a choice question without options at all', () => {
      const problems = problemsAfter((d) => (question(d, 1, 1).options = undefined));
      expect(problems).toEqual([{ field: 'sections[1].questions[1].options', reason: expect.stringMatching(/at least one option/) }]);
    });

    it('rejects a duplicate option key', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 1).options![1].key = 'name'),
        'sections[1].questions[1].options[1].key',
        /option key "name" is already used by sections\[1\]\.questions\[1\]\.options\[0\]/,
      );
    });

    it('rejects an empty option key', () => {
      const problems = problemsAfter((d) => (question(d, 1, 1).options![0].key = ''));
      expect(problems).toEqual([{ field: 'sections[1].questions[1].options[0].key', reason: 'key must not be empty' }]);
    });

    it('rejects an option key with a dash', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 1).options![0].key = 'first-name'),
        'sections[1].questions[1].options[0].key',
        /only letters, digits and underscores/,
      );
    });

    it('rejects an empty option label', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 1).options![0].label = ''),
        'sections[1].questions[1].options[0].label',
        /label must not be empty/,
      );
    });

    it('rejects negative option points', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 0).options![1].points = -1),
        `${outcome}.options[1].points`,
        /points must be a number of 0 or more, got -1/,
      );
    });

    it('rejects option points above maxPoints', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 0).options![1].points = 3),
        `${outcome}.options[1].points`,
        /points 3 exceed the question's maxPoints 2/,
      );
    });

    it('rejects a single_choice question that no option lets pass', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 0).maxPoints = 2.5),
        `${outcome}.maxPoints`,
        /the best option earns 2 of maxPoints 2.5, so the question could never pass/,
      );
    });

    it('rejects a multi_choice question whose options together cannot reach maxPoints', () => {
      expectOnlyProblem(
        (d) => {
          question(d, 1, 1).maxPoints = 3;
        },
        'sections[1].questions[1].maxPoints',
        /all options together earn 2 of maxPoints 3/,
      );
    });
  });

  describe('scale questions', () => {
    const rating = 'sections[0].questions[2]';

    it('needs min and max', () => {
      const problems = problemsAfter((d) => {
        question(d, 0, 2).min = undefined;
        question(d, 0, 2).max = undefined;
      });
      expect(problems).toEqual([
        { field: `${rating}.min`, reason: 'a scale needs a whole-number min, got undefined' },
        { field: `${rating}.max`, reason: 'a scale needs a whole-number max, got undefined' },
      ]);
    });

    it('rejects a min that is not a whole number', () => {
      expectOnlyProblem((d) => (question(d, 0, 2).min = 0.5), `${rating}.min`, /whole-number min, got 0.5/);
    });

    it('rejects min equal to max', () => {
      expectOnlyProblem((d) => (question(d, 0, 2).min = 5), `${rating}.max`, /max 5 must be greater than min 5/);
    });

    it('rejects min above max', () => {
      expectOnlyProblem((d) => (question(d, 0, 2).min = 7), `${rating}.max`, /max 5 must be greater than min 7/);
    });
  });

  describe('duration questions', () => {
    const wait = 'sections[0].questions[1]';

    it('needs thresholds when scored', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 1).thresholds = []),
        `${wait}.thresholds`,
        /scored duration question needs at least one threshold/,
      );
      expectOnlyProblem((d) => (question(d, 0, 1).thresholds = undefined), `${wait}.thresholds`, /at least one threshold/);
    });

    it('does not need thresholds when unscored (a timing that is only measured)', () => {
      expect(
        problemsAfter((d) => {
          question(d, 0, 1).maxPoints = 0;
          question(d, 0, 1).thresholds = undefined;
        }),
      ).toEqual([]);
    });

    it('rejects thresholds that are not strictly ascending', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 1).thresholds![1].upToSeconds = 60),
        `${wait}.thresholds[1].upToSeconds`,
        /upToSeconds 60 must be greater than the previous threshold's 60/,
      );
    });

    it('rejects a negative upToSeconds', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 1).thresholds![0].upToSeconds = -1),
        `${wait}.thresholds[0].upToSeconds`,
        /upToSeconds must be a number of 0 or more/,
      );
    });

    it.each([-0.1, 1.5])('rejects the fraction %p', (fraction) => {
      expectOnlyProblem(
        (d) => (question(d, 0, 1).thresholds![1].fraction = fraction),
        `${wait}.thresholds[1].fraction`,
        /fraction must be between 0 and 1/,
      );
    });

    it('rejects a slower threshold that earns more than a faster one', () => {
      expectOnlyProblem(
        (d) =>
          (question(d, 0, 1).thresholds = [
            { upToSeconds: 60, fraction: 0.5 },
            { upToSeconds: 180, fraction: 1 },
          ]),
        `${wait}.thresholds[1].fraction`,
        /a slower answer cannot earn more/,
      );
    });

    it('rejects thresholds none of which earns full points', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 1).thresholds![0].fraction = 0.8),
        `${wait}.thresholds`,
        /no threshold earns the full points/,
      );
    });
  });

  describe('type-specific settings', () => {
    it('rejects a negative minLength on text', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 3).minLength = -1),
        'sections[1].questions[3].minLength',
        /minLength must be a whole number of 0 or more/,
      );
    });

    it('rejects minLength on a question that is not text', () => {
      expectOnlyProblem(
        (d) => (question(d, 1, 4).minLength = 3),
        'sections[1].questions[4].minLength',
        /minLength applies only to text questions, not number/,
      );
    });

    it('rejects options on a question that is not a choice', () => {
      expectOnlyProblem(
        (d) => (question(d, 0, 0).options = [{ key: 'a', label: 'A', points: 1 }]),
        'sections[0].questions[0].options',
        /options applies only to single_choice and multi_choice questions, not yes_no/,
      );
    });

    it('rejects thresholds, min and max and positive on the wrong types', () => {
      const problems = problemsAfter((d) => {
        question(d, 0, 2).thresholds = [{ upToSeconds: 1, fraction: 1 }];
        question(d, 1, 4).min = 0;
        question(d, 1, 4).max = 9;
        question(d, 0, 2).positive = true;
      });
      expect(problems.map((problem) => problem.field).sort()).toEqual([
        'sections[0].questions[2].positive',
        'sections[0].questions[2].thresholds',
        'sections[1].questions[4].max',
        'sections[1].questions[4].min',
      ]);
    });

    it('rejects a yes_no positive answer that is not a boolean', () => {
      expectOnlyProblem(
        (d) => ((question(d, 0, 0) as { positive: unknown }).positive = 'yes'),
        'sections[0].questions[0].positive',
        /positive must be true or false/,
      );
    });
  });

  it('reports every problem at once', () => {
    const problems = problemsAfter((d) => {
      d.title = '';
      d.sections[0].weight = 0;
      d.sections[1].key = 'contact';
      question(d, 0, 2).min = 9;
      question(d, 1, 0).options![0].points = -2;
      question(d, 1, 2).showIf = { questionKey: 'ghost', equals: true };
      question(d, 1, 4).key = 'greeted';
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'sections[0].questions[2].max',
      'sections[0].weight',
      'sections[1].key',
      'sections[1].questions[0].maxPoints', // with the best option at -2 the best is 1 of 2
      'sections[1].questions[0].options[0].points',
      'sections[1].questions[2].showIf.questionKey',
      'sections[1].questions[4].key',
      'title',
    ]);
  });

  it('never throws on a malformed definition', () => {
    const malformed = {
      title: 42,
      language: undefined,
      sections: [{ key: 'x', title: 'X', weight: '1', questions: undefined }],
    } as unknown as QuestionnaireDefinition;
    const problems = checkDefinition(malformed);
    expect(problems.map((problem) => problem.field)).toEqual(['title', 'language', 'sections[0].weight', 'sections[0].questions']);
  });

  describe('themes', () => {
    const withThemes = (themes: unknown) => ({ ...validDefinition(), themes }) as QuestionnaireDefinition;

    it('accepts themes with stems and terms of several words', () => {
      const themes = [
        { key: 'waiting', label: 'Waiting', terms: ['wait', 'queue', 'waiting time'] },
        { key: 'courtesy', label: 'Courtesy', terms: ['friendly'] },
      ];
      expect(checkDefinition(withThemes(themes))).toEqual([]);
    });

    it('reports repeated keys, empty labels, missing terms and terms without a word, by path', () => {
      const themes = [
        { key: 'waiting', label: 'Waiting', terms: ['wait'] },
        { key: 'waiting', label: ' ', terms: [] },
        { key: 'bad key', label: 'Data', terms: ['?!', ''] },
      ];
      const fields = checkDefinition(withThemes(themes)).map((problem) => problem.field);
      expect(fields).toEqual([
        'themes[1].key',
        'themes[1].label',
        'themes[1].terms',
        'themes[2].key',
        'themes[2].terms[0]',
        'themes[2].terms[1]',
      ]);
      expect(checkDefinition(withThemes(themes)).find((p) => p.field === 'themes[2].terms[0]')?.reason).toMatch(/no word to match/);
    });

    it('normalises terms (trimmed, repeats and blanks dropped) and leaves absent themes absent', () => {
      const input = {
        title: 'T',
        language: 'es' as const,
        sections: [{ key: 's', title: 'S', questions: [{ key: 'q', text: 'Q', type: 'yes_no' as const }] }],
      };
      expect(normalizeDefinition(input)).not.toHaveProperty('themes');
      const normalised = normalizeDefinition({
        ...input,
        themes: [{ key: 'espera', label: ' Espera ', terms: [' cola', 'cola', '', 'esperar '] }],
      });
      expect(normalised.themes).toEqual([{ key: 'espera', label: 'Espera', terms: ['cola', 'esperar'] }]);
    });
  });
});
