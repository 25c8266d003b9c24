// A consultant takes a job back, gives it to someone else (under the same rules), or cancels it; each
// change is in the audit log.
import { createTestApp, TestContext } from '../helpers/test-app';
import { createActiveCampaign, isoDate } from '../factories/design.factory';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape } from '../helpers/errors';

describe('administration: assignments', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;
  let other: Session;
  let campaign: { id: string; clientId: string };
  let jobs: string[];

  beforeAll(async () => {
    // Rotation off: the jobs share one touchpoint, and this file is about the moves, not that rule.
    ctx = await createTestApp({ TIME_ZONE: 'Europe/Madrid', ROTATION_DAYS: '0' });
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    shopper = await createUser(ctx.http, admin, { role: 'shopper' });
    other = await createUser(ctx.http, admin, { role: 'shopper' });
    campaign = await createActiveCampaign(ctx.http, consultant, { visitsPerTouchpoint: 4, startsOn: isoDate(1), endsOn: isoDate(30) });
    jobs = (
      await ctx.db.query<Array<{ id: string }>>(`SELECT id FROM assignments WHERE campaign_id = $1 ORDER BY planned_at`, [campaign.id])
    ).map((r) => r.id);
  });
  afterAll(() => ctx.close());

  const audit = async (id: string) =>
    (await ctx.http.get('/audit').query({ entity: 'assignment', entityId: id }).set(admin.auth).expect(200)).body as Array<
      Record<string, unknown>
    >;

  it('unassigns an assigned job (back to open, on the board again) and audits it', async () => {
    await ctx.http.post(`/assignments/${jobs[0]}/assign`).set(consultant.auth).send({ shopperId: shopper.user.id }).expect(200);
    const open = await ctx.http.post(`/assignments/${jobs[0]}/unassign`).set(consultant.auth).expect(200);
    expect(open.body).toMatchObject({ id: jobs[0], status: 'open', shopperId: null });
    const board = await ctx.http.get('/assignments').query({ status: 'open' }).set(other.auth).expect(200);
    expect(board.body.map((a: { id: string }) => a.id)).toContain(jobs[0]);
    const refused = await ctx.http.post(`/assignments/${jobs[0]}/unassign`).set(consultant.auth);
    expectErrorShape(409, refused);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
    expect((await audit(jobs[0])).map((row) => [row.action, row.before, row.after])).toEqual([
      ['unassign', { status: 'assigned', shopperId: shopper.user.id }, { status: 'open', shopperId: null }],
      ['assign', { status: 'open', shopperId: null }, { status: 'assigned', shopperId: shopper.user.id }],
    ]);
    await ctx.http.post(`/assignments/${jobs[0]}/unassign`).set(shopper.auth).expect(403);
  });

  it('reassigns an assigned job through the assign route, checking the rules for the new shopper', async () => {
    await ctx.http.post(`/assignments/${jobs[1]}/assign`).set(consultant.auth).send({ shopperId: shopper.user.id }).expect(200);
    const conflicted = await createUser(ctx.http, admin, { role: 'shopper', conflictClientIds: [campaign.clientId] });
    const refused = await ctx.http.post(`/assignments/${jobs[1]}/assign`).set(consultant.auth).send({ shopperId: conflicted.user.id });
    expectErrorShape(409, refused);
    expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
    const same = await ctx.http.post(`/assignments/${jobs[1]}/assign`).set(consultant.auth).send({ shopperId: shopper.user.id });
    expect(same.status).toBe(409);
    const moved = await ctx.http.post(`/assignments/${jobs[1]}/assign`).set(consultant.auth).send({ shopperId: other.user.id }).expect(200);
    expect(moved.body).toMatchObject({ status: 'assigned', shopperId: other.user.id });
    expect((await audit(jobs[1]))[0]).toMatchObject({
      action: 'reassign',
      before: { shopperId: shopper.user.id },
      after: { shopperId: other.user.id },
    });
    // A shopper's claim on a held job is still refused.
    expect((await ctx.http.post(`/assignments/${jobs[1]}/claim`).set(shopper.auth)).status).toBe(404);
  });

  it('cancels one job; an approved one is final (409)', async () => {
    const cancelled = await ctx.http.post(`/assignments/${jobs[2]}/cancel`).set(consultant.auth).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await audit(jobs[2]))[0]).toMatchObject({ action: 'cancel', before: { status: 'open' }, after: { status: 'cancelled' } });
    await ctx.db.query(`UPDATE assignments SET status = 'approved', shopper_id = $2 WHERE id = $1`, [jobs[3], shopper.user.id]);
    const final = await ctx.http.post(`/assignments/${jobs[3]}/cancel`).set(consultant.auth);
    expectErrorShape(409, final);
    expect(final.body.code).toBe('INVALID_TRANSITION');
    await ctx.http.post(`/assignments/00000000-0000-4000-8000-000000000000/cancel`).set(consultant.auth).expect(404);
  });
});
