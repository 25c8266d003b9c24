import { checkAssignmentRules, DEFAULT_ASSIGNMENT_POLICY, type AssignmentRuleInput } from './assignment-rules';

/** A shopper who may take the visit: nothing conflicts. Planned Friday 2025-06-20 10:00 UTC. */
function input(overrides: Partial<AssignmentRuleInput> = {}): AssignmentRuleInput {
  return {
    assignment: {
      touchpointId: 'touchpoint-1',
      clientId: 'client-1',
      plannedAt: new Date('2025-06-20T10:00:00Z'),
      windowStart: new Date('2025-06-16T00:00:00Z'),
      windowEnd: new Date('2025-06-23T00:00:00Z'),
    },
    shopper: { conflictClientIds: ['client-2'] },
    recentVisitsToTouchpoint: [],
    activeAssignmentCount: 0,
    visitsOnSameDay: 0,
    now: new Date('2025-06-10T09:00:00Z'),
    policy: DEFAULT_ASSIGNMENT_POLICY,
    ...overrides,
  };
}
const visits = (...isoDates: string[]) => ({ recentVisitsToTouchpoint: isoDates.map((iso) => new Date(iso)) });
const rulesOf = (overrides: Partial<AssignmentRuleInput>) => checkAssignmentRules(input(overrides)).map((v) => v.rule);

