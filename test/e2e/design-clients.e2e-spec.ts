import { createTestApp, TestContext } from '../helpers/test-app';
import { createClient, createTouchpoint, SHOP_HOURS } from '../factories/design.factory';
import { createUser, loginAdmin, Session } from '../factories/users.factory';

const CHANNELS = ['in_person', 'phone', 'email', 'web_chat', 'whatsapp', 'facebook', 'twitter', 'instagram', 'app'];

describe('design: clients and touchpoints', () => {
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

  it('lets a consultant create a client and read it back', async () => {
    const created = await ctx.http.post('/clients').set(consultant.auth).send({ name: '  Banco Ejemplo ' }).expect(201);
    expect(created.body).toMatchObject({ name: 'Banco Ejemplo' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const got = await ctx.http.get(`/clients/${created.body.id}`).set(consultant.auth).expect(200);
    expect(got.body).toMatchObject({ id: created.body.id, name: 'Banco Ejemplo' });
    const list = await ctx.http.get('/clients').set(admin.auth).expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it('rejects a malformed client with 400 naming the field', async () => {
    const missing = await ctx.http.post('/clients').set(consultant.auth).send({}).expect(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    const extra = await ctx.http.post('/clients').set(consultant.auth).send({ name: 'X', vip: true }).expect(400);
    expect(extra.body.details).toEqual([expect.objectContaining({ field: 'vip' })]);
  });

  it('forbids shoppers on design routes with 403', async () => {
    await ctx.http.post('/clients').set(shopper.auth).send({ name: 'Nope' }).expect(403);
    await ctx.http.get('/clients').set(shopper.auth).expect(403);
    const client = await createClient(ctx.http, consultant);
    await ctx.http.get(`/clients/${client.id}/touchpoints`).set(shopper.auth).expect(403);
    await ctx.http
      .post(`/clients/${client.id}/touchpoints`)
      .set(shopper.auth)
      .send({ name: 'X', channel: 'phone', region: 'Norte' })
      .expect(403);
  });

  it('creates touchpoints on all nine channels, with the configured default time zone', async () => {
    const client = await createClient(ctx.http, consultant);
    for (const channel of CHANNELS) {
      const response = await ctx.http
        .post(`/clients/${client.id}/touchpoints`)
        .set(consultant.auth)
        .send({ name: `TP ${channel}`, channel, region: 'Norte', handle: channel === 'twitter' ? '@ejemplo' : undefined })
        .expect(201);
      expect(response.body).toMatchObject({ clientId: client.id, channel, region: 'Norte', timeZone: 'Europe/Madrid', openingHours: null });
    }
    const list = await ctx.http.get(`/clients/${client.id}/touchpoints`).set(consultant.auth).expect(200);
    expect(list.body.map((t: { channel: string }) => t.channel).sort()).toEqual([...CHANNELS].sort());
    expect(list.body.find((t: { channel: string }) => t.channel === 'twitter').handle).toBe('@ejemplo');
  });

  it('stores every contact field, a given time zone and opening hours exactly as sent', async () => {
    const client = await createClient(ctx.http, consultant);
    const body = {
      name: 'Oficina Centro',
      channel: 'in_person',
      region: 'Andalucía',
      city: 'Sevilla',
      address: 'Calle Sierpes 1',
      phone: '+34 954 000 000',
      url: 'https://example.com/sevilla',
      timeZone: 'Atlantic/Canary',
      openingHours: SHOP_HOURS,
    };
    const created = await ctx.http.post(`/clients/${client.id}/touchpoints`).set(consultant.auth).send(body).expect(201);
    expect(created.body).toMatchObject(body);
    expect(Object.keys(created.body.openingHours).sort()).toEqual(['fri', 'mon', 'sat', 'thu', 'tue', 'wed']);
    const got = await ctx.http.get(`/clients/${client.id}/touchpoints/${created.body.id}`).set(consultant.auth).expect(200);
    expect(got.body).toMatchObject(body);
    const [row] = await ctx.db.query('SELECT opening_hours, time_zone FROM touchpoints WHERE id = $1', [created.body.id]);
    expect(row.opening_hours).toEqual(SHOP_HOURS);
    expect(row.time_zone).toBe('Atlantic/Canary');
  });

  it('answers 422 listing every problem with the opening hours and the time zone', async () => {
    const client = await createClient(ctx.http, consultant);
    const response = await ctx.http
      .post(`/clients/${client.id}/touchpoints`)
      .set(consultant.auth)
      .send({
        name: 'Bad hours',
        channel: 'in_person',
        region: 'Norte',
        timeZone: 'Mars/Olympus',
        openingHours: {
          mon: [{ opens: '14:00', closes: '09:00' }],
          tue: [{ opens: '9am', closes: '14:00' }],
          wed: [
            { opens: '09:00', closes: '14:00' },
            { opens: '13:00', closes: '18:00' },
          ],
        },
      })
      .expect(422);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['timeZone', 'openingHours.mon[0].closes', 'openingHours.tue[0].opens', 'openingHours.wed[1]']),
    );
    expect(await ctx.db.query('SELECT 1 FROM touchpoints WHERE name = $1', ['Bad hours'])).toHaveLength(0);
  });

  it('answers 422 to hours that never open and 400 to an unknown weekday or channel', async () => {
    const client = await createClient(ctx.http, consultant);
    const never = await ctx.http
      .post(`/clients/${client.id}/touchpoints`)
      .set(consultant.auth)
      .send({ name: 'Never', channel: 'in_person', region: 'Norte', openingHours: { mon: [] } })
      .expect(422);
    expect(never.body.details).toEqual([expect.objectContaining({ field: 'openingHours' })]);
    const weekday = await ctx.http
      .post(`/clients/${client.id}/touchpoints`)
      .set(consultant.auth)
      .send({ name: 'X', channel: 'in_person', region: 'Norte', openingHours: { monday: [] } })
      .expect(400);
    expect(weekday.body.details).toEqual([expect.objectContaining({ field: 'openingHours.monday' })]);
    const channel = await ctx.http
      .post(`/clients/${client.id}/touchpoints`)
      .set(consultant.auth)
      .send({ name: 'X', channel: 'telegram', region: 'Norte' })
      .expect(400);
    expect(channel.body.details).toEqual([expect.objectContaining({ field: 'channel' })]);
    const missing = await ctx.http.post(`/clients/${client.id}/touchpoints`).set(consultant.auth).send({ channel: 'phone' }).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'region']));
  });

  it('answers 404 for a client that does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    await ctx.http.get(`/clients/${ghost}`).set(consultant.auth).expect(404);
    await ctx.http.get(`/clients/${ghost}/touchpoints`).set(consultant.auth).expect(404);
    await ctx.http
      .post(`/clients/${ghost}/touchpoints`)
      .set(consultant.auth)
      .send({ name: 'X', channel: 'phone', region: 'Norte' })
      .expect(404);
  });

  it("shows a client user only its own client and touchpoints; another client's are 404", async () => {
    const mine = await createClient(ctx.http, consultant, { name: 'Mine' });
    const theirs = await createClient(ctx.http, consultant, { name: 'Theirs' });
    const myTouchpoint = await createTouchpoint(ctx.http, consultant, mine.id);
    const theirTouchpoint = await createTouchpoint(ctx.http, consultant, theirs.id);
    const clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: mine.id });

    const list = await ctx.http.get('/clients').set(clientUser.auth).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: mine.id, name: 'Mine' })]);
    await ctx.http.get(`/clients/${mine.id}`).set(clientUser.auth).expect(200);
    const other = await ctx.http.get(`/clients/${theirs.id}`).set(clientUser.auth).expect(404);
    expect(other.body.statusCode).toBe(404);

    const touchpoints = await ctx.http.get(`/clients/${mine.id}/touchpoints`).set(clientUser.auth).expect(200);
    expect(touchpoints.body.map((t: { id: string }) => t.id)).toEqual([myTouchpoint.id]);
    await ctx.http.get(`/clients/${theirs.id}/touchpoints`).set(clientUser.auth).expect(404);
    await ctx.http.get(`/clients/${theirs.id}/touchpoints/${theirTouchpoint.id}`).set(clientUser.auth).expect(404);
    // a touchpoint of another client asked for under my client id is not found either
    await ctx.http.get(`/clients/${mine.id}/touchpoints/${theirTouchpoint.id}`).set(clientUser.auth).expect(404);
    // client users read, never write
    await ctx.http.post('/clients').set(clientUser.auth).send({ name: 'Mine 2' }).expect(403);
    await ctx.http
      .post(`/clients/${mine.id}/touchpoints`)
      .set(clientUser.auth)
      .send({ name: 'X', channel: 'phone', region: 'Norte' })
      .expect(403);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    await ctx.http.get('/clients/not-a-uuid').set(consultant.auth).expect(400);
  });

  it('documents the design routes on the OpenAPI page', async () => {
    const json = await ctx.http.get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/clients',
        '/clients/{id}',
        '/clients/{clientId}/touchpoints',
        '/questionnaires',
        '/questionnaires/{id}',
        '/questionnaires/{id}/publish',
        '/questionnaires/{id}/versions',
        '/questionnaire-templates',
        '/questionnaire-templates/{key}/copy',
        '/campaigns',
        '/campaigns/{id}',
        '/campaigns/{id}/activate',
        '/campaigns/{id}/close',
      ]),
    );
  });
});
