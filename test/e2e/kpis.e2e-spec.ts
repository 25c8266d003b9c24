// GET /campaigns/:id/kpis on a small campaign whose KPIs are worked out by hand below, one test per KPI.
// Every visit is stored the way a submission stores it: its answers scored by scoreSubmission and
// written by storeScores (test/factories/tables.factory.ts), so the stored rows agree with the scores.
//
// Questionnaire (language en; 60 possible points outside the unscored questions):
//   greeting (weight 1): greet   yes_no 10 pts, protocol, critical (section), in_person only
//                        name    yes_no 10 pts, empathy, N/A allowed
//                        comment text, unscored
//                        seen    multi_choice (sign / queue / guard), unscored: tallied, never a recommendation
//                        wait    duration, unscored, kpi wait_time, in_person only
//                        reply   duration, unscored, kpi response_time, email only
//   solution (weight 2): accurate single_choice 20 pts (full 20 / partial 10 / wrong 0), knowledge
//                        resolved yes_no 10 pts, resolution, kpi fcr
//                        tone     scale 1..5 10 pts, empathy (v → 10·(v−1)/4)
// Touchpoints: T1 Store North (in_person, North), T2 Store South (in_person, South), T3 Email desk (email, North).
// SLA: in_person 300 s, email 3600 s. Targets: overall 80, fcr 70, knowledge 60.
//
// Visits of the current wave (A = shopper Ann, B = shopper Bob):
//  id  tp  sh scen       day     status     greet name  acc      res  tone greeting solution score  timing
//  V1  T1  A  price      03-02   approved   yes   yes   full     yes  5    100      100      100    wait 120
//  V2  T1  B  complaint  03-05   approved   yes   N/A   partial  yes  3    100      62.5     75     wait 400
//  V3  T2  A  price      03-10   approved   NO*   yes   full     no   5    0 (KO)   75       50     wait 200
//  V4  T2  B  complaint  03-12   approved   yes   no    wrong    yes  5    50       50       50     wait 600
//  V5  T3  A  price      03-15   approved   n/a   yes   partial  no   1    100      25       50     reply 1800
//  V6  T3  B  complaint  03-20   approved   n/a   N/A   full     yes  2    N/A      81.25    81.25  reply 7200
//  V7  T1  A  price      03-22   submitted  yes   yes   full     yes  5    100      100      100    wait 60
//  V8  T2  B  complaint  03-25   submitted  yes   no    wrong    no   3    50       12.5     25     wait 900
//  V9  T1  A  price      03-26   returned   no*   no    wrong    no   1    0 (KO)   0        0      wait 5000 (never counts)
// score = (greeting·1 + solution·2) / 3 over the non-N/A sections; * = knockout; n/a = not asked on email.
// Dimensions: protocol = greet; empathy = name + tone; knowledge = accurate; resolution = resolved.
//
// Previous wave (shopper Ann; "—" = left blank):
//  id  tp  greet name  acc      res  tone greeting solution score   fcr
//  P1  T1  yes   yes   wrong    yes  1    100      25       50      yes
//  P2  T2  —     no    partial  no   5    0        50       33.333  no
//  P3  T3  n/a   yes   full     yes  3    100      87.5     91.667  yes
//  P4  T1  —     N/A   partial  —    3    N/A      50       50      (none)
import type { SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition, type QuestionInput } from '../../src/questionnaires/domain/normalize';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import {
  AssignmentRow,
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisit,
  QuestionnaireRow,
  TouchpointRow,
  VisitReportStatus,
} from '../factories/tables.factory';

const DEFINITION = normalizeDefinition({
  title: 'Service check',
  language: 'en',
  sections: [
    {
      key: 'greeting',
      title: 'Greeting',
      weight: 1,
      questions: [
        q({
          key: 'greet',
          text: 'Greeted within a minute',
          type: 'yes_no',
          maxPoints: 10,
          critical: true,
          dimension: 'protocol',
          channels: ['in_person'],
          recommendation: 'Greet every customer at once',
        }),
        q({
          key: 'name',
          text: 'Used my name',
          type: 'yes_no',
          maxPoints: 10,
          allowNa: true,
          dimension: 'empathy',
          recommendation: 'Use the customer name',
        }),
        q({ key: 'comment', text: 'Comments on the greeting', type: 'text', maxPoints: 0 }),
        q({
          key: 'seen',
          text: 'What did you see at the entrance?',
          type: 'multi_choice',
          maxPoints: 0,
          options: [
            { key: 'sign', label: 'A sign', points: 0 },
            { key: 'queue', label: 'A queue', points: 0 },
            { key: 'guard', label: 'A guard', points: 0 },
          ],
        }),
        q({ key: 'wait', text: 'Seconds until served', type: 'duration', maxPoints: 0, kpi: 'wait_time', channels: ['in_person'] }),
        q({ key: 'reply', text: 'Seconds until the reply', type: 'duration', maxPoints: 0, kpi: 'response_time', channels: ['email'] }),
      ],
    },
    {
      key: 'solution',
      title: 'Solution',
      weight: 2,
      questions: [
        q({
          key: 'accurate',
          text: 'Accurate answer',
          type: 'single_choice',
          maxPoints: 20,
          dimension: 'knowledge',
          recommendation: 'Train product knowledge',
          options: [
            { key: 'full', label: 'Full', points: 20 },
            { key: 'partial', label: 'Partial', points: 10 },
            { key: 'wrong', label: 'Wrong', points: 0 },
          ],
        }),
        q({
          key: 'resolved',
          text: 'Resolved at first contact',
          type: 'yes_no',
          maxPoints: 10,
          dimension: 'resolution',
          kpi: 'fcr',
          recommendation: 'Resolve at first contact',
        }),
        q({ key: 'tone', text: 'Tone', type: 'scale', maxPoints: 10, min: 1, max: 5, dimension: 'empathy' }),
      ],
    },
  ],
});

