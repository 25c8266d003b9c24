import { answerChangeKeyProblems, applyAnswerChanges, diffAnswers, snapshotOf, storedAnswers } from './answer-edits';

describe('snapshotOf', () => {
  it('shows a value, N/A, or null for blank', () => {
    expect(snapshotOf({ questionKey: 'q', value: false })).toEqual({ value: false });
    expect(snapshotOf({ questionKey: 'q', na: true })).toEqual({ na: true });
    expect(snapshotOf({ questionKey: 'q', value: null })).toBeNull();
    expect(snapshotOf(undefined)).toBeNull();
  });
});

describe('storedAnswers', () => {
  it('keeps answered and N/A rows and drops blank ones', () => {
    expect(
      storedAnswers([
        { questionKey: 'a', value: 3, na: false },
        { questionKey: 'b', value: null, na: true },
        { questionKey: 'c', value: null, na: false },
      ]),
    ).toEqual([
      { questionKey: 'a', value: 3 },
      { questionKey: 'b', na: true },
    ]);
  });
});

describe('applyAnswerChanges', () => {
  const current = [
    { questionKey: 'a', value: true },
    { questionKey: 'b', value: 'x' },
  ];

  it('replaces, adds and clears answers and leaves the rest', () => {
    expect(
      applyAnswerChanges(current, [
        { questionKey: 'a', value: false },
        { questionKey: 'c', na: true },
        { questionKey: 'b', value: null },
      ]),
    ).toEqual([
      { questionKey: 'a', value: false },
      { questionKey: 'c', na: true },
    ]);
  });

  it('does not mutate its input', () => {
    applyAnswerChanges(current, [{ questionKey: 'a', value: false }]);
    expect(current[0]).toEqual({ questionKey: 'a', value: true });
  });
});

describe('diffAnswers', () => {
  it('lists each changed question with old and new, and skips unchanged ones', () => {
    const before = [
      { questionKey: 'a', value: true },
      { questionKey: 'b', value: ['x', 'y'] },
    ];
    const after = [
      { questionKey: 'a', value: false },
      { questionKey: 'b', value: ['x', 'y'] },
      { questionKey: 'c', na: true },
    ];
    expect(diffAnswers(before, after, ['a', 'b', 'c'])).toEqual([
      { field: 'answers.a', oldValue: { value: true }, newValue: { value: false } },
      { field: 'answers.c', oldValue: null, newValue: { na: true } },
    ]);
  });

  it('reports a cleared answer as new null', () => {
    expect(diffAnswers([{ questionKey: 'a', value: 2 }], [], ['a'])).toEqual([
      { field: 'answers.a', oldValue: { value: 2 }, newValue: null },
    ]);
  });
});

describe('answerChangeKeyProblems', () => {
  const known = new Set(['greet', 'wait']);

  it('accepts changes to distinct known questions', () => {
    expect(answerChangeKeyProblems([{ questionKey: 'greet' }, { questionKey: 'wait' }], known)).toEqual([]);
    expect(answerChangeKeyProblems([], known)).toEqual([]);
  });

  it('names an unknown question and a second change of the same question by their index', () => {
    expect(answerChangeKeyProblems([{ questionKey: 'greet' }, { questionKey: 'nope' }, { questionKey: 'greet' }], known)).toEqual([
      { field: 'answers[1].questionKey', reason: 'there is no question "nope" in this questionnaire' },
      { field: 'answers[2].questionKey', reason: 'question "greet" is changed more than once' },
    ]);
  });
});
