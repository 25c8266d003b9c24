// Accounts: edits within the rules of who may create whom, deactivation and role changes on the next
// request, one's own profile and password (signing out the other sessions), one-time reset tokens,
// and shopper profiles that order the job board.
import { createTestApp, TestContext } from '../helpers/test-app';
import { createClient, createTouchpoint } from '../factories/design.factory';
import { createUser, login, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';
import { insertAssignment, insertCampaign, insertQuestionnaire } from '../factories/tables.factory';

describe('administration: accounts, passwords and shopper profiles', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;

  beforeAll(async () => {
    ctx = await createTestApp({ TIME_ZONE: 'Europe/Madrid' });
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
  });
  afterAll(() => ctx.close());

  const me = (session: Session) => ctx.http.get('/auth/me').set(session.auth);
  const audit = async (id: string) =>
    (await ctx.http.get('/audit').query({ entity: 'user', entityId: id }).set(admin.auth).expect(200)).body as Array<
      Record<string, unknown>
    >;

  describe('PATCH /users/:id', () => {
    it('lets a consultant edit a shopper (name, profile, conflicts) with the version, audited', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const client = await createClient(ctx.http, consultant);
      const read = await ctx.http.get(`/users/${shopper.user.id}`).set(consultant.auth).expect(200);
      expect(read.body).toMatchObject({ version: 1, active: true, profile: { regions: [], cities: [], languages: [], channels: [] } });
      const edited = await ctx.http
        .patch(`/users/${shopper.user.id}`)
        .set(consultant.auth)
        .send({
          version: 1,
          name: 'Lucía Mora',
          profile: { regions: ['Norte'], languages: ['es', 'en'], channels: ['phone'] },
          conflictClientIds: [client.id],
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        name: 'Lucía Mora',
        version: 2,
        conflictClientIds: [client.id],
        profile: { regions: ['Norte'], cities: [], languages: ['es', 'en'], channels: ['phone'] },
      });
      const [row] = await audit(shopper.user.id);
      expect(row).toMatchObject({
        action: 'update',
        userId: consultant.user.id,
        after: { name: 'Lucía Mora', conflictClientIds: [client.id] },
      });
      expect(JSON.stringify(row)).not.toMatch(/argon2|password/i);
      expect(
        (await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 1, name: 'Late' }).expect(409)).body.code,
      ).toBe('STALE_VERSION');
    });

    it('keeps the rules of who may create whom and of the create', async () => {
      const other = await createUser(ctx.http, admin, { role: 'consultant' });
      expectErrorShape(404, await ctx.http.patch(`/users/${other.user.id}`).set(consultant.auth).send({ version: 1, name: 'x' }));
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      expectErrorShape(
        403,
        await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 1, role: 'consultant' }),
      );
      const noClient = await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 1, role: 'client' });
      expectErrorShape(422, noClient);
      expect(fieldsOf(noClient.body)).toEqual(['clientId']);
      const unknown = await ctx.http
        .patch(`/users/${shopper.user.id}`)
        .set(consultant.auth)
        .send({ version: 1, conflictClientIds: [(await createClient(ctx.http, consultant)).id, '00000000-0000-4000-8000-000000000000'] });
      expectErrorShape(422, unknown);
      expect(fieldsOf(unknown.body)).toEqual(['conflictClientIds[1]']);
      expect(
        fieldsOf(
          (await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 1, email: 'x@y.z' }).expect(400)).body,
        ),
      ).toEqual(['email']);
      expect(
        fieldsOf(
          (
            await ctx.http
              .patch(`/users/${shopper.user.id}`)
              .set(consultant.auth)
              .send({ version: 1, profile: { channels: ['fax'] } })
              .expect(400)
          ).body,
        ),
      ).toEqual(['profile.channels']);
      expect(
        fieldsOf((await ctx.http.patch(`/users/${admin.user.id}`).set(admin.auth).send({ version: 1, active: false }).expect(422)).body),
      ).toEqual(['active']);
      // Nothing half-applied: the shopper is as it was.
      expect((await ctx.http.get(`/users/${shopper.user.id}`).set(admin.auth)).body).toMatchObject({
        role: 'shopper',
        version: 1,
        conflictClientIds: [],
      });
    });

    it('refuses a deactivated user’s live token at the next request, and still after a reactivation (sign in again)', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper', email: `deactivated-${Date.now()}@test.local` });
      await me(shopper).expect(200);
      await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 1, active: false }).expect(200);
      expectErrorShape(401, await me(shopper));
      expect((await ctx.http.get('/assignments').set(shopper.auth)).status).toBe(401);
      expect((await audit(shopper.user.id))[0]).toMatchObject({ action: 'deactivate', before: { active: true }, after: { active: false } });
      await ctx.http.patch(`/users/${shopper.user.id}`).set(consultant.auth).send({ version: 2, active: true }).expect(200);
      expectErrorShape(401, await me(shopper));
    });

    it('applies a role change at the next request', async () => {
      const demoted = await createUser(ctx.http, admin, { role: 'consultant' });
      await ctx.http.post('/clients').set(demoted.auth).send({ name: 'Allowed' }).expect(201);
      await ctx.http.patch(`/users/${demoted.user.id}`).set(admin.auth).send({ version: 1, role: 'shopper' }).expect(200);
      await ctx.http.post('/clients').set(demoted.auth).send({ name: 'Refused' }).expect(403);
      expect((await me(demoted).expect(200)).body.role).toBe('shopper');
    });
  });

  describe('own profile and password', () => {
    it('lets a user read and edit their own profile; profile and conflicts are for shoppers, checked', async () => {
      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const edited = await ctx.http
        .patch('/auth/me')
        .set(shopper.auth)
        .send({ name: 'Nuevo Nombre', profile: { cities: ['Segovia'] } })
        .expect(200);
      expect(edited.body).toMatchObject({ name: 'Nuevo Nombre', profile: { cities: ['Segovia'] } });
      const unknown = await ctx.http
        .patch('/auth/me')
        .set(shopper.auth)
        .send({ conflictClientIds: ['00000000-0000-4000-8000-000000000000'] });
      expectErrorShape(422, unknown);
      expect(fieldsOf(unknown.body)).toEqual(['conflictClientIds[0]']);
      const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: (await createClient(ctx.http, consultant)).id });
      expect(
        fieldsOf(
          (
            await ctx.http
              .patch('/auth/me')
              .set(clientUser.auth)
              .send({ profile: { regions: ['Norte'] } })
              .expect(422)
          ).body,
        ),
      ).toEqual(['profile']);
      expect(fieldsOf((await ctx.http.patch('/auth/me').set(clientUser.auth).send({ role: 'admin' }).expect(400)).body)).toEqual(['role']);
    });

    it('changes the password with the current one, keeping this session and signing out the others', async () => {
      const email = `pw-${Date.now()}@test.local`;
      const first = await createUser(ctx.http, admin, { role: 'shopper', email });
      // The factory does not return the password: give the account a known one through an admin reset, then sign in twice.
      const { token } = (await ctx.http.post(`/users/${first.user.id}/password-reset`).set(admin.auth).expect(201)).body;
      await ctx.http.post('/auth/password-reset').send({ token, newPassword: 'violet-harbour-lantern' }).expect(204);
      const a = await login(ctx.http, email, 'violet-harbour-lantern');
      const b = await login(ctx.http, email, 'violet-harbour-lantern');

      const wrong = await ctx.http
        .post('/auth/password')
        .set(a.auth)
        .send({ currentPassword: 'nope-nope-nope', newPassword: 'granite-meadow-falcon' });
      expectErrorShape(422, wrong);
      expect(wrong.body.code).toBe('WRONG_PASSWORD');
      const common = await ctx.http
        .post('/auth/password')
        .set(a.auth)
        .send({ currentPassword: 'violet-harbour-lantern', newPassword: 'Password1234' });
      expect(common.body).toMatchObject({
        code: 'PASSWORD_POLICY',
        details: [{ field: 'newPassword', reason: expect.stringMatching(/common/) }],
      });
      const short = await ctx.http
        .post('/auth/password')
        .set(a.auth)
        .send({ currentPassword: 'violet-harbour-lantern', newPassword: 'short' });
      expect(short.body.code).toBe('PASSWORD_POLICY');
      await me(b).expect(200); // refused attempts change nothing

      await ctx.http
        .post('/auth/password')
        .set(a.auth)
        .send({ currentPassword: 'violet-harbour-lantern', newPassword: 'granite-meadow-falcon' })
        .expect(204);
      await me(a).expect(200);
      expectErrorShape(401, await me(b));
      await ctx.http.post('/auth/login').send({ email, password: 'violet-harbour-lantern' }).expect(401);
      const c = await login(ctx.http, email, 'granite-meadow-falcon');
      await me(c).expect(200);
      expect((await audit(first.user.id)).map((row) => row.action)).toEqual(
        expect.arrayContaining(['password.change', 'password.reset', 'password.reset-issued']),
      );
    });

    it('issues a one-time reset token (24 h, stored hashed) for a managed user only; it signs out every session', async () => {
      const email = `reset-${Date.now()}@test.local`;
      const shopper = await createUser(ctx.http, admin, { role: 'shopper', email });
      expectErrorShape(404, await ctx.http.post(`/users/${admin.user.id}/password-reset`).set(consultant.auth));
      await ctx.http.post(`/users/${shopper.user.id}/password-reset`).set(shopper.auth).expect(403);
      const issued = await ctx.http.post(`/users/${shopper.user.id}/password-reset`).set(consultant.auth).expect(201);
      const hours = (Date.parse(issued.body.expiresAt) - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      const stored = await ctx.db.query(`SELECT token_hash FROM password_reset_tokens WHERE user_id = $1`, [shopper.user.id]);
      expect(stored).toHaveLength(1);
      expect(stored[0].token_hash).not.toContain(issued.body.token);
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

      const policy = await ctx.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: 'qwertyuiop' });
      expect(policy.body.code).toBe('PASSWORD_POLICY');
      await ctx.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: 'amber-willow-cascade' }).expect(204);
      expectErrorShape(401, await me(shopper));
      await login(ctx.http, email, 'amber-willow-cascade');
      const again = await ctx.http.post('/auth/password-reset').send({ token: issued.body.token, newPassword: 'another-long-secret' });
      expectErrorShape(422, again);
      expect(again.body.code).toBe('RESET_TOKEN_INVALID');

      const expiring = await ctx.http.post(`/users/${shopper.user.id}/password-reset`).set(admin.auth).expect(201);
      await ctx.db.query(
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`,
        [shopper.user.id],
      );
      expect(
        (await ctx.http.post('/auth/password-reset').send({ token: expiring.body.token, newPassword: 'another-long-secret' })).body.code,
      ).toBe('RESET_TOKEN_INVALID');
    });
  });

  describe('shopper profiles and the job board', () => {
    it('lists first the jobs that fit the shopper; the rules still decide what they may claim', async () => {
      const client = await createClient(ctx.http, consultant);
      const south = await createTouchpoint(ctx.http, consultant, client.id, { region: 'Sur', city: 'Sevilla', channel: 'in_person' });
      const north = await createTouchpoint(ctx.http, consultant, client.id, { region: 'Norte', city: 'Bilbao', channel: 'phone' });
      const questionnaire = await insertQuestionnaire(ctx.db);
      const campaign = await insertCampaign(ctx.db, {
        clientId: client.id,
        questionnaireId: questionnaire.id,
        touchpointIds: [south.id, north.id],
      });
      const soon = await insertAssignment(ctx.db, {
        campaignId: campaign.id,
        touchpointId: south.id,
        plannedAt: new Date(Date.now() - 2 * 86_400_000),
      });
      const later = await insertAssignment(ctx.db, {
        campaignId: campaign.id,
        touchpointId: north.id,
        plannedAt: new Date(Date.now() + 86_400_000),
      });

      const shopper = await createUser(ctx.http, admin, { role: 'shopper' });
      const board = async () =>
        (
          (await ctx.http.get('/assignments').query({ status: 'open', campaignId: campaign.id }).set(shopper.auth).expect(200))
            .body as Array<{ id: string }>
        ).map((a) => a.id);
      expect(await board()).toEqual([soon.id, later.id]); // no profile: by planned time
      await ctx.http
        .patch('/auth/me')
        .set(shopper.auth)
        .send({ profile: { regions: ['norte'], channels: ['phone'] } })
        .expect(200);
      expect(await board()).toEqual([later.id, soon.id]);

      // A conflict of interest still keeps the client's jobs off the board and out of reach.
      await ctx.http
        .patch('/auth/me')
        .set(shopper.auth)
        .send({ conflictClientIds: [client.id] })
        .expect(200);
      expect(await board()).toEqual([]);
      expect((await ctx.http.post(`/assignments/${later.id}/claim`).set(shopper.auth)).body.code).toBe('CONFLICT_OF_INTEREST');
    });
  });
});
