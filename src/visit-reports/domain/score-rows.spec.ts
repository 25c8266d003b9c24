// Expected rows worked out by hand next to each assertion.
import { normalizeDefinition } from '../../questionnaires/domain/normalize';
import { scoreVisit } from '../../questionnaires/domain/scoring';
import type { SubmittedAnswer } from '../../questionnaires/domain/definition';
import { scoreSubmission, toVisitRows } from './score-rows';

const definition = normalizeDefinition({
  title: 'T',
  language: 'en',
  sections: [
    {
      key: 'a',
      title: 'A',
      questions: [
        { key: 'greet', text: 'Greeted', type: 'yes_no', maxPoints: 2, dimension: 'protocol' },
        {
          key: 'wait',
          text: 'Wait',
          type: 'duration',
          kpi: 'wait_time',
          channels: ['in_person'],
          maxPoints: 2,
          thresholds: [
            { upToSeconds: 60, fraction: 1 },
            { upToSeconds: 300, fraction: 0.5 },
          ],
          dimension: 'speed',
        },
        {
          key: 'reply',
          text: 'Reply',
          type: 'duration',
          kpi: 'response_time',
          channels: ['email'],
          maxPoints: 1,
          thresholds: [{ upToSeconds: 3600, fraction: 1 }],
        },
      ],
    },
    {
      key: 'b',
      title: 'B',
      weight: 2,
      questions: [
        { key: 'solved', text: 'Solved', type: 'yes_no', kpi: 'fcr', maxPoints: 1, dimension: 'resolution' },
        {
          key: 'follow',
          text: 'Follow-up offered',
          type: 'yes_no',
          showIf: { questionKey: 'solved', equals: false },
          dimension: 'resolution',
        },
        { key: 'privacy', text: 'Protected data', type: 'yes_no', critical: true, dimension: 'data_security' },
        { key: 'note', text: 'Note', type: 'text', required: false },
      ],
    },
  ],
});

function rowsFor(answers: SubmittedAnswer[]) {
  return toVisitRows(definition, answers, scoreVisit(definition, answers, 'in_person'));
}

