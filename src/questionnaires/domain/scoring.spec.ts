// Every expected number is worked out by hand in the comment next to it.
import type { AnswerValue, Channel, SubmittedAnswer } from './definition';
import { normalizeDefinition, type QuestionInput, type SectionInput } from './normalize';
import { scoreVisit, type QuestionScore } from './scoring';

function yesNo(key: string, extra: Partial<QuestionInput> = {}): QuestionInput {
  return { key, text: key, type: 'yes_no', ...extra };
}

function section(key: string, questions: QuestionInput[], weight?: number): SectionInput {
  return { key, title: key, questions, weight };
}

function questionnaire(...sections: SectionInput[]) {
  return normalizeDefinition({ title: 'T', language: 'en', sections });
}

function answers(values: Record<string, AnswerValue | null>): SubmittedAnswer[] {
  return Object.entries(values).map(([questionKey, value]) => (value === 'N/A' ? { questionKey, na: true } : { questionKey, value }));
}

/** Scores a one-section questionnaire and returns the score of its only (or named) question. */
function scoreOf(question: QuestionInput, value: AnswerValue, channel: Channel = 'phone'): QuestionScore {
  const result = scoreVisit(questionnaire(section('s', [question])), answers({ [question.key]: value }), channel);
  return result.questions.find((score) => score.questionKey === question.key)!;
}

