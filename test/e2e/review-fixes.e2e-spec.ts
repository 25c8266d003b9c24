// Review fixes (after the administration, hardening and code-health changes): one password policy for
// every way a password is set, and the limits on guessing a current password or a reset token.
import { randomUUID } from 'crypto';
import { createTestApp, TestContext } from '../helpers/test-app';
import sharp from 'sharp';
import { createActiveCampaign, createClient, createDraftCampaign, createTouchpoint, isoDate } from '../factories/design.factory';
import { createUser, login, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';
import { buildWorld } from '../factories/world.factory';

describe('review fixes', () => {
  let ctx: TestContext;
  let admin: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
  });
  afterAll(() => ctx.close());

  const issueReset = async (by: Session, userId: string) =>
    (await ctx.http.post(`/users/${userId}/password-reset`).set(by.auth).expect(201)).body.token as string;

  describe('one password policy', () => {
    it('refuses a POST /users password that a change or a reset would refuse, naming the field', async () => {
      const email = `${randomUUID()}@test.local`;
      for (const password of ['nine-char', 'password123', `${email.split('@')[0]}-x`]) {
        const refused = await ctx.http.post('/users').set(admin.auth).send({ email, password, role: 'shopper' });
        expectErrorShape(422, refused);
        expect(refused.body.code).toBe('PASSWORD_POLICY');
        expect(fieldsOf(refused.body)).toEqual(['password']);
      }
      await ctx.http.post('/users').set(admin.auth).send({ email, password: 'ten-chars!', role: 'shopper' }).expect(201);
      await login(ctx.http, email, 'ten-chars!');
    });
  });

  describe('one rule for who may manage whom', () => {
    it('refuses POST /users with an unknown clientId as 422 naming the field, like PATCH /users/:id', async () => {
      const body = { email: `${randomUUID()}@test.local`, password: 'a-fine-passphrase', role: 'client', clientId: randomUUID() };
      const created = await ctx.http.post('/users').set(admin.auth).send(body);
      expectErrorShape(422, created);
      expect(fieldsOf(created.body)).toEqual(['clientId']);
      const client = await createClient(ctx.http, admin);
      const user = await createUser(ctx.http, admin, { role: 'client', clientId: client.id });
      const edited = await ctx.http.patch(`/users/${user.user.id}`).set(admin.auth).send({ version: 1, clientId: body.clientId });
      expectErrorShape(422, edited);
      expect(fieldsOf(edited.body)).toEqual(['clientId']);
    });

    it('lists to a consultant only the users GET /users/:id shows them (shopper and client users)', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const listed = (await ctx.http.get('/users').query({ limit: 500 }).set(consultant.auth).expect(200)).body as Array<{
        id: string;
        role: string;
      }>;
      expect(listed.map((user) => user.id)).toContain(shopper.user.id);
      expect(listed.filter((user) => user.role !== 'shopper' && user.role !== 'client')).toEqual([]);
      for (const role of ['admin', 'consultant']) {
        expect((await ctx.http.get('/users').query({ role }).set(consultant.auth).expect(200)).body).toEqual([]);
        await ctx.http
          .get(`/users/${role === 'admin' ? admin.user.id : consultant.user.id}`)
          .set(consultant.auth)
          .expect(404);
      }
      const admins = (await ctx.http.get('/users').query({ role: 'admin' }).set(admin.auth).expect(200)).body as Array<{ id: string }>;
      expect(admins.map((user) => user.id)).toContain(admin.user.id);
    });

    it('a deactivation signs out every session for good: reactivating the account does not revive old tokens or reset links', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const token = await issueReset(admin, shopper.user.id);
      await ctx.http.get('/auth/me').set(shopper.auth).expect(200);
      await ctx.http.patch(`/users/${shopper.user.id}`).set(admin.auth).send({ version: 1, active: false }).expect(200);
      await ctx.http.get('/auth/me').set(shopper.auth).expect(401);
      await ctx.http.patch(`/users/${shopper.user.id}`).set(admin.auth).send({ version: 2, active: true }).expect(200);
      await ctx.http.get('/auth/me').set(shopper.auth).expect(401);
      expect((await ctx.http.post('/auth/password-reset').send({ token, newPassword: 'revived-link-passphrase' })).body.code).toBe(
        'RESET_TOKEN_INVALID',
      );
      await ctx.http
        .get('/auth/me')
        .set((await resetToSession(shopper, 'after-reactivation-passphrase')).auth)
        .expect(200);
    });

    it('a consultant’s reset token for a shopper stops working once the shopper is made a consultant', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const token = await issueReset(consultant, shopper.user.id);
      await ctx.http.patch(`/users/${shopper.user.id}`).set(admin.auth).send({ version: 1, role: 'consultant' }).expect(200);
      const used = await ctx.http.post('/auth/password-reset').send({ token, newPassword: 'taken-over-passphrase' });
      expectErrorShape(422, used);
      expect(used.body.code).toBe('RESET_TOKEN_INVALID');
      await ctx.http.post('/auth/login').send({ email: shopper.user.email, password: 'taken-over-passphrase' }).expect(401);
    });

    it('a reset token stops working once its issuer is deactivated, or once the owner changed the password', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const byConsultant = await issueReset(consultant, shopper.user.id);
      await ctx.http.patch(`/users/${consultant.user.id}`).set(admin.auth).send({ version: 1, active: false }).expect(200);
      const stale = await ctx.http.post('/auth/password-reset').send({ token: byConsultant, newPassword: 'stale-link-passphrase' });
      expect(stale.body.code).toBe('RESET_TOKEN_INVALID');

      const password = await resetTo(shopper, 'owner-chosen-passphrase');
      const byAdmin = await issueReset(admin, shopper.user.id);
      await ctx.http
        .post('/auth/password')
        .set(shopper.auth)
        .send({ currentPassword: password, newPassword: 'owner-changed-passphrase' })
        .expect(204);
      const afterChange = await ctx.http.post('/auth/password-reset').send({ token: byAdmin, newPassword: 'old-link-passphrase' });
      expect(afterChange.body.code).toBe('RESET_TOKEN_INVALID');
      await login(ctx.http, shopper.user.email, 'owner-changed-passphrase');
    });
  });

  describe('names that are only spaces', () => {
    it('are refused with 400 naming the field on create and edit of clients, touchpoints and campaigns (they were stored as "")', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const expectBlank = (response: { status: number; body: { details?: Array<{ field: string; reason: string }> } }, field: string) => {
        expectErrorShape(400, response);
        expect(fieldsOf(response.body)).toEqual([field]);
      };
      expectBlank(await ctx.http.post('/clients').set(consultant.auth).send({ name: '   ' }), 'name');
      const client = await createClient(ctx.http, consultant);
      expectBlank(await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, name: ' \t ' }), 'name');
      const touchpoint = await createTouchpoint(ctx.http, consultant, client.id);
      expectBlank(
        await ctx.http
          .post(`/clients/${client.id}/touchpoints`)
          .set(consultant.auth)
          .send({ name: 'Oficina', channel: 'in_person', region: '  ' }),
        'region',
      );
      expectBlank(
        await ctx.http.patch(`/clients/${client.id}/touchpoints/${touchpoint.id}`).set(consultant.auth).send({ version: 1, name: '  ' }),
        'name',
      );
      const draft = await createDraftCampaign(ctx.http, consultant, {});
      expectBlank(await ctx.http.patch(`/campaigns/${draft.id}`).set(consultant.auth).send({ version: 1, name: '   ' }), 'name');
      expect((await ctx.http.get(`/clients/${client.id}`).set(consultant.auth).expect(200)).body.name).toBe(client.name);
    });
  });

  describe('evidence of a shopper who loses the job', () => {
    it('is withdrawn on reassign and unassign: the next shopper never sees, downloads or reports it', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const [first, second, third] = [
        await createUser(ctx.http, admin, { role: 'shopper' }),
        await createUser(ctx.http, admin, { role: 'shopper' }),
        await createUser(ctx.http, admin, { role: 'shopper' }),
      ];
      const campaign = await createActiveCampaign(ctx.http, consultant, {
        visitsPerTouchpoint: 1,
        startsOn: isoDate(1),
        endsOn: isoDate(30),
      });
      const [{ id: job }] = await ctx.db.query<Array<{ id: string }>>(`SELECT id FROM assignments WHERE campaign_id = $1`, [campaign.id]);
      const photo = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'blue' } })
        .png()
        .toBuffer();
      const upload = async (session: Session) =>
        (await ctx.http.post(`/assignments/${job}/evidence`).set(session.auth).attach('file', photo, 'casa-de-ana.png').expect(201)).body
          .id as string;
      const listed = async (session: Session) =>
        ((await ctx.http.get(`/assignments/${job}/evidence`).set(session.auth).expect(200)).body as Array<{ id: string }>).map(
          (file) => file.id,
        );

      await ctx.http.post(`/assignments/${job}/assign`).set(consultant.auth).send({ shopperId: first.user.id }).expect(200);
      const firstFile = await upload(first);
      await ctx.http.post(`/assignments/${job}/assign`).set(consultant.auth).send({ shopperId: second.user.id }).expect(200);
      expect(await listed(second)).toEqual([]);
      await ctx.http.get(`/evidence/${firstFile}`).set(second.auth).expect(404);
      expect(await listed(consultant)).toEqual([]);

      const secondFile = await upload(second);
      await ctx.http.post(`/assignments/${job}/unassign`).set(consultant.auth).expect(200);
      await ctx.http.post(`/assignments/${job}/claim`).set(third.auth).expect(200);
      expect(await listed(third)).toEqual([]);
      await ctx.http.get(`/evidence/${secondFile}`).set(third.auth).expect(404);
      const ownFile = await upload(third);
      expect(await listed(third)).toEqual([ownFile]);
      expect(await listed(consultant)).toEqual([ownFile]);
    });
  });

  describe('extending an active campaign', () => {
    it('re-plans the unclaimed jobs of open touchpoints only: a touchpoint retired since gets no new visits', async () => {
      const consultant = await createUser(ctx.http, admin, { role: 'consultant' });
      const client = await createClient(ctx.http, consultant);
      const [open, retired] = [
        await createTouchpoint(ctx.http, consultant, client.id),
        await createTouchpoint(ctx.http, consultant, client.id),
      ];
      const campaign = await createActiveCampaign(ctx.http, consultant, {
        clientId: client.id,
        touchpointIds: [open.id, retired.id],
        startsOn: isoDate(-10),
        endsOn: isoDate(5),
        visitsPerTouchpoint: 1,
      });
      // Both jobs ran out unclaimed; the second branch closed.
      await ctx.db.query(`UPDATE assignments SET status = 'expired' WHERE campaign_id = $1`, [campaign.id]);
      await ctx.http
        .patch(`/clients/${client.id}/touchpoints/${retired.id}`)
        .set(consultant.auth)
        .send({ version: 1, active: false })
        .expect(200);
      const version = (await ctx.http.get(`/campaigns/${campaign.id}`).set(consultant.auth)).body.version as number;
      await ctx.http
        .patch(`/campaigns/${campaign.id}`)
        .set(consultant.auth)
        .send({ version, endsOn: isoDate(40) })
        .expect(200);
      const jobs = await ctx.db.query<Array<{ touchpoint_id: string; status: string }>>(
        `SELECT touchpoint_id, status FROM assignments WHERE campaign_id = $1`,
        [campaign.id],
      );
      expect(Object.fromEntries(jobs.map((job) => [job.touchpoint_id, job.status]))).toEqual({
        [open.id]: 'open',
        [retired.id]: 'expired',
      });
    });
  });

  describe('a visit report as a client user reads it', () => {
    it('masks the shopper’s name, e-mails and phone numbers in the narrative and text answers (as the KPI model does); staff read them as written', async () => {
      const ctxWorld = await buildWorld(ctx);
      const report = ctxWorld.a.reports.approved.id;
      await ctx.db.query(`UPDATE users SET name = 'Laura Gómez' WHERE id = $1`, [ctxWorld.a.shopper.user.id]);
      const signed = 'Me atendieron rápido. Un saludo, Laura Gomez (laura.g@correo.example, 600 123 456)';
      await ctx.db.query(`UPDATE visit_reports SET narrative = $2 WHERE id = $1`, [report, signed]);
      await ctx.db.query(`UPDATE visit_answers SET value = to_jsonb($2::text) WHERE visit_report_id = $1 AND question_key = 'comment'`, [
        report,
        'Soy Laura, escribidme a laura.g@correo.example',
      ]);
      const asClient = (await ctx.http.get(`/visit-reports/${report}`).set(ctxWorld.a.clientUser.auth).expect(200)).body as {
        narrative: string;
        answers: Array<{ questionKey: string; value: unknown }>;
      };
      expect(asClient.narrative).toBe('Me atendieron rápido. Un saludo, [shopper] ([email], [phone])');
      expect(asClient.answers.find((answer) => answer.questionKey === 'comment')?.value).toBe('Soy [shopper], escribidme a [email]');
      expect(asClient.answers.find((answer) => answer.questionKey === 'greeting')?.value).toBe(true);
      const asConsultant = (await ctx.http.get(`/visit-reports/${report}`).set(ctxWorld.consultant.auth).expect(200)).body as {
        narrative: string;
      };
      expect(asConsultant.narrative).toBe(signed);
    });
  });

  describe('guessing limits', () => {
    // An app of its own: three failed attempts per account and address within a minute.
    beforeAll(async () => {
      await ctx.close();
      ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '60' });
      admin = await loginAdmin(ctx.http);
    });

    it('counts a wrong current password in POST /auth/password as a failed login of the account (429 with Retry-After)', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const change = (currentPassword: string) =>
        ctx.http.post('/auth/password').set(shopper.auth).send({ currentPassword, newPassword: 'a-brand-new-passphrase' });
      for (let i = 0; i < 3; i += 1) expect((await change(`guess-${i}-wrong`).expect(422)).body.code).toBe('WRONG_PASSWORD');
      const blocked = await change('guess-3-wrong').expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // The same budget as a login: the account cannot be guessed at there either.
      await ctx.http.post('/auth/login').send({ email: shopper.user.email, password: 'guess-4-wrong' }).expect(429);
    });

    it('a refused new password or a right current one does not use up the budget', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const password = await resetTo(shopper, 'first-good-passphrase');
      for (let i = 0; i < 4; i += 1) {
        const weak = await ctx.http
          .post('/auth/password')
          .set(shopper.auth)
          .send({ currentPassword: password, newPassword: 'short' })
          .expect(422);
        expect(weak.body.code).toBe('PASSWORD_POLICY');
      }
      await ctx.http
        .post('/auth/password')
        .set(shopper.auth)
        .send({ currentPassword: password, newPassword: 'second-good-passphrase' })
        .expect(204);
    });

    it('limits wrong tokens in POST /auth/password-reset per address (429 with Retry-After), even before a right one', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const token = await issueReset(admin, shopper.user.id);
      const reset = (token: string) => ctx.http.post('/auth/password-reset').send({ token, newPassword: 'reset-good-passphrase' });
      for (let i = 0; i < 3; i += 1) expect((await reset(`guessed-token-${i}`).expect(422)).body.code).toBe('RESET_TOKEN_INVALID');
      const blocked = await reset(token).expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  const resetToSession = async (session: Session, password: string) => {
    await resetTo(session, password);
    return session;
  };

  /** Sets a known password through a reset token (used where the factory's password is not at hand). */
  async function resetTo(session: Session, password: string): Promise<string> {
    await ctx.http
      .post('/auth/password-reset')
      .send({ token: await issueReset(admin, session.user.id), newPassword: password })
      .expect(204);
    Object.assign(session, await login(ctx.http, session.user.email, password));
    return password;
  }
});
