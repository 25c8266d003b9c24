import { rankRecommendations, rankStrengths, targetsReport, type QuestionResult } from './recommendations';

/** A question of a questionnaire worth 50 possible points in all. */
function question(key: string, compliance: number | null, possiblePoints: number, overrides: Partial<QuestionResult> = {}): QuestionResult {
  return { key, text: `Text of ${key}`, compliance, n: 20, possiblePoints, totalPossiblePoints: 50, ...overrides };
}

// Shares of the 50 possible points: greeting 10/50 = 0.2, needs 20/50 = 0.4, farewell 5/50 = 0.1,
// cleanliness 15/50 = 0.3.
const questions = [
  question('greeting', 60, 10, { recommendation: 'Greet every customer within 30 seconds.' }),
  question('needs', 90, 20, { recommendation: 'Ask open questions about needs.' }),
  question('farewell', 20, 5),
  question('cleanliness', 100, 15, { recommendation: 'Keep the counter clear.' }),
];

describe('rankRecommendations', () => {
  it('ranks by (1 − compliance) × share of the possible points, as a percentage, ties by key', () => {
    // greeting (1 − 0.6) × 0.2 = 8%; farewell (1 − 0.2) × 0.1 = 8%; needs (1 − 0.9) × 0.4 = 4%;
    // cleanliness (1 − 1) × 0.3 = 0%: nothing to gain, left out. farewell < greeting by key.
    expect(rankRecommendations(questions)).toEqual([
      {
        questionKey: 'farewell',
        text: 'Text of farewell',
        impact: expect.closeTo(8, 10),
        compliance: 20,
        recommendation: null,
      },
      {
        questionKey: 'greeting',
        text: 'Text of greeting',
        impact: expect.closeTo(8, 10),
        compliance: 60,
        recommendation: 'Greet every customer within 30 seconds.',
      },
      {
        questionKey: 'needs',
        text: 'Text of needs',
        impact: expect.closeTo(4, 10),
        compliance: 90,
        recommendation: 'Ask open questions about needs.',
      },
    ]);
  });

  it('keeps only the top ones when asked', () => {
    expect(rankRecommendations(questions, 1).map((r) => r.questionKey)).toEqual(['farewell']);
    expect(rankRecommendations(questions, 0)).toEqual([]);
  });

  it('lets a heavy question with fair compliance outrank a light one failed everywhere', () => {
    // payment (1 − 0.5) × 25/50 = 25% against parking (1 − 0) × 2/50 = 4%.
    const ranked = rankRecommendations([question('parking', 0, 2), question('payment', 50, 25)]);

    expect(ranked.map((r) => [r.questionKey, r.impact])).toEqual([
      ['payment', 25],
      ['parking', 4],
    ]);
  });

  it('leaves out questions no visit answered, unscored questions and questions worth no points', () => {
    const ranked = rankRecommendations([
      question('never_asked', 0, 10, { n: 0 }),
      question('free_text', null, 0),
      question('no_points', 40, 0),
      question('greeting', 60, 10),
    ]);

    expect(ranked.map((r) => r.questionKey)).toEqual(['greeting']);
  });

  it('gives nothing, rather than dividing by zero, for a questionnaire without possible points', () => {
    expect(rankRecommendations([question('greeting', 60, 0, { totalPossiblePoints: 0 })])).toEqual([]);
  });
});

describe('rankStrengths', () => {
  it('ranks by compliance × share of the possible points, highest first', () => {
    // needs 0.9 × 0.4 = 36%, cleanliness 1 × 0.3 = 30%, greeting 0.6 × 0.2 = 12%, farewell 0.2 × 0.1 = 2%.
    expect(rankStrengths(questions, 0)).toEqual([
      { questionKey: 'needs', text: 'Text of needs', compliance: 90 },
      { questionKey: 'cleanliness', text: 'Text of cleanliness', compliance: 100 },
      { questionKey: 'greeting', text: 'Text of greeting', compliance: 60 },
      { questionKey: 'farewell', text: 'Text of farewell', compliance: 20 },
    ]);
  });

  it('keeps the top N, ties by key, and leaves out questions never passed or never answered', () => {
    // alpha and beta: 1 × 10/50 = 20% each; gamma never passed, delta never answered.
    const candidates = [
      question('beta', 100, 10),
      question('alpha', 100, 10),
      question('gamma', 0, 20),
      question('delta', 100, 20, { n: 0 }),
    ];

    const strengths = rankStrengths(candidates, 0, 2);

    expect(strengths.map((s) => s.questionKey)).toEqual(['alpha', 'beta']);
  });

  it('counts only questions whose compliance reaches the minimum as strengths', () => {
    // needs 90 and cleanliness 100 reach 80; greeting 60 and farewell 20 do not
    expect(rankStrengths(questions, 80).map((s) => s.questionKey)).toEqual(['needs', 'cleanliness']);
    expect(rankStrengths(questions, 90).map((s) => s.questionKey)).toEqual(['needs', 'cleanliness']);
    expect(rankStrengths(questions, 90.01).map((s) => s.questionKey)).toEqual(['cleanliness']);
  });
});

describe('targetsReport', () => {
  it('compares each target with its actual value, a target being a floor', () => {
    expect(targetsReport({ overall: 85, fcr: 70, empathy: 80 }, { overall: 86.2, fcr: 70, empathy: 79.99 })).toEqual([
      { kpi: 'overall', target: 85, actual: 86.2, met: true },
      { kpi: 'fcr', target: 70, actual: 70, met: true },
      { kpi: 'empathy', target: 80, actual: 79.99, met: false },
    ]);
  });

  it('cannot say whether a target is met without an actual value', () => {
    expect(targetsReport({ overall: 85, fcr: 70 }, { overall: null })).toEqual([
      { kpi: 'overall', target: 85, actual: null, met: null },
      { kpi: 'fcr', target: 70, actual: null, met: null },
    ]);
  });

  it('reads only the actual values given, never inherited properties', () => {
    expect(targetsReport({ constructor: 50 }, {})).toEqual([{ kpi: 'constructor', target: 50, actual: null, met: null }]);
  });

  it('reports nothing when no target was set', () => {
    expect(targetsReport({}, { overall: 90 })).toEqual([]);
  });
});