describe('scoreVisit', () => {
  describe('points per question type', () => {
    describe('yes_no', () => {
      it('earns maxPoints for the positive answer (true by default)', () => {
        expect(scoreOf(yesNo('q', { maxPoints: 2 }), true)).toMatchObject({ earned: 2, possible: 2, passed: true });
      });

      it('earns 0 for the other answer', () => {
        expect(scoreOf(yesNo('q', { maxPoints: 2 }), false)).toMatchObject({ earned: 0, possible: 2, passed: false });
      });

      it('earns maxPoints for false when false is the positive answer ("used a forbidden phrase?")', () => {
        const forbidden = yesNo('forbidden_phrase', { maxPoints: 2, positive: false });
        expect(scoreOf(forbidden, false)).toMatchObject({ earned: 2, passed: true });
        expect(scoreOf(forbidden, true)).toMatchObject({ earned: 0, passed: false });
      });
    });

    describe('scale', () => {
      const rating: QuestionInput = { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5, maxPoints: 4 };

      it('earns maxPoints × (v − min) / (max − min)', () => {
        expect(scoreOf(rating, 4)).toMatchObject({ earned: 3, possible: 4, passed: false }); // 4 × (4−1)/(5−1) = 3
        expect(scoreOf(rating, 2)).toMatchObject({ earned: 1 }); // 4 × (2−1)/4 = 1
      });

      it('earns 0 at the bottom and maxPoints at the top of the scale', () => {
        expect(scoreOf(rating, 1)).toMatchObject({ earned: 0, passed: false }); // 4 × 0/4
        expect(scoreOf(rating, 5)).toMatchObject({ earned: 4, passed: true }); // 4 × 4/4
      });

      it('passes at the top even when floating point lands a hair below maxPoints', () => {
        // 0.7 × (4−1)/(4−1) is 0.6999999999999998 in floating point: still a pass.
        const tiny: QuestionInput = { key: 'tiny', text: 'Tiny', type: 'scale', min: 1, max: 4, maxPoints: 0.7 };
        const score = scoreOf(tiny, 4);
        expect(score.earned).toBeCloseTo(0.7, 12);
        expect(score.passed).toBe(true);
      });
    });

    describe('single_choice', () => {
      const outcome: QuestionInput = {
        key: 'outcome',
        text: 'Outcome',
        type: 'single_choice',
        options: [
          { key: 'solved', label: 'Solved', points: 2 },
          { key: 'partly', label: 'Partly', points: 1 },
          { key: 'not', label: 'Not solved', points: 0 },
        ],
      };

      it("earns the chosen option's points (maxPoints defaults to the best option, 2)", () => {
        expect(scoreOf(outcome, 'solved')).toMatchObject({ earned: 2, possible: 2, passed: true });
        expect(scoreOf(outcome, 'partly')).toMatchObject({ earned: 1, possible: 2, passed: false });
        expect(scoreOf(outcome, 'not')).toMatchObject({ earned: 0, possible: 2, passed: false });
      });
    });

    describe('multi_choice', () => {
      const explored: QuestionInput = {
        key: 'explored',
        text: 'Needs explored',
        type: 'multi_choice',
        maxPoints: 4,
        options: [
          { key: 'name', label: 'Name', points: 1 },
          { key: 'need', label: 'Need', points: 2 },
          { key: 'budget', label: 'Budget', points: 3 },
        ],
      };

      it("earns the sum of the chosen options' points", () => {
        expect(scoreOf(explored, ['name', 'need'])).toMatchObject({ earned: 3, possible: 4, passed: false }); // 1 + 2
      });

      it('caps the sum at maxPoints', () => {
        // 1 + 2 + 3 = 6 → capped at 4
        expect(scoreOf(explored, ['name', 'need', 'budget'])).toMatchObject({ earned: 4, passed: true });
        expect(scoreOf(explored, ['need', 'budget'])).toMatchObject({ earned: 4, passed: true }); // 2+3 = 5 → 4
      });

      it('earns 0 for an empty choice', () => {
        expect(scoreOf(explored, [])).toMatchObject({ counted: true, earned: 0, passed: false });
      });
    });

    describe('duration', () => {
      const wait: QuestionInput = {
        key: 'wait',
        text: 'Wait',
        type: 'duration',
        maxPoints: 2,
        thresholds: [
          { upToSeconds: 60, fraction: 1 },
          { upToSeconds: 180, fraction: 0.5 },
        ],
      };

      it('earns maxPoints × the fraction of the first threshold the duration fits', () => {
        expect(scoreOf(wait, 45)).toMatchObject({ earned: 2, passed: true }); // 45 ≤ 60 → 2 × 1
        expect(scoreOf(wait, 61)).toMatchObject({ earned: 1, passed: false }); // 61 ≤ 180 → 2 × 0.5
      });

      it('includes the threshold itself', () => {
        expect(scoreOf(wait, 60)).toMatchObject({ earned: 2 }); // 60 ≤ 60
        expect(scoreOf(wait, 180)).toMatchObject({ earned: 1 }); // 180 ≤ 180
      });

      it('earns 0 past the last threshold', () => {
        expect(scoreOf(wait, 181)).toMatchObject({ earned: 0, passed: false });
      });
    });

    it.each([
      ['number', 3],
      ['text', 'Very kind'],
      ['datetime', '2025-03-01T10:00:00Z'],
      ['evidence', 'evidence/1.jpg'],
    ] as const)('never counts the unscored type %s', (type, value) => {
      expect(scoreOf({ key: 'q', text: 'Q', type }, value)).toMatchObject({
        applicable: true,
        counted: false,
        earned: null,
        possible: null,
        passed: null,
      });
    });

    it('never counts a scorable question worth 0 points', () => {
      expect(scoreOf(yesNo('q', { maxPoints: 0 }), true)).toMatchObject({ counted: false, earned: null });
    });
  });

  describe('section score', () => {
    const definition = questionnaire(
      section('service', [
        yesNo('greeted', { maxPoints: 2 }),
        { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5, maxPoints: 4 },
        {
          key: 'outcome',
          text: 'Outcome',
          type: 'single_choice',
          options: [
            { key: 'solved', label: 'Solved', points: 2 },
            { key: 'partly', label: 'Partly', points: 1 },
          ],
        },
        yesNo('ivr_easy', { allowNa: true, maxPoints: 3 }),
        yesNo('extra_offer', { required: false, maxPoints: 5 }),
        { key: 'comment', text: 'Comment', type: 'text' },
      ]),
    );

    it('is 100 × Σ earned / Σ possible over the counting questions', () => {
      const result = scoreVisit(
        definition,
        answers({ greeted: true, rating: 4, outcome: 'partly', ivr_easy: false, extra_offer: true, comment: 'ok' }),
        'phone',
      );
      // earned 2 + 3 + 1 + 0 + 5 = 11; possible 2 + 4 + 2 + 3 + 5 = 16 → 100 × 11/16 = 68.75
      expect(result.sections[0]).toEqual({
        key: 'service',
        score: 68.75,
        earned: 11,
        possible: 16,
        weight: 1,
        knockedOut: false,
      });
      expect(result.score).toBe(68.75);
    });

    it('leaves out a question answered N/A and an optional question left blank', () => {
      const result = scoreVisit(
        definition,
        answers({ greeted: true, rating: 4, outcome: 'partly', ivr_easy: 'N/A', comment: 'ok' }),
        'phone',
      );
      // earned 2 + 3 + 1 = 6; possible 2 + 4 + 2 = 8 → 75
      expect(result.sections[0]).toMatchObject({ score: 75, earned: 6, possible: 8 });
      expect(result.questions.find((q) => q.questionKey === 'ivr_easy')).toMatchObject({
        na: true,
        applicable: true,
        counted: false,
        earned: null,
      });
      expect(result.questions.find((q) => q.questionKey === 'extra_offer')).toMatchObject({
        na: false,
        counted: false,
        earned: null,
      });
    });

    it('treats an optional question answered with null like one left blank', () => {
      const result = scoreVisit(
        definition,
        answers({ greeted: true, rating: 5, outcome: 'solved', ivr_easy: true, extra_offer: null }),
        'phone',
      );
      // earned 2 + 4 + 2 + 3 = 11 of 11 → 100
      expect(result.sections[0]).toMatchObject({ score: 100, earned: 11, possible: 11 });
    });

    it('is N/A (null) when nothing in it counts', () => {
      const result = scoreVisit(definition, answers({ ivr_easy: 'N/A', comment: 'only a comment' }), 'phone');
      expect(result.sections[0]).toMatchObject({ score: null, earned: 0, possible: 0 });
      expect(result.score).toBeNull();
    });
  });

  describe('visibility', () => {
    const definition = questionnaire(
      section('resolution', [
        yesNo('resolved', { maxPoints: 2 }),
        yesNo('follow_up', { showIf: { questionKey: 'resolved', equals: false } }),
        yesNo('date_agreed', { maxPoints: 3, showIf: { questionKey: 'follow_up', equals: true } }),
        yesNo('spelling', { channels: ['email'], maxPoints: 4 }),
      ]),
    );

    it('leaves out a question hidden by showIf', () => {
      const result = scoreVisit(definition, answers({ resolved: true, follow_up: false }), 'phone');
      // only resolved counts: 2 of 2 → 100 (the stray follow_up answer is ignored)
      expect(result.sections[0]).toMatchObject({ score: 100, earned: 2, possible: 2 });
      expect(result.questions.find((q) => q.questionKey === 'follow_up')).toMatchObject({
        applicable: false,
        counted: false,
        earned: null,
      });
    });

    it('counts a question that showIf reveals', () => {
      const result = scoreVisit(definition, answers({ resolved: false, follow_up: true, date_agreed: false }), 'phone');
      // resolved 0/2, follow_up 1/1, date_agreed 0/3 → 100 × 1/6
      expect(result.sections[0]).toMatchObject({ earned: 1, possible: 6 });
      expect(result.sections[0].score).toBeCloseTo(100 / 6, 12);
    });

    it('leaves out the whole chain when the first link hides the second', () => {
      const result = scoreVisit(definition, answers({ resolved: true, follow_up: true, date_agreed: true }), 'phone');
      // follow_up is hidden, so date_agreed (which depends on it) is hidden too: 2 of 2 → 100
      expect(result.sections[0]).toMatchObject({ score: 100, earned: 2, possible: 2 });
      expect(result.questions.find((q) => q.questionKey === 'date_agreed')).toMatchObject({ applicable: false });
    });

    it('leaves out a question not asked on the channel, and counts it on its own channel', () => {
      const onPhone = scoreVisit(definition, answers({ resolved: true, spelling: false }), 'phone');
      expect(onPhone.sections[0]).toMatchObject({ score: 100, earned: 2, possible: 2 });

      const onEmail = scoreVisit(definition, answers({ resolved: true, spelling: false }), 'email');
      // resolved 2/2, spelling 0/4 → 100 × 2/6
      expect(onEmail.sections[0]).toMatchObject({ earned: 2, possible: 6 });
      expect(onEmail.sections[0].score).toBeCloseTo(100 / 3, 12);
    });
  });

  describe('visit score', () => {
    // Section "a": 4 of 5 points → 80. Section "b": 1 of 2 points → 50.
    const definition = questionnaire(
      section('a', [yesNo('a1', { maxPoints: 4 }), yesNo('a2')], 2),
      section('b', [yesNo('b1'), yesNo('b2')], 1),
      section('c', [yesNo('c1', { allowNa: true })], 5),
    );
    const base = { a1: true, a2: false, b1: true, b2: false } as const;

    it('is the weighted mean of the section scores', () => {
      const result = scoreVisit(definition, answers({ ...base, c1: 'N/A' }), 'phone');
      expect(result.sections.map((s) => s.score)).toEqual([80, 50, null]);
      expect(result.score).toBe(70); // (80 × 2 + 50 × 1) / (2 + 1) = 210 / 3; the N/A section c is left out
    });

    it('counts every non-N/A section with its weight', () => {
      const result = scoreVisit(definition, answers({ ...base, c1: true }), 'phone');
      expect(result.score).toBe(88.75); // (80 × 2 + 50 × 1 + 100 × 5) / (2 + 1 + 5) = 710 / 8
    });

    it('is null when every section is N/A', () => {
      const allOptional = questionnaire(section('a', [yesNo('a1', { allowNa: true })]), section('b', [yesNo('b1', { allowNa: true })]));
      const result = scoreVisit(allOptional, answers({ a1: 'N/A', b1: 'N/A' }), 'phone');
      expect(result.score).toBeNull();
      expect(result.knockout).toBe(false);
    });

    it('keeps full precision', () => {
      const thirds = questionnaire(section('a', [yesNo('a1'), yesNo('a2'), yesNo('a3')]));
      const result = scoreVisit(thirds, answers({ a1: true, a2: false, a3: false }), 'phone');
      expect(result.score).toBe(100 / 3); // 33.333…, not 33.3
    });
  });

  describe('knockout', () => {
    // Section "a" (weight 2): 4 of 5 points → 80 without knockout. Section "b" (weight 1): 1 of 2 → 50.
    const withCritical = (scope: 'section' | 'visit', extra: Partial<QuestionInput> = {}) =>
      questionnaire(
        section('a', [yesNo('a1', { maxPoints: 4 }), yesNo('data_protected', { critical: true, knockoutScope: scope, ...extra })], 2),
        section('b', [yesNo('b1'), yesNo('b2')], 1),
      );
    const base = { a1: true, b1: true, b2: false } as const;

    it('a failed critical question with section scope sets its section to 0 and flags the visit', () => {
      const result = scoreVisit(withCritical('section'), answers({ ...base, data_protected: false }), 'phone');
      expect(result.sections[0]).toMatchObject({ key: 'a', score: 0, earned: 4, possible: 5, knockedOut: true });
      expect(result.sections[1]).toMatchObject({ key: 'b', score: 50, knockedOut: false });
      expect(result.score).toBeCloseTo(50 / 3, 12); // (0 × 2 + 50 × 1) / 3
      expect(result.knockout).toBe(true);
      expect(result.knockoutQuestionKeys).toEqual(['data_protected']);
      expect(result.questions.find((q) => q.questionKey === 'data_protected')).toMatchObject({
        critical: true,
        passed: false,
        failedCritical: true,
      });
    });

    it('a failed critical question with visit scope sets the visit to 0 and flags it, leaving section scores', () => {
      const result = scoreVisit(withCritical('visit'), answers({ ...base, data_protected: false }), 'phone');
      expect(result.score).toBe(0);
      expect(result.knockout).toBe(true);
      expect(result.knockoutQuestionKeys).toEqual(['data_protected']);
      // a: 4 of 5 → 80 as computed; b: 50
      expect(result.sections.map((s) => [s.score, s.knockedOut])).toEqual([
        [80, false],
        [50, false],
      ]);
    });

    it('a critical question that passes knocks nothing out', () => {
      const result = scoreVisit(withCritical('visit'), answers({ ...base, data_protected: true }), 'phone');
      // a: 5 of 5 → 100; b: 50 → (100 × 2 + 50) / 3
      expect(result.score).toBeCloseTo(250 / 3, 12);
      expect(result.knockout).toBe(false);
      expect(result.knockoutQuestionKeys).toEqual([]);
    });

    it.each([
      ['answered N/A', { allowNa: true }, { data_protected: 'N/A' }, 'phone'],
      ['left blank', { required: false }, {}, 'phone'],
      ['hidden by showIf', { showIf: { questionKey: 'a1', equals: false } }, { data_protected: false }, 'phone'],
      ['not asked on the channel', { channels: ['email'] }, { data_protected: false }, 'phone'],
    ] as const)('a critical question %s does not knock out', (_, extra, answered, channel) => {
      const definition = withCritical('visit', extra as Partial<QuestionInput>);
      const result = scoreVisit(definition, answers({ ...base, ...answered }), channel);
      expect(result.knockout).toBe(false);
      // a: a1 alone, 4 of 4 → 100; b: 50 → (100 × 2 + 50) / 3
      expect(result.score).toBeCloseTo(250 / 3, 12);
    });

    it('lists every failed critical question of both scopes', () => {
      const definition = questionnaire(
        section('a', [yesNo('a1', { critical: true }), yesNo('a2', { critical: true, knockoutScope: 'visit' })]),
        section('b', [yesNo('b1', { critical: true })]),
      );
      const result = scoreVisit(definition, answers({ a1: false, a2: false, b1: false }), 'phone');
      expect(result.knockoutQuestionKeys).toEqual(['a1', 'a2', 'b1']);
      expect(result.sections.map((s) => s.knockedOut)).toEqual([true, true]);
      expect(result.score).toBe(0);
    });
  });

  describe('bonus questions', () => {
    it('adds earned points to the section but not possible points', () => {
      const definition = questionnaire(section('a', [yesNo('a1'), yesNo('a2'), yesNo('extra', { bonus: true })]));
      const result = scoreVisit(definition, answers({ a1: true, a2: false, extra: true }), 'phone');
      // earned 1 + 0 + 1 = 2; possible 1 + 1 (the bonus adds none) = 2 → 100
      expect(result.sections[0]).toMatchObject({ score: 100, earned: 2, possible: 2 });
      expect(result.questions.find((q) => q.questionKey === 'extra')).toMatchObject({
        counted: true,
        earned: 1,
        possible: 0,
        passed: true,
      });
    });

    it('never lifts a section above 100', () => {
      const definition = questionnaire(section('a', [yesNo('a1'), yesNo('extra', { bonus: true, maxPoints: 3 })]));
      const result = scoreVisit(definition, answers({ a1: true, extra: true }), 'phone');
      // earned 1 + 3 = 4; possible 1 → 400, capped at 100
      expect(result.sections[0]).toMatchObject({ score: 100, earned: 4, possible: 1 });
      expect(result.score).toBe(100);
    });

    it('changes nothing when the bonus is missed', () => {
      const definition = questionnaire(section('a', [yesNo('a1'), yesNo('a2'), yesNo('extra', { bonus: true })]));
      const result = scoreVisit(definition, answers({ a1: true, a2: false, extra: false }), 'phone');
      // earned 1 + 0 + 0 = 1 of 2 → 50
      expect(result.sections[0]).toMatchObject({ score: 50, earned: 1, possible: 2 });
      expect(result.questions.find((q) => q.questionKey === 'extra')).toMatchObject({ passed: false });
    });

    it('leaves a section whose only counting questions are bonus N/A', () => {
      const definition = questionnaire(section('a', [yesNo('a1')], 1), section('extras', [yesNo('extra', { bonus: true })], 1));
      const result = scoreVisit(definition, answers({ a1: false, extra: true }), 'phone');
      expect(result.sections[1]).toMatchObject({ score: null, earned: 1, possible: 0 });
      expect(result.score).toBe(0); // only section a (0 of 1) is rated
    });
  });

  describe('dimension scores', () => {
    const definition = questionnaire(
      section('a', [
        yesNo('greeted', { dimension: 'protocol', maxPoints: 2 }),
        yesNo('named', { dimension: 'protocol' }),
        { key: 'tone', text: 'Tone', type: 'scale', min: 0, max: 4, dimension: 'empathy', maxPoints: 2 },
        yesNo('no_dimension'),
      ]),
      section('b', [
        yesNo('closing', { dimension: 'protocol', maxPoints: 3 }),
        yesNo('data', { dimension: 'data_security', allowNa: true }),
        yesNo('smile', { dimension: 'empathy', bonus: true }),
        { key: 'remark', text: 'Remark', type: 'text', dimension: 'writing' },
      ]),
    );

    it('is 100 × Σ earned / Σ possible over the counting questions of each dimension, across sections', () => {
      const result = scoreVisit(
        definition,
        answers({
          greeted: true,
          named: false,
          tone: 1,
          no_dimension: true,
          closing: true,
          data: 'N/A',
          smile: false,
          remark: 'x',
        }),
        'phone',
      );
      // protocol: greeted 2/2 + named 0/1 + closing 3/3 → 5 of 6
      // empathy: tone 2 × (1−0)/4 = 0.5 of 2, smile (bonus) 0 of 0 → 0.5 of 2 → 25
      // data_security only N/A and writing only unscored: not listed
      expect(result.dimensions).toEqual([
        { key: 'protocol', score: (100 * 5) / 6, earned: 5, possible: 6 },
        { key: 'empathy', score: 25, earned: 0.5, possible: 2 },
      ]);
    });

    it('adds bonus points and caps at 100', () => {
      const result = scoreVisit(
        definition,
        answers({ greeted: true, named: true, tone: 4, no_dimension: true, closing: true, data: true, smile: true }),
        'phone',
      );
      // empathy: tone 2/2 + smile 1 bonus → 3 of 2 → 150, capped at 100
      expect(result.dimensions).toEqual([
        { key: 'protocol', score: 100, earned: 6, possible: 6 }, // 2 + 1 + 3 of 6
        { key: 'empathy', score: 100, earned: 3, possible: 2 },
        { key: 'data_security', score: 100, earned: 1, possible: 1 },
      ]);
    });

    it('is not changed by a knockout', () => {
      const critical = questionnaire(
        section('a', [yesNo('data', { dimension: 'data_security', critical: true }), yesNo('greeted', { dimension: 'protocol' })]),
      );
      const result = scoreVisit(critical, answers({ data: false, greeted: true }), 'phone');
      expect(result.sections[0].score).toBe(0);
      expect(result.dimensions).toEqual([
        { key: 'data_security', score: 0, earned: 0, possible: 1 },
        { key: 'protocol', score: 100, earned: 1, possible: 1 },
      ]);
    });
  });

  it('lists every question in definition order with its score', () => {
    const definition = questionnaire(
      section('a', [yesNo('a1', { dimension: 'protocol', critical: true }), { key: 'note', text: 'Note', type: 'text', required: false }]),
      section('b', [yesNo('b1', { allowNa: true }), yesNo('b2', { channels: ['email'] })]),
    );
    const result = scoreVisit(definition, answers({ a1: true, b1: 'N/A' }), 'phone');
    expect(result.questions).toEqual([
      {
        questionKey: 'a1',
        sectionKey: 'a',
        dimension: 'protocol',
        counted: true,
        applicable: true,
        na: false,
        earned: 1,
        possible: 1,
        passed: true,
        critical: true,
        failedCritical: false,
      },
      {
        questionKey: 'note',
        sectionKey: 'a',
        counted: false,
        applicable: true,
        na: false,
        earned: null,
        possible: null,
        passed: null,
        critical: false,
        failedCritical: false,
      },
      {
        questionKey: 'b1',
        sectionKey: 'b',
        counted: false,
        applicable: true,
        na: true,
        earned: null,
        possible: null,
        passed: null,
        critical: false,
        failedCritical: false,
      },
      {
        questionKey: 'b2',
        sectionKey: 'b',
        counted: false,
        applicable: false,
        na: false,
        earned: null,
        possible: null,
        passed: null,
        critical: false,
        failedCritical: false,
      },
    ]);
  });
});
