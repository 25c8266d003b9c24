// Who may be given an assignment (docs/domain.md §3, rotation and conflict of interest). Both claiming
// from the job board and manual assignment call this with plain data loaded by the service, and
// answer 409 naming every broken rule.
import type { RuleCode } from '../../common/errors/error-codes';

export interface AssignmentPolicy {
  /** A shopper may not visit the same touchpoint twice within this many days. */
  rotationDays: number;
  /** Assignments a shopper may hold at once (given to them and not finished yet). */
  maxActiveAssignments: number;
  /** Visits a shopper may have planned on one day. */
  maxVisitsPerDay: number;
}

export const DEFAULT_ASSIGNMENT_POLICY: Readonly<AssignmentPolicy> = Object.freeze({
  rotationDays: 90,
  maxActiveAssignments: 5,
  maxVisitsPerDay: 3,
});

/** The rules' codes, as the error body names them (src/common/errors/error-codes.ts). */
export type AssignmentRule = Extract<
  RuleCode,
  'CONFLICT_OF_INTEREST' | 'ROTATION_RULE' | 'MAX_ACTIVE_ASSIGNMENTS' | 'MAX_VISITS_PER_DAY' | 'WINDOW_CLOSED'
>;

export interface RuleViolation {
  rule: AssignmentRule;
  /** A sentence for a person. */
  message: string;
}

export interface AssignmentRuleInput {
  assignment: {
    touchpointId: string;
    clientId: string;
    plannedAt: Date;
    windowStart: Date;
    /** Exclusive end of the window. */
    windowEnd: Date;
  };
  /** Clients where the shopper, family or friends work. */
  shopper: { conflictClientIds: string[] };
  /** This shopper's other visits to this touchpoint (plannedAt, or visitedAt once reported). */
  recentVisitsToTouchpoint: Date[];
  /** Assignments the shopper holds now, not counting this one. */
  activeAssignmentCount: number;
  /** The shopper's visits on this assignment's planned day, not counting this one. */
  visitsOnSameDay: number;
  now: Date;
  policy: AssignmentPolicy;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every rule giving this assignment to this shopper would break; empty when it may be given. */
export function checkAssignmentRules(input: AssignmentRuleInput): RuleViolation[] {
  const { assignment, policy, now } = input;
  const violations: RuleViolation[] = [];

  if (input.shopper.conflictClientIds.includes(assignment.clientId)) {
    violations.push({
      rule: 'CONFLICT_OF_INTEREST',
      message: 'This shopper declared a conflict of interest with this client and may never evaluate it',
    });
  }

  const rotation = rotationViolation(input);
  if (rotation) violations.push(rotation);

  if (input.activeAssignmentCount >= policy.maxActiveAssignments) {
    violations.push({
      rule: 'MAX_ACTIVE_ASSIGNMENTS',
      message: `This shopper already has ${input.activeAssignmentCount} active assignments; the maximum is ${policy.maxActiveAssignments}`,
    });
  }

  if (input.visitsOnSameDay >= policy.maxVisitsPerDay) {
    violations.push({
      rule: 'MAX_VISITS_PER_DAY',
      message: `This shopper already has ${input.visitsOnSameDay} visits on that day; the maximum is ${policy.maxVisitsPerDay} a day`,
    });
  }

  // windowEnd is exclusive (the midnight after the window's last day), so the window is closed at that instant.
  if (now.getTime() >= assignment.windowEnd.getTime()) {
    violations.push({
      rule: 'WINDOW_CLOSED',
      message: `The window for this visit ended at ${assignment.windowEnd.toISOString()}`,
    });
  }
  return violations;
}

/**
 * The visit is expected at plannedAt, or now when that has already passed. Another visit by the
 * same shopper less than `rotationDays` (24 h days) before or after it breaks the rotation: a visit
 * exactly `rotationDays` away is allowed. Later visits count too, because an assignment the shopper
 * already holds for a later date is just as recognisable to the staff as a past one.
 */
function rotationViolation(input: AssignmentRuleInput): RuleViolation | undefined {
  const expectedAt = Math.max(input.assignment.plannedAt.getTime(), input.now.getTime());
  const rotationMs = input.policy.rotationDays * DAY_MS;
  const nearest = input.recentVisitsToTouchpoint
    .map((visit) => visit.getTime() - expectedAt)
    .filter((offset) => Math.abs(offset) < rotationMs)
    .sort((a, b) => Math.abs(a) - Math.abs(b))[0];
  if (nearest === undefined) return undefined;

  const when =
    nearest <= 0
      ? `evaluated this touchpoint ${daysText(-nearest)} before`
      : `is due to evaluate this touchpoint ${daysText(nearest)} after`;
  return {
    rule: 'ROTATION_RULE',
    message: `This shopper ${when} this visit; the rotation period is ${input.policy.rotationDays} days`,
  };
}

function daysText(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  if (days === 0) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}
