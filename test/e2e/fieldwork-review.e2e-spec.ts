// Review (approve, return, resubmit, audited edits with optimistic locking), report views per role,
// appeals and alerts.
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, Session } from '../factories/users.factory';
import { FieldworkWorld, GOOD_SCORE, goodAnswers, newKey, reportBody, seedFieldwork } from '../factories/fieldwork.factory';
import { insertAssignment } from '../factories/tables.factory';

describe('field work: review, appeals, alerts', () => {
  let ctx: TestContext;
  let w: FieldworkWorld;

  beforeAll(async () => {
    ctx = await createTestApp();
    w = await seedFieldwork(ctx);
  }, 60_000);
  afterAll(() => ctx.close(), 60_000);

  const EMPLOYEE = { name: 'Marta R.', badge: 'B-17', description: 'tall, red scarf' };

  /** A submitted report by the world's shopper; returns its id and assignment id. */
  async function submitted(body: object = reportBody({ employee: EMPLOYEE, narrative: 'Helpful, if a little slow.' })) {
    const assignmentId = (
      await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
    ).id;
    const response = await ctx.http
      .post(`/assignments/${assignmentId}/report`)
      .set(w.shopper.auth)
      .set('Idempotency-Key', newKey())
      .send(body)
      .expect(201);
    return { id: response.body.id as string, assignmentId };
  }
  async function approved(body?: object) {
    const report = await submitted(body);
    await ctx.http.post(`/visit-reports/${report.id}/approve`).set(w.consultant.auth).expect(200);
    return report;
  }
  const assignmentStatus = async (id: string) => (await ctx.db.query('SELECT status FROM assignments WHERE id = $1', [id]))[0].status;
  const get = (session: Session, id: string) => ctx.http.get(`/visit-reports/${id}`).set(session.auth);
  const patch = (id: string, body: object) => ctx.http.patch(`/visit-reports/${id}`).set(w.consultant.auth).send(body);

  describe('reading reports', () => {
    it('shows consultants everything, including the shopper, the employee and integrity signals', async () => {
      const { id, assignmentId } = await submitted();
      const response = await get(w.consultant, id).expect(200);
      expect(response.body).toMatchObject({
        id,
        assignmentId,
        campaignId: w.campaignId,
        status: 'submitted',
        version: 1,
        knockout: false,
        waitSeconds: 200,
        fcr: true,
        shopperId: w.shopper.user.id,
        shopper: { id: w.shopper.user.id, email: w.shopper.user.email, name: 'Sofía Shopper' },
        employee: EMPLOYEE,
        integritySignals: [],
        touchpoint: { id: w.touchpointId, name: 'Gran Vía branch', channel: 'in_person', region: 'Centro', city: 'Madrid' },
      });
      expect(response.body.score).toBeCloseTo(GOOD_SCORE, 9);
      expect(response.body.sections.map((s: { key: string }) => s.key)).toEqual(['greeting', 'service']);
      expect(response.body.answers.map((a: { questionKey: string }) => a.questionKey)).toEqual([
        'greet',
        'clean',
        'friendly',
        'wait',
        'reply',
        'privacy',
        'solved',
        'follow',
        'product',
        'note',
      ]);
    });

    it('shows the shopper their own report without the employee description; other shoppers get 404', async () => {
      const { id } = await submitted();
      const own = await get(w.shopper, id).expect(200);
      expect(own.body.shopperId).toBe(w.shopper.user.id);
      expect(own.body.employee).toBeUndefined();
      expect(own.body.integritySignals).toBeUndefined();
      const other = await createUser(ctx.http, w.admin, { role: 'shopper' });
      await get(other, id).expect(404);
    });

    it('shows a client user only approved reports of its own client, without any shopper identity', async () => {
      const { id } = await submitted();
      await get(w.clientUser, id).expect(404);
      await ctx.http.post(`/visit-reports/${id}/approve`).set(w.consultant.auth).expect(200);
      const response = await get(w.clientUser, id).expect(200);
      expect(response.body).toMatchObject({ id, status: 'approved' });
      for (const field of ['shopperId', 'shopper', 'employee', 'integritySignals', 'returnComment', 'expenses']) {
        expect(response.body).not.toHaveProperty(field);
      }
      const text = JSON.stringify(response.body);
      for (const secret of [w.shopper.user.id, w.shopper.user.email, 'Sofía', 'red scarf', 'Marta']) expect(text).not.toContain(secret);
      await get(w.otherClientUser, id).expect(404);
    });

    it('lists the review queue for consultants by campaign and status', async () => {
      const { id } = await submitted();
      const queue = await ctx.http.get(`/visit-reports?campaignId=${w.campaignId}&status=submitted`).set(w.consultant.auth).expect(200);
      expect(queue.body.map((r: { id: string }) => r.id)).toContain(id);
      expect(queue.body.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
      await ctx.http.get('/visit-reports').set(w.shopper.auth).expect(403);
      await ctx.http.get('/visit-reports').set(w.clientUser.auth).expect(403);
    });
  });

  describe('approve and return', () => {
    it('approves (200) and moves the assignment; a second approval is 409', async () => {
      const { id, assignmentId } = await submitted();
      const response = await ctx.http.post(`/visit-reports/${id}/approve`).set(w.consultant.auth).expect(200);
      expect(response.body).toMatchObject({ status: 'approved', version: 2 });
      expect(await assignmentStatus(assignmentId)).toBe('approved');
      await ctx.http.post(`/visit-reports/${id}/approve`).set(w.consultant.auth).expect(409);
      await ctx.http.post(`/visit-reports/${id}/approve`).set(w.shopper.auth).expect(403);
    });

    it('returns with a comment; the shopper resubmits with a new key, replacing answers and bumping the version', async () => {
      const { id, assignmentId } = await submitted();
      await ctx.http.post(`/visit-reports/${id}/return`).set(w.consultant.auth).send({}).expect(400);
      const returned = await ctx.http
        .post(`/visit-reports/${id}/return`)
        .set(w.consultant.auth)
        .send({ comment: 'Check the wait time' })
        .expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Check the wait time', version: 2 });
      expect(await assignmentStatus(assignmentId)).toBe('returned');
      expect((await get(w.shopper, id).expect(200)).body.returnComment).toBe('Check the wait time');
      // a returned report cannot be approved before it comes back
      await ctx.http.post(`/visit-reports/${id}/approve`).set(w.consultant.auth).expect(409);

      const again = await ctx.http
        .post(`/assignments/${assignmentId}/report`)
        .set(w.shopper.auth)
        .set('Idempotency-Key', newKey())
        .send(reportBody({ answers: goodAnswers({ wait: 90 }) }))
        .expect(201);
      // wait 90 s → full 2 points: service 8/8 = 100; visit (600/7 + 200) / 3
      expect(again.body).toMatchObject({ id, status: 'submitted', version: 3 });
      expect(again.body.score).toBeCloseTo((600 / 7 + 200) / 3, 9);
      expect(await assignmentStatus(assignmentId)).toBe('submitted');
      const [wait] = await ctx.db.query(`SELECT value, earned FROM visit_answers WHERE visit_report_id = $1 AND question_key = 'wait'`, [
        id,
      ]);
      expect(wait).toEqual({ value: 90, earned: 2 });
      expect(Number((await ctx.db.query('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [assignmentId]))[0].n)).toBe(1);

      const audit = await ctx.http.get(`/visit-reports/${id}/audit`).set(w.consultant.auth).expect(200);
      expect(audit.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'status', old: 'submitted', new: 'returned', reason: 'Check the wait time' }),
          expect.objectContaining({
            field: 'answers.wait',
            old: { value: 200 },
            new: { value: 90 },
            who: expect.objectContaining({ id: w.shopper.user.id }),
          }),
        ]),
      );
    });
    it('keeps the duplicate-evidence signal when a returned report is resubmitted', async () => {
      const first = await submitted();
      const second = await submitted();
      const photo = Buffer.from('%PDF-1.4\n% the same receipt on two visits\n');
      for (const report of [first, second]) {
        await ctx.http.post(`/visit-reports/${report.id}/evidence`).set(w.shopper.auth).attach('file', photo, 'receipt.pdf').expect(201);
      }
      const kinds = async (id: string) =>
        (
          (await ctx.db.query('SELECT integrity_signals FROM visit_reports WHERE id = $1', [id]))[0].integrity_signals as Array<{
            kind: string;
          }>
        ).map((s) => s.kind);
      expect(await kinds(second.id)).toContain('duplicate_evidence');

      await ctx.http.post(`/visit-reports/${second.id}/return`).set(w.consultant.auth).send({ comment: 'Add the wait time' }).expect(200);
      await ctx.http
        .post(`/assignments/${second.assignmentId}/report`)
        .set(w.shopper.auth)
        .set('Idempotency-Key', newKey())
        .send(reportBody())
        .expect(201);
      // the file is still attached, so the warning stays; the visit's other signals are worked out afresh
      expect(await kinds(second.id)).toContain('duplicate_evidence');
    });
  });

  describe('edits', () => {
    it('re-validates, re-scores and audits an edit, and answers 409 to a stale version', async () => {
      const { id } = await submitted();
      const stale = await patch(id, { version: 7, answers: [{ questionKey: 'greet', value: false }], reason: 'x' }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(stale.body.message).toBe('The report has changed since version 7 (it is at version 1); reload it and try again');
      const response = await patch(id, {
        version: 1,
        answers: [
          { questionKey: 'greet', value: false },
          { questionKey: 'note', value: 'Greeting was missing entirely' },
        ],
        reason: 'Video shows no greeting',
      }).expect(200);
      // greeting: 0 + 1 + 3 of 7 → 400/7; visit (400/7 + 175) / 3 = 1625/21
      expect(response.body.version).toBe(2);
      expect(response.body.score).toBeCloseTo(1625 / 21, 9);
      const [stored] = await ctx.db.query('SELECT score, version FROM visit_reports WHERE id = $1', [id]);
      expect(stored.version).toBe(2);
      expect(stored.score).toBeCloseTo(1625 / 21, 9);
      const [greet] = await ctx.db.query(
        `SELECT value, passed, earned FROM visit_answers WHERE visit_report_id = $1 AND question_key = 'greet'`,
        [id],
      );
      expect(greet).toEqual({ value: false, passed: false, earned: 0 });

      const audit = await ctx.http.get(`/visit-reports/${id}/audit`).set(w.consultant.auth).expect(200);
      expect(audit.body).toEqual([
        {
          id: expect.any(String),
          who: { id: w.consultant.user.id, name: expect.any(String), role: 'consultant' },
          when: expect.any(String),
          field: 'answers.greet',
          old: { value: true },
          new: { value: false },
          reason: 'Video shows no greeting',
        },
        {
          id: expect.any(String),
          who: expect.objectContaining({ id: w.consultant.user.id }),
          when: expect.any(String),
          field: 'answers.note',
          old: null,
          new: { value: 'Greeting was missing entirely' },
          reason: 'Video shows no greeting',
        },
      ]);
      // the old version is now stale
      await patch(id, { version: 1, answers: [{ questionKey: 'greet', value: true }], reason: 'undo' }).expect(409);
      await ctx.http.get(`/visit-reports/${id}/audit`).set(w.shopper.auth).expect(403);
    });

    it('answers 422 when the full answer set after the change does not validate, and changes nothing', async () => {
      const { id } = await submitted();
      // solved=false makes the required follow-up question apply, and it has no answer
      const response = await patch(id, { version: 1, answers: [{ questionKey: 'solved', value: false }], reason: 'r' }).expect(422);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'follow' })]);
      expect(response.body.code).toBe('ANSWERS_INVALID');
      const unknown = await patch(id, { version: 1, answers: [{ questionKey: 'nope', value: 1 }], reason: 'r' }).expect(422);
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'answers[0].questionKey' })]);
      expect((await ctx.db.query('SELECT version FROM visit_reports WHERE id = $1', [id]))[0].version).toBe(1);
      // both together are fine: follow-up offered
      const ok = await patch(id, {
        version: 1,
        answers: [
          { questionKey: 'solved', value: false },
          { questionKey: 'follow', value: true },
        ],
        reason: 'r',
      }).expect(200);
      expect(ok.body.fcr).toBe(false);
      await patch(id, { answers: [{ questionKey: 'greet', value: true }], reason: 'r' }).expect(400);
      await ctx.http
        .patch(`/visit-reports/${id}`)
        .set(w.shopper.auth)
        .send({ version: 2, answers: [{ questionKey: 'greet', value: true }], reason: 'r' })
        .expect(403);
    });

    it('answers 409 to editing a report that is back with the shopper', async () => {
      const { id } = await submitted();
      await ctx.http.post(`/visit-reports/${id}/return`).set(w.consultant.auth).send({ comment: 'Redo' }).expect(200);
      const response = await patch(id, { version: 2, answers: [{ questionKey: 'greet', value: false }], reason: 'r' }).expect(409);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
      expect(response.body.code).toBe('NOT_EDITABLE');
    });

    it('lets exactly one of two concurrent edits with the same version through', async () => {
      const { id } = await submitted();
      const [a, b] = await Promise.all([
        patch(id, { version: 1, answers: [{ questionKey: 'greet', value: false }], reason: 'first' }),
        patch(id, { version: 1, answers: [{ questionKey: 'clean', value: false }], reason: 'second' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const [row] = await ctx.db.query('SELECT version FROM visit_reports WHERE id = $1', [id]);
      expect(row.version).toBe(2);
      const edits = await ctx.db.query('SELECT field FROM report_edits WHERE visit_report_id = $1', [id]);
      expect(edits).toHaveLength(1);
    });
  });

  describe('alerts', () => {
    it('lists alerts of failed critical questions and knockouts, and follows edits', async () => {
      const { id } = await submitted(reportBody({ answers: goodAnswers({ privacy: false }) }));
      const response = await ctx.http.get(`/alerts?campaignId=${w.campaignId}`).set(w.consultant.auth).expect(200);
      const mine = response.body.filter((a: { visitReportId: string }) => a.visitReportId === id);
      expect(mine).toHaveLength(2);
      expect(mine).toEqual(
        expect.arrayContaining([
          {
            id: expect.any(String),
            visitReportId: id,
            campaignId: w.campaignId,
            touchpoint: { id: w.touchpointId, name: 'Gran Vía branch', channel: 'in_person', region: 'Centro' },
            questionKey: 'privacy',
            kind: 'critical_failed',
            reason: expect.stringContaining('Personal data protected?'),
            createdAt: expect.any(String),
          },
          expect.objectContaining({ questionKey: null, kind: 'knockout' }),
        ]),
      );
      await ctx.http.get('/alerts').set(w.clientUser.auth).expect(403);
      await ctx.http.get('/alerts').set(w.shopper.auth).expect(403);
      // a reviewer correcting the critical answer clears the alerts
      await patch(id, { version: 1, answers: [{ questionKey: 'privacy', value: true }], reason: 'misread' }).expect(200);
      const after = await ctx.http.get(`/alerts?campaignId=${w.campaignId}`).set(w.consultant.auth).expect(200);
      expect(after.body.filter((a: { visitReportId: string }) => a.visitReportId === id)).toEqual([]);
    });
  });

  describe('appeals', () => {
    it('lets a client appeal its own approved visit (201), and not others or unapproved ones (404)', async () => {
      const { id } = await approved();
      const response = await ctx.http
        .post(`/visit-reports/${id}/appeals`)
        .set(w.clientUser.auth)
        .send({ reason: 'The employee did greet', questionKey: 'greet' })
        .expect(201);
      expect(response.body).toMatchObject({
        visitReportId: id,
        campaignId: w.campaignId,
        questionKey: 'greet',
        status: 'open',
        reason: 'The employee did greet',
      });
      await ctx.http
        .post(`/visit-reports/${id}/appeals`)
        .set(w.clientUser.auth)
        .send({ reason: 'again', questionKey: 'greet' })
        .expect(409);
      // two identical appeals at once: one is filed
      const racing = await Promise.all(
        [1, 2].map(() => ctx.http.post(`/visit-reports/${id}/appeals`).set(w.clientUser.auth).send({ reason: 'whole visit' })),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.clientUser.auth).send({ reason: 'x', questionKey: 'nope' }).expect(422);
      await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.otherClientUser.auth).send({ reason: 'x' }).expect(404);
      await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.shopper.auth).send({ reason: 'x' }).expect(403);
      await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.clientUser.auth).send({}).expect(400);
      const pending = await submitted();
      await ctx.http.post(`/visit-reports/${pending.id}/appeals`).set(w.clientUser.auth).send({ reason: 'x' }).expect(404);
    });

    it('lists appeals: consultants all, client users their own client only, without shopper identity', async () => {
      const { id } = await approved();
      const filed = await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.clientUser.auth).send({ reason: 'Unfair' }).expect(201);
      const staff = await ctx.http.get('/appeals?status=open').set(w.consultant.auth).expect(200);
      expect(staff.body.map((a: { id: string }) => a.id)).toContain(filed.body.id);
      const own = await ctx.http.get('/appeals').set(w.clientUser.auth).expect(200);
      expect(own.body.map((a: { id: string }) => a.id)).toContain(filed.body.id);
      expect(JSON.stringify(own.body)).not.toContain(w.shopper.user.id);
      const other = await ctx.http.get('/appeals').set(w.otherClientUser.auth).expect(200);
      expect(other.body).toEqual([]);
      await ctx.http.get('/appeals').set(w.shopper.auth).expect(403);
    });

    it('upholds an appeal (200) without touching the visit; resolving again is 409', async () => {
      const { id } = await approved();
      const appeal = await ctx.http.post(`/visit-reports/${id}/appeals`).set(w.clientUser.auth).send({ reason: 'Unfair' }).expect(201);
      const response = await ctx.http
        .post(`/appeals/${appeal.body.id}/resolve`)
        .set(w.consultant.auth)
        .send({ decision: 'upheld', comment: 'Video confirms' })
        .expect(200);
      expect(response.body).toMatchObject({
        id: appeal.body.id,
        status: 'upheld',
        resolutionComment: 'Video confirms',
        report: { id, version: 2 },
      });
      expect(response.body.report.score).toBeCloseTo(GOOD_SCORE, 9);
      await ctx.http
        .post(`/appeals/${appeal.body.id}/resolve`)
        .set(w.consultant.auth)
        .send({ decision: 'overturned', answers: [{ questionKey: 'greet', value: false }] })
        .expect(409);
      await ctx.http.post(`/appeals/${appeal.body.id}/resolve`).set(w.clientUser.auth).send({ decision: 'upheld' }).expect(403);
    });

    it('overturns an appeal through the audited, re-scoring edit path', async () => {
      const { id } = await approved(reportBody({ answers: goodAnswers({ privacy: false }) }));
      const appeal = await ctx.http
        .post(`/visit-reports/${id}/appeals`)
        .set(w.clientUser.auth)
        .send({ reason: 'Data was protected', questionKey: 'privacy' })
        .expect(201);
      await ctx.http.post(`/appeals/${appeal.body.id}/resolve`).set(w.consultant.auth).send({ decision: 'overturned' }).expect(422);
      await ctx.http.post(`/appeals/${appeal.body.id}/resolve`).set(w.consultant.auth).send({ decision: 'maybe' }).expect(400);
      const response = await ctx.http
        .post(`/appeals/${appeal.body.id}/resolve`)
        .set(w.consultant.auth)
        .send({ decision: 'overturned', answers: [{ questionKey: 'privacy', value: true }], comment: 'Recording shows consent' })
        .expect(200);
      expect(response.body).toMatchObject({ status: 'overturned', report: { id, version: 3, knockout: false } });
      // knocked out 200/7 before; now the good score
      expect(response.body.report.score).toBeCloseTo(GOOD_SCORE, 9);
      const view = await get(w.clientUser, id).expect(200);
      expect(view.body).toMatchObject({ status: 'approved', knockout: false });
      const audit = await ctx.http.get(`/visit-reports/${id}/audit`).set(w.consultant.auth).expect(200);
      expect(audit.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: 'answers.privacy',
            old: { value: false },
            new: { value: true },
            reason: `appeal ${appeal.body.id} overturned: Recording shows consent`,
          }),
        ]),
      );
      const alerts = await ctx.db.query('SELECT count(*)::int AS n FROM alerts WHERE visit_report_id = $1', [id]);
      expect(alerts[0].n).toBe(0);
    });
  });
  describe('answer tallies (what full-wave KPI reports count)', () => {
    /** The campaign's approved answers, counted straight from visit_answers, as the tallies key them. */
    const recount = () =>
      ctx.db.query(
        `SELECT vr.touchpoint_id, a.scenario_key, va.question_key, va.earned, va.counted, va.passed, count(*)::int AS n
           FROM visit_answers va JOIN visit_reports vr ON vr.id = va.visit_report_id JOIN assignments a ON a.id = vr.assignment_id
          WHERE vr.campaign_id = $1 AND vr.status = 'approved'
          GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
        [w.campaignId],
      );
    const tallies = () =>
      ctx.db.query(
        `SELECT touchpoint_id, scenario_key, question_key, earned, counted, passed, sum(n)::int AS n
           FROM answer_tallies WHERE campaign_id = $1
          GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
        [w.campaignId],
      );
    const greetTally = async (value: string) =>
      Number(
        (
          await ctx.db.query(
            `SELECT COALESCE(sum(n), 0) AS n FROM answer_tallies WHERE campaign_id = $1 AND question_key = 'greet' AND value = $2`,
            [w.campaignId, value],
          )
        )[0].n,
      );

    it('follow approvals, edits of approved reports, appeal overturns and returns', async () => {
      const before = { yes: await greetTally('true'), no: await greetTally('false') };
      const report = await submitted();
      expect(await greetTally('true')).toBe(before.yes); // submitted: not counted yet
      await ctx.http.post(`/visit-reports/${report.id}/approve`).set(w.consultant.auth).expect(200);
      expect(await greetTally('true')).toBe(before.yes + 1);
      expect(await tallies()).toEqual(await recount());

      await patch(report.id, { version: 2, answers: [{ questionKey: 'greet', value: false }], reason: 'Video shows no greeting' }).expect(
        200,
      );
      expect(await greetTally('true')).toBe(before.yes);
      expect(await greetTally('false')).toBe(before.no + 1);
      expect(await tallies()).toEqual(await recount());

      const appeal = await ctx.http
        .post(`/visit-reports/${report.id}/appeals`)
        .set(w.clientUser.auth)
        .send({ reason: 'They did greet', questionKey: 'greet' })
        .expect(201);
      await ctx.http
        .post(`/appeals/${appeal.body.id}/resolve`)
        .set(w.consultant.auth)
        .send({ decision: 'overturned', answers: [{ questionKey: 'greet', value: true }], comment: 'Audio has the greeting' })
        .expect(200);
      expect(await greetTally('true')).toBe(before.yes + 1);
      expect(await greetTally('false')).toBe(before.no);
      expect(await tallies()).toEqual(await recount());

      const returned = await submitted();
      await ctx.http.post(`/visit-reports/${returned.id}/return`).set(w.consultant.auth).send({ comment: 'Add the wait time' }).expect(200);
      expect(await greetTally('true')).toBe(before.yes + 1);
      expect(await tallies()).toEqual(await recount());
    });
  });
});