/** Every question optional, so a visit may leave any blank. */
function q(fields: QuestionInput): QuestionInput {
  return { required: false, ...fields };
}

/** The answers of a visit from a compact form: 'NA' answers N/A; a key left out (or undefined) is left blank. */
function answers(spec: {
  greet?: boolean;
  name?: boolean | 'NA';
  accurate: string;
  resolved?: boolean;
  tone: number;
  comment?: string;
  seen?: string[];
  wait?: number;
  reply?: number;
}): SubmittedAnswer[] {
  return Object.entries(spec)
    .filter(([, value]) => value !== undefined)
    .map(([questionKey, value]) =>
      value === 'NA' ? { questionKey, na: true } : { questionKey, value: value as SubmittedAnswer['value'] },
    );
}

describe('KPIs: GET /campaigns/:id/kpis', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let clientUser: Session;
  let otherClientUser: Session;
  let shopperA: Session;
  let shopperB: Session;
  let campaignId: string;
  let previousId: string;
  let otherCampaignId: string;
  let t1: string;
  let t2: string;
  let t3: string;
  const v: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
    const db = ctx.db;
    const client = await insertClient(db, { name: 'Banco Uno' });
    const otherClient = await insertClient(db, { name: 'Other Co' });
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.id });
    otherClientUser = await createUser(ctx.http, admin, { role: 'client', clientId: otherClient.id });
    shopperA = await createUser(ctx.http, admin, { role: 'shopper', name: 'Ann' });
    shopperB = await createUser(ctx.http, admin, { role: 'shopper', name: 'Bob' });

    const T1 = await insertTouchpoint(db, {
      clientId: client.id,
      name: 'Store North',
      channel: 'in_person',
      region: 'North',
      city: 'Bilbao',
    });
    const T2 = await insertTouchpoint(db, {
      clientId: client.id,
      name: 'Store South',
      channel: 'in_person',
      region: 'South',
      city: 'Sevilla',
    });
    const T3 = await insertTouchpoint(db, { clientId: client.id, name: 'Email desk', channel: 'email', region: 'North', city: null });
    [t1, t2, t3] = [T1.id, T2.id, T3.id];
    const questionnaire = await insertQuestionnaire(db, { definition: DEFINITION });
    const base = { clientId: client.id, questionnaireId: questionnaire.id, touchpointIds: [t1, t2, t3], scenarios: [] };
    previousId = (await insertCampaign(db, { ...base, name: 'Wave 1', startsOn: '2025-09-01', endsOn: '2025-09-30', status: 'closed' })).id;
    campaignId = (
      await insertCampaign(db, {
        ...base,
        name: 'Wave 2',
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
        scenarios: [
          { key: 'price', title: 'Price', brief: 'Ask a price' },
          { key: 'complaint', title: 'Complaint', brief: 'Complain' },
        ],
        slaSeconds: { in_person: 300, email: 3600 },
        targets: { overall: 80, fcr: 70, knowledge: 60 },
        previousCampaignId: previousId,
      })
    ).id;

    /** An assignment and its report, stored as a submission stores it. */
    const visit = async (
      campaign: string,
      touchpoint: TouchpointRow,
      shopper: Session,
      input: { scenario?: string; status?: VisitReportStatus; visitedAt: string; narrative?: string; answers: SubmittedAnswer[] },
      form: QuestionnaireRow = questionnaire,
    ): Promise<string> => {
      const assignment: AssignmentRow = await insertAssignment(db, {
        campaignId: campaign,
        touchpointId: touchpoint.id,
        shopperId: shopper.user.id,
        scenarioKey: input.scenario ?? null,
      });
      const report = await insertVisit(db, {
        assignment,
        questionnaire: form,
        channel: touchpoint.channel,
        answers: input.answers,
        status: input.status ?? 'approved',
        visitedAt: input.visitedAt,
        narrative: input.narrative ?? null,
      });
      return report.id;
    };

    const otherTouchpoint = await insertTouchpoint(db, { clientId: otherClient.id, name: 'Other store' });
    otherCampaignId = (
      await insertCampaign(db, {
        clientId: otherClient.id,
        questionnaireId: questionnaire.id,
        touchpointIds: [otherTouchpoint.id],
        name: 'Other',
      })
    ).id;
    // one approved visit (greeting 100, solution (20 + 10 + 7.5) / 40 = 93.75): every visit of the campaign is in scope
    await visit(otherCampaignId, otherTouchpoint, shopperA, {
      visitedAt: '2026-03-03T10:00:00Z',
      answers: answers({ greet: true, name: true, accurate: 'full', resolved: true, tone: 4 }),
    });

    v.V1 = await visit(campaignId, T1, shopperA, {
      scenario: 'price',
      visitedAt: '2026-03-02T10:00:00Z',
      narrative: 'Excellent service, friendly staff',
      answers: answers({
        greet: true,
        name: true,
        accurate: 'full',
        resolved: true,
        tone: 5,
        comment: 'Very friendly staff greeting',
        seen: ['sign', 'queue'],
        wait: 120,
      }),
    });
    v.V2 = await visit(campaignId, T1, shopperB, {
      scenario: 'complaint',
      visitedAt: '2026-03-05T10:00:00Z',
      narrative: 'Slow answer but resolved',
      answers: answers({ greet: true, name: 'NA', accurate: 'partial', resolved: true, tone: 3, seen: ['queue'], wait: 400 }),
    });
    v.V3 = await visit(campaignId, T2, shopperA, {
      scenario: 'price',
      visitedAt: '2026-03-10T10:00:00Z',
      narrative: 'The clerk ignored me at first',
      answers: answers({
        greet: false,
        name: true,
        accurate: 'full',
        resolved: false,
        tone: 5,
        comment: 'Nobody said hello at the door',
        seen: [],
        wait: 200,
      }),
    });
    v.V4 = await visit(campaignId, T2, shopperB, {
      scenario: 'complaint',
      visitedAt: '2026-03-12T10:00:00Z',
      answers: answers({
        greet: true,
        name: false,
        accurate: 'wrong',
        resolved: true,
        tone: 5,
        comment: 'Greeting was rushed',
        seen: ['sign', 'queue', 'guard'],
        wait: 600,
      }),
    });
    v.V5 = await visit(campaignId, T3, shopperA, {
      scenario: 'price',
      visitedAt: '2026-03-15T23:30:00Z',
      narrative: 'Reply took a long time',
      answers: answers({ name: true, accurate: 'partial', resolved: false, tone: 1, comment: 'Friendly reply with my name', reply: 1800 }),
    });
    v.V6 = await visit(campaignId, T3, shopperB, {
      scenario: 'complaint',
      visitedAt: '2026-03-20T10:00:00Z',
      answers: answers({ name: 'NA', accurate: 'full', resolved: true, tone: 2, reply: 7200 }),
    });
    v.V7 = await visit(campaignId, T1, shopperA, {
      status: 'submitted',
      scenario: 'price',
      visitedAt: '2026-03-22T10:00:00Z',
      narrative: 'Great visit',
      answers: answers({
        greet: true,
        name: true,
        accurate: 'full',
        resolved: true,
        tone: 5,
        comment: 'Great welcome',
        seen: ['guard'],
        wait: 60,
      }),
    });
    v.V8 = await visit(campaignId, T2, shopperB, {
      status: 'submitted',
      scenario: 'complaint',
      visitedAt: '2026-03-25T10:00:00Z',
      answers: answers({ greet: true, name: false, accurate: 'wrong', resolved: false, tone: 3, wait: 900 }),
    });
    v.V9 = await visit(campaignId, T1, shopperA, {
      status: 'returned',
      scenario: 'price',
      visitedAt: '2026-03-26T10:00:00Z',
      narrative: 'Returned report text',
      answers: answers({ greet: false, name: false, accurate: 'wrong', resolved: false, tone: 1, comment: 'Returned comment', wait: 5000 }),
    });

    await visit(previousId, T1, shopperA, {
      visitedAt: '2025-09-02T10:00:00Z',
      answers: answers({ greet: true, name: true, accurate: 'wrong', resolved: true, tone: 1 }),
    });
    await visit(previousId, T2, shopperA, {
      visitedAt: '2025-09-03T10:00:00Z',
      answers: answers({ name: false, accurate: 'partial', resolved: false, tone: 5 }),
    });
    await visit(previousId, T3, shopperA, {
      visitedAt: '2025-09-04T10:00:00Z',
      answers: answers({ name: true, accurate: 'full', resolved: true, tone: 3 }),
    });
    await visit(previousId, T1, shopperA, {
      visitedAt: '2025-09-05T10:00:00Z',
      answers: answers({ name: 'NA', accurate: 'partial', tone: 3 }),
    });
  }, 60_000); // jest's default 5 s is short for an app start, six users and ~100 rows on a busy machine
  afterAll(() => ctx.close());

  const kpis = (session: Session, query = '', id = campaignId) => ctx.http.get(`/campaigns/${id}/kpis${query}`).set(session.auth);

  describe('of the approved visits, for a client user', () => {
    let body: any;
    beforeAll(async () => {
      body = (await kpis(clientUser).expect(200)).body;
    });
    const question = (key: string) => body.questions.find((item: { key: string }) => item.key === key);

    it('stored every visit with the scores of the table above', async () => {
      const rows = await ctx.db.query(
        `SELECT id, score, knockout, fcr, wait_seconds, response_seconds FROM visit_reports WHERE campaign_id = $1`,
        [campaignId],
      );
      const byId = new Map(rows.map((row: { id: string }) => [row.id, row]));
      const expected: Array<[string, number, boolean, boolean, number | null, number | null]> = [
        ['V1', 100, false, true, 120, null],
        ['V2', 75, false, true, 400, null],
        ['V3', 50, true, false, 200, null],
        ['V4', 50, false, true, 600, null],
        ['V5', 50, false, false, null, 1800],
        ['V6', 81.25, false, true, null, 7200],
        ['V7', 100, false, true, 60, null],
        ['V8', 25, false, false, 900, null],
        ['V9', 0, true, false, 5000, null],
      ];
      for (const [visit, score, knockout, fcr, wait, reply] of expected) {
        expect(byId.get(v[visit])).toEqual({ id: v[visit], score, knockout, fcr, wait_seconds: wait, response_seconds: reply });
      }
    });

    it('names the campaign and counts the six approved visits', () => {
      expect(body.campaign).toEqual({
        id: campaignId,
        name: 'Wave 2',
        clientName: 'Banco Uno',
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
        language: 'en',
        questionnaireTitle: 'Service check',
        status: 'active',
      });
      expect(body.n).toBe(6);
    });

    it('overall score: mean, sd, 95% CI and target', () => {
      // scores 100, 75, 50, 50, 50, 81.25: mean 406.25/6; sd² = Σ(x−mean)²/5; CI = mean ± t(0.975, 5)·sd/√6
      expect(body.overall.n).toBe(6);
      expect(body.overall.mean).toBeCloseTo(67.708333, 5);
      expect(body.overall.sd).toBeCloseTo(21.071555, 5);
      expect(body.overall.ci95[0]).toBeCloseTo(45.595093, 4);
      expect(body.overall.ci95[1]).toBeCloseTo(89.821574, 4);
      expect(body.overall.target).toBe(80);
      expect(body.overall.met).toBe(false);
    });

    it('section scores, N/A sections left out', () => {
      // greeting: 100, 100, 0, 50, 100 (V6 N/A) → 70; solution: 100, 62.5, 75, 50, 25, 81.25 → 65.625
      expect(body.sections).toEqual([
        { key: 'greeting', title: 'Greeting', weight: 1, mean: 70, n: 5 },
        { key: 'solution', title: 'Solution', weight: 2, mean: 65.625, n: 6 },
      ]);
    });

    it('dimension scores', () => {
      // protocol 100,100,0,100; empathy 100,50,100,50,50,25; knowledge 100,50,100,0,50,100; resolution 100,100,0,100,0,100
      expect(body.dimensions).toHaveLength(4);
      expect(body.dimensions[0]).toEqual({ key: 'protocol', mean: 75, n: 4 });
      expect(body.dimensions[1]).toEqual({ key: 'empathy', mean: 62.5, n: 6 });
      expect(body.dimensions[2].key).toBe('knowledge');
      expect(body.dimensions[2].mean).toBeCloseTo(66.666667, 5);
      expect(body.dimensions[2].n).toBe(6);
      expect(body.dimensions[3].key).toBe('resolution');
      expect(body.dimensions[3].mean).toBeCloseTo(66.666667, 5);
    });

    it('channel scores and cross-channel consistency', () => {
      // in_person 100, 75, 50, 50 → 68.75; email 50, 81.25 → 65.625
      expect(body.channels).toEqual([
        { channel: 'in_person', mean: 68.75, n: 4 },
        { channel: 'email', mean: 65.625, n: 2 },
      ]);
      // spread 3.125; μ 67.1875, σ 1.5625 → 100·(1 − 1.5625/67.1875)
      expect(body.consistency.spread).toBeCloseTo(3.125, 10);
      expect(body.consistency.index).toBeCloseTo(97.674419, 5);
    });

    it('region ranking', () => {
      // North: 100, 75, 50, 81.25 → 76.5625; South: 50, 50
      expect(body.regions).toEqual([
        { region: 'North', mean: 76.5625, n: 4 },
        { region: 'South', mean: 50, n: 2 },
      ]);
    });

    it('touchpoint ranking', () => {
      expect(body.touchpoints).toEqual([
        { id: t1, name: 'Store North', channel: 'in_person', region: 'North', city: 'Bilbao', mean: 87.5, n: 2 },
        { id: t3, name: 'Email desk', channel: 'email', region: 'North', city: null, mean: 65.625, n: 2 },
        { id: t2, name: 'Store South', channel: 'in_person', region: 'South', city: 'Sevilla', mean: 50, n: 2 },
      ]);
    });

    it('compliance and answer tallies of the yes/no questions', () => {
      expect(body.questions).toHaveLength(9);
      // greet counts on the 4 in-person visits, failed on V3
      expect(question('greet')).toEqual({
        key: 'greet',
        text: 'Greeted within a minute',
        sectionKey: 'greeting',
        type: 'yes_no',
        compliance: 75,
        n: 4,
        answers: { false: 1, true: 3 },
      });
      // name: N/A on V2 and V6, failed on V4
      expect(question('name')).toEqual({
        key: 'name',
        text: 'Used my name',
        sectionKey: 'greeting',
        type: 'yes_no',
        compliance: 75,
        n: 4,
        answers: { false: 1, true: 3 },
      });
      expect(question('resolved').compliance).toBeCloseTo(66.666667, 5);
      expect(question('resolved').answers).toEqual({ false: 2, true: 4 });
    });

    it('unscored questions: answered counts, and the multi-choice tally', () => {
      // text: answered on V1, V3, V4, V5
      expect(question('comment')).toEqual({
        key: 'comment',
        text: 'Comments on the greeting',
        sectionKey: 'greeting',
        type: 'text',
        compliance: null,
        n: 4,
      });
      // answered on V1–V4 (V3 picked nothing); each option once per visit that picked it
      expect(question('seen')).toEqual({
        key: 'seen',
        text: 'What did you see at the entrance?',
        sectionKey: 'greeting',
        type: 'multi_choice',
        compliance: null,
        n: 4,
        answers: { guard: 1, queue: 3, sign: 2 },
      });
      expect(question('wait')).toEqual({
        key: 'wait',
        text: 'Seconds until served',
        sectionKey: 'greeting',
        type: 'duration',
        compliance: null,
        n: 4,
      });
      expect(question('reply')).toEqual({
        key: 'reply',
        text: 'Seconds until the reply',
        sectionKey: 'greeting',
        type: 'duration',
        compliance: null,
        n: 2,
      });
    });

    it('compliance and answer tallies of the choice and scale questions', () => {
      expect(question('accurate')).toEqual({
        key: 'accurate',
        text: 'Accurate answer',
        sectionKey: 'solution',
        type: 'single_choice',
        compliance: 50,
        n: 6,
        answers: { full: 3, partial: 2, wrong: 1 },
      });
      expect(question('tone')).toEqual({
        key: 'tone',
        text: 'Tone',
        sectionKey: 'solution',
        type: 'scale',
        compliance: 50,
        n: 6,
        answers: { 1: 1, 2: 1, 3: 1, 5: 3 },
      });
    });

    it('timing per channel: median, p90, mean and SLA compliance', () => {
      // wait: 120, 200, 400, 600 → median 300, p90 400 + 0.7·200 = 540, mean 330, ≤ 300 s: 2 of 4
      // response: 1800, 7200 → median 4500, p90 1800 + 0.9·5400 = 6660, ≤ 3600 s: 1 of 2
      expect(body.timing).toEqual([
        { channel: 'in_person', metric: 'wait_time', median: 300, p90: 540, mean: 330, slaSeconds: 300, slaCompliance: 50, n: 4 },
        { channel: 'email', metric: 'response_time', median: 4500, p90: 6660, mean: 4500, slaSeconds: 3600, slaCompliance: 50, n: 2 },
      ]);
    });

    it('first-contact resolution and knockout rate', () => {
      expect(body.fcr.n).toBe(6);
      expect(body.fcr.rate).toBeCloseTo(66.666667, 5);
      // V3 of 6
      expect(body.knockoutRate).toBeCloseTo(16.666667, 5);
    });

    it('targets met and missed', () => {
      // jsonb keeps object keys shorter-first: fcr, overall, knowledge
      expect(body.targets).toHaveLength(3);
      expect(body.targets[0]).toMatchObject({ kpi: 'fcr', target: 70, met: false });
      expect(body.targets[0].actual).toBeCloseTo(66.666667, 5);
      expect(body.targets[1]).toMatchObject({ kpi: 'overall', target: 80, met: false });
      expect(body.targets[1].actual).toBeCloseTo(67.708333, 5);
      expect(body.targets[2]).toMatchObject({ kpi: 'knowledge', target: 60, met: true });
    });

    it('score distribution in 10-point bins', () => {
      // 50 ×3 → 50–60, 75 → 70–80, 81.25 → 80–90, 100 → 90–100
      expect(body.distribution).toEqual([
        { from: 0, to: 10, count: 0 },
        { from: 10, to: 20, count: 0 },
        { from: 20, to: 30, count: 0 },
        { from: 30, to: 40, count: 0 },
        { from: 40, to: 50, count: 0 },
        { from: 50, to: 60, count: 3 },
        { from: 60, to: 70, count: 0 },
        { from: 70, to: 80, count: 1 },
        { from: 80, to: 90, count: 1 },
        { from: 90, to: 100, count: 1 },
      ]);
    });

    it('improvement priorities by impact, and strengths', () => {
      // impact = (100 − compliance) × maxPoints / 60: accurate 50·20/60, tone 50·10/60, resolved 33.3·10/60, greet and name 25·10/60
      expect(body.recommendations.map((r: { questionKey: string }) => r.questionKey)).toEqual([
        'accurate',
        'tone',
        'resolved',
        'greet',
        'name',
      ]);
      expect(body.recommendations[0]).toEqual({
        questionKey: 'accurate',
        text: 'Accurate answer',
        impact: expect.any(Number),
        compliance: 50,
        recommendation: 'Train product knowledge',
      });
      expect(body.recommendations[0].impact).toBeCloseTo(16.666667, 5);
      expect(body.recommendations[1].impact).toBeCloseTo(8.333333, 5);
      expect(body.recommendations[1].recommendation).toBeNull();
      expect(body.recommendations[2].impact).toBeCloseTo(5.555556, 5);
      expect(body.recommendations[3].impact).toBeCloseTo(4.166667, 5);
      // strengths: only questions at or above the overall target (80) count, and none does here: greet and
      // name 75%, resolved 66.7%, accurate and tone 50%
      expect(body.strengths).toEqual([]);
    });

    it('trend of the overall score against the previous wave', () => {
      // wave 1: 50, 33.333, 91.667, 50 → 56.25; Welch t = 0.757511, df 5.76, p = 0.478558
      expect(body.trend.previousCampaignId).toBe(previousId);
      expect(body.trend.previousCampaignName).toBe('Wave 1');
      expect(body.trend.overall.previous).toBeCloseTo(56.25, 8);
      expect(body.trend.overall.change).toBeCloseTo(11.458333, 5);
      expect(body.trend.overall.pValue).toBeCloseTo(0.478558, 5);
      expect(body.trend.overall.significant).toBe(false);
      expect(body.trend.overall.note).toBeUndefined();
    });

    it('trend of the sections, dimensions and FCR', () => {
      // greeting 70 vs 100, 0, 100 → 66.667 (p 0.936375); solution 65.625 vs 25, 50, 87.5, 50 → 53.125 (p 0.480581)
      expect(body.trend.sections[0]).toMatchObject({ key: 'greeting', current: 70, significant: false });
      expect(body.trend.sections[0].previous).toBeCloseTo(66.666667, 5);
      expect(body.trend.sections[0].pValue).toBeCloseTo(0.936375, 5);
      expect(body.trend.sections[1]).toMatchObject({
        key: 'solution',
        previous: 53.125,
        current: 65.625,
        change: 12.5,
        significant: false,
      });
      expect(body.trend.sections[1].pValue).toBeCloseTo(0.480581, 5);
      // knowledge 0, 50, 100, 50 → 50 (p 0.548429); protocol: P1 only → not enough data
      const dimension = (key: string) => body.trend.dimensions.find((d: { key: string }) => d.key === key);
      expect(dimension('knowledge')).toMatchObject({ previous: 50, significant: false });
      expect(dimension('knowledge').pValue).toBeCloseTo(0.548429, 5);
      expect(dimension('protocol')).toMatchObject({
        previous: 100,
        current: 75,
        change: -25,
        pValue: null,
        significant: null,
        note: 'not enough data',
      });
      // fcr: 66.7% both waves → t = 0, p = 1
      expect(body.trend.fcr.change).toBeCloseTo(0, 10);
      expect(body.trend.fcr.pValue).toBeCloseTo(1, 6);
      expect(body.trend.fcr.significant).toBe(false);
    });

    it('comments by section, newest first, with the sentiment of their score', () => {
      // text answers with their section's score; narratives with the visit's score; polarity from the
      // words ("but" weighs the clause after it: "slow … but resolved" is positive); no themes defined
      expect(body.comments.bySection).toEqual([
        {
          sectionKey: 'greeting',
          items: [
            {
              visitId: v.V5,
              questionKey: 'comment',
              text: 'Friendly reply with my name',
              sentiment: 'positive',
              polarity: 'positive',
              themes: [],
            },
            { visitId: v.V4, questionKey: 'comment', text: 'Greeting was rushed', sentiment: 'negative', polarity: 'negative', themes: [] },
            {
              visitId: v.V3,
              questionKey: 'comment',
              text: 'Nobody said hello at the door',
              sentiment: 'negative',
              polarity: 'neutral',
              themes: [],
            },
            {
              visitId: v.V1,
              questionKey: 'comment',
              text: 'Very friendly staff greeting',
              sentiment: 'positive',
              polarity: 'positive',
              themes: [],
            },
          ],
        },
        {
          sectionKey: 'narrative',
          items: [
            { visitId: v.V5, questionKey: null, text: 'Reply took a long time', sentiment: 'negative', polarity: 'negative', themes: [] },
            {
              visitId: v.V3,
              questionKey: null,
              text: 'The clerk ignored me at first',
              sentiment: 'negative',
              polarity: 'negative',
              themes: [],
            },
            { visitId: v.V2, questionKey: null, text: 'Slow answer but resolved', sentiment: 'positive', polarity: 'positive', themes: [] },
            {
              visitId: v.V1,
              questionKey: null,
              text: 'Excellent service, friendly staff',
              sentiment: 'positive',
              polarity: 'positive',
              themes: [],
            },
          ],
        },
      ]);
    });

    it('the most frequent terms of the comments', () => {
      // "friendly" ×3; "greeting", "reply", "staff" ×2 (stop words such as "with", "the", "at" removed)
      expect(body.comments.topTerms.slice(0, 4)).toEqual([
        { term: 'friendly', count: 3 },
        { term: 'greeting', count: 2 },
        { term: 'reply', count: 2 },
        { term: 'staff', count: 2 },
      ]);
      expect(body.comments.topTerms.slice(4).every((t: { count: number }) => t.count === 1)).toBe(true);
      expect(body.comments.topTerms.map((t: { term: string }) => t.term)).not.toContain('the');
    });

    it('verbatims of the failed questions', () => {
      // the narrative, else the visit's text answer (V4); V6 wrote nothing
      expect(body.comments.failedQuestionVerbatims).toEqual([
        { questionKey: 'greet', items: [{ visitId: v.V3, text: 'The clerk ignored me at first' }] },
        { questionKey: 'name', items: [{ visitId: v.V4, text: 'Greeting was rushed' }] },
        {
          questionKey: 'accurate',
          items: [
            { visitId: v.V5, text: 'Reply took a long time' },
            { visitId: v.V4, text: 'Greeting was rushed' },
            { visitId: v.V2, text: 'Slow answer but resolved' },
          ],
        },
        {
          questionKey: 'resolved',
          items: [
            { visitId: v.V5, text: 'Reply took a long time' },
            { visitId: v.V3, text: 'The clerk ignored me at first' },
          ],
        },
        {
          questionKey: 'tone',
          items: [
            { visitId: v.V5, text: 'Reply took a long time' },
            { visitId: v.V2, text: 'Slow answer but resolved' },
          ],
        },
      ]);
    });

    it('shows a client nothing about the shoppers', () => {
      expect(body).not.toHaveProperty('shoppers');
      expect(JSON.stringify(body)).not.toContain(shopperA.user.id);
      expect(JSON.stringify(body)).not.toContain(shopperB.user.id);
    });
  });

  it('never lets a client user include unapproved visits', async () => {
    const { body } = await kpis(clientUser, '?includeUnapproved=true').expect(200);
    expect(body.n).toBe(6);
    expect(body.overall.mean).toBeCloseTo(67.708333, 5);
    expect(body).not.toHaveProperty('shoppers');
    expect(body.filters).toEqual({});
  });

  it('gives consultants the shopper calibration block', async () => {
    const { body } = await kpis(consultant).expect(200);
    expect(body.n).toBe(6);
    // Ann: V1 100 vs Bob's 75 → +25; V3 50 vs 50 → 0; V5 50 vs 81.25 → −31.25: mean −6.25/3. Bob mirrors it.
    expect(body.shoppers).toHaveLength(2);
    const ann = body.shoppers.find((s: { shopperId: string }) => s.shopperId === shopperA.user.id);
    const bob = body.shoppers.find((s: { shopperId: string }) => s.shopperId === shopperB.user.id);
    expect(ann).toMatchObject({ name: 'Ann', n: 3 });
    expect(ann.meanDeviation).toBeCloseTo(-2.083333, 5);
    expect(bob).toMatchObject({ name: 'Bob', n: 3 });
    expect(bob.meanDeviation).toBeCloseTo(2.083333, 5);
  });

  it('lets consultants include submitted visits, never returned ones', async () => {
    const { body } = await kpis(consultant, '?includeUnapproved=true').expect(200);
    // + V7 (100) and V8 (25): 531.25 / 8; knockouts 1 of 8; fcr 5 of 8
    expect(body.n).toBe(8);
    expect(body.overall.mean).toBeCloseTo(66.40625, 8);
    expect(body.knockoutRate).toBe(12.5);
    expect(body.fcr.rate).toBe(62.5);
    expect(body.filters).toEqual({ includeUnapproved: true });
    // wait 60, 120, 200, 400, 600, 900: median 300, ≤ 300 s: 3 of 6
    expect(body.timing[0]).toMatchObject({ channel: 'in_person', median: 300, n: 6, slaCompliance: 50 });
    expect(body.comments.bySection[0].items[0]).toEqual({
      visitId: v.V7,
      questionKey: 'comment',
      text: 'Great welcome',
      sentiment: 'positive',
      polarity: 'positive',
      themes: [],
    });
    // V8 left the multi-choice blank; V7 saw a guard
    expect(body.questions.find((q: { key: string }) => q.key === 'seen').answers).toEqual({ guard: 2, queue: 3, sign: 2 });
    expect(JSON.stringify(body)).not.toContain('Returned');
    // Ann at T1: V1 100 and V7 100 vs Bob's 75 → +25 twice; T2: V3 50 vs Bob's 50, 25 (37.5) → +12.5; T3: −31.25
    const ann = body.shoppers.find((s: { shopperId: string }) => s.shopperId === shopperA.user.id);
    expect(ann.n).toBe(4);
    expect(ann.meanDeviation).toBeCloseTo((25 + 25 + 12.5 - 31.25) / 4, 8);
  });

  it('filters by channel, region, touchpoint, scenario and date range', async () => {
    const email = (await kpis(consultant, '?channel=email').expect(200)).body;
    expect(email.n).toBe(2);
    expect(email.overall.mean).toBe(65.625);
    expect(email.channels).toEqual([{ channel: 'email', mean: 65.625, n: 2 }]);
    // one channel: nothing to compare across channels
    expect(email.consistency).toEqual({ spread: null, index: null });
    // greet does not apply on email: no counting visits, left out of the recommendations
    expect(email.questions.find((q: { key: string }) => q.key === 'greet')).toMatchObject({ compliance: null, n: 0 });
    expect(email.recommendations.map((r: { questionKey: string }) => r.questionKey)).not.toContain('greet');
    // trend on the same channel: previous email visit (P3, 91.667) only → not enough data
    expect(email.trend.overall).toMatchObject({ current: 65.625, pValue: null, note: 'not enough data' });
    expect(email.trend.overall.previous).toBeCloseTo(91.666667, 5);

    const south = (await kpis(consultant, '?region=South').expect(200)).body;
    expect(south.n).toBe(2);
    expect(south.overall.mean).toBe(50);
    expect(south.regions).toEqual([{ region: 'South', mean: 50, n: 2 }]);

    const store = (await kpis(consultant, `?touchpointId=${t1}`).expect(200)).body;
    expect(store.touchpoints).toEqual([expect.objectContaining({ id: t1, mean: 87.5, n: 2 })]);

    const price = (await kpis(consultant, '?scenario=price').expect(200)).body;
    // V1 100, V3 50, V5 50
    expect(price.n).toBe(3);
    expect(price.overall.mean).toBeCloseTo(66.666667, 5);
    expect(price.knockoutRate).toBeCloseTo(33.333333, 5);

    // from 03-10 to 03-15 inclusive: V3, V4 and V5 (visited 03-15 23:30 UTC)
    const range = (await kpis(consultant, '?from=2026-03-10&to=2026-03-15').expect(200)).body;
    expect(range.n).toBe(3);
    expect(range.overall.mean).toBe(50);
    expect(range.filters).toEqual({ from: '2026-03-10', to: '2026-03-15', includeUnapproved: false });

    const nothing = (await kpis(consultant, '?region=Nowhere').expect(200)).body;
    expect(nothing.n).toBe(0);
    expect(nothing.overall).toEqual({ mean: null, n: 0, sd: null, ci95: null, target: 80 });
    expect(nothing.knockoutRate).toBeNull();
    expect(nothing.channels).toEqual([]);
    expect(nothing.consistency).toEqual({ spread: null, index: null });
    expect(nothing.distribution.every((bin: { count: number }) => bin.count === 0)).toBe(true);
    expect(nothing.recommendations).toEqual([]);
  });

  it('rejects malformed filters with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?channel=carrier_pigeon', 'channel'],
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?touchpointId=not-a-uuid', 'touchpointId'],
      ['?includeUnapproved=maybe', 'includeUnapproved'],
      ['?colour=blue', 'colour'],
    ];
    for (const [query, field] of cases) {
      const response = await kpis(consultant, query).expect(400);
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    await ctx.http.get('/campaigns/not-a-uuid/kpis').set(consultant.auth).expect(400);
  });

  it('hides other clients’ campaigns (404) and refuses shoppers (403)', async () => {
    await kpis(otherClientUser).expect(404);
    await kpis(clientUser, '', otherCampaignId).expect(404);
    await kpis(consultant, '', '00000000-0000-4000-8000-000000000000').expect(404);
    await kpis(shopperA).expect(403);
    await ctx.http.get(`/campaigns/${campaignId}/kpis`).expect(401);
    // the other client's own campaign works for its user; its one visit is all its visits
    const { body } = await kpis(otherClientUser, '', otherCampaignId).expect(200);
    expect(body.n).toBe(1);
    // greeting 100, solution (20 + 10 + 7.5) / 40 = 93.75 → (100 + 2 · 93.75) / 3
    expect(body.overall.mean).toBeCloseTo(95.833333, 5);
    expect(body.questions.find((q: { key: string }) => q.key === 'greet')).toMatchObject({ compliance: 100, n: 1, answers: { true: 1 } });
    // tone 4 earns 7.5 of 10: failed
    expect(body.questions.find((q: { key: string }) => q.key === 'tone')).toMatchObject({ compliance: 0, n: 1, answers: { 4: 1 } });
    expect(body.trend).toBeUndefined();
  });
});
