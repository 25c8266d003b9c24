import type { QuestionDefinition, QuestionnaireDefinition } from '../../questionnaires/domain/definition';
import { programMeasures } from './measures';
import { programPriorities, weakestChannel } from './priorities';

const question = (key: string, extra: Partial<QuestionDefinition> = {}): QuestionDefinition => ({
  key,
  text: `Text of ${key}`,
  type: 'yes_no',
  maxPoints: 10,
  required: false,
  allowNa: true,
  critical: false,
  knockoutScope: 'section',
  channels: [],
  bonus: false,
  ...extra,
});
const questionnaire = (questions: QuestionDefinition[]): QuestionnaireDefinition => ({
  title: 'Q',
  language: 'en',
  sections: [{ key: 's', title: 'S', weight: 1, questions }],
});

describe('programMeasures', () => {
  const branch = questionnaire([
    question('greeting', { dimension: 'protocol', recommendation: 'Greet at once' }),
    question('accurate', { dimension: 'knowledge' }),
    question('parking'),
    question('comments', { type: 'text', maxPoints: 0 }),
  ]);
  const phone = questionnaire([
    question('greeting', { recommendation: 'Say the bank name' }),
    question('accurate'),
    question('hold_music'),
  ]);
  const email = questionnaire([
    question('salutation', { recommendation: 'Open with the customer name' }),
    question('accurate'),
    question('comments', { type: 'text', maxPoints: 0 }),
  ]);

  it('finds shared scored keys, then dimensions, never unshared or unscored keys', () => {
    const measures = programMeasures([branch, phone, email], []);
    expect(measures.map((m) => [m.key, m.kind])).toEqual([
      ['greeting', 'question'],
      ['accurate', 'question'],
      ['protocol', 'dimension'],
      ['knowledge', 'dimension'],
    ]);
    expect(measures[0]).toMatchObject({
      title: 'Text of greeting',
      questionKeys: ['greeting'],
      advice: ['Greet at once', 'Say the bank name'],
    });
  });

  it('lets a consultant map differently keyed questions onto one measure, which wins over the shared key', () => {
    const measures = programMeasures(
      [branch, phone, email],
      [{ key: 'greeting', title: 'Greeting', questionKeys: ['greeting', 'salutation'] }],
    );
    expect(measures[0]).toEqual({
      key: 'greeting',
      title: 'Greeting',
      kind: 'custom',
      questionKeys: ['greeting', 'salutation'],
      advice: ['Greet at once', 'Say the bank name', 'Open with the customer name'],
    });
    expect(measures.filter((m) => m.key === 'greeting')).toHaveLength(1);
    // A mapping under a new key takes its questions out of the shared keys.
    const renamed = programMeasures(
      [branch, phone, email],
      [{ key: 'welcome', title: 'Welcome', questionKeys: ['greeting', 'salutation'] }],
    );
    expect(renamed.map((m) => m.key)).toEqual(['welcome', 'accurate', 'protocol', 'knowledge']);
  });
});

describe('weakestChannel and programPriorities', () => {
  it('picks the lowest compliance, ties to the channel with more visits', () => {
    expect(
      weakestChannel([
        { channel: 'phone', compliance: 50, n: 4 },
        { channel: 'email', compliance: 50, n: 9 },
        { channel: 'in_person', compliance: 80, n: 10 },
      ]),
    ).toBe('email');
    expect(weakestChannel([{ channel: 'phone', compliance: null, n: 0 }])).toBeNull();
  });

  it('ranks gap × share, needs two measured channels', () => {
    // greeting: in_person 90, phone 60 (gap 30, share 25 % → 7.5), email 80 (gap 10, share 50 % → 5).
    // accurate: in_person only → no priority.
    const share = new Map([
      ['in_person', 25],
      ['phone', 25],
      ['email', 50],
    ] as const);
    const priorities = programPriorities(
      [
        {
          key: 'greeting',
          channels: [
            { channel: 'in_person', compliance: 90, n: 10 },
            { channel: 'phone', compliance: 60, n: 10 },
            { channel: 'email', compliance: 80, n: 20 },
          ],
        },
        {
          key: 'accurate',
          channels: [
            { channel: 'in_person', compliance: 20, n: 10 },
            { channel: 'phone', compliance: null, n: 0 },
          ],
        },
      ],
      share,
      // The advice of the channel's own questionnaire.
      (key, channel) => (channel === 'phone' ? [`${key} on the phone`, 'Smile'] : []),
    );
    expect(priorities).toEqual([
      { measureKey: 'greeting', channel: 'phone', gap: 30, share: 25, impact: 7.5, advice: 'greeting on the phone · Smile' },
      { measureKey: 'greeting', channel: 'email', gap: 10, share: 50, impact: 5 },
    ]);
  });
});
