// Issue 12.2: evidence is uploaded to the assignment (before or after submitting), and the answer to an
// `evidence` question is the id (or ids) of evidence this shopper attached to this assignment; anything
// else is a 422 naming the question. Also the photo integrity signals raised at submission (12.1).
import { randomUUID } from 'crypto';
import sharp from 'sharp';
import { normalizeDefinition } from '../../src/questionnaires/domain/normalize';
import type { QuestionnaireDefinition } from '../../src/questionnaires/domain/definition';
import { createUser, Session } from '../factories/users.factory';
import {
  FIELDWORK_DEFINITION,
  fieldworkCampaign,
  FieldworkWorld,
  goodAnswers,
  HOUR,
  newKey,
  seedFieldwork,
} from '../factories/fieldwork.factory';
import { insertAssignment, insertCampaign, insertQuestionnaire } from '../factories/tables.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';
import { createTestApp, TestContext } from '../helpers/test-app';

jest.setTimeout(90_000);

/** The fieldwork questionnaire with a required photo question and an optional list of recordings. */
const DEFINITION: QuestionnaireDefinition = normalizeDefinition({
  ...FIELDWORK_DEFINITION,
  sections: [
    ...FIELDWORK_DEFINITION.sections,
    {
      key: 'proof',
      title: 'Proof',
      questions: [
        { key: 'photo', text: 'Photo of the counter', type: 'evidence', required: true },
        { key: 'recordings', text: 'Recordings', type: 'evidence', required: false },
      ],
    },
  ],
} as unknown as QuestionnaireDefinition);

const photo = (exif?: Record<string, Record<string, string>>, background = 'red') => {
  const image = sharp({ create: { width: 8, height: 8, channels: 3, background } }).jpeg();
  return (exif ? image.withExif(exif) : image).toBuffer();
};
const takenAt = (exifTime: string) => ({ IFD0: { Make: 'Phone' }, IFD2: { DateTimeOriginal: exifTime, OffsetTimeOriginal: '+00:00' } });
const exifTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');

