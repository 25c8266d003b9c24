import type { Channel, SubmittedAnswer } from './definition';
import { normalizeDefinition, type QuestionInput } from './normalize';
import { answersByQuestionKey, applicableQuestionKeys, isBlankValue, questionApplicability } from './visibility';

function define(...questions: QuestionInput[]) {
  return normalizeDefinition({ title: 'T', language: 'en', sections: [{ key: 's', title: 'S', questions }] });
}

const resolved: QuestionInput = { key: 'resolved', text: 'Resolved?', type: 'yes_no' };
const followUp: QuestionInput = {
  key: 'follow_up',
  text: 'Offered a follow-up?',
  type: 'yes_no',
  showIf: { questionKey: 'resolved', equals: false },
};
const topics: QuestionInput = {
  key: 'topics',
  text: 'What did they ask about?',
  type: 'multi_choice',
  options: [
    { key: 'name', label: 'Name', points: 1 },
    { key: 'need', label: 'Need', points: 1 },
    { key: 'budget', label: 'Budget', points: 1 },
  ],
};

function applicable(questions: QuestionInput[], answers: SubmittedAnswer[], channel: Channel = 'phone') {
  return applicableQuestionKeys(define(...questions), answersByQuestionKey(answers), channel);
}

describe('applicableQuestionKeys', () => {
  describe('channels', () => {
    it('applies a question with no channels on every channel', () => {
      expect(applicable([resolved], [], 'phone')).toEqual(new Set(['resolved']));
      expect(applicable([resolved], [], 'instagram')).toEqual(new Set(['resolved']));
    });

    it('applies a question with channels only on those channels', () => {
      const ivr: QuestionInput = { key: 'ivr', text: 'IVR easy?', type: 'yes_no', channels: ['phone', 'app'] };
      expect(applicable([ivr], [], 'phone').has('ivr')).toBe(true);
      expect(applicable([ivr], [], 'app').has('ivr')).toBe(true);
      expect(applicable([ivr], [], 'email').has('ivr')).toBe(false);
    });
  });

  describe('showIf with equals', () => {
    it('shows the question when the answer equals the value', () => {
      const keys = applicable([resolved, followUp], [{ questionKey: 'resolved', value: false }]);
      expect(keys).toEqual(new Set(['resolved', 'follow_up']));
    });

    it('hides the question when the answer differs', () => {
      const keys = applicable([resolved, followUp], [{ questionKey: 'resolved', value: true }]);
      expect(keys).toEqual(new Set(['resolved']));
    });

    it('hides the question when the question it depends on is unanswered, blank or N/A', () => {
      const optional = { ...resolved, required: false, allowNa: true };
      expect(applicable([optional, followUp], []).has('follow_up')).toBe(false);
      expect(applicable([optional, followUp], [{ questionKey: 'resolved', value: null }]).has('follow_up')).toBe(false);
      expect(applicable([optional, followUp], [{ questionKey: 'resolved', na: true }]).has('follow_up')).toBe(false);
    });

    it('treats an N/A answer as unanswered even if it carries a value', () => {
      const keys = applicable([resolved, followUp], [{ questionKey: 'resolved', value: false, na: true }]);
      expect(keys.has('follow_up')).toBe(false);
    });

    it('compares numbers exactly (scale)', () => {
      const rating: QuestionInput = { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5 };
      const why: QuestionInput = {
        key: 'why',
        text: 'Why so low?',
        type: 'text',
        showIf: { questionKey: 'rating', equals: 1 },
      };
      expect(applicable([rating, why], [{ questionKey: 'rating', value: 1 }]).has('why')).toBe(true);
      expect(applicable([rating, why], [{ questionKey: 'rating', value: 2 }]).has('why')).toBe(false);
    });
  });

  describe('showIf with in', () => {
    const rating: QuestionInput = { key: 'rating', text: 'Rating', type: 'scale', min: 1, max: 5 };
    const why: QuestionInput = {
      key: 'why',
      text: 'Why?',
      type: 'text',
      showIf: { questionKey: 'rating', in: [1, 2] },
    };

    it('shows the question when the answer is one of the values', () => {
      expect(applicable([rating, why], [{ questionKey: 'rating', value: 2 }]).has('why')).toBe(true);
    });

    it('hides the question when the answer is none of the values', () => {
      expect(applicable([rating, why], [{ questionKey: 'rating', value: 3 }]).has('why')).toBe(false);
    });
  });

  describe('showIf on a multi_choice answer', () => {
    const dependent = (showIf: QuestionInput['showIf']): QuestionInput => ({
      key: 'dependent',
      text: 'D',
      type: 'yes_no',
      showIf,
    });

    it('holds for a single option key when that option was chosen', () => {
      const questions = [topics, dependent({ questionKey: 'topics', equals: 'need' })];
      expect(applicable(questions, [{ questionKey: 'topics', value: ['name', 'need'] }]).has('dependent')).toBe(true);
      expect(applicable(questions, [{ questionKey: 'topics', value: ['name'] }]).has('dependent')).toBe(false);
    });

    it('holds for a list of keys when exactly those options were chosen, in any order', () => {
      const questions = [topics, dependent({ questionKey: 'topics', equals: ['need', 'name'] })];
      expect(applicable(questions, [{ questionKey: 'topics', value: ['name', 'need'] }]).has('dependent')).toBe(true);
      expect(applicable(questions, [{ questionKey: 'topics', value: ['name', 'need', 'budget'] }]).has('dependent')).toBe(false);
    });

    it('holds for in when any listed option was chosen', () => {
      const questions = [topics, dependent({ questionKey: 'topics', in: ['budget', 'need'] })];
      expect(applicable(questions, [{ questionKey: 'topics', value: ['need'] }]).has('dependent')).toBe(true);
      expect(applicable(questions, [{ questionKey: 'topics', value: ['name'] }]).has('dependent')).toBe(false);
    });

    it('treats an empty selection as an answer that holds for nothing but an empty list', () => {
      const none = [topics, dependent({ questionKey: 'topics', equals: [] })];
      expect(applicable(none, [{ questionKey: 'topics', value: [] }]).has('dependent')).toBe(true);
    });
  });

  describe('chained showIf', () => {
    const reason: QuestionInput = {
      key: 'reason_given',
      text: 'Gave a reason for the follow-up?',
      type: 'yes_no',
      showIf: { questionKey: 'follow_up', equals: true },
    };

    it('shows the whole chain when every condition holds', () => {
      const keys = applicable(
        [resolved, followUp, reason],
        [
          { questionKey: 'resolved', value: false },
          { questionKey: 'follow_up', value: true },
        ],
      );
      expect(keys).toEqual(new Set(['resolved', 'follow_up', 'reason_given']));
    });

    it('hides a question whose parent is hidden, even if the parent carries a matching answer', () => {
      const keys = applicable(
        [resolved, followUp, reason],
        [
          { questionKey: 'resolved', value: true },
          { questionKey: 'follow_up', value: true },
        ],
      );
      expect(keys).toEqual(new Set(['resolved']));
    });

    it('hides a question whose parent is not asked on the channel', () => {
      const phoneOnly = { ...resolved, channels: ['phone' as const] };
      const keys = applicable([phoneOnly, followUp], [{ questionKey: 'resolved', value: false }], 'email');
      expect(keys).toEqual(new Set());
    });
  });

  it('never applies a question whose showIf points at a later question', () => {
    const early: QuestionInput = {
      key: 'early',
      text: 'E',
      type: 'yes_no',
      showIf: { questionKey: 'late', equals: true },
    };
    const late: QuestionInput = { key: 'late', text: 'L', type: 'yes_no' };
    expect(applicable([early, late], [{ questionKey: 'late', value: true }])).toEqual(new Set(['late']));
  });

  it('spans sections', () => {
    const definition = normalizeDefinition({
      title: 'T',
      language: 'en',
      sections: [
        { key: 'one', title: 'One', questions: [resolved] },
        { key: 'two', title: 'Two', questions: [followUp] },
      ],
    });
    const keys = applicableQuestionKeys(definition, answersByQuestionKey([{ questionKey: 'resolved', value: false }]), 'phone');
    expect(keys).toEqual(new Set(['resolved', 'follow_up']));
  });
});

