// The assignment's life cycle (docs/domain.md §3):
//   open → assigned → submitted → approved, submitted → returned → submitted (corrections),
//   assigned → open (a consultant takes it back), assigned → assigned to another shopper (reassign),
//   approved → returned (a reviewer reopens an approved visit; its fee is reversed),
//   cancelled from any state before approved,
//   expired when the window ended before the work was submitted (open or assigned).
// Submitted or returned work never expires on its own: a reviewer approves, returns or cancels it.

export const ASSIGNMENT_STATUSES = ['open', 'assigned', 'submitted', 'returned', 'approved', 'cancelled', 'expired'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = [
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
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** For each action, the statuses it may start from and where it leads. */
const TRANSITIONS: Record<AssignmentAction, Partial<Record<AssignmentStatus, AssignmentStatus>>> = {
  assign: { open: 'assigned' },
  claim: { open: 'assigned' },
  unassign: { assigned: 'open' },
  submit: { assigned: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned' },
  approve: { submitted: 'approved' },
  cancel: { open: 'cancelled', assigned: 'cancelled', submitted: 'cancelled', returned: 'cancelled' },
  expire: { open: 'expired', assigned: 'expired' },
  reassign: { assigned: 'assigned' },
  reopen: { approved: 'returned' },
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: AssignmentStatus,
    readonly action: AssignmentAction,
  ) {
    const allowedFrom = Object.keys(TRANSITIONS[action])
      .join(', ')
      .replace(/, (?=[^,]*$)/, ' or ');
    super(`Cannot ${action} an assignment that is ${from}; ${action} is allowed only when it is ${allowedFrom}`);
    this.name = 'InvalidTransitionError';
  }
}

export function canTransition(current: AssignmentStatus, action: AssignmentAction): boolean {
  return TRANSITIONS[action][current] !== undefined;
}

/** The status after `action`, or an InvalidTransitionError when `current` does not allow it. */
export function nextStatus(current: AssignmentStatus, action: AssignmentAction): AssignmentStatus {
  const next = TRANSITIONS[action][current];
  if (next === undefined) throw new InvalidTransitionError(current, action);
  return next;
}
