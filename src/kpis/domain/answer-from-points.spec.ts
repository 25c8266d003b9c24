import type { QuestionnaireDefinition } from '../../questionnaires/domain/definition';
import { answerFromPoints, answerIsReadFromPoints, queriedQuestionKeys } from './answer-from-points';

const yesNo = { type: 'yes_no' as const, maxPoints: 10 };
const scale = { type: 'scale' as const, maxPoints: 10, min: 1, max: 5 };
const choice = {
  type: 'single_choice' as const,
  maxPoints: 20,
  options: [
    { key: 'full', label: 'Full', points: 20 },
    { key: 'partial', label: 'Partial', points: 10 },
    { key: 'wrong', label: 'Wrong', points: 0 },
  ],
};

describe('answerIsReadFromPoints', () => {
  it('reads yes/no, scale and single choices with distinct points from their points', () => {
    expect(answerIsReadFromPoints(yesNo)).toBe(true);
    expect(answerIsReadFromPoints(scale)).toBe(true);
    expect(answerIsReadFromPoints(choice)).toBe(true);
  });

  it('needs the answer for unscored questions, multi-choices, flat scales and choices sharing points', () => {
    expect(answerIsReadFromPoints({ ...yesNo, maxPoints: 0 })).toBe(false);
    expect(answerIsReadFromPoints({ ...choice, type: 'multi_choice' })).toBe(false);
    expect(answerIsReadFromPoints({ ...scale, max: 1 })).toBe(false);
    expect(answerIsReadFromPoints({ type: 'text', maxPoints: 0 })).toBe(false);
    expect(
      answerIsReadFromPoints({
        ...choice,
        options: [
          { key: 'a', label: 'A', points: 5 },
          { key: 'b', label: 'B', points: 5 },
        ],
      }),
    ).toBe(false);
    // 30 and 25 both cap at maxPoints 20
    expect(
      answerIsReadFromPoints({
        ...choice,
        options: [
          { key: 'a', label: 'A', points: 30 },
          { key: 'b', label: 'B', points: 25 },
        ],
      }),
    ).toBe(false);
  });
});

describe('answerFromPoints', () => {
  it('reads a yes/no from all or nothing, honouring a negative positive answer', () => {
    expect(answerFromPoints(yesNo, 10)).toBe('true');
    expect(answerFromPoints(yesNo, 0)).toBe('false');
    expect(answerFromPoints({ ...yesNo, positive: false }, 10)).toBe('false');
    expect(answerFromPoints({ ...yesNo, positive: false }, 0)).toBe('true');
    expect(answerFromPoints(yesNo, 4)).toBeNull();
  });

  it('reads a scale value back from 10 × (v − 1) / 4', () => {
    expect(answerFromPoints(scale, 0)).toBe('1');
    expect(answerFromPoints(scale, 2.5)).toBe('2');
    expect(answerFromPoints(scale, 5)).toBe('3');
    expect(answerFromPoints(scale, 7.5)).toBe('4');
    expect(answerFromPoints(scale, 10)).toBe('5');
    expect(answerFromPoints(scale, 6)).toBeNull(); // 3.4 is no scale value
  });

  it('tolerates the rounding of stored fractions', () => {
    // 0..7 scale worth 7 points: 7 × 3 / 7 computed in floating point
    expect(answerFromPoints({ type: 'scale', maxPoints: 7, min: 0, max: 7 }, (7 * 3) / 7 + 1e-12)).toBe('3');
  });

  it('reads a single choice from its option points', () => {
    expect(answerFromPoints(choice, 20)).toBe('full');
    expect(answerFromPoints(choice, 10)).toBe('partial');
    expect(answerFromPoints(choice, 0)).toBe('wrong');
    expect(answerFromPoints(choice, 15)).toBeNull();
  });

  it('reads nothing from questions that need their answer', () => {
    expect(answerFromPoints({ ...choice, type: 'multi_choice' }, 20)).toBeNull();
  });
});

describe('queriedQuestionKeys', () => {
  it('lists the text questions, and the tallied questions whose points do not tell the answer', () => {
    const base = { required: false, allowNa: false, critical: false, knockoutScope: 'section' as const, channels: [], bonus: false };
    const definition = {
      title: 'Q',
      language: 'en',
      sections: [
        {
          key: 's1',
          title: 'S1',
          weight: 1,
          questions: [
            { ...base, ...yesNo, key: 'greet', text: 'Greet' },
            { ...base, ...choice, type: 'multi_choice', key: 'seen', text: 'Seen' },
            { ...base, type: 'text', maxPoints: 0, key: 'note', text: 'Note' },
          ],
        },
        {
          key: 's2',
          title: 'S2',
          weight: 1,
          questions: [
            { ...base, ...scale, maxPoints: 0, key: 'mood', text: 'Mood' },
            { ...base, type: 'number', maxPoints: 0, key: 'wait', text: 'Wait' },
            { ...base, type: 'text', maxPoints: 0, key: 'closing', text: 'Closing' },
          ],
        },
      ],
    } as unknown as QuestionnaireDefinition;

    expect(queriedQuestionKeys(definition)).toEqual({ textKeys: ['note', 'closing'], valueKeys: ['seen', 'mood'] });
  });
});
