// Programs (issue 15, docs/kpis.md §5b): a client's wave across three channels, worked out by hand.
//
// Questionnaires (yes/no questions of 10 points each; dimension in brackets):
//   Branch (in_person): greet [protocol], accurate, parking, data (N/A allowed)
//   Phone  (phone):     greet [protocol], accurate, hold,    data (N/A allowed)
//   Email  (email):     salutation [protocol], accurate             ← no `data` question at all
// The program maps greet and salutation onto one measure "greeting". Measures of the wave, in order:
// greeting (custom), accurate (shared by all three), data (shared by branch and phone only: absent from
// email, and mostly N/A), protocol (dimension). parking, hold: one questionnaire each, no measure.
//
// Wave 2 (current), all approved except V11; P = passed, F = failed, – = N/A; protocol score = 100·greet:
//  visit tp  channel    greet/sal accurate data  score  timing(s)  fcr
//  V1    B1  in_person  P         P        P     100    wait 60
//  V2    B1  in_person  P         F        –      70    wait 120
//  V3    B2  in_person  P         P        –      80    wait 180
//  V4    B2  in_person  F         P        –      60    wait 240
//  V5    P1  phone      P         F        P      50    wait 30     yes
//  V6    P1  phone      F         F        –      40    wait 90     no
//  V7    P1  phone      F         P        F      30    wait 200    no
//  V8    E1  email      P         P        (none) 90    resp 1800
//  V9    E1  email      P         P        (none) 100   resp 3600
//  V10   E1  email      P         F        (none) 80    resp 10800
//  V11   P1  phone      P         P        –     100    (submitted: consultants' preview only)
// SLA: in_person 300, phone 60, email 3600.
//
// Channel means: in_person (100+70+80+60)/4 = 77.5, phone (50+40+30)/3 = 40, email (90+100+80)/3 = 90;
// shares of the 10 visits: 40 %, 30 %, 30 %. Consistency: μ = 69.1667, σ (population) = 21.2459,
// index = 100·(1 − σ/μ) = 69.283, spread 90 − 40 = 50. Ranking: email, in_person, phone.
// greeting: in_person 3/4 = 75, phone 1/3 = 33.33, email 3/3 = 100 → weakest phone; spread 66.67,
//   index 60.402; chi-square (7 passed, 3 failed of 10; expected 2.8/1.2, 2.1/0.9, 2.1/0.9):
//   0.01429 + 0.03333 + 0.57619 + 1.34444 + 0.38571 + 0.9 = 3.25397, df 2, p = e^(−3.25397/2) = 0.19652.
// accurate: in_person 3/4 = 75, phone 1/3 = 33.33, email 2/3 = 66.67 → weakest phone, index 69.139.
// data: in_person 1/1 = 100 (three N/A), phone 1/2 = 50 (one N/A); email has no value (not 0):
//   μ 75, σ 25 → index 66.667, spread 50.
// protocol (dimension, mean score): 75, 33.33, 100, as greeting; its Welch ANOVA cannot run (email
//   has no spread while the others do) → no test.
// Priorities, gap × share / 100: phone greeting (100 − 33.33)·30 % = 20, phone protocol 20, phone data
//   (100 − 50)·30 % = 15, phone accurate (75 − 33.33)·30 % = 12.5, in_person greeting 25·40 % = 10,
//   in_person protocol 10, email accurate (75 − 66.67)·30 % = 2.5.
// Timing: in_person median 150, SLA 4/4 = 100 %; phone median 90, SLA 1/3 = 33.33 %; email median
//   3600, SLA 2/3 = 66.67 %. FCR: phone 1/3 = 33.33 % (n 3).
//
// Wave 1 (previous): W1 B1 greet P score 80; W2 B1 greet F 60; W3..W5 P1 greet F, 20, 30, 40.
// Channel trend: in_person 70 → 77.5 (+7.5), phone 30 → 40 (+10); email new. Consistency 60 → 69.283.
// greeting trend: 1/5 = 20 % → 7/10 = 70 % (+50); pooled 8/15, se = √(0.5333·0.4667·(1/5 + 1/10))
//   = 0.27325, z = 0.5/0.27325 = 1.8298, p = 0.0673 (not significant).
// Action plan after wave 1:
//   A1 greeting on phone:  0/3 = 0 % → 1/3 = 33.33 %; pooled 1/6, se = √(1/6·5/6·2/3) = 0.30429,
//      z = 1.0954, p = 0.2733.
//   A2 greeting at touchpoint B1: 1/2 = 50 % → 2/2 = 100 %; pooled 3/4, se = √(0.75·0.25·1) = 0.43301,
//      z = 1.1547, p = 0.2482.
import * as ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { readPdf } from '../../src/exports/testing/pdf-text';
import type { ProgramModel } from '../../src/programs/program-model';
import type { QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import {
  GivenAnswerRow,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisitWithGivenScores,
} from '../factories/tables.factory';
import { binary } from '../helpers/binary';

jest.setTimeout(120_000);

const question = (key: string, text: string, extra: Record<string, unknown> = {}) => ({
  key,
  text,
  type: 'yes_no',
  maxPoints: 10,
  required: false,
  allowNa: false,
  critical: false,
  knockoutScope: 'section',
  channels: [],
  bonus: false,
  ...extra,
});
// Stored as written (already in normalised form).
const definition = (title: string, questions: unknown[]) =>
  ({
    title,
    language: 'en',
    sections: [{ key: 'main', title: 'Main', weight: 1, questions }],
  }) as QuestionnaireDefinition;

const BRANCH = definition('Branch', [
  question('greet', 'Greeted within a minute', { dimension: 'protocol', recommendation: 'Greet every customer within a minute' }),
  question('accurate', 'Accurate answer', { recommendation: 'Check the product sheet before answering' }),
  question('parking', 'Parking available'),
  question('data', 'Protected my data', { allowNa: true }),
]);
const PHONE = definition('Phone', [
  question('greet', 'Answered with the bank name', { dimension: 'protocol', recommendation: 'Answer with the bank name' }),
  question('accurate', 'Accurate answer'),
  question('hold', 'Hold under a minute'),
  question('data', 'Identified me before giving data', { allowNa: true }),
]);
const EMAIL = definition('Email', [
  question('salutation', 'Personal salutation', { dimension: 'protocol', recommendation: 'Open with the customer name' }),
  question('accurate', 'Accurate answer'),
]);

type Mark = 'P' | 'F' | '-' | null;
const answer = (key: string, mark: Mark): GivenAnswerRow | null =>
  mark === null
    ? null
    : mark === '-'
      ? { questionKey: key, sectionKey: 'main', value: null, na: true, counted: false }
      : {
          questionKey: key,
          sectionKey: 'main',
          value: mark === 'P',
          counted: true,
          earned: mark === 'P' ? 10 : 0,
          possible: 10,
          passed: mark === 'P',
        };

describe('Programs (e2e)', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let clientA: Session;
  let clientB: Session;
  let shopper: Session;
  let clientId: string;
  let otherClientId: string;
  const tp: Record<string, string> = {};
  const campaigns: Record<string, string> = {};
  let otherCampaign: string;
  let programId: string;
  let wave1: string;
  let wave2: string;

  async function visit(
    campaign: string,
    questionnaireId: string,
    touchpoint: string,
    day: number,
    score: number,
    marks: Record<string, Mark>,
    extra: Record<string, unknown> = {},
  ) {
    const greetKey = marks.salutation !== undefined ? 'salutation' : 'greet';
    await insertVisitWithGivenScores(ctx.db, {
      campaignId: campaign,
      questionnaireId,
      touchpointId: touchpoint,
      shopperId: shopper.user.id,
      visitedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`,
      score,
      sections: [{ key: 'main', score, earned: score, possible: 100 }],
      dimensions: [{ key: 'protocol', score: marks[greetKey] === 'P' ? 100 : 0, earned: marks[greetKey] === 'P' ? 10 : 0, possible: 10 }],
      answers: Object.entries(marks)
        .map(([key, mark]) => answer(key, mark))
        .filter((row): row is GivenAnswerRow => row !== null),
      ...extra,
    });
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    clientId = (await insertClient(ctx.db, { name: 'Banco Prueba' })).id;
    otherClientId = (await insertClient(ctx.db, { name: 'Other bank' })).id;
    clientA = await createUser(ctx.http, admin, { role: 'client', clientId });
    clientB = await createUser(ctx.http, admin, { role: 'client', clientId: otherClientId });
    shopper = await createUser(ctx.http, admin, { role: 'shopper' });
    tp.B1 = (await insertTouchpoint(ctx.db, { clientId, name: 'Branch 1', channel: 'in_person', region: 'North', city: null })).id;
    tp.B2 = (await insertTouchpoint(ctx.db, { clientId, name: 'Branch 2', channel: 'in_person', region: 'South', city: null })).id;
    tp.P1 = (await insertTouchpoint(ctx.db, { clientId, name: 'Phone line', channel: 'phone', region: 'North', city: null })).id;
    tp.E1 = (await insertTouchpoint(ctx.db, { clientId, name: 'Email inbox', channel: 'email', region: 'North', city: null })).id;
    const otherTouchpoint = (await insertTouchpoint(ctx.db, { clientId: otherClientId, name: 'Other branch', region: 'North', city: null }))
      .id;
    const q = {
      branch: (await insertQuestionnaire(ctx.db, { definition: BRANCH })).id,
      phone: (await insertQuestionnaire(ctx.db, { definition: PHONE })).id,
      email: (await insertQuestionnaire(ctx.db, { definition: EMAIL })).id,
    };
    // Active March 2026 waves without scenarios.
    const march = { startsOn: '2026-03-01', endsOn: '2026-03-31', scenarios: [] };
    otherCampaign = (
      await insertCampaign(ctx.db, { ...march, clientId: otherClientId, questionnaireId: q.branch, touchpointIds: [otherTouchpoint] })
    ).id;

    // Wave 1
    campaigns.branch1 = (
      await insertCampaign(ctx.db, { ...march, clientId, questionnaireId: q.branch, touchpointIds: [tp.B1], name: 'W1 branches' })
    ).id;
    campaigns.phone1 = (
      await insertCampaign(ctx.db, { ...march, clientId, questionnaireId: q.phone, touchpointIds: [tp.P1], name: 'W1 phone' })
    ).id;
    await visit(campaigns.branch1, q.branch, tp.B1, 2, 80, { greet: 'P', accurate: 'P' });
    await visit(campaigns.branch1, q.branch, tp.B1, 3, 60, { greet: 'F', accurate: 'P' });
    for (const [day, score] of [
      [4, 20],
      [5, 30],
      [6, 40],
    ])
      await visit(campaigns.phone1, q.phone, tp.P1, day, score, { greet: 'F', accurate: 'F' });

    // Wave 2
    const sla = { in_person: 300, phone: 60, email: 3600 };
    campaigns.branch = (
      await insertCampaign(ctx.db, {
        ...march,
        clientId,
        questionnaireId: q.branch,
        touchpointIds: [tp.B1, tp.B2],
        name: 'W2 branches',
        slaSeconds: sla,
      })
    ).id;
    campaigns.phone = (
      await insertCampaign(ctx.db, {
        ...march,
        clientId,
        questionnaireId: q.phone,
        touchpointIds: [tp.P1],
        name: 'W2 phone',
        slaSeconds: sla,
      })
    ).id;
    campaigns.email = (
      await insertCampaign(ctx.db, {
        ...march,
        clientId,
        questionnaireId: q.email,
        touchpointIds: [tp.E1],
        name: 'W2 email',
        slaSeconds: sla,
      })
    ).id;
    await visit(campaigns.branch, q.branch, tp.B1, 10, 100, { greet: 'P', accurate: 'P', parking: 'P', data: 'P' }, { waitSeconds: 60 });
    await visit(campaigns.branch, q.branch, tp.B1, 11, 70, { greet: 'P', accurate: 'F', parking: 'P', data: '-' }, { waitSeconds: 120 });
    await visit(campaigns.branch, q.branch, tp.B2, 12, 80, { greet: 'P', accurate: 'P', parking: 'F', data: '-' }, { waitSeconds: 180 });
    await visit(campaigns.branch, q.branch, tp.B2, 13, 60, { greet: 'F', accurate: 'P', parking: 'P', data: '-' }, { waitSeconds: 240 });
    await visit(
      campaigns.phone,
      q.phone,
      tp.P1,
      14,
      50,
      { greet: 'P', accurate: 'F', hold: 'P', data: 'P' },
      { waitSeconds: 30, fcr: true },
    );
    await visit(
      campaigns.phone,
      q.phone,
      tp.P1,
      15,
      40,
      { greet: 'F', accurate: 'F', hold: 'P', data: '-' },
      { waitSeconds: 90, fcr: false },
    );
    await visit(
      campaigns.phone,
      q.phone,
      tp.P1,
      16,
      30,
      { greet: 'F', accurate: 'P', hold: 'F', data: 'F' },
      { waitSeconds: 200, fcr: false },
    );
    await visit(campaigns.email, q.email, tp.E1, 17, 90, { salutation: 'P', accurate: 'P' }, { responseSeconds: 1800 });
    await visit(campaigns.email, q.email, tp.E1, 18, 100, { salutation: 'P', accurate: 'P' }, { responseSeconds: 3600 });
    await visit(campaigns.email, q.email, tp.E1, 19, 80, { salutation: 'P', accurate: 'F' }, { responseSeconds: 10800 });
    await visit(
      campaigns.phone,
      q.phone,
      tp.P1,
      20,
      100,
      { greet: 'P', accurate: 'P', hold: 'P', data: '-' },
      { status: 'submitted', waitSeconds: 10 },
    );
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const download = (session: Session, kind: 'pdf' | 'xlsx', query = '') =>
    ctx.http.get(`/programs/${programId}/waves/${wave2}/report.${kind}${query}`).set(session.auth).buffer(true).parse(binary);

  describe('programs and waves', () => {
    it('a consultant creates the program and its waves; bad input names the field', async () => {
      const created = await ctx.http
        .post('/programs')
        .set(consultant.auth)
        .send({
          clientId,
          name: 'Calidad omnicanal 2026',
          measures: [{ key: 'greeting', title: 'Greeting', questionKeys: ['greet', 'salutation'] }],
        })
        .expect(201);
      programId = created.body.id;
      expect(created.body).toMatchObject({
        clientId,
        name: 'Calidad omnicanal 2026',
        measures: [{ key: 'greeting', questionKeys: ['greet', 'salutation'] }],
      });

      const unknownClient = await ctx.http.post('/programs').set(consultant.auth).send({ clientId: otherCampaign, name: 'X' }).expect(422);
      expect(unknownClient.body.details).toEqual([expect.objectContaining({ field: 'clientId' })]);
      const repeated = await ctx.http
        .post('/programs')
        .set(consultant.auth)
        .send({
          clientId,
          name: 'X',
          measures: [
            { key: 'a', title: 'A', questionKeys: ['x'] },
            { key: 'a', title: 'B', questionKeys: ['y'] },
          ],
        })
        .expect(422);
      expect(repeated.body.details).toEqual([expect.objectContaining({ field: 'measures[1].key' })]);
      await ctx.http.post('/programs').set(consultant.auth).send({ clientId, name: '', measures: 'x' }).expect(400);
      await ctx.http.post('/programs').set(clientA.auth).send({ clientId, name: 'Mine' }).expect(403);

      wave1 = (
        await ctx.http
          .post(`/programs/${programId}/waves`)
          .set(consultant.auth)
          .send({ name: 'Wave 1', campaignIds: [campaigns.branch1, campaigns.phone1] })
          .expect(201)
      ).body.id;
      const foreign = await ctx.http
        .post(`/programs/${programId}/waves`)
        .set(consultant.auth)
        .send({
          name: 'Wave 2',
          campaignIds: [campaigns.branch, otherCampaign, '00000000-0000-4000-8000-000000000000'],
          previousWaveId: '00000000-0000-4000-8000-000000000001',
        })
        .expect(422);
      expect(foreign.body.details.map((d: { field: string }) => d.field)).toEqual(['campaignIds[1]', 'campaignIds[2]', 'previousWaveId']);
      const second = await ctx.http
        .post(`/programs/${programId}/waves`)
        .set(consultant.auth)
        .send({ name: 'Wave 2', campaignIds: [campaigns.branch, campaigns.phone], previousWaveId: wave1 })
        .expect(201);
      wave2 = second.body.id;
      const patched = await ctx.http
        .patch(`/programs/${programId}/waves/${wave2}`)
        .set(consultant.auth)
        .send({ campaignIds: [campaigns.branch, campaigns.phone, campaigns.email] })
        .expect(200);
      expect(patched.body).toMatchObject({ campaignIds: [campaigns.branch, campaigns.phone, campaigns.email], previousWaveId: wave1 });
      const loop = await ctx.http
        .patch(`/programs/${programId}/waves/${wave1}`)
        .set(consultant.auth)
        .send({ previousWaveId: wave2 })
        .expect(422);
      expect(loop.body.details).toEqual([expect.objectContaining({ field: 'previousWaveId' })]);
      await ctx.http
        .post(`/programs/00000000-0000-4000-8000-000000000000/waves`)
        .set(consultant.auth)
        .send({ name: 'W', campaignIds: [campaigns.branch] })
        .expect(404);
      await ctx.http.get(`/programs/${programId}/waves/00000000-0000-4000-8000-000000000000/kpis`).set(consultant.auth).expect(404);
    });

    it('client users read their own client’s programs only', async () => {
      expect((await ctx.http.get('/programs').set(clientA.auth).expect(200)).body.map((p: { id: string }) => p.id)).toEqual([programId]);
      expect((await ctx.http.get('/programs').set(clientB.auth).expect(200)).body).toEqual([]);
      expect((await ctx.http.get(`/programs?clientId=${clientId}`).set(clientB.auth).expect(200)).body).toEqual([]);
      await ctx.http.get(`/programs/${programId}`).set(clientA.auth).expect(200);
      await ctx.http.get(`/programs/${programId}`).set(clientB.auth).expect(404);
      await ctx.http.get(`/programs/${programId}/waves`).set(clientB.auth).expect(404);
      await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis`).set(clientB.auth).expect(404);
      await ctx.http.get(`/programs/${programId}/actions`).set(clientB.auth).expect(404);
      await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(clientB.auth)
        .send({ measureKey: 'greeting', owner: 'x', dueOn: '2026-06-30' })
        .expect(404);
      await ctx.http.get(`/programs/${programId}`).set(shopper.auth).expect(403);
      await ctx.http.patch(`/programs/${programId}`).set(clientA.auth).send({ name: 'Renamed' }).expect(403);
    });
  });

  describe('action plan', () => {
    it('the consultant and the client’s users write it; unknown measures and foreign touchpoints are 422', async () => {
      const a1 = await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(consultant.auth)
        .send({ measureKey: 'greeting', channels: ['phone'], owner: 'Contact centre', dueOn: '2026-02-28', waveId: wave1 })
        .expect(201);
      expect(a1.body).toMatchObject({ waveId: wave1, measureKey: 'greeting', channels: ['phone'], state: 'open' });
      const a2 = await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(clientA.auth)
        .send({
          measureKey: 'greeting',
          touchpointIds: [tp.B1],
          owner: 'Branch 1 manager',
          dueOn: '2026-02-28',
          waveId: wave1,
          note: 'Greeting training',
        })
        .expect(201);
      await ctx.http.patch(`/programs/${programId}/actions/${a2.body.id}`).set(clientA.auth).send({ state: 'done' }).expect(200);
      const bad = await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(consultant.auth)
        .send({ measureKey: 'parking', touchpointIds: [tp.B1, otherCampaign], owner: 'x', dueOn: '2026-06-30' })
        .expect(422);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['measureKey', 'touchpointIds[1]']);
      await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(consultant.auth)
        .send({ measureKey: 'greeting', owner: 'x', dueOn: '2026-02-31' })
        .expect(400);
      await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(consultant.auth)
        .send({ measureKey: 'greeting', channels: ['fax'], owner: 'x', dueOn: '2026-06-30' })
        .expect(400);
      // An item answering wave 2 (the latest, by default): planned, measured by a later wave.
      const planned = await ctx.http
        .post(`/programs/${programId}/actions`)
        .set(consultant.auth)
        .send({ measureKey: 'data', channels: ['phone'], owner: 'Compliance', dueOn: '2026-09-30' })
        .expect(201);
      expect(planned.body.waveId).toBe(wave2);
      const list = await ctx.http.get(`/programs/${programId}/actions`).set(clientA.auth).expect(200);
      expect(list.body.map((a: { state: string }) => a.state)).toEqual(['open', 'done', 'open']);
    });
  });

  describe('the program model', () => {
    let model: ProgramModel;

    beforeAll(async () => {
      model = (await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis`).set(clientA.auth).expect(200)).body;
    });

    it('channels, consistency and ranking', () => {
      expect(model.n).toBe(10);
      expect(model.channels.map((c) => [c.channel, c.mean, c.n, c.share])).toEqual([
        ['in_person', 77.5, 4, 40],
        ['phone', 40, 3, 30],
        ['email', 90, 3, 30],
      ]);
      expect(model.channels[0].ci95![0]).toBeLessThan(77.5);
      expect(model.consistency.spread).toBeCloseTo(50, 10);
      expect(model.consistency.index).toBeCloseTo(69.283, 3);
      expect(model.ranking.map((r) => r.channel)).toEqual(['email', 'in_person', 'phone']);
      expect(model.channelTest!.name).toBe('welch_anova');
      expect(model.campaigns.map((c) => [c.name, c.mean, c.n, c.channels])).toEqual([
        ['W2 branches', 77.5, 4, ['in_person']],
        ['W2 phone', 40, 3, ['phone']],
        ['W2 email', 90, 3, ['email']],
      ]);
    });

    it('measures: mapped keys, shared keys, a measure absent from one channel, an N/A-heavy one', () => {
      expect(model.measures.map((m) => [m.key, m.kind])).toEqual([
        ['greeting', 'custom'],
        ['accurate', 'question'],
        ['data', 'question'],
        ['protocol', 'dimension'],
      ]);
      const [greeting, accurate, data, protocol] = model.measures;
      expect(greeting.channels.map((c) => [c.channel, c.n])).toEqual([
        ['in_person', 4],
        ['phone', 3],
        ['email', 3],
      ]);
      expect(greeting.channels.map((c) => c.compliance)).toEqual([75, expect.closeTo(33.333, 3), 100]);
      expect(greeting.weakestChannel).toBe('phone');
      expect(greeting.consistency.index).toBeCloseTo(60.402, 3);
      expect(greeting.test!.name).toBe('chi_square');
      expect(greeting.test!.statistic).toBeCloseTo(3.25397, 4);
      expect(greeting.test!.pValue).toBeCloseTo(0.19652, 4);
      expect(greeting.test!.significant).toBe(false);
      expect(accurate.channels.map((c) => c.compliance)).toEqual([75, expect.closeTo(33.333, 3), expect.closeTo(66.667, 3)]);
      expect(accurate.consistency.index).toBeCloseTo(69.139, 3);
      // data: never a 0 on email, which does not ask it; N/A answers are not counted.
      expect(data.channels).toEqual([
        { channel: 'in_person', compliance: 100, n: 1 },
        { channel: 'phone', compliance: 50, n: 2 },
      ]);
      expect(data.consistency).toEqual({ spread: 50, index: expect.closeTo(66.667, 3) });
      expect(protocol.channels.map((c) => c.compliance)).toEqual([75, expect.closeTo(33.333, 3), 100]);
      expect(protocol.test).toBeUndefined();
    });

    it('priorities, timing and FCR', () => {
      expect(model.priorities.map((p) => [p.measureKey, p.channel, Number(p.impact.toFixed(4))])).toEqual([
        ['greeting', 'phone', 20],
        ['protocol', 'phone', 20],
        ['data', 'phone', 15],
        ['accurate', 'phone', 12.5],
        ['greeting', 'in_person', 10],
        ['protocol', 'in_person', 10],
        ['accurate', 'email', 2.5],
      ]);
      // The advice of the phone questionnaire itself, not of the branch or email ones.
      expect(model.priorities[0].advice).toBe('Answer with the bank name');
      expect(model.timing.map((t) => [t.channel, t.metric, t.median, t.slaSeconds, t.n])).toEqual([
        ['in_person', 'wait_time', 150, 300, 4],
        ['phone', 'wait_time', 90, 60, 3],
        ['email', 'response_time', 3600, 3600, 3],
      ]);
      expect(model.timing.map((t) => t.slaCompliance)).toEqual([100, expect.closeTo(33.333, 3), expect.closeTo(66.667, 3)]);
      expect(model.fcr).toEqual([
        { channel: 'in_person', rate: null, n: 0 },
        { channel: 'phone', rate: expect.closeTo(33.333, 3), n: 3 },
        { channel: 'email', rate: null, n: 0 },
      ]);
    });

    it('trend against the previous wave, and the action plan before → after', () => {
      expect(model.wave).toMatchObject({ id: wave2, previousWaveId: wave1, previousWaveName: 'Wave 1' });
      expect(model.trend!.channels.map((c) => [c.channel, c.previous, c.current, c.change])).toEqual([
        ['in_person', 70, 77.5, 7.5],
        ['phone', 30, 40, 10],
        ['email', null, 90, null],
      ]);
      expect(model.trend!.consistency.previous).toBeCloseTo(60, 10);
      const greeting = model.trend!.measures.find((m) => m.key === 'greeting');
      expect(greeting).toMatchObject({ previous: 20, current: 70, change: 50, significant: false, test: 'two_proportion_z' });
      expect(greeting!.pValue).toBeCloseTo(0.0673, 4);
      const [phone, branch] = model.actions;
      expect(phone).toMatchObject({
        measureKey: 'greeting',
        channels: ['phone'],
        before: 0,
        nBefore: 3,
        nAfter: 3,
        significant: false,
        state: 'open',
      });
      expect(phone.after).toBeCloseTo(33.333, 3);
      expect(phone.pValue).toBeCloseTo(0.2733, 4);
      expect(branch).toMatchObject({ touchpointIds: [tp.B1], before: 50, after: 100, change: 50, nBefore: 2, nAfter: 2, state: 'done' });
      expect(branch.pValue).toBeCloseTo(0.2482, 4);
      expect(model.plannedActions.map((a) => [a.measureKey, a.owner])).toEqual([['data', 'Compliance']]);
    });

    it('counts from visit answers when dated, previews submitted visits for consultants only', async () => {
      const dated: ProgramModel = (
        await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis?from=2026-03-01&to=2026-03-31`).set(clientA.auth).expect(200)
      ).body;
      expect(dated.measures).toEqual(model.measures);
      const early: ProgramModel = (
        await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis?to=2026-03-13`).set(clientA.auth).expect(200)
      ).body;
      expect(early.channels.map((c) => c.channel)).toEqual(['in_person']);
      expect(early.measures[0].channels).toEqual([{ channel: 'in_person', compliance: 75, n: 4 }]);
      expect(early.measures[0].consistency).toEqual({ spread: null, index: null });

      const clientPeek: ProgramModel = (
        await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis?includeUnapproved=true`).set(clientA.auth).expect(200)
      ).body;
      expect(clientPeek.n).toBe(10);
      const preview: ProgramModel = (
        await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis?includeUnapproved=true`).set(consultant.auth).expect(200)
      ).body;
      expect(preview.n).toBe(11);
      // phone greeting with V11: 2 of 4 = 50 %
      expect(preview.measures[0].channels[1]).toEqual({ channel: 'phone', compliance: 50, n: 4 });
      const phoneOnly: ProgramModel = (
        await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis?channel=phone`).set(consultant.auth).expect(200)
      ).body;
      expect(phoneOnly.channels.map((c) => c.channel)).toEqual(['phone']);
      expect(phoneOnly.consistency).toEqual({ spread: null, index: null });
    });
  });

  describe('the omnichannel report', () => {
    let model: ProgramModel;
    const es = (value: number) => value.toFixed(1).replace('.', ',');

    beforeAll(async () => {
      model = (await ctx.http.get(`/programs/${programId}/waves/${wave2}/kpis`).set(clientA.auth).expect(200)).body;
    });

    it('the PDF says what the model says, in Spanish on request and in the questionnaires’ English by default', async () => {
      const response = await download(clientA, 'pdf', '?lang=es').expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="calidad-omnicanal-2026-wave-2-\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      const body = response.body as Buffer;
      if (process.env.PROGRAMS_DUMP_DIR) writeFileSync(join(process.env.PROGRAMS_DUMP_DIR, 'programs-e2e.pdf'), body);
      const { text, info } = await readPdf(body);
      const flat = text.replace(/\s+/g, ' ');
      expect(info.Title).toBe('Informe omnicanal — Calidad omnicanal 2026 — Wave 2');
      expect(flat).toContain('INFORME OMNICANAL');
      expect(flat).toContain(`Índice de consistencia ${es(model.consistency.index!)} sobre 100`);
      expect(flat).toContain(`varía ${es(model.consistency.spread!)} puntos entre canales, de Correo electrónico (90,0) a Teléfono (40,0)`);
      // The heatmap: every measured cell's value, and the measures table's consistency per measure.
      for (const measure of model.measures) {
        expect(flat).toContain(measure.title);
        for (const value of measure.channels) if (value.compliance !== null) expect(flat).toContain(es(value.compliance));
      }
      expect(flat).toContain('Prioridades del programa');
      expect(flat).toContain('Answer with the bank name');
      expect(flat).toContain('Resultados del plan de acción');
      expect(flat).toContain('Contact centre');
      expect(flat).toContain('Plan de acción para la próxima oleada');
      expect(flat).toContain('Canal: Teléfono');
      expect(flat).not.toContain(shopper.user.email);

      const english = await readPdf((await download(clientA, 'pdf').expect(200)).body as Buffer);
      expect(english.text).toContain('OMNICHANNEL REPORT');
      expect(english.text.replace(/\s+/g, ' ')).toContain(`Consistency index ${model.consistency.index!.toFixed(1)} out of 100`);
    });

    it('the workbook holds the model’s numbers as numbers', async () => {
      const response = await download(clientA, 'xlsx', '?lang=en').expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'Channels',
        'Campaigns',
        'Heatmap',
        'Measures',
        'Priorities',
        'Action plan',
        'Timing',
      ]);
      const heatmap = workbook.getWorksheet('Heatmap')!;
      expect(heatmap.getRow(1).values).toEqual([
        undefined,
        'Key',
        'Measure',
        'In person (%)',
        'Phone (%)',
        'Email (%)',
        'In person (n)',
        'Phone (n)',
        'Email (n)',
      ]);
      model.measures.forEach((measure, index) => {
        const row = heatmap.getRow(index + 2);
        expect(row.getCell(1).value).toBe(measure.key);
        model.channels.forEach((channel, column) => {
          const value = measure.channels.find((item) => item.channel === channel.channel);
          expect(row.getCell(3 + column).value).toBe(value?.compliance ?? null);
          expect(row.getCell(3 + model.channels.length + column).value).toBe(value?.n ?? null);
        });
      });
      // data on email: an empty cell, never 0
      expect(heatmap.getRow(4).getCell(5).value).toBeNull();
      const channels = workbook.getWorksheet('Channels')!;
      model.channels.forEach((channel, index) => {
        expect(channels.getRow(index + 2).getCell(3).value).toBe(channel.mean);
        expect(channels.getRow(index + 2).getCell(6).value).toBe(channel.n);
      });
      const priorities = workbook.getWorksheet('Priorities')!;
      expect(priorities.getRow(2).getCell(7).value).toBeCloseTo(model.priorities[0].impact, 10);
      const actions = workbook.getWorksheet('Action plan')!;
      expect(actions.getRow(2).getCell(6).value).toBe(model.actions[0].before);
      expect(actions.getRow(2).getCell(8).value).toBeCloseTo(model.actions[0].after!, 10);
      expect(actions.getRow(2).getCell(11).value).toBeCloseTo(model.actions[0].pValue!, 10);
      expect(workbook.getWorksheet('Summary')!.getRow(8).getCell(3).value).toBeCloseTo(model.consistency.index!, 10);
    });

    it('is refused to other clients as the model is', async () => {
      await download(clientB, 'pdf').expect(404);
      await download(clientB, 'xlsx').expect(404);
      await download(shopper, 'pdf').expect(403);
      await ctx.http.get(`/programs/${programId}/waves/${wave2}/report.pdf?lang=fr`).set(clientA.auth).expect(400);
    });
  });
});
