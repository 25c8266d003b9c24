// The one table of rule-violation codes. A refusal for breaking a rule carries its code in the error
// body (`code`, next to statusCode, error, message, details) so a client can react to the rule without
// parsing the message; the message stays a sentence for a person. docs/errors.md lists them (a unit
// test keeps the two in step). Errors that break no rule (malformed input, not found, no access) carry
// no code: their HTTP status says it all.

export type DomainErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type';

export const HTTP_STATUS_OF: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
};

interface RuleEntry {
  kind: 'conflict' | 'unprocessable';
  /** What the code means, for docs/errors.md. */
  meaning: string;
}

export const RULE_CODES = {
  // Assignments (claim, assign)
  CONFLICT_OF_INTEREST: {
    kind: 'conflict',
    meaning: 'The shopper declared a conflict of interest with the campaign’s client and may never evaluate it.',
  },
  ROTATION_RULE: {
    kind: 'conflict',
    meaning: 'The shopper evaluated (or is due to evaluate) this touchpoint within the rotation period (ROTATION_DAYS).',
  },
  MAX_ACTIVE_ASSIGNMENTS: { kind: 'conflict', meaning: 'The shopper already holds MAX_ACTIVE_ASSIGNMENTS assignments still to do.' },
  MAX_VISITS_PER_DAY: {
    kind: 'conflict',
    meaning: 'The shopper already has MAX_VISITS_PER_DAY visits on that day (in the touchpoint’s time zone).',
  },
  WINDOW_CLOSED: { kind: 'conflict', meaning: 'The visit’s window has ended (the assignment expired).' },
  ASSIGNMENT_TAKEN: { kind: 'conflict', meaning: 'Someone else took this open job first.' },
  INVALID_TRANSITION: {
    kind: 'conflict',
    meaning:
      'The assignment or report is not in a state that allows this action (e.g. claiming an assigned job, submitting an approved visit, approving a returned report).',
  },
  CAMPAIGN_NOT_ACTIVE: {
    kind: 'conflict',
    meaning: 'The campaign is not active: its jobs are not given out, its reports not accepted, and only an active campaign can be closed.',
  },
  // Campaigns
  NOT_DRAFT: {
    kind: 'conflict',
    meaning: 'Only a draft campaign can be activated or edited in full (an active one may only have its end date extended).',
  },
  CAMPAIGN_INVALID: {
    kind: 'unprocessable',
    meaning:
      'The campaign breaks the design rules (questionnaire not published, period wrong or over 366 days, foreign touchpoints, repeated scenario keys, previous wave of another client); details name each field.',
  },
  UNPLANNABLE: {
    kind: 'unprocessable',
    meaning: 'The campaign’s visits cannot be planned (e.g. a touchpoint is never open in the period).',
  },
  // Submission
  OUTSIDE_WINDOW: { kind: 'unprocessable', meaning: 'visitedAt is outside the assignment’s window.' },
  VISIT_IN_FUTURE: { kind: 'unprocessable', meaning: 'visitedAt is in the future (beyond a few minutes of clock skew).' },
  ANSWERS_INVALID: {
    kind: 'unprocessable',
    meaning: 'The answers do not fit the questionnaire (or, for an edit, name unknown or repeated questions); details name each question.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    kind: 'conflict',
    meaning: 'This Idempotency-Key was already used for a different request; use a new key for a new report.',
  },
  CONCURRENT_CHANGE: { kind: 'conflict', meaning: 'The assignment or report changed while the request was being stored; try again.' },
  // Review
  STALE_VERSION: {
    kind: 'conflict',
    meaning: 'The record (report, client, touchpoint, campaign, user) has changed since the version sent; reload it and try again.',
  },
  NOT_EDITABLE: {
    kind: 'conflict',
    meaning: 'The report is with the shopper for correction (returned) and cannot be edited by a reviewer.',
  },
  // Appeals
  NOT_APPROVED: { kind: 'conflict', meaning: 'Only an approved visit can be appealed.' },
  APPEAL_ALREADY_OPEN: { kind: 'conflict', meaning: 'An appeal on this visit (and question) is already open.' },
  APPEAL_RESOLVED: { kind: 'conflict', meaning: 'The appeal was already resolved.' },
  UNKNOWN_QUESTION: { kind: 'unprocessable', meaning: 'The appeal names a question that is not in the visit’s questionnaire.' },
  APPEAL_DECISION_INVALID: { kind: 'unprocessable', meaning: 'An overturn needs the corrected answers; an upheld appeal takes none.' },
  // Administration
  CLIENT_HAS_DATA: {
    kind: 'conflict',
    meaning:
      'A client with touchpoints, campaigns, users or programs (or an archived one) is never deleted; archive it instead (PATCH archived: true).',
  },
  CLIENT_ARCHIVED: {
    kind: 'conflict',
    meaning: 'The client is archived: it takes no new touchpoints, campaigns or users until it is unarchived.',
  },
  CAMPAIGN_CANCELLED: { kind: 'conflict', meaning: 'The campaign is cancelled (or closed) and cannot be cancelled or changed again.' },
  END_DATE_NOT_LATER: {
    kind: 'unprocessable',
    meaning: 'An active campaign’s end date can only be moved later (and the period stay within 366 days).',
  },
  NOTHING_TO_PAY: { kind: 'conflict', meaning: 'No unpaid fee falls in the period (it may have been paid by another payout already).' },
  PASSWORD_POLICY: {
    kind: 'unprocessable',
    meaning: 'The password breaks the password policy (at least 10 characters, not a common password, not the e-mail name).',
  },
  WRONG_PASSWORD: { kind: 'unprocessable', meaning: 'currentPassword is not the account’s password.' },
  RESET_TOKEN_INVALID: { kind: 'unprocessable', meaning: 'The password-reset token is unknown, used already or expired.' },
  // Report jobs
  REPORT_NOT_READY: {
    kind: 'conflict',
    meaning: 'The report job is still queued or running, or it failed: there is no file to download (yet).',
  },
  REPORT_EXPIRED: {
    kind: 'conflict',
    meaning: 'The report file was deleted after its retention time (REPORT_RETENTION_HOURS); start a new report job.',
  },
} satisfies Record<string, RuleEntry>;

export type RuleCode = keyof typeof RULE_CODES;

/** The HTTP status a rule's violation answers with. */
export function statusOfRule(code: RuleCode): number {
  return HTTP_STATUS_OF[RULE_CODES[code].kind];
}
