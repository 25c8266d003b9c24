// Assignments: listing and the job board, visibility, claiming and manual assignment with the rules, expiry.
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, Session } from '../factories/users.factory';
import { DAY, fieldworkCampaign, FieldworkWorld, seedFieldwork } from '../factories/fieldwork.factory';
import { insertAssignment, insertCampaign, insertTouchpoint } from '../factories/tables.factory';

describe('field work: assignments', () => {
  let ctx: TestContext;
  let w: FieldworkWorld;

  beforeAll(async () => {
    ctx = await createTestApp({ MAX_ACTIVE_ASSIGNMENTS: '3', MAX_VISITS_PER_DAY: '2', ROTATION_DAYS: '90' });
    w = await seedFieldwork(ctx);
  }, 60_000);
  afterAll(() => ctx.close(), 60_000);

  const newShopper = (conflictClientIds?: string[]) => createUser(ctx.http, w.admin, { role: 'shopper', conflictClientIds });
  const statusOf = async (id: string) => (await ctx.db.query('SELECT status, shopper_id FROM assignments WHERE id = $1', [id]))[0];
  const claim = (session: Session, id: string) => ctx.http.post(`/assignments/${id}/claim`).set(session.auth);
  const newTouchpoint = async () => (await insertTouchpoint(ctx.db, { clientId: w.clientId, timeZone: 'UTC' })).id;

  it("gives whoever may read an assignment its campaign's questionnaire (the visit form), and nobody else", async () => {
    const tp = (await insertTouchpoint(ctx.db, { clientId: w.clientId, timeZone: 'UTC', name: 'Formulario' })).id;
    const campaign = (
      await insertCampaign(ctx.db, {
        ...fieldworkCampaign(),
        clientId: w.clientId,
        questionnaireId: w.questionnaireId,
        touchpointIds: [tp],
      })
    ).id;
    const open = (await insertAssignment(ctx.db, { campaignId: campaign, touchpointId: tp })).id;
    const theirs = (await insertAssignment(ctx.db, { campaignId: campaign, touchpointId: tp, shopperId: w.shopper.user.id })).id;
    const someoneElse = await newShopper();
    const form = await ctx.http.get(`/assignments/${open}/questionnaire`).set(someoneElse.auth).expect(200);
    const stored = (await ctx.db.query('SELECT definition FROM questionnaires WHERE id = $1', [w.questionnaireId]))[0];
    expect(form.body).toMatchObject({ id: w.questionnaireId, sections: stored.definition.sections });
    await ctx.http.get(`/assignments/${theirs}/questionnaire`).set(w.shopper.auth).expect(200);
    await ctx.http.get(`/assignments/${theirs}/questionnaire`).set(someoneElse.auth).expect(404);
    await ctx.http.get(`/assignments/${theirs}/questionnaire`).set(w.consultant.auth).expect(200);
  });

  it('lists assignments for consultants in the documented shape, filtered by campaign and status', async () => {
    const tp = (await insertTouchpoint(ctx.db, { clientId: w.clientId, timeZone: 'UTC', name: 'Sol', region: 'Norte', city: 'Bilbao' })).id;
    const campaign = (
      await insertCampaign(ctx.db, {
        ...fieldworkCampaign(),
        clientId: w.clientId,
        questionnaireId: w.questionnaireId,
        touchpointIds: [tp],
      })
    ).id;
    const plannedAt = new Date(Date.now() - DAY);
    const id = (await insertAssignment(ctx.db, { campaignId: campaign, touchpointId: tp, plannedAt, fee: 30 })).id;
    await insertAssignment(ctx.db, { campaignId: campaign, touchpointId: tp, shopperId: w.shopper.user.id });

    const all = await ctx.http.get(`/assignments?campaignId=${campaign}`).set(w.consultant.auth).expect(200);
    expect(all.body).toHaveLength(2);
    const open = await ctx.http.get(`/assignments?campaignId=${campaign}&status=open`).set(w.consultant.auth).expect(200);
    expect(open.body).toEqual([
      {
        id,
        campaignId: campaign,
        touchpoint: { id: tp, name: 'Sol', channel: 'in_person', region: 'Norte', city: 'Bilbao' },
        scenario: { key: 'card', title: 'Credit card cost', brief: 'Ask what the credit card costs' },
        windowStart: expect.any(String),
        windowEnd: expect.any(String),
        plannedAt: plannedAt.toISOString(),
        status: 'open',
        shopperId: null,
        fee: 30,
        questionnaireId: w.questionnaireId,
        reportId: null,
      },
    ]);
    const page = await ctx.http.get(`/assignments?campaignId=${campaign}&limit=1&offset=1`).set(w.consultant.auth).expect(200);
    expect(page.body).toHaveLength(1);
    await ctx.http.get('/assignments?limit=501').set(w.consultant.auth).expect(200); // capped to 500
    await ctx.http.get('/assignments?limit=0').set(w.consultant.auth).expect(400);
    await ctx.http.get('/assignments?status=lost').set(w.consultant.auth).expect(400);
  });

  it('shows a shopper their own work and, with status=open, the job board without conflicting clients', async () => {
    const other = await newShopper();
    const mine = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: other.user.id })).id;
    const theirs = (
      await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
    ).id;
    const job = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId })).id;
    const draft = (
      await insertCampaign(ctx.db, {
        ...fieldworkCampaign(),
        clientId: w.clientId,
        questionnaireId: w.questionnaireId,
        touchpointIds: [w.touchpointId],
        status: 'draft',
      })
    ).id;
    const draftJob = (await insertAssignment(ctx.db, { campaignId: draft, touchpointId: w.touchpointId })).id;

    const own = await ctx.http.get('/assignments').set(other.auth).expect(200);
    expect(own.body.map((a: { id: string }) => a.id)).toEqual([mine]);
    const board = await ctx.http.get('/assignments?status=open').set(other.auth).expect(200);
    const boardIds = board.body.map((a: { id: string }) => a.id);
    expect(boardIds).toContain(job);
    expect(boardIds).not.toContain(theirs);
    expect(boardIds).not.toContain(draftJob);

    const conflicted = await newShopper([w.clientId]);
    const conflictedBoard = await ctx.http.get('/assignments?status=open').set(conflicted.auth).expect(200);
    expect(conflictedBoard.body.map((a: { id: string }) => a.id)).not.toContain(job);

    await ctx.http.get('/assignments').set(w.clientUser.auth).expect(403);
  });

  it('lets the assigned shopper, consultants and (while open) any shopper read an assignment; others get 404', async () => {
    const other = await newShopper();
    const assigned = (
      await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId, shopperId: w.shopper.user.id })
    ).id;
    const open = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: w.touchpointId })).id;
    await ctx.http.get(`/assignments/${assigned}`).set(w.shopper.auth).expect(200);
    await ctx.http.get(`/assignments/${assigned}`).set(w.consultant.auth).expect(200);
    await ctx.http.get(`/assignments/${assigned}`).set(other.auth).expect(404);
    const seen = await ctx.http.get(`/assignments/${open}`).set(other.auth).expect(200);
    expect(seen.body).toMatchObject({ id: open, status: 'open', shopperId: null });
    await ctx.http.get(`/assignments/${open}`).set(w.clientUser.auth).expect(403);
    await ctx.http.get('/assignments/00000000-0000-4000-8000-000000000000').set(w.consultant.auth).expect(404);
  });

  it('lets a shopper claim an open job (200) and then answers 409 to claiming it again', async () => {
    const shopper = await newShopper();
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    const response = await claim(shopper, id).expect(200);
    expect(response.body).toMatchObject({ id, status: 'assigned', shopperId: shopper.user.id });
    expect(await statusOf(id)).toEqual({ status: 'assigned', shopper_id: shopper.user.id });
    await claim(shopper, id).expect(409);
    const other = await newShopper();
    await claim(other, id).expect(404); // now someone else's
    await claim(w.consultant, id).expect(403);
  });

  it('gives a job to exactly one of several shoppers claiming it at once', async () => {
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    const shoppers = await Promise.all(Array.from({ length: 6 }, () => newShopper()));
    const responses = await Promise.all(shoppers.map((s) => claim(s, id)));
    const winners = responses.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(responses.every((r) => [200, 404, 409].includes(r.status))).toBe(true);
    expect((await statusOf(id)).shopper_id).toBe(winners[0].body.shopperId);
  });

  it('refuses a conflict of interest with 409 naming the rule', async () => {
    const shopper = await newShopper([w.clientId]);
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    const response = await claim(shopper, id).expect(409);
    expect(response.body.code).toBe('CONFLICT_OF_INTEREST');
    expect(response.body.details).toEqual([
      { field: 'shopper', reason: expect.stringMatching(/^This shopper declared a conflict of interest/) },
    ]);
    expect(response.body.message).toMatch(/^This assignment cannot go to this shopper\. This shopper declared a conflict of interest/);
    expect(await statusOf(id)).toEqual({ status: 'open', shopper_id: null });
  });

  it('refuses a touchpoint the shopper evaluated within the rotation period', async () => {
    const shopper = await newShopper();
    const tp = await newTouchpoint();
    await insertAssignment(ctx.db, {
      campaignId: w.campaignId,
      touchpointId: tp,
      shopperId: shopper.user.id,
      status: 'approved',
      plannedAt: new Date(Date.now() - 10 * DAY),
    });
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: tp })).id;
    const response = await claim(shopper, id).expect(409);
    expect(response.body.code).toBe('ROTATION_RULE');
    expect(response.body.details).toEqual([{ field: 'shopper', reason: expect.stringContaining('the rotation period is') }]);
  });

  it('refuses more than MAX_ACTIVE_ASSIGNMENTS at once', async () => {
    const shopper = await newShopper();
    for (let i = 0; i < 3; i++) {
      await insertAssignment(ctx.db, {
        campaignId: w.campaignId,
        touchpointId: await newTouchpoint(),
        shopperId: shopper.user.id,
        plannedAt: new Date(Date.now() - (i + 2) * DAY),
      });
    }
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    const response = await claim(shopper, id).expect(409);
    expect(response.body.code).toBe('MAX_ACTIVE_ASSIGNMENTS');
    expect(response.body.details).toEqual([{ field: 'shopper', reason: expect.stringContaining('active assignments; the maximum is 3') }]);
  });

  it('refuses more than MAX_VISITS_PER_DAY on one day, also for a consultant assigning', async () => {
    const shopper = await newShopper();
    const day = new Date(Date.now() + DAY);
    day.setUTCHours(10, 0, 0, 0);
    for (let i = 0; i < 2; i++) {
      await insertAssignment(ctx.db, {
        campaignId: w.campaignId,
        touchpointId: await newTouchpoint(),
        shopperId: shopper.user.id,
        status: 'submitted',
        plannedAt: new Date(day.getTime() + i * 3600_000),
      });
    }
    const id = (
      await insertAssignment(ctx.db, {
        campaignId: w.campaignId,
        touchpointId: await newTouchpoint(),
        plannedAt: new Date(day.getTime() + 4 * 3600_000),
      })
    ).id;
    const response = await ctx.http
      .post(`/assignments/${id}/assign`)
      .set(w.consultant.auth)
      .send({ shopperId: shopper.user.id })
      .expect(409);
    expect(response.body.code).toBe('MAX_VISITS_PER_DAY');
    expect(response.body.details).toEqual([
      { field: 'shopper', reason: expect.stringContaining('visits on that day; the maximum is 2 a day') },
    ]);
  });

  it('lets a consultant assign an open job (200), and validates the body', async () => {
    const shopper = await newShopper();
    const id = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    const response = await ctx.http
      .post(`/assignments/${id}/assign`)
      .set(w.consultant.auth)
      .send({ shopperId: shopper.user.id })
      .expect(200);
    expect(response.body).toMatchObject({ id, status: 'assigned', shopperId: shopper.user.id });
    const again = await ctx.http.post(`/assignments/${id}/assign`).set(w.consultant.auth).send({ shopperId: shopper.user.id }).expect(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    await ctx.http.post(`/assignments/${id}/assign`).set(w.consultant.auth).send({}).expect(400);
    const other = (await insertAssignment(ctx.db, { campaignId: w.campaignId, touchpointId: await newTouchpoint() })).id;
    await ctx.http.post(`/assignments/${other}/assign`).set(w.consultant.auth).send({ shopperId: w.consultant.user.id }).expect(404);
    await ctx.http.post(`/assignments/${other}/assign`).set(shopper.auth).send({ shopperId: shopper.user.id }).expect(403);
  });

  it('refuses jobs of campaigns that are not active', async () => {
    const draft = (
      await insertCampaign(ctx.db, {
        ...fieldworkCampaign(),
        clientId: w.clientId,
        questionnaireId: w.questionnaireId,
        touchpointIds: [w.touchpointId],
        status: 'draft',
      })
    ).id;
    const id = (await insertAssignment(ctx.db, { campaignId: draft, touchpointId: await newTouchpoint() })).id;
    const shopper = await newShopper();
    const response = await claim(shopper, id).expect(409);
    expect(response.body.message).toContain('draft');
    expect(response.body.code).toBe('CAMPAIGN_NOT_ACTIVE');
  });

  it('expires open jobs past their window (in SQL) and answers 409 WINDOW_CLOSED to claims', async () => {
    const { id } = await insertAssignment(ctx.db, {
      campaignId: w.campaignId,
      touchpointId: await newTouchpoint(),
      windowStart: new Date(Date.now() - 5 * DAY),
      windowEnd: new Date(Date.now() - DAY),
      plannedAt: new Date(Date.now() - 3 * DAY),
    });
    const { id: late } = await insertAssignment(ctx.db, {
      campaignId: w.campaignId,
      touchpointId: w.touchpointId,
      shopperId: w.shopper.user.id,
      windowStart: new Date(Date.now() - 9 * DAY),
      windowEnd: new Date(Date.now() - 5 * DAY),
      plannedAt: new Date(Date.now() - 6 * DAY),
    });
    const { id: recent } = await insertAssignment(ctx.db, {
      campaignId: w.campaignId,
      touchpointId: w.touchpointId,
      shopperId: w.shopper.user.id,
      windowStart: new Date(Date.now() - 5 * DAY),
      windowEnd: new Date(Date.now() - DAY),
      plannedAt: new Date(Date.now() - 3 * DAY),
    });
    await ctx.http.get('/assignments').set(w.consultant.auth).expect(200);
    expect((await statusOf(id)).status).toBe('expired');
    expect((await statusOf(late)).status).toBe('expired'); // assigned, 5 days past the window: beyond the 2-day grace
    expect((await statusOf(recent)).status).toBe('assigned'); // still within the grace for a late upload
    const shopper = await newShopper();
    const response = await claim(shopper, id).expect(409);
    expect(response.body.code).toBe('WINDOW_CLOSED');
    expect(response.body.message).toMatch(/^This assignment has expired: the window for this visit ended at /);
  });
});