describe('questionApplicability', () => {
  it('says why each question does not apply', () => {
    const emailOnly: QuestionInput = { key: 'spelling', text: 'Spelling', type: 'yes_no', channels: ['email'] };
    const reason: QuestionInput = {
      key: 'reason_given',
      text: 'R',
      type: 'yes_no',
      showIf: { questionKey: 'follow_up', equals: true },
    };
    const statuses = questionApplicability(
      define({ ...resolved, required: false }, followUp, reason, emailOnly),
      answersByQuestionKey([]),
      'phone',
    );
    expect(statuses.get('resolved')).toEqual({ applies: true });
    expect(statuses.get('follow_up')).toEqual({
      applies: false,
      reason: 'it depends on question "resolved", which was not answered',
    });
    expect(statuses.get('reason_given')).toEqual({
      applies: false,
      reason: 'it depends on question "follow_up", which does not apply',
    });
    expect(statuses.get('spelling')).toEqual({ applies: false, reason: 'it is not asked on the phone channel' });

    const answered = questionApplicability(
      define(resolved, followUp),
      answersByQuestionKey([{ questionKey: 'resolved', value: true }]),
      'phone',
    );
    expect(answered.get('follow_up')).toEqual({
      applies: false,
      reason: 'it is shown only when "resolved" is false',
    });
  });
});

describe('answersByQuestionKey', () => {
  it('keeps the first answer when a key is answered twice', () => {
    const byKey = answersByQuestionKey([
      { questionKey: 'a', value: true },
      { questionKey: 'a', value: false },
    ]);
    expect(byKey.get('a')).toEqual({ questionKey: 'a', value: true });
  });
});

describe('isBlankValue', () => {
  it.each([undefined, null, '', '   '])('treats %p as blank', (value) => {
    expect(isBlankValue(value)).toBe(true);
  });

  it.each([false, 0, 'x', [], ['a']])('treats %p as a value', (value) => {
    expect(isBlankValue(value)).toBe(false);
  });
});
