import { DateTime } from 'luxon';
import { createTestApp, TestContext } from '../helpers/test-app';
import {
  createActiveCampaign,
  createClient,
  createDraftCampaign,
  createDraftQuestionnaire,
  createPublishedQuestionnaire,
  createTouchpoint,
  SHOP_HOURS,
} from '../factories/design.factory';
import { createUser, loginAdmin, Session } from '../factories/users.factory';

type Detail = { field: string; reason: string };
const fieldsOf = (body: { details?: Detail[] }) => (body.details ?? []).map((detail) => detail.field);
const GHOST = '00000000-0000-4000-8000-000000000000';

interface AssignmentRow {
  touchpoint_id: string;
  scenario_key: string | null;
  shopper_id: string | null;
  status: string;
  fee: string;
  window_start: Date;
  window_end: Date;
  planned_at: Date;
}

describe('design: campaigns', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;
  let clientId: string;
  let otherClientId: string;
  let shop: { id: string };
  let line: { id: string };
  let foreignTouchpoint: { id: string };
  let questionnaireId: string;

  const assignmentsOf = (campaignId: string): Promise<AssignmentRow[]> =>
    ctx.db.query(
      `SELECT touchpoint_id, scenario_key, shopper_id, status, fee, window_start, window_end, planned_at
         FROM assignments WHERE campaign_id = $1 ORDER BY touchpoint_id, window_start, planned_at`,
      [campaignId],
    );

  const validBody = (overrides: Record<string, unknown> = {}) => ({
    clientId,
    questionnaireId,
    name: 'Oleada 1',
    startsOn: '2027-03-01',
    endsOn: '2027-03-21',
    touchpointIds: [shop.id, line.id],
    visitsPerTouchpoint: 3,
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestApp({ TIME_ZONE: 'Europe/Madrid' });
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    shopper = await createUser(ctx.http, admin, { role: 'shopper' });
    clientId = (await createClient(ctx.http, consultant, { name: 'Banco' })).id;
    otherClientId = (await createClient(ctx.http, consultant, { name: 'Otro' })).id;
    shop = await createTouchpoint(ctx.http, consultant, clientId, {
      name: 'Sol',
      channel: 'in_person',
      region: 'Madrid',
      openingHours: SHOP_HOURS,
    });
    line = await createTouchpoint(ctx.http, consultant, clientId, {
      name: 'Call centre',
      channel: 'phone',
      region: 'Nacional',
      timeZone: 'Atlantic/Canary',
    });
    foreignTouchpoint = await createTouchpoint(ctx.http, consultant, otherClientId);
    questionnaireId = (await createPublishedQuestionnaire(ctx.http, consultant)).id;
  });
  afterAll(() => ctx.close());

  it('creates a draft campaign with every field of API.md', async () => {
    const body = validBody({
      scenarios: [
        { key: 'card_cost', title: 'Credit card cost', brief: 'Ask what a credit card costs per year.' },
        { key: 'lost_order', title: 'Lost order', brief: 'Complain that an order did not arrive.' },
      ],
      slaSeconds: { in_person: 300, phone: 120 },
      targets: { overall: 85, fcr: 70, empathy: 80 },
      seed: 'wave-1',
      visitFee: 30.5,
      retentionDays: 180,
    });
    const created = await ctx.http.post('/campaigns').set(consultant.auth).send(body).expect(201);
    expect(created.body).toMatchObject({
      ...body,
      touchpointIds: [shop.id, line.id].sort(),
      status: 'draft',
      previousCampaignId: null,
      activatedAt: null,
      closedAt: null,
    });
    const got = await ctx.http.get(`/campaigns/${created.body.id}`).set(consultant.auth).expect(200);
    expect(got.body).toEqual(created.body);
    const [row] = await ctx.db.query('SELECT visit_fee, status FROM campaigns WHERE id = $1', [created.body.id]);
    expect(row).toEqual({ visit_fee: '30.50', status: 'draft' });
    const links = await ctx.db.query('SELECT touchpoint_id FROM campaign_touchpoints WHERE campaign_id = $1', [created.body.id]);
    expect(links).toHaveLength(2);
    // nothing is planned until activation
    expect(await assignmentsOf(created.body.id)).toHaveLength(0);
  });

  it('draws a seed when none is given and links a previous wave of the same client', async () => {
    const first = await ctx.http.post('/campaigns').set(consultant.auth).send(validBody()).expect(201);
    expect(typeof first.body.seed).toBe('string');
    expect(first.body.seed.length).toBeGreaterThan(0);
    const second = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ previousCampaignId: first.body.id }))
      .expect(201);
    expect(second.body.previousCampaignId).toBe(first.body.id);
  });

  it('answers 422 naming every field against the rules', async () => {
    const draft = await createDraftQuestionnaire(ctx.http, consultant);
    const otherWave = await createDraftCampaign(ctx.http, consultant, {
      clientId: otherClientId,
      touchpointIds: [foreignTouchpoint.id],
      questionnaireId,
    });
    const response = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(
        validBody({
          questionnaireId: draft.id,
          startsOn: '2027-03-10',
          endsOn: '2027-03-09',
          touchpointIds: [shop.id, foreignTouchpoint.id, GHOST],
          scenarios: [
            { key: 'a', title: 'A', brief: '' },
            { key: 'a', title: 'A again', brief: '' },
          ],
          previousCampaignId: otherWave.id,
        }),
      )
      .expect(422);
    expect(fieldsOf(response.body).sort()).toEqual(
      ['questionnaireId', 'endsOn', 'touchpointIds[1]', 'touchpointIds[2]', 'scenarios[1].key', 'previousCampaignId'].sort(),
    );
    const impossible = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ startsOn: '2027-02-30' }))
      .expect(422);
    expect(fieldsOf(impossible.body)).toEqual(['startsOn']);
    expect(await ctx.db.query('SELECT 1 FROM campaigns WHERE client_id = $1 AND starts_on = $2', [clientId, '2027-03-10'])).toHaveLength(0);
  });

  it('accepts a one-day campaign (startsOn = endsOn)', async () => {
    await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ startsOn: '2027-03-03', endsOn: '2027-03-03' }))
      .expect(201);
  });

  it('answers 400 to a malformed body, naming each field', async () => {
    const missing = await ctx.http.post('/campaigns').set(consultant.auth).send({}).expect(400);
    expect(fieldsOf(missing.body)).toEqual(
      expect.arrayContaining(['clientId', 'questionnaireId', 'name', 'startsOn', 'endsOn', 'touchpointIds', 'visitsPerTouchpoint']),
    );
    const bad = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(
        validBody({
          startsOn: '1 March 2027',
          visitsPerTouchpoint: 0,
          touchpointIds: [],
          slaSeconds: { fax: 10, phone: -1 },
          targets: { overall: 120, happiness: 50 },
          scenarios: [{ key: 'has space', title: 'T' }],
          visitFee: -5,
          colour: 'red',
        }),
      )
      .expect(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining([
        'startsOn',
        'visitsPerTouchpoint',
        'touchpointIds',
        'slaSeconds.fax',
        'slaSeconds.phone',
        'targets.overall',
        'targets.happiness',
        'scenarios[0].key',
        'scenarios[0].brief',
        'visitFee',
        'colour',
      ]),
    );
  });

  // Issue #12 item 6: a campaign ending 9999-12-31 with 1,000 visits per touchpoint was accepted (and its
  // activation would plan visits for centuries). The documented maximums: 366 days, 100 visits per touchpoint.
  it('refuses a period longer than 366 days (422 on endsOn) and more than 100 visits per touchpoint (400 on visitsPerTouchpoint)', async () => {
    const campaignsBefore = await ctx.db.query(`SELECT count(*)::int AS n FROM campaigns`);
    const absurd = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ endsOn: '9999-12-31', visitsPerTouchpoint: 1000 }))
      .expect(400);
    expect(fieldsOf(absurd.body)).toEqual(['visitsPerTouchpoint']);
    expect(absurd.body.details[0].reason).toContain('at most 100');
    const endless = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ endsOn: '9999-12-31' }))
      .expect(422);
    expect(fieldsOf(endless.body)).toEqual(['endsOn']);
    expect(endless.body.code).toBe('CAMPAIGN_INVALID');
    expect(endless.body.details[0].reason).toContain('at most 366 days');
    const oneDayTooLong = await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ startsOn: '2027-01-01', endsOn: '2028-01-02' }))
      .expect(422);
    expect(fieldsOf(oneDayTooLong.body)).toEqual(['endsOn']);
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM campaigns`)).toEqual(campaignsBefore);
    // The maximums themselves are allowed (2028 is a leap year: 366 days).
    await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ startsOn: '2028-01-01', endsOn: '2028-12-31', visitsPerTouchpoint: 100 }))
      .expect(201);
  });

  it('answers 404 for a client, questionnaire, previous wave or campaign that does not exist', async () => {
    await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ clientId: GHOST }))
      .expect(404);
    await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ questionnaireId: GHOST }))
      .expect(404);
    await ctx.http
      .post('/campaigns')
      .set(consultant.auth)
      .send(validBody({ previousCampaignId: GHOST }))
      .expect(404);
    await ctx.http.get(`/campaigns/${GHOST}`).set(consultant.auth).expect(404);
    await ctx.http.post(`/campaigns/${GHOST}/activate`).set(consultant.auth).expect(404);
    await ctx.http.post(`/campaigns/${GHOST}/close`).set(consultant.auth).expect(404);
  });

  describe('activation', () => {
    // Europe/Madrid is UTC+1 in March 2027 (summer time starts on 28 March): the period
    // 2027-03-01..2027-03-21 runs from 2027-02-28T23:00Z to 2027-03-21T23:00Z. The Canary
    // Islands are on UTC+0 then: 2027-03-01T00:00Z to 2027-03-22T00:00Z.
    const MADRID_PERIOD = { start: Date.parse('2027-02-28T23:00:00Z'), end: Date.parse('2027-03-21T23:00:00Z') };
    const CANARY_PERIOD = { start: Date.parse('2027-03-01T00:00:00Z'), end: Date.parse('2027-03-22T00:00:00Z') };
    const scenarios = [
      { key: 'card_cost', title: 'Card cost', brief: 'Ask for the yearly cost of a credit card.' },
      { key: 'lost_order', title: 'Lost order', brief: 'Complain that an order did not arrive.' },
    ];

    /** Opening hours of SHOP_HOURS as minutes of the local day, per luxon weekday (1 = Monday). */
    const SHOP_MINUTES: Record<number, Array<[number, number]>> = {
      1: [
        [540, 840],
        [960, 1200],
      ],
      2: [
        [540, 840],
        [960, 1200],
      ],
      3: [
        [540, 840],
        [960, 1200],
      ],
      4: [
        [540, 840],
        [960, 1200],
      ],
      5: [
        [540, 840],
        [960, 1200],
      ],
      6: [[600, 840]],
      7: [],
    };

    it('creates visitsPerTouchpoint open assignments per touchpoint inside the period and the opening hours', async () => {
      const campaign = await ctx.http
        .post('/campaigns')
        .set(consultant.auth)
        .send(validBody({ scenarios, seed: 'reproducible', visitFee: 42 }))
        .expect(201);
      const activated = await ctx.http.post(`/campaigns/${campaign.body.id}/activate`).set(consultant.auth).expect(200);
      expect(activated.body).toMatchObject({ id: campaign.body.id, status: 'active', assignmentsCreated: 6 });
      expect(activated.body.activatedAt).not.toBeNull();

      const rows = await assignmentsOf(campaign.body.id);
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'open', shopper_id: null, fee: '42.00' });
        expect(['card_cost', 'lost_order']).toContain(row.scenario_key);
        expect(row.window_start.getTime()).toBeLessThan(row.window_end.getTime());
        expect(row.planned_at.getTime()).toBeGreaterThanOrEqual(row.window_start.getTime());
        expect(row.planned_at.getTime()).toBeLessThan(row.window_end.getTime());
      }
      for (const [touchpointId, period, zone] of [
        [shop.id, MADRID_PERIOD, 'Europe/Madrid'],
        [line.id, CANARY_PERIOD, 'Atlantic/Canary'],
      ] as const) {
        const own = rows.filter((row) => row.touchpoint_id === touchpointId);
        expect(own).toHaveLength(3);
        // the windows tile the period: the first starts on its first local midnight, the last ends on the
        // local midnight after its last day, and each window starts where the previous one ended
        expect(own[0].window_start.getTime()).toBe(period.start);
        expect(own[2].window_end.getTime()).toBe(period.end);
        expect(own[1].window_start.getTime()).toBe(own[0].window_end.getTime());
        expect(own[2].window_start.getTime()).toBe(own[1].window_end.getTime());
        for (const row of own) {
          expect(DateTime.fromJSDate(row.window_start, { zone }).toFormat('HH:mm')).toBe('00:00');
        }
        // two scenarios over three visits: one twice, the other once
        const counts = ['card_cost', 'lost_order'].map((key) => own.filter((row) => row.scenario_key === key).length).sort();
        expect(counts).toEqual([1, 2]);
      }
      // the shop's visits fall inside its opening hours, in its own time zone
      for (const row of rows.filter((r) => r.touchpoint_id === shop.id)) {
        const local = DateTime.fromJSDate(row.planned_at, { zone: 'Europe/Madrid' });
        const minute = local.hour * 60 + local.minute;
        const open = SHOP_MINUTES[local.weekday].some(([opens, closes]) => opens <= minute && minute < closes);
        expect({ plannedAt: local.toISO(), open }).toEqual({ plannedAt: local.toISO(), open: true });
      }

      const got = await ctx.http.get(`/campaigns/${campaign.body.id}`).set(consultant.auth).expect(200);
      expect(got.body.status).toBe('active');
    });

    it('plans the same visits again for the same seed, and others for another seed', async () => {
      const plan = async (seed: string) => {
        const campaign = await ctx.http.post('/campaigns').set(consultant.auth).send(validBody({ scenarios, seed })).expect(201);
        await ctx.http.post(`/campaigns/${campaign.body.id}/activate`).set(consultant.auth).expect(200);
        return (await assignmentsOf(campaign.body.id)).map((row) => [
          row.touchpoint_id,
          row.scenario_key,
          row.window_start.toISOString(),
          row.window_end.toISOString(),
          row.planned_at.toISOString(),
        ]);
      };
      const first = await plan('same-seed');
      const again = await plan('same-seed');
      const other = await plan('another-seed');
      expect(first).toHaveLength(6);
      expect(again).toEqual(first);
      expect(other.map((row) => row[4])).not.toEqual(first.map((row) => row[4]));
    });

    it('activates only a draft and closes only an active campaign (409 otherwise)', async () => {
      const campaign = await createDraftCampaign(ctx.http, consultant, { clientId, touchpointIds: [line.id], questionnaireId });
      await ctx.http.post(`/campaigns/${campaign.id}/close`).set(consultant.auth).expect(409);
      const activated = await ctx.http.post(`/campaigns/${campaign.id}/activate`).set(consultant.auth).expect(200);
      expect(activated.body.assignmentsCreated).toBe(2);
      const again = await ctx.http.post(`/campaigns/${campaign.id}/activate`).set(consultant.auth).expect(409);
      expect(again.body.message).toContain('active');
      // a second activation creates nothing more
      expect(await assignmentsOf(campaign.id)).toHaveLength(2);

      const closed = await ctx.http.post(`/campaigns/${campaign.id}/close`).set(consultant.auth).expect(200);
      expect(closed.body).toMatchObject({ id: campaign.id, status: 'closed' });
      expect(closed.body.closedAt).not.toBeNull();
      await ctx.http.post(`/campaigns/${campaign.id}/close`).set(consultant.auth).expect(409);
      await ctx.http.post(`/campaigns/${campaign.id}/activate`).set(consultant.auth).expect(409);
    });

    it('activates twice at the same time only once', async () => {
      const campaign = await createDraftCampaign(ctx.http, consultant, { clientId, touchpointIds: [shop.id, line.id], questionnaireId });
      const statuses = await Promise.all([
        ctx.http.post(`/campaigns/${campaign.id}/activate`).set(consultant.auth),
        ctx.http.post(`/campaigns/${campaign.id}/activate`).set(consultant.auth),
      ]).then((responses) => responses.map((response) => response.status).sort());
      expect(statuses).toEqual([200, 409]);
      expect(await assignmentsOf(campaign.id)).toHaveLength(4);
    });

    it('answers 422 and changes nothing when a touchpoint is never open in the period', async () => {
      const sundaysOnly = await createTouchpoint(ctx.http, consultant, clientId, {
        name: 'Sunday market',
        openingHours: { sun: [{ opens: '10:00', closes: '14:00' }] },
      });
      // 2027-03-01 is a Monday and 2027-03-05 a Friday: no Sunday in the period
      const campaign = await ctx.http
        .post('/campaigns')
        .set(consultant.auth)
        .send(validBody({ touchpointIds: [line.id, sundaysOnly.id], startsOn: '2027-03-01', endsOn: '2027-03-05' }))
        .expect(201);
      const response = await ctx.http.post(`/campaigns/${campaign.body.id}/activate`).set(consultant.auth).expect(422);
      expect(response.body.details[0].reason).toContain(sundaysOnly.id);
      expect(await assignmentsOf(campaign.body.id)).toHaveLength(0);
      const got = await ctx.http.get(`/campaigns/${campaign.body.id}`).set(consultant.auth).expect(200);
      expect(got.body).toMatchObject({ status: 'draft', activatedAt: null });
    });

    it('builds an active campaign with the factory defaults', async () => {
      const campaign = await createActiveCampaign(ctx.http, consultant);
      expect(campaign).toMatchObject({ status: 'active', assignmentsCreated: 2, visitsPerTouchpoint: 2 });
      expect(campaign.touchpointIds).toHaveLength(1);
    });
  });

  describe('who sees what', () => {
    it("shows client users their own client's campaigns only, without the plan seed or fees", async () => {
      const mine = await createDraftCampaign(ctx.http, consultant, {
        clientId,
        touchpointIds: [shop.id],
        questionnaireId,
        seed: 'secret-seed',
      });
      const theirs = await createDraftCampaign(ctx.http, consultant, {
        clientId: otherClientId,
        touchpointIds: [foreignTouchpoint.id],
        questionnaireId,
      });
      const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId });

      const list = await ctx.http.get('/campaigns').set(clientUser.auth).expect(200);
      expect(list.body.length).toBeGreaterThan(0);
      expect(list.body.every((c: { clientId: string }) => c.clientId === clientId)).toBe(true);
      expect(list.body.map((c: { id: string }) => c.id)).toContain(mine.id);
      expect(list.body.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
      // asking for another client's campaigns gives nothing
      const filtered = await ctx.http.get(`/campaigns?clientId=${otherClientId}`).set(clientUser.auth).expect(200);
      expect(filtered.body).toEqual([]);

      const got = await ctx.http.get(`/campaigns/${mine.id}`).set(clientUser.auth).expect(200);
      expect(got.body).toMatchObject({ id: mine.id, name: mine.name, status: 'draft' });
      expect(got.body.seed).toBeUndefined();
      expect(got.body.visitFee).toBeUndefined();
      expect(JSON.stringify(list.body)).not.toContain('secret-seed');

      await ctx.http.get(`/campaigns/${theirs.id}`).set(clientUser.auth).expect(404);
      await ctx.http.post('/campaigns').set(clientUser.auth).send(validBody()).expect(403);
      await ctx.http.post(`/campaigns/${mine.id}/activate`).set(clientUser.auth).expect(403);
      await ctx.http.post(`/campaigns/${mine.id}/close`).set(clientUser.auth).expect(403);
    });

    it('lets staff filter campaigns by client and status', async () => {
      const byClient = await ctx.http.get(`/campaigns?clientId=${otherClientId}`).set(consultant.auth).expect(200);
      expect(byClient.body.length).toBeGreaterThan(0);
      expect(byClient.body.every((c: { clientId: string }) => c.clientId === otherClientId)).toBe(true);
      const active = await ctx.http.get('/campaigns?status=active').set(admin.auth).expect(200);
      expect(active.body.length).toBeGreaterThan(0);
      expect(active.body.every((c: { status: string }) => c.status === 'active')).toBe(true);
      await ctx.http.get('/campaigns?status=paused').set(admin.auth).expect(400);
    });

    it('forbids shoppers every campaign design route with 403', async () => {
      const campaign = await createDraftCampaign(ctx.http, consultant, { clientId, touchpointIds: [shop.id], questionnaireId });
      await ctx.http.get('/campaigns').set(shopper.auth).expect(403);
      await ctx.http.get(`/campaigns/${campaign.id}`).set(shopper.auth).expect(403);
      await ctx.http.post('/campaigns').set(shopper.auth).send(validBody()).expect(403);
      await ctx.http.post(`/campaigns/${campaign.id}/activate`).set(shopper.auth).expect(403);
      await ctx.http.post(`/campaigns/${campaign.id}/close`).set(shopper.auth).expect(403);
    });
  });
});
