// `npm run demo` at a small scale (6 shoppers, one visit per touchpoint and wave): the same seeder,
// over real HTTP against the real app, so the demo keeps working as the API evolves.
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Api } from '../../scripts/demo/http';
import { CAMPAIGNS, CLIENT_NAME, PASSWORDS, TOUCHPOINTS } from '../../scripts/demo/program';
import { BACKDATE_DAYS, CURRENT_WAVE_NAME, NEW_SHOPPER, openCurrentFieldwork, seedProgram, writeReports } from '../../scripts/demo/seeder';
import { ADMIN, createTestApp, TestContext } from '../helpers/test-app';

describe('the demo program (small scale)', () => {
  let context: TestContext;
  let api: Api;
  let clientId: string;

  beforeAll(async () => {
    context = await createTestApp({ MAX_VISITS_PER_DAY: '12' });
    await context.app.listen(0, '127.0.0.1');
    const { port } = context.app.getHttpServer().address() as AddressInfo;
    api = new Api(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await context.close();
  });

  it('records two waves through the API, back-dates the first, approves every visit and writes the reports', async () => {
    const adminToken = (await api.login(ADMIN.email, ADMIN.password)).accessToken;
    clientId = await seedProgram({
      api,
      adminToken,
      databaseUrl: process.env.DATABASE_URL!,
      log: () => undefined,
      shopperCount: 6,
      visitsPerTouchpoint: () => 1,
    });

    const clients = await api.get<Array<{ id: string; name: string }>>('/clients', adminToken);
    expect(clients.filter((client) => client.name === CLIENT_NAME).map((client) => client.id)).toEqual([clientId]);

    const campaigns = await api.get<
      Array<{ id: string; name: string; status: string; startsOn: string; previousCampaignId: string | null }>
    >(`/campaigns?clientId=${clientId}`, adminToken);
    expect(campaigns).toHaveLength(2 * CAMPAIGNS.length);
    expect(campaigns.every((campaign) => campaign.status === 'closed')).toBe(true);
    const first = campaigns.filter((campaign) => campaign.name.startsWith('Oleada 1'));
    const second = campaigns.filter((campaign) => campaign.name.startsWith('Oleada 2'));
    expect(second.map((campaign) => campaign.previousCampaignId).sort()).toEqual(first.map((campaign) => campaign.id).sort());

    // Every planned visit was made, reviewed and approved.
    const visits = 2 * TOUCHPOINTS.length;
    const statuses = await context.db.query<Array<{ status: string; n: number }>>(
      `SELECT status, count(*)::int AS n FROM assignments GROUP BY status`,
    );
    expect(statuses).toEqual([{ status: 'approved', n: visits }]);

    // The first wave lies a quarter before the second, its visits included.
    const days = (startsOn: string) => Date.parse(startsOn) / 86_400_000;
    expect(days(second[0].startsOn) - days(first[0].startsOn)).toBe(BACKDATE_DAYS);
    const [{ oldest }] = await context.db.query<Array<{ oldest: boolean }>>(
      `SELECT min(now() - visited_at) > interval '${BACKDATE_DAYS - 3} days' AS oldest FROM visit_reports WHERE campaign_id = ANY($1::uuid[])`,
      [first.map((campaign) => campaign.id)],
    );
    expect(oldest).toBe(true);

    const outputDir = mkdtempSync(join(tmpdir(), 'incognito-demo-output-'));
    try {
      const files = await writeReports(api, clientId, outputDir, () => undefined);
      expect(files).toHaveLength(2 * CAMPAIGNS.length);
      for (const file of files) {
        const head = readFileSync(file).subarray(0, 4).toString('latin1');
        expect(head).toBe(file.endsWith('.pdf') ? '%PDF' : 'PK\u0003\u0004');
      }
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  }, 60_000); // each report first uploads its evidence files (issue 12), about a fifth more requests

  it('leaves a branch wave in progress whose open jobs a new shopper can take, once', async () => {
    await openCurrentFieldwork(api, clientId, () => undefined);
    await openCurrentFieldwork(api, clientId, () => undefined); // a re-run makes nothing twice
    const adminToken = (await api.login(ADMIN.email, ADMIN.password)).accessToken;
    const campaigns = await api.get<Array<{ id: string; name: string; status: string }>>(`/campaigns?clientId=${clientId}`, adminToken);
    const current = campaigns.filter((campaign) => campaign.name === CURRENT_WAVE_NAME);
    expect(current.map((campaign) => campaign.status)).toEqual(['active']);

    const shopper = (await api.login(NEW_SHOPPER.email, PASSWORDS.shopper)).accessToken;
    const board = await api.get<Array<{ id: string; campaignId: string }>>(`/assignments?status=open&campaignId=${current[0].id}`, shopper);
    const branches = TOUCHPOINTS.filter((touchpoint) => CAMPAIGNS[0].touchpointKeys.includes(touchpoint.key)).length;
    expect(board).toHaveLength(2 * branches);
    const claimed = await api.post<{ status: string }>(`/assignments/${board[0].id}/claim`, shopper);
    expect(claimed.status).toBe('assigned');
    const questionnaire = await api.get<{ sections: unknown[] }>(`/assignments/${board[0].id}/questionnaire`, shopper);
    expect(questionnaire.sections.length).toBeGreaterThan(0);
  }, 60_000);
});
