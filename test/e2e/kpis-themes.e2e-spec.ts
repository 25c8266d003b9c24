// The qualitative analysis through GET /campaigns/:id/kpis (docs/kpis.md "Qualitative analysis"): themes,
// polarity from the words, the change against the previous wave, verbatims and masking, on a small
// Spanish campaign whose figures are worked out by hand below.
//
// Questionnaire (es): one section "atencion" — saludo yes_no 10 pts, resuelto yes_no 10 pts, comentario
// text. Score: both yes 100, one 50, none 0. Themes: espera [esperar, cola], trato [amable, trato],
// datos [DNI, datos de otro cliente]. Shoppers: Laura Gómez (L) and Pedro Ruiz (P).
//
// Current wave (approved; W6 is only submitted, so never counted):
//  id  sh score narrative                                                         comentario
//  W1  L  100   "La gestora fue muy amable. No tuve que esperar nada.             "Todo correcto."
//               Un saludo, Laura Gómez"
//  W2  P  50    "Tuve que esperar veinte minutos en la cola."                     "Me pidió el DNI antes de consultar la cuenta, muy correcto."
//  W3  L  0     "Esperé quince minutos de pie en la cola y el trato fue seco.     —
//               Laura"
//  W4  P  100   "Me explicó las condiciones con claridad."                        "Escribidme a pedro.ruiz@example.com o al 612 345 678"
//  W5  L  50    —                                                                 "El empleado no fue nada amable."
//
// Per theme (5 visits analysed):
//  espera: W1 + ("no tuve que esperar"), W2 −, W3 − → 3 mentions, share 60, 1 positive, 2 negative;
//          score of the negative visits (50 + 0) / 2 = 25, of the others (100 + 100 + 50) / 3.
//  trato:  W1 +, W3 −, W5 − → 3 mentions, share 60, 1 positive, 2 negative; negative (0 + 50) / 2 = 25,
//          others (100 + 50 + 100) / 3.
//  datos:  W2 + → 1 mention, share 20, 1 positive, no negative visit (so no score link).
// Previous wave: 4 visits, none mentions the wait, one (X1) the courtesy: espera 0/4 → 3/5, trato 1/4 → 3/5.
import { jStat } from 'jstat';
import type { SubmittedAnswer } from '../../src/questionnaires/domain/definition';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import { KpisService } from '../../src/kpis/kpis.service';
import { visitScope } from '../../src/kpis/visit-scope';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import { sampleQuestionnaireBody } from '../factories/design.factory';
import {
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisit,
  QuestionnaireRow,
  TouchpointRow,
} from '../factories/tables.factory';

const DEFINITION = normalizeDefinition({
  title: 'Atención en oficina',
  language: 'es',
  sections: [
    {
      key: 'atencion',
      title: 'Atención',
      questions: [
        { key: 'saludo', text: '¿Le saludaron?', type: 'yes_no', maxPoints: 10 },
        { key: 'resuelto', text: '¿Resolvieron la consulta?', type: 'yes_no', maxPoints: 10 },
        { key: 'comentario', text: 'Comentarios', type: 'text', maxPoints: 0, required: false },
      ],
    },
  ],
  themes: [
    { key: 'espera', label: 'Espera', terms: ['esperar', 'cola'] },
    { key: 'trato', label: 'Trato', terms: ['amable', 'trato'] },
    { key: 'datos', label: 'Protección de datos', terms: ['DNI', 'datos de otro cliente'] },
  ],
});

/** Two-sided p-value of the two-proportion z-test, written out here to check the model's. */
function twoProportionP(before: [number, number], after: [number, number]): number {
  const pooled = (before[0] + after[0]) / (before[1] + after[1]);
  const z = (after[0] / after[1] - before[0] / before[1]) / Math.sqrt(pooled * (1 - pooled) * (1 / before[1] + 1 / after[1]));
  return 2 * (1 - (jStat as unknown as { normal: { cdf(x: number, m: number, s: number): number } }).normal.cdf(Math.abs(z), 0, 1));
}

