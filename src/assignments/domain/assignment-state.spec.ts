import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  canTransition,
  InvalidTransitionError,
  nextStatus,
  type AssignmentAction,
  type AssignmentStatus,
} from './assignment-state';

/** Every allowed transition, written out from docs/domain.md §3. */
const ALLOWED: Array<[AssignmentStatus, AssignmentAction, AssignmentStatus]> = [
  ['open', 'assign', 'assigned'],
  ['open', 'claim', 'assigned'],
  ['assigned', 'unassign', 'open'],
  ['assigned', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['open', 'cancel', 'cancelled'],
  ['assigned', 'cancel', 'cancelled'],
  ['submitted', 'cancel', 'cancelled'],
  ['returned', 'cancel', 'cancelled'],
  ['open', 'expire', 'expired'],
  ['assigned', 'expire', 'expired'],
  ['assigned', 'reassign', 'assigned'],
  ['approved', 'reopen', 'returned'],
];

describe('assignment state machine', () => {
  it('knows the seven statuses and ten actions', () => {
    expect(ASSIGNMENT_STATUSES).toEqual(['open', 'assigned', 'submitted', 'returned', 'approved', 'cancelled', 'expired']);
    expect(ASSIGNMENT_ACTIONS).toEqual([
      'assign',
      'claim',
      'unassign',
      'submit',
      'return',
      'approve',
      'cancel',
      'expire',
      'reassign',
      'reopen',
    ]);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(canTransition(from, action)).toBe(true);
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['open', 'submit', 'the shopper must be assigned first'],
    ['open', 'approve', 'nothing was submitted'],
    ['open', 'unassign', 'nobody holds it'],
    ['assigned', 'assign', 'it already has a shopper'],
    ['assigned', 'claim', 'it already has a shopper'],
    ['assigned', 'approve', 'nothing was submitted'],
    ['assigned', 'return', 'nothing was submitted'],
    ['submitted', 'submit', 'it waits for review'],
    ['submitted', 'unassign', 'the work is done'],
    ['submitted', 'expire', 'submitted work does not expire'],
    ['returned', 'approve', 'the correction was not resubmitted'],
    ['returned', 'return', 'it is already returned'],
    ['returned', 'expire', 'returned work waits for the reviewer'],
    ['returned', 'unassign', 'the shopper has started the work'],
    ['approved', 'cancel', 'approved visits are final'],
    ['approved', 'return', 'an approved visit is reopened, not returned'],
    ['open', 'reassign', 'nobody holds it: assign it'],
    ['submitted', 'reopen', 'only approved visits are reopened'],
    ['approved', 'expire', 'approved visits are final'],
    ['approved', 'submit', 'approved visits are final'],
    ['cancelled', 'assign', 'cancelled is final'],
    ['cancelled', 'cancel', 'cancelled is final'],
    ['expired', 'claim', 'expired is final'],
    ['expired', 'submit', 'expired is final'],
  ] as Array<[AssignmentStatus, AssignmentAction, string]>)('forbids %s --%s-- (%s)', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    expect(() => nextStatus(from, action)).toThrow(InvalidTransitionError);
  });

  it('allows nothing else: every other status/action pair is forbidden', () => {
    const allowed = new Set(ALLOWED.map(([from, action]) => `${from} ${action}`));
    for (const from of ASSIGNMENT_STATUSES) {
      for (const action of ASSIGNMENT_ACTIONS) {
        expect([`${from} ${action}`, canTransition(from, action)]).toEqual([`${from} ${action}`, allowed.has(`${from} ${action}`)]);
      }
    }
  });

  it('has no way out of cancelled and expired, and only reopening out of approved', () => {
    for (const final of ['cancelled', 'expired'] as const) {
      expect(ASSIGNMENT_ACTIONS.filter((action) => canTransition(final, action))).toEqual([]);
    }
    expect(ASSIGNMENT_ACTIONS.filter((action) => canTransition('approved', action))).toEqual(['reopen']);
  });

  it('explains a forbidden transition and keeps its parts', () => {
    let error: unknown;
    try {
      nextStatus('returned', 'approve');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toMatchObject({
      name: 'InvalidTransitionError',
      from: 'returned',
      action: 'approve',
      message: 'Cannot approve an assignment that is returned; approve is allowed only when it is submitted',
    });
  });

  it('lists every status an action is allowed from', () => {
    expect(() => nextStatus('approved', 'cancel')).toThrow(
      'Cannot cancel an assignment that is approved; cancel is allowed only when it is open, assigned, submitted or returned',
    );
    expect(() => nextStatus('open', 'submit')).toThrow(
      'Cannot submit an assignment that is open; submit is allowed only when it is assigned or returned',
    );
  });
});
