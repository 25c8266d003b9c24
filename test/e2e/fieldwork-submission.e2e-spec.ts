// POST /assignments/:id/report: validation, scoring, stored rows, idempotency, integrity signals.
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, Session } from '../factories/users.factory';
import {
  FieldworkWorld,
  fieldworkCampaign,
  GOOD_SCORE,
  HOUR,
  goodAnswers,
  newKey,
  reportBody,
  seedFieldwork,
} from '../factories/fieldwork.factory';
import { AssignmentInput, insertAssignment, insertCampaign, insertTouchpoint } from '../factories/tables.factory';

describe('field work: report submission', () => {
  let ctx: TestContext;
  let w: FieldworkWorld;

  beforeAll(async () => {
    ctx = await createTestApp();
    w = await seedFieldwork(ctx);
  }, 60_000);
  afterAll(() => ctx.close(), 60_000);

  const assigned = async (shopper: Session = w.shopper, overrides: Partial<AssignmentInput> = {}) =>
    (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: shopper.user.id, ...overrides }))
      .id;
  const submit = (session: Session, assignmentId: string, body: object, key: string | null = newKey()) => {
    const req = ctx.http.post(`/assignments/${assignmentId}/report`).set(session.auth);
    if (key !== null) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  const count = async (sql: string, params: unknown[]) => Number((await ctx.db.query(sql, params))[0].n);

  it('scores and stores a valid report in one go', async () => {
    const id = await assigned();
    const response = await submit(
      w.shopper,
      id,
      reportBody({ narrative: 'Friendly staff at the counter, quick answer.', expenses: 3.5 }),
    ).expect(201);
    expect(response.body).toMatchObject({ assignmentId: id, status: 'submitted', knockout: false, version: 1 });
    // 1825/21, see the factory
    expect(response.body.score).toBeCloseTo(GOOD_SCORE, 9);
    expect(response.body.sections).toEqual([
      { key: 'greeting', score: expect.closeTo(600 / 7, 9) },
      { key: 'service', score: 87.5 },
    ]);
    // greet 2/2, clean 1/1, friendly 3/4, wait 1/2, privacy 1/1, solved 2/2 (follow hidden), product 3/3
    expect(response.body.dimensions).toEqual([
      { key: 'protocol', score: 100 },
      { key: 'appearance', score: 100 },
      { key: 'empathy', score: 75 },
      { key: 'speed', score: 50 },
      { key: 'data_security', score: 100 },
      { key: 'resolution', score: 100 },
      { key: 'knowledge', score: 100 },
    ]);

    const [report] = await ctx.db.query('SELECT * FROM visit_reports WHERE assignment_id = $1', [id]);
    expect(report).toMatchObject({
      id: response.body.id,
      status: 'submitted',
      knockout: false,
      wait_seconds: 200,
      response_seconds: null,
      fcr: true,
      version: 1,
      expenses: '3.50',
      shopper_id: w.shopper.user.id,
    });
    expect(report.score).toBeCloseTo(GOOD_SCORE, 9);

    const answers = await ctx.db.query('SELECT * FROM visit_answers WHERE visit_report_id = $1 ORDER BY question_key', [report.id]);
    expect(answers).toHaveLength(10); // every question of the questionnaire
    const byKey = Object.fromEntries(answers.map((row: { question_key: string }) => [row.question_key, row]));
    expect(byKey.friendly).toMatchObject({
      campaign_id: w.campaignId,
      section_key: 'greeting',
      value: 4,
      na: false,
      applicable: true,
      counted: true,
      earned: 3,
      possible: 4,
      passed: false,
    });
    expect(byKey.reply).toMatchObject({ applicable: false, counted: false, value: null, earned: null, possible: null, passed: null });
    expect(byKey.follow).toMatchObject({ applicable: false, counted: false });
    expect(byKey.note).toMatchObject({ applicable: true, counted: false, value: null });
    expect(byKey.product).toMatchObject({ value: 'accurate', counted: true, earned: 3, possible: 3, passed: true });

    const sections = await ctx.db.query(
      'SELECT section_key, score, earned, possible, weight, knocked_out FROM visit_section_scores WHERE visit_report_id = $1 ORDER BY section_key',
      [report.id],
    );
    expect(sections).toEqual([
      { section_key: 'greeting', score: expect.closeTo(600 / 7, 9), earned: 6, possible: 7, weight: 1, knocked_out: false },
      { section_key: 'service', score: 87.5, earned: 7, possible: 8, weight: 2, knocked_out: false },
    ]);
    expect(await count('SELECT count(*) AS n FROM visit_dimension_scores WHERE visit_report_id = $1', [report.id])).toBe(7);
    expect((await ctx.db.query('SELECT status FROM assignments WHERE id = $1', [id]))[0].status).toBe('submitted');
    expect(await count('SELECT count(*) AS n FROM alerts WHERE visit_report_id = $1', [report.id])).toBe(0);
  });

  it('needs an Idempotency-Key (400) and stores nothing without one', async () => {
    const id = await assigned();
    const response = await submit(w.shopper, id, reportBody(), null).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [id])).toBe(0);
  });

  it('answers 422 listing every problem with the answers, and stores nothing', async () => {
    const id = await assigned();
    const answers = [
      { questionKey: 'clean', na: true }, // allowed N/A
      { questionKey: 'friendly', value: 9 }, // out of range
      { questionKey: 'wait', value: 'slow' }, // wrong type
      { questionKey: 'privacy', na: true }, // N/A not allowed
      { questionKey: 'solved', value: true },
      { questionKey: 'follow', value: true }, // hidden: solved is true
      { questionKey: 'product', value: 'great' }, // not an option
      { questionKey: 'note', value: 'short' }, // minLength 10
      { questionKey: 'reply', value: 30 }, // email only
      { questionKey: 'mystery', value: true }, // unknown
      // greet missing (required)
    ];
    const key = newKey();
    const response = await submit(w.shopper, id, reportBody({ answers }), key).expect(422);
    expect(response.body.code).toBe('ANSWERS_INVALID');
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['greet', 'friendly', 'wait', 'privacy', 'follow', 'product', 'note', 'reply', 'answers[9].questionKey']),
    );
    expect(fields).not.toContain('clean');
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM idempotency_records WHERE key = $1', [key])).toBe(0);
    expect((await ctx.db.query('SELECT status FROM assignments WHERE id = $1', [id]))[0].status).toBe('assigned');
    // the same key can then carry the corrected report
    await submit(w.shopper, id, reportBody(), key).expect(201);
  });

  it('answers 400 to a malformed body naming the field', async () => {
    const id = await assigned();
    const objectValue = await submit(w.shopper, id, reportBody({ answers: [{ questionKey: 'greet', value: { yes: true } }] })).expect(400);
    expect(objectValue.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'answers[0].value' })]));
    const unknownField = await submit(w.shopper, id, reportBody({ rating: 5 })).expect(400);
    expect(unknownField.body.details).toEqual([expect.objectContaining({ field: 'rating' })]);
    await submit(w.shopper, id, reportBody({ visitedAt: 'yesterday' })).expect(400);
  });

  it('answers 422 when visitedAt is outside the window', async () => {
    const id = await assigned(w.shopper, {
      windowStart: new Date(Date.now() - 2 * 24 * HOUR),
      windowEnd: new Date(Date.now() + 24 * HOUR),
    });
    const before = await submit(w.shopper, id, reportBody({ visitedAt: new Date(Date.now() - 3 * 24 * HOUR).toISOString() })).expect(422);
    expect(before.body.details).toEqual([expect.objectContaining({ field: 'visitedAt' })]);
    expect(before.body.code).toBe('OUTSIDE_WINDOW');
    await submit(w.shopper, id, reportBody({ visitedAt: new Date(Date.now() + 2 * 24 * HOUR).toISOString() })).expect(422);
  });

  it('accepts a report only from the assigned shopper (others 404, consultants 403)', async () => {
    const id = await assigned();
    const other = await createUser(ctx.http, w.admin, { role: 'shopper' });
    await submit(other, id, reportBody()).expect(404);
    await submit(w.consultant, id, reportBody()).expect(403);
    const open = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId })).id;
    await submit(w.shopper, open, reportBody()).expect(404);
  });

  it('answers 409 once the assignment is submitted, and while the campaign is not active', async () => {
    const id = await assigned();
    await submit(w.shopper, id, reportBody()).expect(201);
    const again = await submit(w.shopper, id, reportBody()).expect(409);
    expect(again.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
    expect(again.body.code).toBe('INVALID_TRANSITION');

    const closed = (
      await insertCampaign(ctx.db, {
        ...fieldworkCampaign(),
        clientId: w.clientId,
        questionnaireId: w.questionnaireId,
        touchpointIds: [w.touchpointId],
        status: 'closed',
      })
    ).id;
    const inClosed = (await insertAssignment(ctx.db, { campaignId: closed, touchpointId: w.touchpointId, shopperId: w.shopper.user.id }))
      .id;
    const response = await submit(w.shopper, inClosed, reportBody()).expect(409);
    expect(response.body.message).toContain('closed');
    expect(response.body.code).toBe('CAMPAIGN_NOT_ACTIVE');
  });

  it('gives the same answer to a retry with the same key and body, and 409 to the same key with another body', async () => {
    const id = await assigned();
    const key = newKey();
    const first = await submit(w.shopper, id, reportBody({ visitedAt: new Date(Date.now() - HOUR).toISOString() }), key).expect(201);
    const [{ visited_at: visitedAt }] = await ctx.db.query('SELECT visited_at FROM visit_reports WHERE id = $1', [first.body.id]);
    const retryBody = reportBody({ visitedAt: new Date(visitedAt).toISOString() });
    const retry = await submit(w.shopper, id, retryBody, key).expect(201);
    expect(retry.body).toEqual(first.body);
    // field order does not matter
    const reordered = {
      answers: retryBody.answers.map(({ value, questionKey }) => ({ value, questionKey })),
      visitedAt: retryBody.visitedAt,
    };
    expect((await submit(w.shopper, id, reordered, key).expect(201)).body).toEqual(first.body);

    const different = await submit(
      w.shopper,
      id,
      reportBody({ visitedAt: retryBody.visitedAt, answers: goodAnswers({ greet: false }) }),
      key,
    ).expect(409);
    expect(different.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(different.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // the key is the shopper's own: another assignment with it is a different request too
    const second = await assigned();
    await submit(w.shopper, second, retryBody, key).expect(409);
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [second])).toBe(0);
  });

  it('stores exactly one visit when twenty identical requests race with one key, and all get the same answer', async () => {
    const id = await assigned();
    const key = newKey();
    const body = reportBody();
    // More racers than the test pool's 5 connections, so some queue for a connection while others hold the lock.
    const racers = 20;
    const responses = await Promise.all(Array.from({ length: racers }, () => submit(w.shopper, id, body, key)));
    expect(responses.map((r) => r.status)).toEqual(Array(racers).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    for (const response of responses) expect(response.body).toEqual(responses[0].body);
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM visit_answers WHERE visit_report_id = $1', [[...ids][0]])).toBe(10);
    expect(await count('SELECT count(*) AS n FROM idempotency_records WHERE shopper_id = $1 AND key = $2', [w.shopper.user.id, key])).toBe(
      1,
    );
  });

  it('lets exactly one of several racing submissions with different keys through', async () => {
    const id = await assigned();
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(w.shopper, id, reportBody())));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await count('SELECT count(*) AS n FROM visit_reports WHERE assignment_id = $1', [id])).toBe(1);
  });

  it('knocks out a section for a failed section-scope critical question and raises alerts', async () => {
    const id = await assigned();
    const response = await submit(w.shopper, id, reportBody({ answers: goodAnswers({ privacy: false }) })).expect(201);
    // service knocked out to 0: (600/7 × 1 + 0 × 2) / 3 = 200/7
    expect(response.body.knockout).toBe(true);
    expect(response.body.score).toBeCloseTo(200 / 7, 9);
    expect(response.body.sections).toEqual([
      { key: 'greeting', score: expect.closeTo(600 / 7, 9) },
      { key: 'service', score: 0 },
    ]);
    const alerts = await ctx.db.query(
      'SELECT kind, question_key, campaign_id, touchpoint_id FROM alerts WHERE visit_report_id = $1 ORDER BY kind',
      [response.body.id],
    );
    expect(alerts).toEqual([
      { kind: 'critical_failed', question_key: 'privacy', campaign_id: w.campaignId, touchpoint_id: w.touchpointId },
      { kind: 'knockout', question_key: null, campaign_id: w.campaignId, touchpoint_id: w.touchpointId },
    ]);
  });

  it('sets the whole visit to 0 for a failed visit-scope critical question', async () => {
    const id = await assigned();
    const response = await submit(w.shopper, id, reportBody({ answers: goodAnswers({ product: 'wrong' }) })).expect(201);
    expect(response.body).toMatchObject({ score: 0, knockout: true });
    // the sections keep their own scores: service (1 + 1 + 2 + 0) / 8 = 50
    expect(response.body.sections[1]).toEqual({ key: 'service', score: 50 });
  });

  it('scores per channel: an email touchpoint asks for the reply time, not the wait', async () => {
    const email = (await insertTouchpoint(ctx.db, { clientId: w.clientId, timeZone: 'UTC', channel: 'email', name: 'Inbox' })).id;
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: email, shopperId: w.shopper.user.id })).id;
    const waitOnEmail = await submit(w.shopper, id, reportBody()).expect(422);
    // the wait is not asked on email, and the (required) reply time is missing
    expect(waitOnEmail.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['reply', 'wait']);
    const response = await submit(w.shopper, id, reportBody({ answers: goodAnswers({ wait: undefined, reply: 1800 }) })).expect(201);
    // service: reply 2/2, privacy 1/1, solved 2/2, product 3/3 = 100; visit (600/7 + 200) / 3
    expect(response.body.score).toBeCloseTo((600 / 7 + 200) / 3, 9);
    const [report] = await ctx.db.query('SELECT wait_seconds, response_seconds FROM visit_reports WHERE id = $1', [response.body.id]);
    expect(report).toEqual({ wait_seconds: null, response_seconds: 1800 });
  });

  it('stores integrity signals (outside opening hours, duplicate narrative) without blocking', async () => {
    const hours = {
      mon: [{ opens: '09:00', closes: '18:00' }],
      tue: [{ opens: '09:00', closes: '18:00' }],
      wed: [{ opens: '09:00', closes: '18:00' }],
      thu: [{ opens: '09:00', closes: '18:00' }],
      fri: [{ opens: '09:00', closes: '18:00' }],
      sat: [{ opens: '09:00', closes: '18:00' }],
      sun: [{ opens: '09:00', closes: '18:00' }],
    };
    const shop = (await insertTouchpoint(ctx.db, { clientId: w.clientId, openingHours: hours, timeZone: 'UTC' })).id;
    const first = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: shop, shopperId: w.shopper.user.id })).id;
    const second = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: shop, shopperId: w.shopper.user.id })).id;
    const lateAtNight = new Date(Date.now() - 24 * HOUR);
    lateAtNight.setUTCHours(3, 0, 0, 0); // 03:00 UTC, yesterday: closed
    const duringHours = new Date(Date.now() - 24 * HOUR);
    duringHours.setUTCHours(12, 0, 0, 0);

    const narrative = 'The clerk was kind and explained the card fees clearly.';
    const a = await submit(w.shopper, first, reportBody({ visitedAt: lateAtNight.toISOString(), narrative })).expect(201);
    const b = await submit(
      w.shopper,
      second,
      reportBody({ visitedAt: duringHours.toISOString(), narrative: '  the CLERK was kind, and explained the card fees clearly!! ' }),
    ).expect(201);
    const [ra] = await ctx.db.query('SELECT integrity_signals FROM visit_reports WHERE id = $1', [a.body.id]);
    const [rb] = await ctx.db.query('SELECT integrity_signals FROM visit_reports WHERE id = $1', [b.body.id]);
    expect(ra.integrity_signals).toEqual([expect.objectContaining({ kind: 'outside_opening_hours' })]);
    expect(rb.integrity_signals).toEqual([{ kind: 'duplicate_narrative', reason: expect.stringContaining(a.body.id) }]);
  });
});
