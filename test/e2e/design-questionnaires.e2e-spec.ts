import { createTestApp, TestContext } from '../helpers/test-app';
import { createDraftQuestionnaire, createPublishedQuestionnaire, sampleQuestionnaireBody } from '../factories/design.factory';
import { createUser, loginAdmin, Session } from '../factories/users.factory';

type Detail = { field: string; reason: string };
const fieldsOf = (body: { details?: Detail[] }) => (body.details ?? []).map((detail) => detail.field);

/** One question of every type, with every optional field the API documents (/docs) somewhere. */
function everyFieldBody() {
  return {
    title: 'Every field',
    language: 'es',
    sections: [
      {
        key: 'main',
        title: 'Principal',
        weight: 3,
        questions: [
          {
            key: 'greet',
            text: '¿Saludó?',
            type: 'yes_no',
            maxPoints: 2,
            positive: true,
            dimension: 'protocol',
            channels: ['in_person', 'phone'],
          },
          {
            key: 'forbidden',
            text: '¿Dijo "eso no nos compete"?',
            type: 'yes_no',
            maxPoints: 1,
            positive: false,
            recommendation: 'Evitar frases prohibidas',
          },
          {
            key: 'kind',
            text: 'Amabilidad',
            type: 'scale',
            min: 0,
            max: 10,
            maxPoints: 5,
            required: false,
            allowNa: true,
            dimension: 'empathy',
          },
          {
            key: 'product',
            text: 'Producto',
            type: 'single_choice',
            maxPoints: 3,
            critical: true,
            knockoutScope: 'visit',
            options: [
              { key: 'ok', label: 'Bien', points: 3 },
              { key: 'ko', label: 'Mal', points: 0 },
            ],
          },
          {
            key: 'extras',
            text: 'Extras',
            type: 'multi_choice',
            maxPoints: 2,
            bonus: true,
            options: [
              { key: 'coffee', label: 'Café', points: 1 },
              { key: 'parking', label: 'Parking', points: 1 },
            ],
          },
          {
            key: 'wait',
            text: 'Espera',
            type: 'duration',
            maxPoints: 2,
            kpi: 'wait_time',
            thresholds: [
              { upToSeconds: 60, fraction: 1 },
              { upToSeconds: 600, fraction: 0.25 },
            ],
          },
          { key: 'solved', text: '¿Resuelto?', type: 'yes_no', maxPoints: 1, kpi: 'fcr' },
          { key: 'why', text: '¿Por qué no?', type: 'text', minLength: 10, showIf: { questionKey: 'solved', equals: false } },
          { key: 'count', text: 'Personas en cola', type: 'number' },
          { key: 'at', text: 'Hora', type: 'datetime', required: false },
          { key: 'photo', text: 'Foto', type: 'evidence', required: false, showIf: { questionKey: 'product', in: ['ok'] } },
          { key: 'big_queue', text: '¿Cola larga?', type: 'yes_no', maxPoints: 0, showIf: { questionKey: 'kind', equals: 3 } },
          { key: 'picked', text: '¿Café?', type: 'yes_no', maxPoints: 0, showIf: { questionKey: 'extras', equals: 'coffee' } },
        ],
      },
    ],
  };
}

