// A campaign's retentionDays (docs/domain.md §4b): once closed that long, its employee descriptions and
// evidence files go, stored objects included; other campaigns keep theirs, even a file with the same bytes.
import { existsSync } from 'fs';
import { join } from 'path';
import { RetentionPurge } from '../../src/evidence/retention-purge';
import { binary } from '../helpers/binary';
import { tinyPng } from '../helpers/files';
import { createTestApp, TestContext } from '../helpers/test-app';
import { buildWorld, World } from '../factories/world.factory';

jest.setTimeout(60_000);

const png = tinyPng;

describe('evidence retention', () => {
  let ctx: TestContext;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp();
    world = await buildWorld(ctx);
  });
  afterAll(() => ctx.close());

  const upload = async (reportId: string, auth: { Authorization: string }, content: Buffer) =>
    (await ctx.http.post(`/visit-reports/${reportId}/evidence`).set(auth).attach('file', content, 'photo.png').expect(201)).body as {
      id: string;
      sha256: string;
    };
  const storedObject = (sha256: string) => join(ctx.dataDir, 'evidence', sha256.slice(0, 2), sha256);
  const closeCampaign = (campaignId: string, daysAgo: number, retentionDays: number) =>
    ctx.db.query(
      `UPDATE campaigns SET status = 'closed', closed_at = now() - make_interval(days => $2), retention_days = $3 WHERE id = $1`,
      [campaignId, daysAgo, retentionDays],
    );

  it("purges a campaign's employee descriptions and evidence once its retention has run out, and only that campaign's", async () => {
    const reportA = world.a.reports.submitted;
    const reportB = world.b.reports.submitted;
    const onlyA = await upload(reportA.id, world.a.shopper.auth, png('only in A'));
    const sharedA = await upload(reportA.id, world.a.shopper.auth, png('the same bytes in A and B'));
    const sharedB = await upload(reportB.id, world.b.shopper.auth, png('the same bytes in A and B'));
    expect(sharedB.sha256).toBe(sharedA.sha256);
    const employee = JSON.stringify({ name: 'Laura', badge: 'L-17' });
    await ctx.db.query(`UPDATE visit_reports SET employee = $2 WHERE id = ANY($1)`, [[reportA.id, reportB.id], employee]);
    await closeCampaign(world.a.campaign.id, 31, 30); // ran out a day ago
    await closeCampaign(world.b.campaign.id, 10, 30); // twenty days to go
    const consultant = world.consultant.auth;

    // Not yet due: nothing happens.
    expect(await ctx.app.get(RetentionPurge).purge(new Date(Date.now() - 2 * 86_400_000))).toEqual([]);
    expect((await ctx.http.get(`/visit-reports/${reportA.id}`).set(consultant).expect(200)).body.employee).toEqual({
      name: 'Laura',
      badge: 'L-17',
    });

    expect(await ctx.app.get(RetentionPurge).purge()).toEqual([world.a.campaign.id]);

    expect((await ctx.http.get(`/visit-reports/${reportA.id}`).set(consultant).expect(200)).body.employee).toBeNull();
    expect((await ctx.http.get(`/visit-reports/${reportA.id}/evidence`).set(consultant).expect(200)).body).toEqual([]);
    await ctx.http.get(`/evidence/${onlyA.id}`).set(consultant).expect(404);
    await ctx.http.get(`/evidence/${sharedA.id}`).set(consultant).expect(404);
    expect(existsSync(storedObject(onlyA.sha256))).toBe(false);

    // B keeps everything, the object it shares with A included.
    expect((await ctx.http.get(`/visit-reports/${reportB.id}`).set(consultant).expect(200)).body.employee).toEqual({
      name: 'Laura',
      badge: 'L-17',
    });
    expect(existsSync(storedObject(sharedB.sha256))).toBe(true);
    const download = await ctx.http.get(`/evidence/${sharedB.id}`).set(consultant).buffer(true).parse(binary).expect(200);
    expect((download.body as Buffer).equals(png('the same bytes in A and B'))).toBe(true);

    // Done once: the campaign is marked, and a second run finds nothing.
    const [campaign] = await ctx.db.query(`SELECT purged_at FROM campaigns WHERE id = $1`, [world.a.campaign.id]);
    expect(campaign.purged_at).toBeInstanceOf(Date);
    expect(await ctx.app.get(RetentionPurge).purge()).toEqual([]);
  });
});
