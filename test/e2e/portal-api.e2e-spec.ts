// The API the client portal reads: the campaign list's headline figures, the visits behind a
// campaign's KPIs, and the state of the client's appeals; tenant isolation and no shopper identity.
//
// Client A (touchpoints "Alpha branch": in_person, North; "Beta line": phone, South):
//   wave 1 (closed): approved 60 and 70, a submitted 10 (never counted)         → overall 65
//   wave 2 (previous: wave 1):
//     V1 Alpha  price      03-02  approved  90                 appeals: one open, one upheld
//     V2 Beta   complaint  03-05  approved  70  knockout
//     V3 Alpha  complaint  03-10  approved  null (every section N/A)
//     V4 Beta   price      03-12  approved  80
//     V5 Alpha  price      03-15  submitted 20 (consultants' preview only)      → overall (90+70+80)/3 = 80
//   an empty draft campaign.
// Client B: one campaign, one approved visit of 50.
import { createTestApp, TestContext } from '../helpers/test-app';
import { fieldsOf } from '../helpers/errors';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import {
  insertAppeal,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisitWithGivenScores,
  sampleDefinition,
} from '../factories/tables.factory';

const SHOPPER_MARKER = 'Zenobia';

describe('Client portal API', () => {
  let ctx: TestContext;
  let consultant: Session;
  let clientA: Session;
  let clientB: Session;
  let shopper: Session;
  const ids = {} as Record<'alpha' | 'beta' | 'wave1' | 'wave2' | 'empty' | 'campaignB' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5', string>;

  beforeAll(async () => {
    ctx = await createTestApp();
    const { db, http } = ctx;
    const admin = await loginAdmin(http);
    consultant = await createUser(http, admin, { role: 'consultant' });
    const { id: a } = await insertClient(db, { name: 'Banco A' });
    const { id: b } = await insertClient(db, { name: 'Banco B' });
    clientA = await createUser(http, admin, { role: 'client', clientId: a });
    clientB = await createUser(http, admin, { role: 'client', clientId: b });
    shopper = await createUser(http, admin, {
      role: 'shopper',
      name: `${SHOPPER_MARKER} Shopper`,
      email: `${SHOPPER_MARKER.toLowerCase()}@test.local`,
    });
    const { id: questionnaireId } = await insertQuestionnaire(db, { definition: sampleDefinition() });
    ids.alpha = (
      await insertTouchpoint(db, { clientId: a, name: 'Alpha branch', channel: 'in_person', region: 'North', city: 'Bilbao' })
    ).id;
    ids.beta = (await insertTouchpoint(db, { clientId: a, name: 'Beta line', channel: 'phone', region: 'South', city: null })).id;
    const touchpointIds = [ids.alpha, ids.beta];
    // Active March 2026 waves without scenarios unless told otherwise.
    const march = { startsOn: '2026-03-01', endsOn: '2026-03-31', scenarios: [] };
    ids.wave1 = (
      await insertCampaign(db, {
        ...march,
        clientId: a,
        questionnaireId,
        touchpointIds,
        name: 'Wave 1',
        startsOn: '2025-12-01',
        endsOn: '2025-12-31',
        status: 'closed',
      })
    ).id;
    ids.wave2 = (
      await insertCampaign(db, { ...march, clientId: a, questionnaireId, touchpointIds, name: 'Wave 2', previousCampaignId: ids.wave1 })
    ).id;
    ids.empty = (
      await insertCampaign(db, {
        ...march,
        clientId: a,
        questionnaireId,
        touchpointIds,
        name: 'Next wave',
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        status: 'draft',
      })
    ).id;
    const visit = async (
      campaignId: string,
      touchpointId: string,
      visitedAt: string,
      score: number | null,
      extra: { scenario?: string; status?: 'approved' | 'submitted'; knockout?: boolean } = {},
    ) =>
      (
        await insertVisitWithGivenScores(db, {
          campaignId,
          questionnaireId,
          touchpointId,
          shopperId: shopper.user.id,
          visitedAt: `2026-${visitedAt}T10:00:00Z`,
          score,
          ...extra,
        })
      ).id;
    await visit(ids.wave1, ids.alpha, '01-10', 60);
    await visit(ids.wave1, ids.beta, '01-11', 70);
    await visit(ids.wave1, ids.beta, '01-12', 10, { status: 'submitted' });
    ids.v1 = await visit(ids.wave2, ids.alpha, '03-02', 90, { scenario: 'price' });
    ids.v2 = await visit(ids.wave2, ids.beta, '03-05', 70, { scenario: 'complaint', knockout: true });
    ids.v3 = await visit(ids.wave2, ids.alpha, '03-10', null, { scenario: 'complaint' });
    ids.v4 = await visit(ids.wave2, ids.beta, '03-12', 80, { scenario: 'price' });
    ids.v5 = await visit(ids.wave2, ids.alpha, '03-15', 20, { scenario: 'price', status: 'submitted' });
    await insertAppeal(db, { visitReportId: ids.v1, clientId: a, filedBy: clientA.user.id, reason: 'The greeting did happen' });
    const upheld = await insertAppeal(db, {
      visitReportId: ids.v1,
      clientId: a,
      filedBy: clientA.user.id,
      questionKey: null,
      reason: 'Score too low',
      status: 'upheld',
    });
    await db.query(
      `UPDATE appeals SET resolution_comment = 'The recording confirms the visit', resolved_by = $2, resolved_at = now() WHERE id = $1`,
      [upheld.id, consultant.user.id],
    );
    const { id: tpB } = await insertTouchpoint(db, { clientId: b, name: 'Gamma branch', region: 'North', city: null });
    ids.campaignB = (await insertCampaign(db, { ...march, clientId: b, questionnaireId, touchpointIds: [tpB], name: 'Wave B' })).id;
    await visit(ids.campaignB, tpB, '03-03', 50);
  });
  afterAll(() => ctx.close());

  const visits = (session: Session, campaignId: string, query = '') =>
    ctx.http.get(`/campaigns/${campaignId}/visits${query}`).set(session.auth);
  const visitIds = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

  describe('GET /campaigns: headline figures', () => {
    it('gives each campaign its approved visits, mean score, the previous wave’s and the change', async () => {
      const { body } = await ctx.http.get('/campaigns').set(clientA.auth).expect(200);
      const summaries = Object.fromEntries((body as Array<{ id: string; summary: unknown }>).map((c) => [c.id, c.summary]));
      expect(summaries).toEqual({
        [ids.wave2]: { approvedVisits: 4, overall: 80, previousOverall: 65, change: 15 },
        [ids.wave1]: { approvedVisits: 2, overall: 65, previousOverall: null, change: null },
        [ids.empty]: { approvedVisits: 0, overall: null, previousOverall: null, change: null },
      });
    });

    it('shows the dashboard’s overall score, and staff the same approved-only figures', async () => {
      const kpis = (await ctx.http.get(`/campaigns/${ids.wave2}/kpis`).set(clientA.auth).expect(200)).body;
      const staffList = (
        await ctx.http
          .get(`/campaigns?clientId=${await clientOf(ids.wave2)}`)
          .set(consultant.auth)
          .expect(200)
      ).body as Array<{
        id: string;
        summary: { overall: number; approvedVisits: number };
      }>;
      const wave2 = staffList.find((c) => c.id === ids.wave2)!;
      expect(wave2.summary.overall).toBeCloseTo(kpis.overall.mean, 10);
      expect(wave2.summary.approvedVisits).toBe(kpis.n);
    });

    it('keeps tenants apart and shoppers out', async () => {
      const { body } = await ctx.http.get('/campaigns').set(clientB.auth).expect(200);
      expect(body).toEqual([
        expect.objectContaining({ id: ids.campaignB, summary: { approvedVisits: 1, overall: 50, previousOverall: null, change: null } }),
      ]);
      await ctx.http.get('/campaigns').set(shopper.auth).expect(403);
    });
  });

  describe('GET /campaigns/:id/visits', () => {
    it('lists the approved visits for a client user, newest first, with where, when, the result and the appeals', async () => {
      const { body } = await visits(clientA, ids.wave2).expect(200);
      expect(body.total).toBe(4);
      expect(visitIds(body)).toEqual([ids.v4, ids.v3, ids.v2, ids.v1]);
      expect(body.items[3]).toEqual({
        id: ids.v1,
        visitedAt: '2026-03-02T10:00:00.000Z',
        touchpoint: { id: ids.alpha, name: 'Alpha branch', channel: 'in_person', region: 'North', city: 'Bilbao' },
        scenario: 'price',
        score: 90,
        knockout: false,
        appeals: { count: 2, open: 1 },
      });
      expect(body.items[2]).toMatchObject({ id: ids.v2, knockout: true, score: 70, appeals: { count: 0, open: 0 } });
      expect(body.items[1]).toMatchObject({ id: ids.v3, score: null });
    });

    it('never names the shopper, in the list or on the visit page it links to', async () => {
      const list = (await visits(clientA, ids.wave2).expect(200)).body;
      const page = (await ctx.http.get(`/visit-reports/${ids.v1}`).set(clientA.auth).expect(200)).body;
      for (const text of [JSON.stringify(list), JSON.stringify(page)]) {
        expect(text).not.toContain(shopper.user.id);
        expect(text.toLowerCase()).not.toContain(SHOPPER_MARKER.toLowerCase());
      }
      await ctx.http.get(`/visit-reports/${ids.v1}`).set(clientB.auth).expect(404);
    });

    it.each([
      ['?sort=score&order=desc', () => [ids.v1, ids.v4, ids.v2, ids.v3]],
      ['?sort=score&order=asc', () => [ids.v2, ids.v4, ids.v1, ids.v3]],
      ['?sort=visitedAt&order=asc', () => [ids.v1, ids.v2, ids.v3, ids.v4]],
      ['?sort=touchpoint&order=asc', () => [ids.v3, ids.v1, ids.v4, ids.v2]],
      ['?sort=touchpoint&order=desc', () => [ids.v4, ids.v2, ids.v3, ids.v1]],
      ['?limit=2&offset=1', () => [ids.v3, ids.v2]],
    ])('sorts and pages: %s', async (query, expected) => {
      const { body } = await visits(clientA, ids.wave2, query).expect(200);
      expect(visitIds(body)).toEqual(expected());
      expect(body.total).toBe(4);
    });

    it.each([
      ['?channel=phone', () => [ids.v4, ids.v2]],
      ['?region=North', () => [ids.v3, ids.v1]],
      ['?touchpointId=BETA', () => [ids.v4, ids.v2]],
      ['?scenario=price', () => [ids.v4, ids.v1]],
      ['?from=2026-03-05&to=2026-03-10', () => [ids.v3, ids.v2]],
    ])('filters like GET /kpis and counts the same visits: %s', async (rawQuery, expected) => {
      const query = rawQuery.replace('BETA', ids.beta);
      const { body } = await visits(clientA, ids.wave2, query).expect(200);
      expect(visitIds(body)).toEqual(expected());
      const kpis = (await ctx.http.get(`/campaigns/${ids.wave2}/kpis${query}`).set(clientA.auth).expect(200)).body;
      expect(body.total).toBe(expected().length);
      expect(kpis.n).toBe(body.total);
    });

    it('lets staff preview submitted visits; a client asking for them still gets approved ones only', async () => {
      expect((await visits(consultant, ids.wave2).expect(200)).body.total).toBe(4);
      const preview = (await visits(consultant, ids.wave2, '?includeUnapproved=true').expect(200)).body;
      expect(visitIds(preview)).toEqual([ids.v5, ids.v4, ids.v3, ids.v2, ids.v1]);
      expect((await visits(clientA, ids.wave2, '?includeUnapproved=true').expect(200)).body.total).toBe(4);
      const kpis = (await ctx.http.get(`/campaigns/${ids.wave2}/kpis?includeUnapproved=true`).set(consultant.auth).expect(200)).body;
      expect(kpis.n).toBe(preview.total);
    });

    it.each([
      ['?sort=shopper', 'sort'],
      ['?order=up', 'order'],
      ['?limit=0', 'limit'],
      ['?channel=carrier_pigeon', 'channel'],
      ['?from=2026-02-30', 'from'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const { body } = await visits(clientA, ids.wave2, query).expect(400);
      expect(fieldsOf(body)).toEqual([field]);
    });

    it('refuses a malformed campaign id with a 400 naming id', async () => {
      const { body } = await ctx.http.get('/campaigns/not-a-uuid/visits').set(clientA.auth).expect(400);
      expect(body.details).toEqual([{ field: 'id', reason: 'id must be a UUID' }]);
    });

    it('is 404 for another client’s campaign or an unknown one, 403 for shoppers', async () => {
      await visits(clientB, ids.wave2).expect(404);
      await visits(clientA, ids.campaignB).expect(404);
      await visits(clientA, '00000000-0000-4000-8000-000000000000').expect(404);
      await visits(shopper, ids.wave2).expect(403);
    });
  });

  describe('a client’s appeals', () => {
    it('are readable with their state and resolution, per visit, without who filed or resolved them', async () => {
      const { body } = await ctx.http.get(`/appeals?visitReportId=${ids.v1}`).set(clientA.auth).expect(200);
      expect(body).toHaveLength(2);
      const upheld = body.find((appeal: { status: string }) => appeal.status === 'upheld');
      expect(upheld).toMatchObject({
        visitReportId: ids.v1,
        questionKey: null,
        resolutionComment: 'The recording confirms the visit',
        resolvedAt: expect.any(String),
      });
      expect(body.find((appeal: { status: string }) => appeal.status === 'open')).toMatchObject({
        questionKey: 'greeting',
        resolutionComment: null,
        resolvedAt: null,
      });
      const text = JSON.stringify(body);
      expect(text).not.toContain(consultant.user.id);
      expect(text).not.toContain(clientA.user.id);
      expect(text).not.toContain(shopper.user.id);
    });

    it('are another client’s business: none of them reach client B', async () => {
      expect((await ctx.http.get(`/appeals?visitReportId=${ids.v1}`).set(clientB.auth).expect(200)).body).toEqual([]);
      expect((await ctx.http.get('/appeals').set(clientB.auth).expect(200)).body).toEqual([]);
      await ctx.http.get('/appeals').set(shopper.auth).expect(403);
    });

    it('refuses a malformed visitReportId with a 400 naming it', async () => {
      const { body } = await ctx.http.get('/appeals?visitReportId=x').set(clientA.auth).expect(400);
      expect(fieldsOf(body)).toEqual(['visitReportId']);
    });
  });

  async function clientOf(campaignId: string): Promise<string> {
    const [row] = await ctx.db.query<Array<{ client_id: string }>>(`SELECT client_id FROM campaigns WHERE id = $1`, [campaignId]);
    return row.client_id;
  }
});