describe('evidence uploaded to the assignment, and evidence answers', () => {
  let ctx: TestContext;
  let w: FieldworkWorld;
  let campaignId: string;
  let otherShopper: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
    w = await seedFieldwork(ctx);
    const questionnaireId = (await insertQuestionnaire(ctx.db, { definition: DEFINITION })).id;
    campaignId = (
      await insertCampaign(ctx.db, { ...fieldworkCampaign(), clientId: w.clientId, questionnaireId, touchpointIds: [w.touchpointId] })
    ).id;
    otherShopper = await createUser(ctx.http, w.admin, { role: 'shopper' });
  });
  afterAll(() => ctx.close());

  const newAssignment = async (shopperId = w.shopper.user.id) =>
    (await insertAssignment(ctx.db, { campaignId, touchpointId: w.touchpointId, shopperId })).id;
  const upload = (assignmentId: string, session: Session, content: Buffer, name = 'foto.jpg', key?: string) => {
    const request = ctx.http.post(`/assignments/${assignmentId}/evidence`).set(session.auth);
    if (key) request.set('Idempotency-Key', key);
    return request.attach('file', content, name);
  };
  const visitedAt = () => new Date(Date.now() - 2 * HOUR);
  const submit = (assignmentId: string, extra: Array<{ questionKey: string; value: unknown }>, session = w.shopper, at = visitedAt()) =>
    ctx.http
      .post(`/assignments/${assignmentId}/report`)
      .set(session.auth)
      .set('Idempotency-Key', newKey())
      .send({ visitedAt: at.toISOString(), answers: [...goodAnswers(), ...extra] });

  it('takes a file from the assigned shopper before the report exists, and lists it for the shopper and consultants', async () => {
    const assignmentId = await newAssignment();
    const created = await upload(assignmentId, w.shopper, await photo(), 'mi foto.jpg').expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      assignmentId,
      visitReportId: null,
      kind: 'image',
      size: expect.any(Number),
      name: 'evidencia-1.jpg',
    });
    for (const session of [w.shopper, w.consultant, w.admin]) {
      const list = await ctx.http.get(`/assignments/${assignmentId}/evidence`).set(session.auth).expect(200);
      expect(list.body.map((file: { id: string }) => file.id)).toEqual([created.body.id]);
    }
    // client users see evidence only through approved reports; other shoppers not at all
    await ctx.http.get(`/assignments/${assignmentId}/evidence`).set(w.clientUser.auth).expect(403);
    await ctx.http.get(`/assignments/${assignmentId}/evidence`).set(otherShopper.auth).expect(404);
    await upload(assignmentId, otherShopper, await photo()).expect(404);
    await upload(assignmentId, w.consultant, await photo()).expect(403);
    await upload(randomUUID(), w.shopper, await photo()).expect(404);
  });

  it('is retry-safe with an Idempotency-Key: the same file again gives the stored one, another file with the key is 409', async () => {
    const assignmentId = await newAssignment();
    const content = await photo(undefined, 'blue');
    const key = newKey();
    const first = await upload(assignmentId, w.shopper, content, 'a.jpg', key).expect(201);
    const again = await upload(assignmentId, w.shopper, content, 'a.jpg', key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const racing = await Promise.all([1, 2, 3].map(() => upload(assignmentId, w.shopper, content, 'a.jpg', key)));
    expect(racing.map((response) => [response.status, response.body.id])).toEqual(racing.map(() => [201, first.body.id]));
    const other = await upload(assignmentId, w.shopper, await photo(undefined, 'green'), 'b.jpg', key).expect(409);
    expect(fieldsOf(other.body)).toEqual(['Idempotency-Key']);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE assignment_id = $1`, [assignmentId]);
    expect(n).toBe(1);
  });

  it.each([
    ['any string', () => 'photo.jpg'],
    ['a random uuid', () => randomUUID()],
    ['an empty list', () => []],
  ])('refuses %s as the answer to an evidence question with 422 naming the question', async (_what, value) => {
    const assignmentId = await newAssignment();
    await upload(assignmentId, w.shopper, await photo()).expect(201);
    const response = await submit(assignmentId, [{ questionKey: 'photo', value: value() }]);
    expectErrorShape(422, response);
    expect(fieldsOf(response.body)).toEqual(['photo']);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM visit_reports WHERE assignment_id = $1`, [assignmentId]);
    expect(n).toBe(0);
  });

  it("refuses another assignment's or another shopper's evidence id, naming each question", async () => {
    const mine = await newAssignment();
    const otherOfMine = await newAssignment();
    const theirs = await newAssignment(otherShopper.user.id);
    const own = (await upload(mine, w.shopper, await photo()).expect(201)).body.id as string;
    const elsewhere = (await upload(otherOfMine, w.shopper, await photo()).expect(201)).body.id as string;
    const foreign = (await upload(theirs, otherShopper, await photo()).expect(201)).body.id as string;
    const response = await submit(mine, [
      { questionKey: 'photo', value: elsewhere },
      { questionKey: 'recordings', value: [own, foreign] },
    ]);
    expectErrorShape(422, response);
    expect(fieldsOf(response.body)).toEqual(['photo', 'recordings']);
    expect(JSON.stringify(response.body)).toContain(foreign);
  });

  it('accepts the id of a file attached to the assignment, or a list of them, and links the files to the report', async () => {
    const assignmentId = await newAssignment();
    const first = (await upload(assignmentId, w.shopper, await photo(takenAt(exifTime(visitedAt()))), 'one.jpg').expect(201)).body
      .id as string;
    const second = (await upload(assignmentId, w.shopper, await photo(takenAt(exifTime(visitedAt())), 'blue'), 'two.jpg').expect(201)).body
      .id as string;
    const report = await submit(assignmentId, [
      { questionKey: 'photo', value: first },
      { questionKey: 'recordings', value: [first, second] },
    ]).expect(201);
    // the files uploaded before the report existed joined it when it was stored
    const linked = await ctx.db.query(`SELECT DISTINCT visit_report_id AS id FROM evidence_files WHERE assignment_id = $1`, [assignmentId]);
    expect(linked).toEqual([{ id: report.body.id }]);
    const [signals] = await ctx.db.query(`SELECT integrity_signals FROM visit_reports WHERE id = $1`, [report.body.id]);
    expect(signals.integrity_signals).toEqual([]); // taken at the visit, with metadata: nothing to flag
    // after submitting, both routes add to the same assignment and report
    const third = await upload(assignmentId, w.shopper, await photo(takenAt(exifTime(visitedAt())), 'green'), 'three.jpg').expect(201);
    expect(third.body).toMatchObject({ visitReportId: report.body.id, name: 'evidencia-3.jpg' });
    const viaReport = await ctx.http
      .post(`/visit-reports/${report.body.id}/evidence`)
      .set(w.shopper.auth)
      .attach('file', await photo(takenAt(exifTime(visitedAt())), 'white'), 'four.jpg')
      .expect(201);
    expect(viaReport.body).toMatchObject({ assignmentId, name: 'evidencia-4.jpg' });
    const listed = await ctx.http.get(`/visit-reports/${report.body.id}/evidence`).set(w.consultant.auth).expect(200);
    expect(listed.body.map((file: { name: string }) => file.name)).toEqual([
      'evidencia-1.jpg',
      'evidencia-2.jpg',
      'evidencia-3.jpg',
      'evidencia-4.jpg',
    ]);
  });

  it('raises integrity signals for a photo taken long before the visit and for one without any metadata', async () => {
    const assignmentId = await newAssignment();
    const old = (await upload(assignmentId, w.shopper, await photo(takenAt('2020:05:01 12:00:00')), 'old.jpg').expect(201)).body
      .id as string;
    const bare = (await upload(assignmentId, w.shopper, await photo(undefined, 'purple'), 'bare.jpg').expect(201)).body.id as string;
    const report = await submit(assignmentId, [{ questionKey: 'photo', value: [old, bare] }]).expect(201);
    const [row] = await ctx.db.query(`SELECT integrity_signals FROM visit_reports WHERE id = $1`, [report.body.id]);
    expect(row.integrity_signals).toEqual([
      {
        kind: 'evidence_capture_time',
        reason: expect.stringMatching(/^Photo evidencia-1\.jpg was taken at 2020-05-01T12:00:00\.000Z, \d+ days before the visit$/),
      },
      { kind: 'evidence_without_metadata', reason: expect.stringContaining('evidencia-2.jpg') },
    ]);
  });

  it('flags a photo already attached to another visit once, also across a resubmission', async () => {
    const content = await photo(takenAt(exifTime(visitedAt())), 'yellow');
    const earlier = await newAssignment();
    await upload(earlier, w.shopper, content).expect(201);
    const assignmentId = await newAssignment();
    const id = (await upload(assignmentId, w.shopper, content).expect(201)).body.id as string;
    const report = await submit(assignmentId, [{ questionKey: 'photo', value: id }]).expect(201);
    const signalsOf = async () =>
      (await ctx.db.query(`SELECT integrity_signals FROM visit_reports WHERE id = $1`, [report.body.id]))[0].integrity_signals;
    expect(await signalsOf()).toEqual([{ kind: 'duplicate_evidence', reason: expect.stringContaining(earlier) }]);
    await ctx.http
      .post(`/visit-reports/${report.body.id}/return`)
      .set(w.consultant.auth)
      .send({ comment: 'Please add the receipt' })
      .expect(200);
    await submit(assignmentId, [{ questionKey: 'photo', value: id }]).expect(201);
    expect(await signalsOf()).toEqual([{ kind: 'duplicate_evidence', reason: expect.stringContaining(earlier) }]);
  });

  it('takes no evidence once the assignment is approved or cancelled (409)', async () => {
    const assignmentId = await newAssignment();
    await ctx.db.query(`UPDATE assignments SET status = 'cancelled' WHERE id = $1`, [assignmentId]);
    const response = await upload(assignmentId, w.shopper, await photo()).expect(409);
    expect(response.body.message).toContain('cancelled');
  });
});