describe('checkAssignmentRules', () => {
  it('uses the defaults of DOMAIN.md §3', () => {
    expect(DEFAULT_ASSIGNMENT_POLICY).toEqual({ rotationDays: 90, maxActiveAssignments: 5, maxVisitsPerDay: 3 });
  });

  it('finds nothing wrong when no rule is broken', () => {
    expect(checkAssignmentRules(input())).toEqual([]);
  });

  describe('conflict of interest', () => {
    it('never gives a shopper a client they declared', () => {
      expect(checkAssignmentRules(input({ shopper: { conflictClientIds: ['client-2', 'client-1'] } }))).toEqual([
        {
          rule: 'CONFLICT_OF_INTEREST',
          message: 'This shopper declared a conflict of interest with this client and may never evaluate it',
        },
      ]);
    });

    it('ignores declarations about other clients', () => {
      expect(rulesOf({ shopper: { conflictClientIds: ['client-2', 'client-3'] } })).toEqual([]);
      expect(rulesOf({ shopper: { conflictClientIds: [] } })).toEqual([]);
    });
  });

  describe('ROTATION_RULE', () => {
    it('refuses a touchpoint the shopper evaluated 12 days before the visit', () => {
      expect(checkAssignmentRules(input(visits('2025-06-08T10:00:00Z')))).toEqual([
        {
          rule: 'ROTATION_RULE',
          message: 'This shopper evaluated this touchpoint 12 days before this visit; the rotation period is 90 days',
        },
      ]);
    });

    it('allows a visit exactly 90 days earlier, but not one a millisecond later', () => {
      // 2025-03-22 → 04-21 → 05-21 → 06-20 is 30 + 30 + 30 days.
      expect(rulesOf(visits('2025-03-22T10:00:00.000Z'))).toEqual([]);
      expect(checkAssignmentRules(input(visits('2025-03-22T10:00:00.001Z')))[0].message).toBe(
        'This shopper evaluated this touchpoint 89 days before this visit; the rotation period is 90 days',
      );
    });

    it('also refuses when the shopper already holds a later visit to the touchpoint', () => {
      expect(checkAssignmentRules(input(visits('2025-07-20T10:00:00Z')))).toEqual([
        {
          rule: 'ROTATION_RULE',
          message: 'This shopper is due to evaluate this touchpoint 30 days after this visit; the rotation period is 90 days',
        },
      ]);
      // 2025-06-20 + 90 days = 2025-09-18 (10 days of June, 31 of July, 31 of August, 18 of September).
      expect(rulesOf(visits('2025-09-18T10:00:00Z'))).toEqual([]);
    });

    it('names the nearest of several recent visits, once', () => {
      const violations = checkAssignmentRules(input(visits('2025-05-01T10:00:00Z', '2025-07-25T10:00:00Z', '2025-06-08T10:00:00Z')));
      expect(violations).toHaveLength(1);
      expect(violations[0].message).toContain('12 days before this visit');
    });

    it('says "less than a day" and "1 day" in words', () => {
      expect(checkAssignmentRules(input(visits('2025-06-20T02:00:00Z')))[0].message).toContain('less than a day before this visit');
      expect(checkAssignmentRules(input(visits('2025-06-19T09:00:00Z')))[0].message).toContain('evaluated this touchpoint 1 day before');
    });

    it('measures from now when the planned date has already passed', () => {
      const late = { now: new Date('2025-06-22T10:00:00Z') };
      // 89 days before plannedAt, but 91 days before now: allowed.
      expect(rulesOf({ ...late, ...visits('2025-03-23T10:00:00Z') })).toEqual([]);
      // 90 days and 2 hours after plannedAt, but 88 days and 2 hours after now: refused.
      expect(checkAssignmentRules(input({ ...late, ...visits('2025-09-18T12:00:00Z') }))[0].message).toBe(
        'This shopper is due to evaluate this touchpoint 88 days after this visit; the rotation period is 90 days',
      );
    });

    it('follows the policy period', () => {
      const policy = { ...DEFAULT_ASSIGNMENT_POLICY, rotationDays: 30 };
      expect(rulesOf({ policy, ...visits('2025-05-06T10:00:00Z') })).toEqual([]); // 45 days before
      expect(checkAssignmentRules(input({ policy, ...visits('2025-05-26T10:00:00Z') }))[0].message).toBe(
        'This shopper evaluated this touchpoint 25 days before this visit; the rotation period is 30 days',
      );
    });
  });

  describe('active assignments', () => {
    it('allows a fifth assignment but not a sixth', () => {
      expect(rulesOf({ activeAssignmentCount: 4 })).toEqual([]);
      expect(checkAssignmentRules(input({ activeAssignmentCount: 5 }))).toEqual([
        {
          rule: 'MAX_ACTIVE_ASSIGNMENTS',
          message: 'This shopper already has 5 active assignments; the maximum is 5',
        },
      ]);
    });

    it('follows the policy maximum', () => {
      expect(rulesOf({ activeAssignmentCount: 5, policy: { ...DEFAULT_ASSIGNMENT_POLICY, maxActiveAssignments: 6 } })).toEqual([]);
    });
  });

  describe('visits per day', () => {
    it('allows a third visit on one day but not a fourth', () => {
      expect(rulesOf({ visitsOnSameDay: 2 })).toEqual([]);
      expect(checkAssignmentRules(input({ visitsOnSameDay: 3 }))).toEqual([
        {
          rule: 'MAX_VISITS_PER_DAY',
          message: 'This shopper already has 3 visits on that day; the maximum is 3 a day',
        },
      ]);
    });

    it('follows the policy maximum', () => {
      expect(rulesOf({ visitsOnSameDay: 1, policy: { ...DEFAULT_ASSIGNMENT_POLICY, maxVisitsPerDay: 1 } })).toEqual(['MAX_VISITS_PER_DAY']);
    });
  });

  describe('window', () => {
    it('allows claiming before the window opens and until its last millisecond', () => {
      expect(rulesOf({ now: new Date('2025-06-01T00:00:00Z') })).toEqual([]);
      expect(rulesOf({ now: new Date('2025-06-22T23:59:59.999Z') })).toEqual([]);
    });

    it('refuses once the window has ended (windowEnd is exclusive)', () => {
      expect(checkAssignmentRules(input({ now: new Date('2025-06-23T00:00:00Z') }))).toEqual([
        { rule: 'WINDOW_CLOSED', message: 'The window for this visit ended at 2025-06-23T00:00:00.000Z' },
      ]);
    });
  });

  it('reports every broken rule at once, in a fixed order', () => {
    expect(
      rulesOf({
        shopper: { conflictClientIds: ['client-1'] },
        ...visits('2025-06-15T10:00:00Z'),
        activeAssignmentCount: 7,
        visitsOnSameDay: 3,
        now: new Date('2025-06-24T08:00:00Z'),
      }),
    ).toEqual(['CONFLICT_OF_INTEREST', 'ROTATION_RULE', 'MAX_ACTIVE_ASSIGNMENTS', 'MAX_VISITS_PER_DAY', 'WINDOW_CLOSED']);
  });
});
