// Administration of what exists: clients, touchpoints and campaigns edited, retired, archived and
// cancelled through the API, each change version-checked and in the audit log.
import { createTestApp, TestContext } from '../helpers/test-app';
import {
  createActiveCampaign,
  createClient,
  createDraftCampaign,
  createPublishedQuestionnaire,
  createTouchpoint,
  isoDate,
  SHOP_HOURS,
} from '../factories/design.factory';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';

describe('administration: clients, touchpoints, campaigns', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;

  beforeAll(async () => {
    ctx = await createTestApp({ TIME_ZONE: 'Europe/Madrid' });
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    shopper = await createUser(ctx.http, admin, { role: 'shopper' });
  });
  afterAll(() => ctx.close());

  const audit = async (entity: string, entityId: string) =>
    (await ctx.http.get('/audit').query({ entity, entityId }).set(admin.auth).expect(200)).body as Array<Record<string, unknown>>;

  describe('clients', () => {
    it('renames and archives a client with its version, and the audit log says who changed what', async () => {
      const client = await createClient(ctx.http, consultant, { name: 'Banco Viejo' });
      const got = await ctx.http.get(`/clients/${client.id}`).set(consultant.auth).expect(200);
      expect(got.body).toMatchObject({ version: 1, archived: false });
      const renamed = await ctx.http
        .patch(`/clients/${client.id}`)
        .set(consultant.auth)
        .send({ version: 1, name: ' Banco Nuevo ' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'Banco Nuevo', version: 2, archived: false });
      const archived = await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 2, archived: true }).expect(200);
      expect(archived.body).toMatchObject({ version: 3, archived: true });
      const log = await audit('client', client.id);
      expect(log.map((row) => row.action)).toEqual(['archive', 'update']);
      expect(log[1]).toMatchObject({ userId: consultant.user.id, before: { name: 'Banco Viejo' }, after: { name: 'Banco Nuevo' } });
      expect(log[0]).toMatchObject({ before: { archived: false }, after: { archived: true } });
    });

    it('refuses a stale version with 409 STALE_VERSION and changes nothing', async () => {
      const client = await createClient(ctx.http, consultant, { name: 'Stale' });
      await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, name: 'First' }).expect(200);
      const stale = await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, name: 'Second' });
      expectErrorShape(409, stale);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect((await ctx.http.get(`/clients/${client.id}`).set(consultant.auth)).body.name).toBe('First');
    });

    it('validates the edit like the create: unknown fields, nulls and a missing version are 400', async () => {
      const client = await createClient(ctx.http, consultant);
      expect(
        fieldsOf((await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, vip: true }).expect(400)).body),
      ).toEqual(['vip']);
      expect(
        fieldsOf((await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, name: null }).expect(400)).body),
      ).toEqual(['name']);
      expect(fieldsOf((await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ name: 'X' }).expect(400)).body)).toEqual([
        'version',
      ]);
      await ctx.http.patch(`/clients/${client.id}`).set(shopper.auth).send({ version: 1, name: 'X' }).expect(403);
    });

    it('deletes only a client without data; one with data or archived is a 409 saying to archive it', async () => {
      const empty = await createClient(ctx.http, consultant);
      await ctx.http.delete(`/clients/${empty.id}`).set(consultant.auth).expect(204);
      await ctx.http.get(`/clients/${empty.id}`).set(consultant.auth).expect(404);

      const busy = await createClient(ctx.http, consultant);
      await createTouchpoint(ctx.http, consultant, busy.id);
      const refused = await ctx.http.delete(`/clients/${busy.id}`).set(consultant.auth);
      expectErrorShape(409, refused);
      expect(refused.body.code).toBe('CLIENT_HAS_DATA');
      expect(refused.body.message).toMatch(/archive it instead/);
      expect(fieldsOf(refused.body)).toEqual(['touchpoints']);

      const archivedEmpty = await createClient(ctx.http, consultant);
      await ctx.http.patch(`/clients/${archivedEmpty.id}`).set(consultant.auth).send({ version: 1, archived: true }).expect(200);
      expect((await ctx.http.delete(`/clients/${archivedEmpty.id}`).set(consultant.auth).expect(409)).body.code).toBe('CLIENT_HAS_DATA');
    });

    it('gives an archived client no new touchpoint or campaign', async () => {
      const client = await createClient(ctx.http, consultant);
      const touchpoint = await createTouchpoint(ctx.http, consultant, client.id);
      const questionnaire = await createPublishedQuestionnaire(ctx.http, consultant);
      await ctx.http.patch(`/clients/${client.id}`).set(consultant.auth).send({ version: 1, archived: true }).expect(200);
      const touchpointRefused = await ctx.http
        .post(`/clients/${client.id}/touchpoints`)
        .set(consultant.auth)
        .send({ name: 'X', channel: 'phone', region: 'Norte' });
      expect(touchpointRefused.status).toBe(409);
      expect(touchpointRefused.body.code).toBe('CLIENT_ARCHIVED');
      const campaign = await ctx.http
        .post('/campaigns')
        .set(consultant.auth)
        .send({
          clientId: client.id,
          questionnaireId: questionnaire.id,
          touchpointIds: [touchpoint.id],
          name: 'W',
          startsOn: isoDate(1),
          endsOn: isoDate(20),
          visitsPerTouchpoint: 1,
        });
      expectErrorShape(422, campaign);
      expect(fieldsOf(campaign.body)).toEqual(['clientId']);
    });
  });

  describe('touchpoints', () => {
    it('edits hours, zone and address, validated like the create, and audits the change', async () => {
      const client = await createClient(ctx.http, consultant);
      const touchpoint = await createTouchpoint(ctx.http, consultant, client.id);
      const url = `/clients/${client.id}/touchpoints/${touchpoint.id}`;
      const bad = await ctx.http
        .patch(url)
        .set(consultant.auth)
        .send({ version: 1, timeZone: 'Mars/Olympus', openingHours: { mon: [{ opens: '18:00', closes: '09:00' }] } });
      expectErrorShape(422, bad);
      expect(fieldsOf(bad.body)).toEqual(['timeZone', 'openingHours.mon[0].closes']);
      expect(
        (await ctx.http.patch(url).set(consultant.auth).send({ version: 1, channel: 'phone' }).expect(400)).body.details[0].field,
      ).toBe('channel');
      const edited = await ctx.http
        .patch(url)
        .set(consultant.auth)
        .send({ version: 1, openingHours: SHOP_HOURS, timeZone: 'Atlantic/Canary', address: 'Calle Mayor 2', city: null })
        .expect(200);
      expect(edited.body).toMatchObject({
        version: 2,
        timeZone: 'Atlantic/Canary',
        address: 'Calle Mayor 2',
        city: null,
        openingHours: SHOP_HOURS,
        active: true,
      });
      const [row] = await audit('touchpoint', touchpoint.id);
      expect(row).toMatchObject({
        action: 'update',
        before: { timeZone: 'Europe/Madrid', city: 'Madrid' },
        after: { timeZone: 'Atlantic/Canary', city: null },
      });
      expect(await ctx.http.patch(url).set(consultant.auth).send({ version: 1, name: 'Late' }).expect(409)).toMatchObject({
        body: { code: 'STALE_VERSION' },
      });
    });

    it('a retired touchpoint is offered to no new campaign (422 naming touchpointIds[i]) and keeps its history', async () => {
      const client = await createClient(ctx.http, consultant);
      const kept = await createTouchpoint(ctx.http, consultant, client.id);
      const retiring = await createTouchpoint(ctx.http, consultant, client.id);
      const old = await createActiveCampaign(ctx.http, consultant, { clientId: client.id, touchpointIds: [kept.id, retiring.id] });
      const retired = await ctx.http
        .patch(`/clients/${client.id}/touchpoints/${retiring.id}`)
        .set(consultant.auth)
        .send({ version: 1, active: false })
        .expect(200);
      expect(retired.body.active).toBe(false);
      expect((await audit('touchpoint', retiring.id))[0].action).toBe('retire');
      const questionnaire = await createPublishedQuestionnaire(ctx.http, consultant);
      const refused = await ctx.http
        .post('/campaigns')
        .set(consultant.auth)
        .send({
          clientId: client.id,
          questionnaireId: questionnaire.id,
          touchpointIds: [kept.id, retiring.id],
          name: 'W2',
          startsOn: isoDate(1),
          endsOn: isoDate(20),
          visitsPerTouchpoint: 1,
        });
      expectErrorShape(422, refused);
      expect(refused.body.details).toEqual([{ field: 'touchpointIds[1]', reason: expect.stringMatching(/retired/) }]);
      // A draft made before the retirement cannot be activated with it.
      const draft = await createDraftCampaign(ctx.http, consultant, { clientId: client.id, touchpointIds: [kept.id] });
      await ctx.http
        .patch(`/clients/${client.id}/touchpoints/${kept.id}`)
        .set(consultant.auth)
        .send({ version: 1, active: false })
        .expect(200);
      const activation = await ctx.http.post(`/campaigns/${draft.id}/activate`).set(consultant.auth);
      expectErrorShape(422, activation);
      expect(activation.body).toMatchObject({ code: 'CAMPAIGN_INVALID', details: [{ field: 'touchpointIds[0]' }] });
      // History: the old campaign still lists it, and its jobs are still there.
      expect((await ctx.http.get(`/campaigns/${old.id}`).set(consultant.auth).expect(200)).body.touchpointIds).toContain(retiring.id);
      const [{ count }] = await ctx.db.query(`SELECT count(*)::int AS count FROM assignments WHERE touchpoint_id = $1`, [retiring.id]);
      expect(count).toBe(2);
    });
  });

  describe('campaigns', () => {
    it('edits a draft in full, validated by the same rules as the create, and audits it', async () => {
      const draft = await createDraftCampaign(ctx.http, consultant);
      const other = await createTouchpoint(ctx.http, consultant, draft.clientId, { channel: 'phone' });
      const foreign = await createTouchpoint(ctx.http, consultant, (await createClient(ctx.http, consultant)).id);
      const invalid = await ctx.http
        .patch(`/campaigns/${draft.id}`)
        .set(consultant.auth)
        .send({ version: 1, touchpointIds: [other.id, foreign.id], endsOn: '2001-01-01' });
      expectErrorShape(422, invalid);
      expect(invalid.body.code).toBe('CAMPAIGN_INVALID');
      expect(fieldsOf(invalid.body)).toEqual(['endsOn', 'touchpointIds[1]']);
      expect(
        (await ctx.http.patch(`/campaigns/${draft.id}`).set(consultant.auth).send({ version: 1, name: null }).expect(400)).body.details[0]
          .field,
      ).toBe('name');
      expect(
        (await ctx.http.patch(`/campaigns/${draft.id}`).set(consultant.auth).send({ version: 1, seed: 'x' }).expect(400)).body.details[0]
          .field,
      ).toBe('seed');

      const edited = await ctx.http
        .patch(`/campaigns/${draft.id}`)
        .set(consultant.auth)
        .send({
          version: 1,
          name: 'Wave renamed',
          touchpointIds: [other.id],
          visitsPerTouchpoint: 3,
          visitFee: 30.5,
          channelBonusCents: { phone: 250 },
        })
        .expect(200);
      expect(edited.body).toMatchObject({
        name: 'Wave renamed',
        touchpointIds: [other.id],
        visitsPerTouchpoint: 3,
        visitFee: 30.5,
        channelBonusCents: { phone: 250 },
        version: 2,
      });
      const [row] = await audit('campaign', draft.id);
      expect(row).toMatchObject({
        action: 'update',
        before: { visitsPerTouchpoint: 2, visitFee: 25 },
        after: { visitsPerTouchpoint: 3, visitFee: 30.5 },
      });
      // Sending what is already there is no change: no new version, no audit row.
      const same = await ctx.http
        .patch(`/campaigns/${draft.id}`)
        .set(consultant.auth)
        .send({ version: 2, touchpointIds: [other.id], name: 'Wave renamed' })
        .expect(200);
      expect(same.body.version).toBe(2);
      expect(await audit('campaign', draft.id)).toHaveLength(1);
      const activated = await ctx.http.post(`/campaigns/${draft.id}/activate`).set(consultant.auth).expect(200);
      expect(activated.body.assignmentsCreated).toBe(3);
    });

    it('refuses a full edit of an active campaign (409 NOT_DRAFT) but extends its end date, re-planning unclaimed jobs', async () => {
      const campaign = await createActiveCampaign(ctx.http, consultant, {
        startsOn: isoDate(-10),
        endsOn: isoDate(5),
        visitsPerTouchpoint: 2,
      });
      const version = (await ctx.http.get(`/campaigns/${campaign.id}`).set(consultant.auth)).body.version as number;
      const refused = await ctx.http.patch(`/campaigns/${campaign.id}`).set(consultant.auth).send({ version, name: 'Nope' });
      expectErrorShape(409, refused);
      expect(refused.body.code).toBe('NOT_DRAFT');
      const earlier = await ctx.http
        .patch(`/campaigns/${campaign.id}`)
        .set(consultant.auth)
        .send({ version, endsOn: isoDate(4) });
      expectErrorShape(422, earlier);
      expect(earlier.body.code).toBe('END_DATE_NOT_LATER');

      const newEnd = isoDate(40);
      const extended = await ctx.http.patch(`/campaigns/${campaign.id}`).set(consultant.auth).send({ version, endsOn: newEnd }).expect(200);
      expect(extended.body).toMatchObject({ endsOn: newEnd, status: 'active', version: version + 1 });
      const jobs = await ctx.db.query<
        Array<{
          status: string;
          window_start: Date;
          window_end: Date;
        }>
      >(`SELECT status, window_start, window_end FROM assignments WHERE campaign_id = $1`, [campaign.id]);
      expect(jobs).toHaveLength(2);
      const todayStart = Date.parse(`${isoDate(0)}T00:00:00Z`) - 86_400_000; // local midnight may fall the day before in UTC
      const endLimit = Date.parse(`${newEnd}T00:00:00Z`) + 2 * 86_400_000;
      for (const job of jobs) {
        expect(job.status).toBe('open');
        expect(job.window_start.getTime()).toBeGreaterThanOrEqual(todayStart);
        expect(job.window_end.getTime()).toBeLessThanOrEqual(endLimit);
      }
      // Windows split the remaining period: they do not overlap.
      const sorted = [...jobs].sort((a, b) => a.window_start.getTime() - b.window_start.getTime());
      expect(sorted[0].window_end.getTime()).toBeLessThanOrEqual(sorted[1].window_start.getTime());
      expect((await audit('campaign', campaign.id))[0]).toMatchObject({ action: 'extend', after: { endsOn: newEnd, jobsReplanned: 2 } });
    });

    it('cancels an active campaign: open and assigned jobs cancelled, submitted and approved work kept', async () => {
      const campaign = await createActiveCampaign(ctx.http, consultant, { visitsPerTouchpoint: 4 });
      const ids = (
        await ctx.db.query<
          Array<{
            id: string;
          }>
        >(`SELECT id FROM assignments WHERE campaign_id = $1 ORDER BY planned_at`, [campaign.id])
      ).map((r) => r.id);
      await ctx.db.query(`UPDATE assignments SET shopper_id = $2, status = 'assigned' WHERE id = $1`, [ids[1], shopper.user.id]);
      await ctx.db.query(`UPDATE assignments SET shopper_id = $2, status = 'submitted' WHERE id = $1`, [ids[2], shopper.user.id]);
      await ctx.db.query(`UPDATE assignments SET shopper_id = $2, status = 'approved' WHERE id = $1`, [ids[3], shopper.user.id]);
      const cancelled = await ctx.http.post(`/campaigns/${campaign.id}/cancel`).set(consultant.auth).expect(200);
      expect(cancelled.body).toEqual({ status: 'cancelled', assignmentsCancelled: 2 });
      const statuses = (
        await ctx.db.query<
          Array<{
            status: string;
          }>
        >(`SELECT status FROM assignments WHERE campaign_id = $1 ORDER BY planned_at`, [campaign.id])
      ).map((r) => r.status);
      expect(statuses).toEqual(['cancelled', 'cancelled', 'submitted', 'approved']);
      expect((await ctx.http.get(`/campaigns/${campaign.id}`).set(consultant.auth)).body.status).toBe('cancelled');
      expect((await ctx.http.post(`/campaigns/${campaign.id}/cancel`).set(consultant.auth).expect(409)).body.code).toBe(
        'CAMPAIGN_CANCELLED',
      );
      expect((await audit('campaign', campaign.id))[0]).toMatchObject({
        action: 'cancel',
        before: { status: 'active' },
        after: { status: 'cancelled', assignmentsCancelled: 2 },
      });
      await ctx.http.post(`/campaigns/${campaign.id}/cancel`).set(shopper.auth).expect(403);
    });

    it('the audit log is for admins only', async () => {
      await ctx.http.get('/audit').set(consultant.auth).expect(403);
      await ctx.http.get('/audit').query({ entity: 'nope' }).set(admin.auth).expect(400);
    });
  });
});