describe('design: questionnaires and templates', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;
  let clientUser: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    shopper = await createUser(ctx.http, admin, { role: 'shopper' });
    const client = await ctx.http.post('/clients').set(admin.auth).send({ name: 'Some client' }).expect(201);
    clientUser = await createUser(ctx.http, admin, { role: 'client', clientId: client.body.id });
  });
  afterAll(() => ctx.close());

  it('creates a draft, version 1 of a new lineage, with every default filled in', async () => {
    const response = await ctx.http
      .post('/questionnaires')
      .set(consultant.auth)
      .send(sampleQuestionnaireBody({ title: 'Tienda' }))
      .expect(201);
    expect(response.body).toMatchObject({
      version: 1,
      status: 'draft',
      title: 'Tienda',
      language: 'en',
      publishedAt: null,
      createdBy: consultant.user.id,
    });
    expect(response.body.lineageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.lineageId).not.toBe(response.body.id);
    const [welcome, service] = response.body.sections;
    expect(welcome).toMatchObject({ key: 'welcome', weight: 1 });
    expect(service.weight).toBe(2);
    // defaults of docs/domain.md §2
    expect(welcome.questions[0]).toEqual({
      key: 'greeting',
      text: 'Were you greeted?',
      type: 'yes_no',
      maxPoints: 1,
      required: true,
      allowNa: false,
      critical: false,
      knockoutScope: 'section',
      channels: [],
      bonus: false,
      dimension: 'protocol',
      positive: true,
    });
    const comment = service.questions.find((q: { key: string }) => q.key === 'comment');
    expect(comment).toMatchObject({ maxPoints: 0, required: false });
  });

  it('accepts every question field of API.md and stores them', async () => {
    const body = everyFieldBody();
    const created = await ctx.http.post('/questionnaires').set(consultant.auth).send(body).expect(201);
    const got = await ctx.http.get(`/questionnaires/${created.body.id}`).set(consultant.auth).expect(200);
    expect(got.body).toMatchObject({ title: 'Every field', language: 'es', status: 'draft' });
    const questions = got.body.sections[0].questions;
    expect(got.body.sections[0].weight).toBe(3);
    expect(questions).toHaveLength(13);
    // each field sent comes back as sent
    body.sections[0].questions.forEach((sent, index) => expect(questions[index]).toMatchObject(sent));
    expect(questions.find((q: { key: string }) => q.key === 'why').showIf).toEqual({ questionKey: 'solved', equals: false });
    expect(questions.find((q: { key: string }) => q.key === 'big_queue').showIf).toEqual({ questionKey: 'kind', equals: 3 });
    expect(questions.find((q: { key: string }) => q.key === 'picked').showIf).toEqual({ questionKey: 'extras', equals: 'coffee' });
  });

  it('answers 422 listing every problem of an inconsistent definition', async () => {
    const body = {
      title: 'Broken',
      language: 'fr',
      sections: [
        {
          key: 'a',
          title: 'A',
          weight: 0,
          questions: [
            { key: 'q1', text: 'Q1', type: 'yes_no' },
            { key: 'q1', text: 'Duplicate', type: 'yes_no' },
            { key: 'q2', text: 'Scale', type: 'scale', min: 5, max: 1 },
            { key: 'q3', text: 'Choice', type: 'single_choice', maxPoints: 5, options: [{ key: 'x', label: 'X', points: 2 }] },
            { key: 'q4', text: 'Later', type: 'yes_no', showIf: { questionKey: 'q5', equals: true } },
            { key: 'q5', text: 'Unknown type', type: 'stars' },
            { key: 'q6', text: 'Text', type: 'text', maxPoints: 3 },
            { key: 'q7', text: 'Wrong channel', type: 'yes_no', channels: ['fax'], dimension: 'beauty' },
          ],
        },
      ],
    };
    const response = await ctx.http.post('/questionnaires').set(consultant.auth).send(body).expect(422);
    expect(response.body.statusCode).toBe(422);
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining([
        'language',
        'sections[0].weight',
        'sections[0].questions[1].key',
        'sections[0].questions[2].max',
        'sections[0].questions[3].maxPoints',
        'sections[0].questions[4].showIf.questionKey',
        'sections[0].questions[5].type',
        'sections[0].questions[6].maxPoints',
        'sections[0].questions[7].channels[0]',
        'sections[0].questions[7].dimension',
      ]),
    );
    for (const detail of response.body.details as Detail[]) expect(detail.reason.length).toBeGreaterThan(0);
    expect(await ctx.db.query('SELECT 1 FROM questionnaires WHERE title = $1', ['Broken'])).toHaveLength(0);
  });

  it('answers 422 to an empty questionnaire and to a showIf value its question can never have', async () => {
    const empty = await ctx.http
      .post('/questionnaires')
      .set(consultant.auth)
      .send({ title: 'Empty', language: 'en', sections: [] })
      .expect(422);
    expect(fieldsOf(empty.body)).toEqual(['sections']);
    const body = sampleQuestionnaireBody();
    (body.sections as Array<{ questions: Array<Record<string, unknown>> }>)[1].questions[3].showIf = {
      questionKey: 'resolved',
      equals: 'maybe',
    };
    const wrong = await ctx.http.post('/questionnaires').set(consultant.auth).send(body).expect(422);
    expect(fieldsOf(wrong.body)).toEqual(['sections[1].questions[3].showIf.equals']);
  });

  it('answers 400 to a malformed body, naming the field', async () => {
    const missing = await ctx.http.post('/questionnaires').set(consultant.auth).send({ language: 'en' }).expect(400);
    expect(fieldsOf(missing.body)).toEqual(expect.arrayContaining(['title', 'sections']));
    const body = sampleQuestionnaireBody();
    const questions = (body.sections as Array<{ questions: Array<Record<string, unknown>> }>)[0].questions;
    questions[0].maxPoints = 'one';
    questions[1].colour = 'red';
    questions[2].showIf = { questionKey: 'greeting', equals: { nested: true } };
    const response = await ctx.http.post('/questionnaires').set(consultant.auth).send(body).expect(400);
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining([
        'sections[0].questions[0].maxPoints',
        'sections[0].questions[1].colour',
        'sections[0].questions[2].showIf.equals',
      ]),
    );
  });

  it('edits drafts, publishes them, and then refuses edits with 409', async () => {
    const draft = await createDraftQuestionnaire(ctx.http, consultant);
    const changed = sampleQuestionnaireBody({ title: 'Renamed', language: 'es' });
    const updated = await ctx.http.put(`/questionnaires/${draft.id}`).set(consultant.auth).send(changed).expect(200);
    expect(updated.body).toMatchObject({ id: draft.id, version: 1, status: 'draft', title: 'Renamed', language: 'es' });

    const bad = await ctx.http
      .put(`/questionnaires/${draft.id}`)
      .set(consultant.auth)
      .send({ title: 'Renamed', language: 'es', sections: [{ key: 's', title: 'S', questions: [] }] })
      .expect(422);
    expect(fieldsOf(bad.body)).toEqual(['sections[0].questions']);

    const published = await ctx.http.post(`/questionnaires/${draft.id}/publish`).set(consultant.auth).expect(200);
    expect(published.body).toMatchObject({ id: draft.id, status: 'published', title: 'Renamed' });
    expect(new Date(published.body.publishedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const frozen = await ctx.http.put(`/questionnaires/${draft.id}`).set(consultant.auth).send(sampleQuestionnaireBody()).expect(409);
    expect(frozen.body.message).toContain('/versions');
    await ctx.http.post(`/questionnaires/${draft.id}/publish`).set(consultant.auth).expect(409);
    const [row] = await ctx.db.query('SELECT title, status FROM questionnaires WHERE id = $1', [draft.id]);
    expect(row).toEqual({ title: 'Renamed', status: 'published' });
  });

  it('makes a new draft version from a published one in the same lineage', async () => {
    const v1 = await createPublishedQuestionnaire(ctx.http, consultant, sampleQuestionnaireBody({ title: 'Lineage' }));
    const v2 = await ctx.http.post(`/questionnaires/${v1.id}/versions`).set(consultant.auth).expect(201);
    expect(v2.body).toMatchObject({ lineageId: v1.lineageId, version: 2, status: 'draft', title: 'Lineage', publishedAt: null });
    expect(v2.body.id).not.toBe(v1.id);
    expect(v2.body.sections).toEqual(v1.sections);

    // only one draft per lineage at a time; a draft itself is edited, not versioned
    await ctx.http.post(`/questionnaires/${v1.id}/versions`).set(consultant.auth).expect(409);
    await ctx.http.post(`/questionnaires/${v2.body.id}/versions`).set(consultant.auth).expect(409);

    // editing the new draft leaves the published version untouched
    await ctx.http
      .put(`/questionnaires/${v2.body.id}`)
      .set(consultant.auth)
      .send(sampleQuestionnaireBody({ title: 'Lineage v2' }))
      .expect(200);
    const old = await ctx.http.get(`/questionnaires/${v1.id}`).set(consultant.auth).expect(200);
    expect(old.body).toMatchObject({ title: 'Lineage', status: 'published', version: 1 });

    await ctx.http.post(`/questionnaires/${v2.body.id}/publish`).set(consultant.auth).expect(200);
    // the copy is of the version asked for (here the old v1), numbered after the lineage's latest
    const v3 = await ctx.http.post(`/questionnaires/${v1.id}/versions`).set(consultant.auth).expect(201);
    expect(v3.body).toMatchObject({ lineageId: v1.lineageId, version: 3, status: 'draft', title: 'Lineage' });

    const lineage = await ctx.http.get(`/questionnaires?lineageId=${v1.lineageId}`).set(consultant.auth).expect(200);
    expect(lineage.body.map((q: { version: number; status: string }) => [q.version, q.status])).toEqual([
      [3, 'draft'],
      [2, 'published'],
      [1, 'published'],
    ]);
  });

  it('lists questionnaires with their section and question counts, filtered by status', async () => {
    const draft = await createDraftQuestionnaire(ctx.http, consultant, sampleQuestionnaireBody({ title: 'Counted' }));
    const all = await ctx.http.get('/questionnaires').set(consultant.auth).expect(200);
    const summary = all.body.find((q: { id: string }) => q.id === draft.id);
    // the sample has 2 sections with 3 + 5 questions
    expect(summary).toMatchObject({ title: 'Counted', version: 1, status: 'draft', sectionCount: 2, questionCount: 8 });
    expect(summary.sections).toBeUndefined();
    const published = await ctx.http.get('/questionnaires?status=published').set(consultant.auth).expect(200);
    expect(published.body.every((q: { status: string }) => q.status === 'published')).toBe(true);
    expect(published.body.map((q: { id: string }) => q.id)).not.toContain(draft.id);
    await ctx.http.get('/questionnaires?status=archived').set(consultant.auth).expect(400);
  });

  it('answers 404 for a questionnaire that does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    await ctx.http.get(`/questionnaires/${ghost}`).set(consultant.auth).expect(404);
    await ctx.http.put(`/questionnaires/${ghost}`).set(consultant.auth).send(sampleQuestionnaireBody()).expect(404);
    await ctx.http.post(`/questionnaires/${ghost}/publish`).set(consultant.auth).expect(404);
    await ctx.http.post(`/questionnaires/${ghost}/versions`).set(consultant.auth).expect(404);
  });

  it('forbids shoppers and client users with 403', async () => {
    const published = await createPublishedQuestionnaire(ctx.http, consultant);
    for (const session of [shopper, clientUser]) {
      await ctx.http.post('/questionnaires').set(session.auth).send(sampleQuestionnaireBody()).expect(403);
      await ctx.http.get('/questionnaires').set(session.auth).expect(403);
      await ctx.http.get(`/questionnaires/${published.id}`).set(session.auth).expect(403);
      await ctx.http.post(`/questionnaires/${published.id}/versions`).set(session.auth).expect(403);
      await ctx.http.get('/questionnaire-templates').set(session.auth).expect(403);
      await ctx.http.post('/questionnaire-templates/in_store/copy').set(session.auth).send({ language: 'es' }).expect(403);
    }
  });

  describe('templates', () => {
    it('lists the ready templates in Spanish and English', async () => {
      const response = await ctx.http.get('/questionnaire-templates').set(consultant.auth).expect(200);
      const keys = new Set(response.body.map((t: { key: string }) => t.key));
      expect([...keys].sort()).toEqual(['email', 'in_store', 'phone', 'social_whatsapp', 'web_chat'].sort());
      for (const key of keys) {
        const languages = response.body.filter((t: { key: string }) => t.key === key).map((t: { language: string }) => t.language);
        expect(languages.sort()).toEqual(['en', 'es']);
      }
      const phoneEs = response.body.find((t: { key: string; language: string }) => t.key === 'phone' && t.language === 'es');
      expect(phoneEs.channels).toEqual(['phone']);
      expect(phoneEs.title.length).toBeGreaterThan(0);
      expect(phoneEs.questionCount).toBeGreaterThan(10);
      expect(phoneEs.definition.language).toBe('es');

      const english = await ctx.http.get('/questionnaire-templates?language=en').set(consultant.auth).expect(200);
      expect(english.body).toHaveLength(5);
      expect(english.body.every((t: { language: string }) => t.language === 'en')).toBe(true);
    });

    it('copies a template into a draft that can be published and then used', async () => {
      const listed = await ctx.http.get('/questionnaire-templates?language=es').set(consultant.auth).expect(200);
      const template = listed.body.find((t: { key: string }) => t.key === 'in_store');
      const copy = await ctx.http.post('/questionnaire-templates/in_store/copy').set(consultant.auth).send({ language: 'es' }).expect(201);
      expect(copy.body).toMatchObject({ version: 1, status: 'draft', language: 'es', title: template.title });
      const copiedKeys = copy.body.sections.flatMap((s: { questions: Array<{ key: string }> }) => s.questions.map((q) => q.key));
      const templateKeys = template.definition.sections.flatMap((s: { questions: Array<{ key: string }> }) =>
        s.questions.map((q) => q.key),
      );
      expect(copiedKeys).toEqual(templateKeys);
      expect(copiedKeys).toEqual(expect.arrayContaining(['greeting', 'resolved_first_contact', 'data_protected']));

      const published = await ctx.http.post(`/questionnaires/${copy.body.id}/publish`).set(consultant.auth).expect(200);
      expect(published.body.status).toBe('published');

      // every template in every language copies and publishes cleanly
      for (const each of (await ctx.http.get('/questionnaire-templates').set(consultant.auth)).body as Array<{
        key: string;
        language: string;
      }>) {
        const made = await ctx.http
          .post(`/questionnaire-templates/${each.key}/copy`)
          .set(consultant.auth)
          .send({ language: each.language })
          .expect(201);
        await ctx.http.post(`/questionnaires/${made.body.id}/publish`).set(consultant.auth).expect(200);
      }
    });

    it('answers 404 for an unknown template and 400 for an unknown or missing language', async () => {
      await ctx.http.post('/questionnaire-templates/fax/copy').set(consultant.auth).send({ language: 'es' }).expect(404);
      const fr = await ctx.http.post('/questionnaire-templates/phone/copy').set(consultant.auth).send({ language: 'fr' }).expect(400);
      expect(fieldsOf(fr.body)).toEqual(['language']);
      await ctx.http.post('/questionnaire-templates/phone/copy').set(consultant.auth).send({}).expect(400);
    });
  });
});
