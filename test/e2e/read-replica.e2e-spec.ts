// DATABASE_READ_URL (README "Scaling"): the KPI model, the program model and the PDF and Excel exports run on
// the read connection; writes, and reads that must see one's own writes, stay on DATABASE_URL.
// The "replica" is the test database itself, reached through a connection of its own that behaves like a hot
// standby: application_name `incognito-read` (so pg_stat_activity tells its sessions apart) and
// default_transaction_read_only, so any write routed to it fails the request instead of passing unnoticed.
import { ReadDatabase } from '../../src/database/read-database';
import { createTestApp, TestContext } from '../helpers/test-app';
import { buildWorld, World } from '../factories/world.factory';

const READ_APPLICATION = 'incognito-read';

function readUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', READ_APPLICATION);
  url.searchParams.set('options', '-c default_transaction_read_only=on');
  return url.toString();
}

interface Session {
  pid: number;
  application: string;
  query: string;
}

let ctx: TestContext;
let world: World;

/** The app's sessions on this test's database (not this query's own), with the last statement each ran. */
async function sessions(): Promise<{ read: Session[]; primary: Session[] }> {
  const rows: Session[] = await ctx.db.query(
    `SELECT pid, application_name AS application, query
       FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return {
    read: rows.filter((row) => row.application === READ_APPLICATION),
    primary: rows.filter((row) => row.application !== READ_APPLICATION),
  };
}

/** Statements only the heavy read paths run: the KPI model's aggregates and the Excel visit batches. */
const MODEL_SQL = /GROUPING SETS|percentile_cont|answer_tallies|jsonb_object_agg/;

beforeAll(async () => {
  ctx = await createTestApp((databaseUrl) => ({ DATABASE_READ_URL: readUrlOf(databaseUrl) }));
  world = await buildWorld(ctx);
});

afterAll(async () => {
  await ctx.close();
});

describe('DATABASE_READ_URL', () => {
  it('the read connection is the read-only one: a write there is refused (so a misrouted write would fail)', async () => {
    const read = ctx.app.get(ReadDatabase);
    const [{ application }]: Array<{ application: string }> = await read.query(`SELECT current_setting('application_name') AS application`);
    expect(application).toBe(READ_APPLICATION);
    await expect(read.query(`INSERT INTO clients (name) VALUES ('written on the replica')`)).rejects.toThrow(/read-only transaction/);
    // The DataSource itself (repositories, services that write) stays on the primary.
    const [{ application: primary }]: Array<{ application: string }> = await ctx.db.query(
      `SELECT current_setting('application_name') AS application`,
    );
    expect(primary).not.toBe(READ_APPLICATION);
  });

  it('GET /campaigns/:id/kpis is computed on the read connection, and none of its queries on the primary', async () => {
    const response = await ctx.http.get(`/campaigns/${world.a.campaign.id}/kpis`).set(world.a.clientUser.auth).expect(200);
    expect(response.body.n).toBe(1);
    const { read, primary } = await sessions();
    expect(read.some((session) => MODEL_SQL.test(session.query))).toBe(true);
    expect(primary.filter((session) => MODEL_SQL.test(session.query))).toEqual([]);
  });

  it('a write goes to the primary, and the next KPI model (read connection) counts it', async () => {
    await ctx.http.post(`/visit-reports/${world.a.reports.submitted.id}/approve`).set(world.consultant.auth).expect(200);
    const response = await ctx.http.get(`/campaigns/${world.a.campaign.id}/kpis`).set(world.a.clientUser.auth).expect(200);
    expect(response.body.n).toBe(2);
  });

  it('the PDF and the streamed Excel export read on the read connection', async () => {
    const pdf = await ctx.http.get(`/campaigns/${world.a.campaign.id}/report.pdf`).set(world.a.clientUser.auth).expect(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    await ctx.http.get(`/campaigns/${world.a.campaign.id}/report.xlsx`).set(world.a.clientUser.auth).expect(200);
    const { read, primary } = await sessions();
    // The visit rows of the workbook are the last statement of the export: its batch query with per-visit JSON.
    expect(read.some((session) => /jsonb_object_agg/.test(session.query))).toBe(true);
    expect(primary.filter((session) => MODEL_SQL.test(session.query))).toEqual([]);
  });

  it('the program model reads its figures on the read connection; the program and its wave are written on the primary', async () => {
    const program = await ctx.http
      .post('/programs')
      .set(world.consultant.auth)
      .send({ clientId: world.a.client.id, name: 'Omnichannel on a replica' })
      .expect(201);
    const wave = await ctx.http
      .post(`/programs/${program.body.id}/waves`)
      .set(world.consultant.auth)
      .send({ name: 'Wave 1', campaignIds: [world.a.campaign.id] })
      .expect(201);
    const model = await ctx.http.get(`/programs/${program.body.id}/waves/${wave.body.id}/kpis`).set(world.a.clientUser.auth).expect(200);
    expect(JSON.stringify(model.body)).toContain(world.a.campaign.id);
    const { read, primary } = await sessions();
    expect(read.some((session) => MODEL_SQL.test(session.query))).toBe(true);
    expect(primary.filter((session) => MODEL_SQL.test(session.query))).toEqual([]);
  });
});