describe('toVisitRows', () => {
  const good: SubmittedAnswer[] = [
    { questionKey: 'greet', value: true },
    { questionKey: 'wait', value: 120 },
    { questionKey: 'solved', value: true },
    { questionKey: 'privacy', value: true },
  ];

  it('writes one answer row per question, in definition order, with hidden and other-channel questions not applicable', () => {
    const { answers } = rowsFor(good);
    expect(answers.map((row) => row.questionKey)).toEqual(['greet', 'wait', 'reply', 'solved', 'follow', 'privacy', 'note']);
    expect(answers.find((row) => row.questionKey === 'greet')).toEqual({
      questionKey: 'greet',
      sectionKey: 'a',
      value: true,
      na: false,
      applicable: true,
      counted: true,
      earned: 2,
      possible: 2,
      passed: true,
    });
    // 120 s fits the 300 s threshold: 2 × 0.5 = 1 point of 2, not passed
    expect(answers.find((row) => row.questionKey === 'wait')).toMatchObject({
      value: 120,
      counted: true,
      earned: 1,
      possible: 2,
      passed: false,
    });
    // email only: not applicable on in_person
    expect(answers.find((row) => row.questionKey === 'reply')).toEqual({
      questionKey: 'reply',
      sectionKey: 'a',
      value: null,
      na: false,
      applicable: false,
      counted: false,
      earned: null,
      possible: null,
      passed: null,
    });
    // shown only when solved = false
    expect(answers.find((row) => row.questionKey === 'follow')).toMatchObject({ sectionKey: 'b', applicable: false, counted: false });
    // optional text left blank: applies, never counts
    expect(answers.find((row) => row.questionKey === 'note')).toMatchObject({ applicable: true, counted: false, value: null });
  });

  it('keeps section and dimension scores with their totals', () => {
    const rows = rowsFor(good);
    // a: (2 + 1) / (2 + 2) = 75 %; b: (1 + 1) / (1 + 1) = 100 %
    expect(rows.sections).toEqual([
      { sectionKey: 'a', score: 75, earned: 3, possible: 4, weight: 1, knockedOut: false },
      { sectionKey: 'b', score: 100, earned: 2, possible: 2, weight: 2, knockedOut: false },
    ]);
    expect(rows.dimensions).toEqual([
      { dimension: 'protocol', score: 100, earned: 2, possible: 2 },
      { dimension: 'speed', score: 50, earned: 1, possible: 2 },
      { dimension: 'resolution', score: 100, earned: 1, possible: 1 },
      { dimension: 'data_security', score: 100, earned: 1, possible: 1 },
    ]);
    // visit: (75 × 1 + 100 × 2) / 3 = 91.666…
    expect(rows.summary.score).toBeCloseTo(275 / 3, 10);
    expect(rows.summary.sections).toEqual([
      { key: 'a', score: 75 },
      { key: 'b', score: 100 },
    ]);
    expect(rows.alerts).toEqual([]);
  });

  it('reads wait time, response time and FCR from the kpi questions', () => {
    expect(rowsFor(good).kpis).toEqual({ waitSeconds: 120, responseSeconds: null, fcr: true });
    const notSolved = rowsFor([
      ...good.filter((a) => a.questionKey !== 'solved'),
      { questionKey: 'solved', value: false },
      { questionKey: 'follow', value: true },
    ]);
    expect(notSolved.kpis.fcr).toBe(false);
    expect(notSolved.answers.find((row) => row.questionKey === 'follow')).toMatchObject({ applicable: true, counted: true, passed: true });
  });

  it('has no FCR when the fcr question did not count, and no wait time when it was N/A', () => {
    const defNa = rowsFor([
      { questionKey: 'greet', value: true },
      { questionKey: 'wait', na: true },
      { questionKey: 'privacy', value: true },
    ]);
    expect(defNa.kpis).toEqual({ waitSeconds: null, responseSeconds: null, fcr: null });
    expect(defNa.answers.find((row) => row.questionKey === 'wait')).toMatchObject({ na: true, value: null, counted: false });
  });

  it('raises an alert per failed critical question and one for the knockout', () => {
    const rows = rowsFor([...good.filter((a) => a.questionKey !== 'privacy'), { questionKey: 'privacy', value: false }]);
    expect(rows.summary.knockout).toBe(true);
    // section b knocked out to 0: (75 × 1 + 0 × 2) / 3 = 25
    expect(rows.summary.score).toBeCloseTo(25, 10);
    expect(rows.alerts).toEqual([
      { kind: 'critical_failed', questionKey: 'privacy', reason: 'Critical question "Protected data" failed: section "b" scores 0' },
      { kind: 'knockout', questionKey: null, reason: 'Visit knocked out by "privacy"' },
    ]);
  });
});

describe('scoreSubmission', () => {
  it('returns every problem and no rows when the answers do not fit', () => {
    const result = scoreSubmission(
      definition,
      [
        { questionKey: 'greet', value: 'yes' },
        { questionKey: 'nope', value: true },
      ],
      'in_person',
    );
    expect(result.rows).toBeUndefined();
    const fields = (result.problems ?? []).map((problem) => problem.field);
    expect(fields).toContain('greet'); // not a boolean
    expect(fields).toContain('privacy'); // required, missing
    expect(fields.some((field) => field.startsWith('answers['))).toBe(true); // unknown key
  });

  it('returns the scored rows, the same as scoring by hand, when they fit', () => {
    const answers: SubmittedAnswer[] = [
      { questionKey: 'greet', value: true },
      { questionKey: 'wait', value: 120 },
      { questionKey: 'solved', value: true },
      { questionKey: 'privacy', value: true },
    ];
    const result = scoreSubmission(definition, answers, 'in_person');
    expect(result.problems).toBeUndefined();
    expect(result.rows).toEqual(rowsFor(answers));
    // (75 × 1 + 100 × 2) / 3
    expect(result.rows?.summary.score).toBeCloseTo(91.67, 2);
  });
});
