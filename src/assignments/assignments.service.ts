import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { assertCanReadAssignment } from '../common/access/access';
import { withdrawUnreportedEvidence } from '../evidence/withdraw-evidence';
import { notFound, ruleViolation } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ASSIGNMENT_VIEW_COLUMNS, ASSIGNMENT_VIEW_FROM, AssignmentViewRow, toAssignmentView } from './assignment-view';
import { AssignDto, AssignmentView, ListAssignmentsQuery } from './dto/assignment.dto';
import { checkAssignmentRules, type AssignmentPolicy } from './domain/assignment-rules';
import { canTransition, InvalidTransitionError, type AssignmentAction, type AssignmentStatus } from './domain/assignment-state';
import { pageOf } from '../common/http/paging';
import { inTransaction } from '../database/transactions';
import { recordAudit } from '../audit/audit-log';
import { JobQueue } from '../jobs/job-queue';
import { jobFitSql } from './job-fit';
import { SqlParams } from '../kpis/visit-scope';
import { QuestionnaireView } from '../questionnaires/dto/questionnaire.dto';
import { Questionnaire } from '../questionnaires/questionnaire.entity';
import { toQuestionnaireView } from '../questionnaires/questionnaires.service';

/**
 * An assigned visit expires this long after its window ends if no report arrived: shoppers on flaky
 * networks may upload a visit made inside the window a little later. Open jobs expire at once.
 */
export const LATE_SUBMISSION_GRACE = '2 days';

/** Statuses in which an assignment is a visit the shopper made or will make (for rotation and per-day limits). */
const TAKEN_STATUSES = `('assigned', 'submitted', 'returned', 'approved')`;
/** Statuses in which the shopper still has work to do on it (the max-active limit). */
const ACTIVE_STATUSES = `('assigned', 'returned')`;

interface ClaimTarget {
  id: string;
  status: AssignmentStatus;
  shopper_id: string | null;
  touchpoint_id: string;
  planned_at: Date;
  window_start: Date;
  window_end: Date;
  client_id: string;
  campaign_status: string;
  time_zone: string;
}

