import { answerDistribution } from './answer-distribution';

describe('answerDistribution', () => {
  it('tallies yes/no answers as "true" and "false", skipping unanswered groups', () => {
    expect(
      answerDistribution([
        { value: 'true', count: 5 },
        { value: 'false', count: 2 },
        { value: null, count: 9 },
      ]),
    ).toEqual({ false: 2, true: 5 });
  });

  it('adds groups that name the same answer', () => {
    expect(
      answerDistribution([
        { value: 'a', count: 1 },
        { value: 'b', count: 3 },
        { value: 'a', count: 2 },
      ]),
    ).toEqual({ a: 3, b: 3 });
  });

  it('spreads a multi-choice answer over each option it picked, once per visit', () => {
    // visits: 2 × [a, b], 1 × [b], 1 × [b, b] (a duplicate counts once), 1 × []
    expect(
      answerDistribution(
        [
          { value: '["a", "b"]', count: 2 },
          { value: '["b"]', count: 1 },
          { value: '["b", "b"]', count: 1 },
          { value: '[]', count: 1 },
        ],
        true,
      ),
    ).toEqual({ a: 2, b: 4 });
  });

  it('counts a multi-choice value that is not a JSON array as it is', () => {
    expect(
      answerDistribution(
        [
          { value: 'a', count: 2 },
          { value: '["a"]', count: 1 },
        ],
        true,
      ),
    ).toEqual({ a: 3 });
  });

  it('does not split arrays of single-answer questions', () => {
    expect(answerDistribution([{ value: '["a"]', count: 1 }])).toEqual({ '["a"]': 1 });
  });

  it('keys scale answers by their number', () => {
    expect(
      answerDistribution([
        { value: '5', count: 1 },
        { value: '3', count: 4 },
      ]),
    ).toEqual({ 3: 4, 5: 1 });
  });

  it('sorts the keys so the output does not depend on the order PostgreSQL returned the groups', () => {
    expect(
      Object.keys(
        answerDistribution([
          { value: 'z', count: 1 },
          { value: 'a', count: 1 },
          { value: 'm', count: 1 },
        ]),
      ),
    ).toEqual(['a', 'm', 'z']);
  });

  it('gives an empty tally when nobody answered', () => {
    expect(answerDistribution([])).toEqual({});
  });
});