describe('KPIs: the qualitative analysis (themes, polarity, verbatims, masking)', () => {
  let ctx: TestContext;
  let admin: Session;
  let clientUser: Session;
  let campaignId: string;
  let previousId: string;
  const w: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
    const db = ctx.db;
    const client = await insertClient(db, { name: 'Banco Dos' });
    clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.id });
    const laura = await createUser(ctx.http, admin, { role: 'shopper', name: 'Laura Gómez' });
    const pedro = await createUser(ctx.http, admin, { role: 'shopper', name: 'Pedro Ruiz' });
    const touchpoint = await insertTouchpoint(db, { clientId: client.id, name: 'Oficina Centro', channel: 'in_person', region: 'Centro' });
    const questionnaire = await insertQuestionnaire(db, { definition: DEFINITION });
    const base = { clientId: client.id, questionnaireId: questionnaire.id, touchpointIds: [touchpoint.id], scenarios: [] };
    previousId = (await insertCampaign(db, { ...base, name: 'Ola 1', startsOn: '2025-09-01', endsOn: '2025-09-30', status: 'closed' })).id;
    campaignId = (
      await insertCampaign(db, { ...base, name: 'Ola 2', startsOn: '2026-03-01', endsOn: '2026-03-31', previousCampaignId: previousId })
    ).id;

    const visit = async (
      campaign: string,
      shopper: Session,
      input: { day: string; yes: [boolean, boolean]; narrative?: string; comment?: string; status?: 'approved' | 'submitted' },
      form: QuestionnaireRow = questionnaire,
      tp: TouchpointRow = touchpoint,
    ) => {
      const assignment = await insertAssignment(db, { campaignId: campaign, touchpointId: tp.id, shopperId: shopper.user.id });
      const answers: SubmittedAnswer[] = [
        { questionKey: 'saludo', value: input.yes[0] },
        { questionKey: 'resuelto', value: input.yes[1] },
        ...(input.comment !== undefined ? [{ questionKey: 'comentario', value: input.comment }] : []),
      ];
      const report = await insertVisit(db, {
        assignment,
        questionnaire: form,
        answers,
        status: input.status ?? 'approved',
        visitedAt: `${input.day}T10:00:00Z`,
        narrative: input.narrative ?? null,
      });
      return report.id;
    };

    w.W1 = await visit(campaignId, laura, {
      day: '2026-03-02',
      yes: [true, true],
      comment: 'Todo correcto.',
      narrative: 'La gestora fue muy amable. No tuve que esperar nada. Un saludo, Laura Gómez',
    });
    w.W2 = await visit(campaignId, pedro, {
      day: '2026-03-03',
      yes: [true, false],
      narrative: 'Tuve que esperar veinte minutos en la cola.',
      comment: 'Me pidió el DNI antes de consultar la cuenta, muy correcto.',
    });
    w.W3 = await visit(campaignId, laura, {
      day: '2026-03-04',
      yes: [false, false],
      narrative: 'Esperé quince minutos de pie en la cola y el trato fue seco. Laura',
    });
    w.W4 = await visit(campaignId, pedro, {
      day: '2026-03-05',
      yes: [true, true],
      narrative: 'Me explicó las condiciones con claridad.',
      comment: 'Escribidme a pedro.ruiz@example.com o al 612 345 678',
    });
    w.W5 = await visit(campaignId, laura, { day: '2026-03-06', yes: [false, true], comment: 'El empleado no fue nada amable.' });
    await visit(campaignId, pedro, { day: '2026-03-07', yes: [true, true], status: 'submitted', narrative: 'Esperé en la cola una hora.' });

    await visit(previousId, laura, { day: '2025-09-02', yes: [true, true], narrative: 'El trato fue excelente.' });
    await visit(previousId, pedro, { day: '2025-09-03', yes: [true, false], narrative: 'Me explicaron la tarifa.' });
    await visit(previousId, laura, { day: '2025-09-04', yes: [false, false] });
    await visit(previousId, pedro, { day: '2025-09-05', yes: [true, true], comment: 'Sin comentarios.' });
  }, 60_000);
  afterAll(() => ctx.close());

  const kpis = async () => {
    const response = await ctx.http.get(`/campaigns/${campaignId}/kpis`).set(clientUser.auth);
    expect(response.status).toBe(200);
    return response.body as {
      comments: {
        themes: Array<Record<string, unknown>>;
        analysedVisits: number;
        bySection: Array<{ sectionKey: string; items: Array<Record<string, unknown>> }>;
        topTerms: Array<{ term: string }>;
      };
    };
  };

  it('counts each theme over the visits: mentions, share, polarity, link to the score', async () => {
    const { comments } = await kpis();
    expect(comments.analysedVisits).toBe(5);
    const [espera, trato, datos] = comments.themes;
    expect(espera).toMatchObject({
      key: 'espera',
      label: 'Espera',
      mentions: 3,
      share: 60,
      positive: 1,
      negative: 2,
      meanScoreNegative: 25,
    });
    expect(espera.meanScoreOther).toBeCloseTo(250 / 3, 6);
    expect(trato).toMatchObject({ key: 'trato', mentions: 3, share: 60, positive: 1, negative: 2, meanScoreNegative: 25 });
    expect(trato.meanScoreOther).toBeCloseTo(250 / 3, 6);
    expect(datos).toMatchObject({ key: 'datos', mentions: 1, share: 20, positive: 1, negative: 0 });
    expect(datos).not.toHaveProperty('meanScoreNegative');
  });

  it('compares each share with the previous wave (two-proportion z-test)', async () => {
    const [espera, trato, datos] = (await kpis()).comments.themes;
    expect(espera.change).toBeCloseTo(60, 6);
    expect(espera.pValue).toBeCloseTo(twoProportionP([0, 4], [3, 5]), 6);
    expect(espera.significant).toBe(false); // p ≈ 0.058 on so few visits
    expect(trato.change).toBeCloseTo(35, 6);
    expect(trato.pValue).toBeCloseTo(twoProportionP([1, 4], [3, 5]), 6);
    expect(datos.change).toBeCloseTo(20, 6);
  });

  it('quotes the most typical mentions, only the sentences about the theme', async () => {
    const [espera, trato] = (await kpis()).comments.themes;
    // Besides the terms (esper, col): W2 {veint, minut}, W3 {quinc, minut, pie, trat, sec}, W1 {}: "minut"
    // is shared, so W2 (1/2) comes before W3 (1/5) and W1 (0).
    expect(espera.verbatims).toEqual([
      { visitId: w.W2, text: 'Tuve que esperar veinte minutos en la cola.', polarity: 'negative' },
      { visitId: w.W3, text: 'Esperé quince minutos de pie en la cola y el trato fue seco.', polarity: 'negative' },
      { visitId: w.W1, text: 'No tuve que esperar nada.', polarity: 'positive' },
    ]);
    // Mostly criticised (2 negative visits, 1 positive): the two negative quotes (nothing shared, so the
    // shorter first), then the positive one.
    expect(trato.verbatims).toEqual([
      { visitId: w.W5, text: 'El empleado no fue nada amable.', polarity: 'negative' },
      { visitId: w.W3, text: 'Esperé quince minutos de pie en la cola y el trato fue seco.', polarity: 'negative' },
      { visitId: w.W1, text: 'La gestora fue muy amable.', polarity: 'positive' },
    ]);
  });

  it('tags every comment with its polarity and themes, keeping the score-based sentiment', async () => {
    const { bySection } = (await kpis()).comments;
    const items = new Map(
      bySection.flatMap((section) => section.items.map((item) => [`${section.sectionKey}:${item.visitId as string}`, item])),
    );
    expect(items.get(`atencion:${w.W2}`)).toMatchObject({ polarity: 'positive', themes: ['datos'], sentiment: 'negative' });
    expect(items.get(`atencion:${w.W5}`)).toMatchObject({ polarity: 'negative', themes: ['trato'], sentiment: 'negative' });
    expect(items.get(`atencion:${w.W1}`)).toMatchObject({ polarity: 'positive', themes: [], sentiment: 'positive' });
    expect(items.get(`narrative:${w.W1}`)).toMatchObject({ polarity: 'positive', themes: ['espera', 'trato'] });
    expect(items.get(`narrative:${w.W4}`)).toMatchObject({ polarity: 'positive', themes: [] });
  });

  it("masks the shopper's own name in a narrative, and e-mails and phone numbers, for the client", async () => {
    const { bySection, topTerms } = (await kpis()).comments;
    const items = new Map(
      bySection.flatMap((section) => section.items.map((item) => [`${section.sectionKey}:${item.visitId as string}`, item.text])),
    );
    expect(items.get(`narrative:${w.W1}`)).toBe('La gestora fue muy amable. No tuve que esperar nada. Un saludo, [shopper]');
    expect(items.get(`narrative:${w.W3}`)).toBe('Esperé quince minutos de pie en la cola y el trato fue seco. [shopper]');
    expect(items.get(`atencion:${w.W4}`)).toBe('Escribidme a [email] o al [phone]');
    const terms = topTerms.map((term) => term.term);
    expect(terms).toContain('cola');
    expect(terms).not.toContain('laura');
    expect(terms).not.toContain('gómez');
    expect(JSON.stringify(await kpis())).not.toMatch(/Laura|Gómez|pedro\.ruiz|612 345/);
  });

  it('stores themes with the questionnaire, and names the field of a bad one (422)', async () => {
    const themes = [{ key: 'espera', label: ' Espera ', terms: ['esperar', ' cola ', 'cola'] }];
    const created = await ctx.http.post('/questionnaires').set(admin.auth).send(sampleQuestionnaireBody({ themes }));
    expect(created.status).toBe(201);
    expect(created.body.themes).toEqual([{ key: 'espera', label: 'Espera', terms: ['esperar', 'cola'] }]);
    const fetched = await ctx.http.get(`/questionnaires/${created.body.id as string}`).set(admin.auth);
    expect(fetched.body.themes).toEqual(created.body.themes);

    const bad = await ctx.http
      .post('/questionnaires')
      .set(admin.auth)
      .send(
        sampleQuestionnaireBody({
          themes: [
            { key: 'espera', label: 'Espera', terms: [] },
            { key: 'espera', label: 'Otra', terms: ['cola'] },
          ],
        }),
      );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('themes[0].terms');
    expect(JSON.stringify(bad.body)).toContain('themes[1].key');
    const malformed = await ctx.http
      .post('/questionnaires')
      .set(admin.auth)
      .send(sampleQuestionnaireBody({ themes: [{ key: 'x', label: 'X', terms: 'cola' }] }));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('terms');
  });

  it('gives the program model the themes of several campaigns together (themesAcross)', async () => {
    const service = new KpisService(ctx.db);
    const source = (id: string) => ({ scope: visitScope(id, {}, false), definition: DEFINITION, language: 'es' });
    // With the previous wave as the previous side, the figures are the campaign model's.
    const { comments } = await kpis();
    const alone = await service.themesAcross([source(campaignId)], [source(previousId)], 'es');
    expect(alone).toEqual({ themes: comments.themes, analysedVisits: 5 });
    // Both waves pooled as one: 9 visits; the courtesy of X1 adds a positive mention.
    const pooled = await service.themesAcross([source(campaignId), source(previousId)], null, 'es');
    expect(pooled.analysedVisits).toBe(9);
    expect(pooled.themes.map((theme) => [theme.key, theme.mentions, theme.positive, theme.negative])).toEqual([
      ['espera', 3, 1, 2],
      ['trato', 4, 2, 2],
      ['datos', 1, 1, 0],
    ]);
    expect(pooled.themes[1].share).toBeCloseTo((100 * 4) / 9, 6);
    expect(pooled.themes[0]).not.toHaveProperty('change');
    // A campaign in another language is left out.
    expect((await service.themesAcross([source(campaignId)], null, 'en')).analysedVisits).toBe(0);
  });
});
