// The demo's omnichannel program (issue 15): at a small scale, the demo seeder makes the Banco Meridiano
// program through the API — wave 1, the client's action plan on it, wave 2 with wave 1 as its previous
// wave — and writes the omnichannel report first. Checks what a client user then reads.
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Api } from '../../scripts/demo/http';
import { ACTION_PLAN, CAMPAIGNS, CLIENT_USER, PASSWORDS, PROGRAM } from '../../scripts/demo/program';
import { seedProgram, writeProgramReports } from '../../scripts/demo/seeder';
import type { ProgramModel } from '../../src/programs/program-model';
import { ADMIN, createTestApp, TestContext } from '../helpers/test-app';

jest.setTimeout(180_000);

describe('the demo’s omnichannel program (small scale)', () => {
  let context: TestContext;
  let api: Api;

  beforeAll(async () => {
    context = await createTestApp({ MAX_VISITS_PER_DAY: '12' });
    await context.app.listen(0, '127.0.0.1');
    const { port } = context.app.getHttpServer().address() as AddressInfo;
    api = new Api(`http://127.0.0.1:${port}`);
  });

  afterAll(async () => {
    await context.close();
  });

  it('sets up the program, its two waves and the action plan through the API, and writes the omnichannel report', async () => {
    const adminToken = (await api.login(ADMIN.email, ADMIN.password)).accessToken;
    const clientId = await seedProgram({
      api,
      adminToken,
      databaseUrl: process.env.DATABASE_URL!,
      log: () => undefined,
      shopperCount: 6,
      visitsPerTouchpoint: () => 2,
    });

    const client = (await api.login(CLIENT_USER.email, PASSWORDS.client)).accessToken;
    const programs = await api.get<Array<{ id: string; clientId: string; name: string; measures: unknown[] }>>('/programs', client);
    expect(programs).toEqual([expect.objectContaining({ clientId, name: PROGRAM.name, measures: PROGRAM.measures })]);
    const program = programs[0];
    const waves = await api.get<Array<{ id: string; name: string; campaignIds: string[]; previousWaveId: string | null }>>(
      `/programs/${program.id}/waves`,
      client,
    );
    expect(waves.map((wave) => [wave.name, wave.campaignIds.length])).toEqual(PROGRAM.waveNames.map((name) => [name, CAMPAIGNS.length]));
    expect(waves[1].previousWaveId).toBe(waves[0].id);

    const actions = await api.get<Array<{ waveId: string; measureKey: string; state: string }>>(`/programs/${program.id}/actions`, client);
    expect(actions.filter((action) => action.waveId === waves[0].id).map((action) => [action.measureKey, action.state])).toEqual(
      ACTION_PLAN.map((item) => [item.measureKey, item.state]),
    );
    // One more item, made from the second wave's top priority, for the next wave.
    expect(actions.filter((action) => action.waveId === waves[1].id)).toHaveLength(1);

    const model = await api.get<ProgramModel>(`/programs/${program.id}/waves/${waves[1].id}/kpis`, client);
    // Seven channels, the ten common questions of the templates, the consultant's measure, the dimensions.
    expect(model.channels.map((channel) => channel.channel).sort()).toEqual([
      'email',
      'facebook',
      'in_person',
      'phone',
      'twitter',
      'web_chat',
      'whatsapp',
    ]);
    expect(model.measures[0]).toMatchObject({ key: 'trato_personal', kind: 'custom' });
    for (const key of ['greeting', 'identification', 'accurate_answer', 'closing', 'data_protected']) {
      expect(model.measures.find((measure) => measure.key === key)?.kind).toBe('question');
    }
    expect(model.consistency.index).not.toBeNull();
    expect(model.trend?.previousWaveId).toBe(waves[0].id);
    expect(model.actions.map((action) => action.measureKey)).toEqual(ACTION_PLAN.map((item) => item.measureKey));
    // Measured on exactly what each item targets; a value only where visits counted (at this scale a
    // conditional question such as the follow-up offer may not come up at all).
    for (const action of model.actions) {
      expect(action.before === null).toBe(action.nBefore === 0);
      expect(action.after === null).toBe(action.nAfter === 0);
    }
    expect(model.actions[0]).toMatchObject({ measureKey: 'identification', channels: ['whatsapp', 'facebook', 'twitter'], state: 'done' });
    expect(model.actions[0].nBefore).toBeGreaterThan(0);
    expect(model.actions[0].nAfter).toBeGreaterThan(0);
    expect(model.plannedActions).toHaveLength(1);

    const outputDir = mkdtempSync(join(tmpdir(), 'incognito-programs-demo-'));
    try {
      const files = await writeProgramReports(api, outputDir, () => undefined);
      expect(files.map((file) => file.split('/').pop())).toEqual([
        'informe-omnicanal-oleada-2-segundo-trimestre.pdf',
        'informe-omnicanal-oleada-2-segundo-trimestre.xlsx',
      ]);
      expect(readFileSync(files[0]).subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(readFileSync(files[1]).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
    }
  });
});