@Injectable()
export class AssignmentsService implements OnModuleInit {
  private readonly logger = new Logger(AssignmentsService.name);
  private readonly policy: AssignmentPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = {
      rotationDays: config.rotationDays,
      maxActiveAssignments: config.maxActiveAssignments,
      maxVisitsPerDay: config.maxVisitsPerDay,
    };
  }

  onModuleInit(): void {
    // Every minute, once per cluster whatever the number of instances.
    this.jobs.define({
      name: 'assignment-expiry',
      schedule: '* * * * *',
      retryLimit: 0,
      expireInSeconds: 5 * 60,
      handle: async () => {
        const expired = await this.expireOverdue();
        if (expired) this.logger.log(`Expiry sweep: ${expired} assignment(s) expired`);
      },
    });
  }

  /** Open jobs past their window, and assigned ones past it plus the grace, become `expired` (in SQL). */
  async expireOverdue(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE assignments SET status = 'expired', updated_at = now()
        WHERE (status = 'open' AND window_end <= now())
           OR (status = 'assigned' AND window_end <= now() - interval '${LATE_SUBMISSION_GRACE}')`,
    );
    return count;
  }

  async list(user: AuthUser, query: ListAssignmentsQuery): Promise<AssignmentView[]> {
    await this.expireOverdue();
    const params = new SqlParams();
    const where: string[] = [];
    if (query.campaignId) where.push(`a.campaign_id = ${params.add(query.campaignId)}`);
    if (user.role === 'shopper') {
      if (query.status === 'open') {
        // The job board: open jobs of active campaigns, without clients the shopper declared a conflict with.
        const me = params.add(user.id);
        where.push(
          `a.status = 'open'`,
          `a.shopper_id IS NULL`,
          `c.status = 'active'`,
          `NOT EXISTS (SELECT 1 FROM users u WHERE u.id = ${me} AND c.client_id = ANY(u.conflict_client_ids))`,
        );
      } else {
        where.push(`a.shopper_id = ${params.add(user.id)}`);
        if (query.status) where.push(`a.status = ${params.add(query.status)}`);
      }
    } else if (query.status) {
      where.push(`a.status = ${params.add(query.status)}`);
    }
    // The job board lists first what fits the shopper's profile (src/assignments/job-fit.ts).
    const order =
      user.role === 'shopper' && query.status === 'open'
        ? `${jobFitSql(`(SELECT profile FROM users WHERE id = ${params.add(user.id)})`)} DESC, a.planned_at, a.id`
        : 'a.planned_at, a.id';
    const page = pageOf(query);
    const limit = params.add(page.limit);
    const offset = params.add(page.offset);
    const rows = await this.dataSource.query<AssignmentViewRow[]>(
      `SELECT ${ASSIGNMENT_VIEW_COLUMNS} ${ASSIGNMENT_VIEW_FROM}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      params.values,
    );
    return rows.map(toAssignmentView);
  }

  async get(user: AuthUser, id: string): Promise<AssignmentView> {
    await this.expireOverdue();
    const row = await this.findView(id);
    if (!row) throw notFound('Assignment');
    assertCanReadAssignment(user, { shopperId: row.shopper_id, status: row.status });
    return toAssignmentView(row);
  }

  /** The visit form: the campaign's questionnaire, to whoever may read the assignment (a shopper: open jobs and their own). */
  async questionnaire(user: AuthUser, id: string): Promise<QuestionnaireView> {
    const assignment = await this.get(user, id);
    const questionnaire = await this.dataSource.getRepository(Questionnaire).findOneBy({ id: assignment.questionnaireId });
    if (!questionnaire) throw notFound('Questionnaire');
    return toQuestionnaireView(questionnaire);
  }

  /** A shopper takes an open job from the board. */
  claim(user: AuthUser, id: string): Promise<AssignmentView> {
    return this.give(id, user.id, 'claim', (target) => {
      // A job that was on the board until its window closed answers 409 window_closed, not 404.
      if (target.status === 'expired' && target.shopper_id === null) return;
      assertCanReadAssignment(user, { shopperId: target.shopper_id, status: target.status });
    });
  }

  /** A consultant gives an open job to a shopper, or an assigned one to another shopper (reassign); audited. */
  assign(user: AuthUser, id: string, dto: AssignDto): Promise<AssignmentView> {
    return this.give(id, dto.shopperId, 'assign', () => undefined, user);
  }

  /** A consultant takes an assigned job back from its shopper: open again on the board. Audited. */
  unassign(user: AuthUser, id: string): Promise<AssignmentView> {
    return this.takeBack(user, id, 'unassign', `shopper_id = NULL, status = 'open', assigned_at = NULL`);
  }

  /** A consultant cancels one job (open, assigned, submitted or returned; approved work is final). Audited. */
  cancel(user: AuthUser, id: string): Promise<AssignmentView> {
    return this.takeBack(user, id, 'cancel', `status = 'cancelled'`);
  }

  private async takeBack(
    user: AuthUser,
    id: string,
    action: Extract<AssignmentAction, 'unassign' | 'cancel'>,
    set: string,
  ): Promise<AssignmentView> {
    await this.expireOverdue();
    await inTransaction(this.dataSource, async (runner) => {
      const [row] = (await runner.query(`SELECT status, shopper_id FROM assignments WHERE id = $1 FOR UPDATE`, [id])) as Array<{
        status: AssignmentStatus;
        shopper_id: string | null;
      }>;
      if (!row) throw notFound('Assignment');
      if (!canTransition(row.status, action)) {
        throw ruleViolation('INVALID_TRANSITION', new InvalidTransitionError(row.status, action).message, [
          { field: 'status', reason: `the assignment is ${row.status}` },
        ]);
      }
      if (action === 'unassign' && row.shopper_id) await withdrawUnreportedEvidence(runner, id, row.shopper_id);
      // pg answers an UPDATE … RETURNING through TypeORM as [rows, count].
      const [[after]] = (await runner.query(
        `UPDATE assignments SET ${set}, updated_at = now() WHERE id = $1 RETURNING status, shopper_id`,
        [id],
      )) as [Array<{ status: string; shopper_id: string | null }>, number];
      await recordAudit(runner, {
        userId: user.id,
        action,
        entity: 'assignment',
        entityId: id,
        before: { status: row.status, shopperId: row.shopper_id },
        after: { status: after.status, shopperId: after.shopper_id },
      });
    });
    const view = await this.findView(id);
    if (!view) throw notFound('Assignment');
    return toAssignmentView(view);
  }

  private async give(
    id: string,
    shopperId: string,
    action: Extract<AssignmentAction, 'claim' | 'assign'>,
    authorize: (target: ClaimTarget) => void,
    /** The consultant who assigns (audited); absent for a shopper's own claim. */
    actor?: AuthUser,
  ): Promise<AssignmentView> {
    await this.expireOverdue();
    await inTransaction(this.dataSource, async (runner) => {
      // Locking the shopper serialises their claims, so two at once cannot both slip under a limit.
      const [shopper] = (await runner.query(
        `SELECT id, conflict_client_ids FROM users WHERE id = $1 AND role = 'shopper' AND active FOR UPDATE`,
        [shopperId],
      )) as Array<{ id: string; conflict_client_ids: string[] }>;
      if (!shopper) throw notFound('Shopper');

      const [target] = (await runner.query(
        `SELECT a.id, a.status, a.shopper_id, a.touchpoint_id, a.planned_at, a.window_start, a.window_end,
                c.client_id, c.status AS campaign_status, t.time_zone
           FROM assignments a JOIN campaigns c ON c.id = a.campaign_id JOIN touchpoints t ON t.id = a.touchpoint_id
          WHERE a.id = $1`,
        [id],
      )) as ClaimTarget[];
      if (!target) throw notFound('Assignment');
      authorize(target);
      if (target.status === 'expired') {
        const ended = new Date(target.window_end).toISOString();
        throw ruleViolation('WINDOW_CLOSED', `This assignment has expired: the window for this visit ended at ${ended}`);
      }
      // A consultant's assign on a job someone holds is a reassignment, under the same rules for the new shopper.
      const move: AssignmentAction = action === 'assign' && target.status === 'assigned' ? 'reassign' : action;
      if (!canTransition(target.status, move)) {
        throw ruleViolation('INVALID_TRANSITION', new InvalidTransitionError(target.status, move).message, [
          { field: 'status', reason: `the assignment is ${target.status}` },
        ]);
      }
      if (move === 'reassign' && target.shopper_id === shopperId) {
        throw ruleViolation('INVALID_TRANSITION', 'This assignment is already assigned to this shopper', [
          { field: 'shopperId', reason: 'already the assignee' },
        ]);
      }
      if (target.campaign_status !== 'active') {
        throw ruleViolation(
          'CAMPAIGN_NOT_ACTIVE',
          `The campaign is ${target.campaign_status}; only assignments of active campaigns can be given out`,
          [{ field: 'campaign', reason: `campaign is ${target.campaign_status}` }],
        );
      }

      const [facts] = (await runner.query(
        `SELECT
           (SELECT coalesce(json_agg(coalesce(vr.visited_at, x.planned_at)), '[]'::json)
              FROM assignments x LEFT JOIN visit_reports vr ON vr.assignment_id = x.id
             WHERE x.shopper_id = $1 AND x.touchpoint_id = $2 AND x.id <> $3 AND x.status IN ${TAKEN_STATUSES}) AS recent,
           (SELECT count(*)::int FROM assignments x
             WHERE x.shopper_id = $1 AND x.id <> $3 AND x.status IN ${ACTIVE_STATUSES}) AS active,
           (SELECT count(*)::int FROM assignments x
             WHERE x.shopper_id = $1 AND x.id <> $3 AND x.status IN ${TAKEN_STATUSES}
               AND (x.planned_at AT TIME ZONE $4)::date = ($5::timestamptz AT TIME ZONE $4)::date) AS same_day`,
        [shopperId, target.touchpoint_id, id, target.time_zone, target.planned_at],
      )) as Array<{ recent: string[]; active: number; same_day: number }>;

      const violations = checkAssignmentRules({
        assignment: {
          touchpointId: target.touchpoint_id,
          clientId: target.client_id,
          plannedAt: new Date(target.planned_at),
          windowStart: new Date(target.window_start),
          windowEnd: new Date(target.window_end),
        },
        shopper: { conflictClientIds: shopper.conflict_client_ids ?? [] },
        recentVisitsToTouchpoint: facts.recent.map((at) => new Date(at)),
        activeAssignmentCount: facts.active,
        visitsOnSameDay: facts.same_day,
        now: new Date(),
        policy: this.policy,
      });
      if (violations.length) {
        // The first broken rule is the code; every one is listed, each on the shopper it concerns.
        throw ruleViolation(
          violations[0].rule,
          `This assignment cannot go to this shopper. ${violations.map((v) => v.message).join('. ')}.`,
          violations.map((v) => ({ field: v.rule === 'WINDOW_CLOSED' ? 'assignment' : 'shopper', reason: v.message })),
        );
      }

      // Race-safe: only one of several concurrent claims finds the row still open, and a reassignment
      // finds it still held by the shopper read.
      const taken = await runner.query(
        `UPDATE assignments SET shopper_id = $1, status = 'assigned', assigned_at = now(), updated_at = now()
          WHERE id = $2 AND status = $3 AND shopper_id IS NOT DISTINCT FROM $4::uuid`,
        [shopperId, id, target.status, target.shopper_id],
        true,
      );
      if (!taken.affected) {
        throw ruleViolation('ASSIGNMENT_TAKEN', 'Someone else took this assignment first', [{ field: 'status', reason: 'no longer open' }]);
      }
      if (move === 'reassign' && target.shopper_id) await withdrawUnreportedEvidence(runner, id, target.shopper_id);
      if (actor) {
        await recordAudit(runner, {
          userId: actor.id,
          action: move,
          entity: 'assignment',
          entityId: id,
          before: { status: target.status, shopperId: target.shopper_id },
          after: { status: 'assigned', shopperId },
        });
      }
    });
    const row = await this.findView(id);
    if (!row) throw notFound('Assignment');
    return toAssignmentView(row);
  }

  private async findView(id: string): Promise<AssignmentViewRow | undefined> {
    const [row] = await this.dataSource.query<AssignmentViewRow[]>(
      `SELECT ${ASSIGNMENT_VIEW_COLUMNS} ${ASSIGNMENT_VIEW_FROM} WHERE a.id = $1`,
      [id],
    );
    return row;
  }
}
