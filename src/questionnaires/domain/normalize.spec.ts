import { normalizeDefinition, type QuestionInput, type QuestionnaireInput } from './normalize';

function withQuestions(...questions: QuestionInput[]): QuestionnaireInput {
  return { title: 'Branch visit', language: 'en', sections: [{ key: 'main', title: 'Main', questions }] };
}

function normalizeOne(question: QuestionInput) {
  return normalizeDefinition(withQuestions(question)).sections[0].questions[0];
}

describe('normalizeDefinition', () => {
  it('fills every default of a bare yes_no question and a section', () => {
    const definition = normalizeDefinition(withQuestions({ key: 'greeted', text: 'Greeted?', type: 'yes_no' }));

    expect(definition).toEqual({
      title: 'Branch visit',
      language: 'en',
      sections: [
        {
          key: 'main',
          title: 'Main',
          weight: 1,
          questions: [
            {
              key: 'greeted',
              text: 'Greeted?',
              type: 'yes_no',
              maxPoints: 1,
              required: true,
              allowNa: false,
              critical: false,
              knockoutScope: 'section',
              channels: [],
              bonus: false,
              positive: true,
            },
          ],
        },
      ],
    });
  });

  it('leaves absent optional settings out instead of setting them to undefined', () => {
    const question = normalizeOne({ key: 'q', text: 'Q', type: 'yes_no' });
    expect(Object.keys(question)).not.toContain('dimension');
    expect(Object.keys(question)).not.toContain('showIf');
    expect(Object.keys(question)).not.toContain('options');
  });

  it('keeps every value the author set', () => {
    const input: QuestionInput = {
      key: 'wrong_answer',
      text: 'Did they say it cannot be done?',
      type: 'yes_no',
      maxPoints: 3,
      required: false,
      allowNa: true,
      critical: true,
      knockoutScope: 'visit',
      dimension: 'knowledge',
      channels: ['phone', 'email'],
      kpi: 'fcr',
      recommendation: 'Train the team on the product catalogue.',
      bonus: false,
      positive: false,
    };
    expect(normalizeOne(input)).toEqual(input);
  });

  it('keeps a section weight the author set', () => {
    const input = withQuestions({ key: 'q', text: 'Q', type: 'yes_no' });
    input.sections[0].weight = 2.5;
    expect(normalizeDefinition(input).sections[0].weight).toBe(2.5);
  });

  it('sets positive only on yes_no questions by default', () => {
    expect(normalizeOne({ key: 'q', text: 'Q', type: 'scale', min: 1, max: 5 })).not.toHaveProperty('positive');
  });

  describe('default maxPoints', () => {
    it.each(['yes_no', 'scale', 'duration'] as const)('is 1 for %s', (type) => {
      expect(normalizeOne({ key: 'q', text: 'Q', type }).maxPoints).toBe(1);
    });

    it.each(['number', 'text', 'datetime', 'evidence'] as const)('is 0 for the unscored type %s', (type) => {
      expect(normalizeOne({ key: 'q', text: 'Q', type }).maxPoints).toBe(0);
    });

    it('is the best option for single_choice', () => {
      const question = normalizeOne({
        key: 'q',
        text: 'Q',
        type: 'single_choice',
        options: [
          { key: 'poor', label: 'Poor', points: 0 },
          { key: 'great', label: 'Great', points: 3 },
          { key: 'fair', label: 'Fair', points: 1 },
        ],
      });
      expect(question.maxPoints).toBe(3);
    });

    it('is the sum of the positive options for multi_choice', () => {
      const question = normalizeOne({
        key: 'q',
        text: 'Q',
        type: 'multi_choice',
        options: [
          { key: 'name', label: 'Asked the name', points: 1 },
          { key: 'need', label: 'Asked the need', points: 2 },
          { key: 'nothing', label: 'Nothing', points: 0 },
        ],
      });
      expect(question.maxPoints).toBe(3); // 1 + 2 + 0
    });

    it('is 0 for a choice question without options', () => {
      expect(normalizeOne({ key: 'q', text: 'Q', type: 'single_choice' }).maxPoints).toBe(0);
      expect(normalizeOne({ key: 'q', text: 'Q', type: 'multi_choice' }).maxPoints).toBe(0);
    });

    it('keeps an explicit maxPoints of 0', () => {
      expect(normalizeOne({ key: 'q', text: 'Q', type: 'yes_no', maxPoints: 0 }).maxPoints).toBe(0);
    });
  });

  it('does not mutate the input and shares no objects with it', () => {
    const input = withQuestions(
      {
        key: 'chosen',
        text: 'Which?',
        type: 'multi_choice',
        options: [{ key: 'a', label: 'A', points: 1 }],
        channels: ['phone'],
      },
      {
        key: 'speed',
        text: 'Speed',
        type: 'duration',
        thresholds: [{ upToSeconds: 60, fraction: 1 }],
        showIf: { questionKey: 'chosen', in: ['a'] },
      },
    );
    const before = structuredClone(input);

    const definition = normalizeDefinition(input);
    const [chosen, speed] = definition.sections[0].questions;
    chosen.options![0].points = 99;
    chosen.channels.push('email');
    speed.thresholds![0].fraction = 0;
    speed.showIf!.in!.push('b');

    expect(input).toEqual(before);
  });
});
