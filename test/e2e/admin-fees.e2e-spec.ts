// Fees: owed when a report is approved, reversed when it is reopened; a shopper's statement, the
// consultancy's payables (JSON, Excel, CSV) and payout batches that never pay a fee twice.
import * as ExcelJS from 'exceljs';
import { createTestApp, TestContext } from '../helpers/test-app';
import { createUser, loginAdmin, Session } from '../factories/users.factory';
import { expectErrorShape, fieldsOf } from '../helpers/errors';
import {
  insertAssignment,
  insertCampaign,
  insertClient,
  insertQuestionnaire,
  insertTouchpoint,
  insertVisit,
  type QuestionnaireRow,
} from '../factories/tables.factory';
import { isoDate } from '../factories/design.factory';
import { binary } from '../helpers/binary';

const ANSWERS = [
  { questionKey: 'greeting', value: true },
  { questionKey: 'resolved', value: true },
  { questionKey: 'data_protected', value: true },
];

describe('administration: fees, statements, payables and payouts', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;
  let otherShopper: Session;
  let client: Session;
  let questionnaire: QuestionnaireRow;
  let campaignId: string;
  let touchpointId: string;
  const period = { from: isoDate(-2), to: isoDate(2) };

  beforeAll(async () => {
    ctx = await createTestApp({ TIME_ZONE: 'Europe/Madrid', CURRENCY: 'EUR' });
    admin = await loginAdmin(ctx.http);
    consultant = await createUser(ctx.http, admin, { role: 'consultant' });
    shopper = await createUser(ctx.http, admin, { role: 'shopper', name: '=HYPERLINK("http://evil")' });
    otherShopper = await createUser(ctx.http, admin, { role: 'shopper', name: 'Other Shopper' });
    const clientRow = await insertClient(ctx.db);
    client = await createUser(ctx.http, admin, { role: 'client', clientId: clientRow.id });
    touchpointId = (await insertTouchpoint(ctx.db, { clientId: clientRow.id, channel: 'phone' })).id;
    questionnaire = await insertQuestionnaire(ctx.db);
    campaignId = (
      await insertCampaign(ctx.db, {
        clientId: clientRow.id,
        questionnaireId: questionnaire.id,
        touchpointIds: [touchpointId],
        visitFee: 25,
      })
    ).id;
    await ctx.db.query(`UPDATE campaigns SET channel_bonus_cents = '{"phone": 150}' WHERE id = $1`, [campaignId]);
  });
  afterAll(() => ctx.close());

  /** A submitted report of `who` on a fresh job of the campaign, approved through the API. */
  async function approvedVisit(who: Session, fee = 25): Promise<string> {
    const assignment = await insertAssignment(ctx.db, { campaignId, touchpointId, shopperId: who.user.id, fee });
    const report = await insertVisit(ctx.db, {
      assignment,
      questionnaire,
      channel: 'phone',
      answers: ANSWERS,
      visitedAt: new Date(Date.now() - 3600_000),
    });
    await ctx.http.post(`/visit-reports/${report.id}/approve`).set(consultant.auth).expect(200);
    return report.id;
  }

  const statement = (who: Session, shopperId: string, query: object = period) =>
    ctx.http.get(`/shoppers/${shopperId}/statement`).query(query).set(who.auth);
  const payables = async () =>
    (await ctx.http.get('/payables').query(period).set(consultant.auth).expect(200)).body as Array<Record<string, unknown>>;

  it('owes the visit fee plus the channel bonus in cents when a report is approved', async () => {
    const reportId = await approvedVisit(shopper);
    const own = await statement(shopper, shopper.user.id).expect(200);
    expect(own.body).toMatchObject({ shopperId: shopper.user.id, currency: 'EUR', totalCents: 2650, paidCents: 0 });
    expect(own.body.items).toEqual([
      expect.objectContaining({
        visitReportId: reportId,
        campaignId,
        kind: 'owed',
        amountCents: 2650,
        payoutId: null,
        approvedAt: expect.any(String),
      }),
    ]);
    expect(await payables()).toEqual([
      expect.objectContaining({ shopperId: shopper.user.id, visits: 1, totalCents: 2650, unpaidCents: 2650, paid: false, currency: 'EUR' }),
    ]);
  });

  it('reverses the fee when the approved report is reopened, and owes it again once re-approved', async () => {
    const reportId = await approvedVisit(otherShopper, 10);
    const reopened = await ctx.http
      .post(`/visit-reports/${reportId}/reopen`)
      .set(consultant.auth)
      .send({ comment: 'The receipt photo is missing' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'returned', returnComment: 'The receipt photo is missing' });
    const [{ status }] = await ctx.db.query(
      `SELECT a.status FROM assignments a JOIN visit_reports vr ON vr.assignment_id = a.id WHERE vr.id = $1`,
      [reportId],
    );
    expect(status).toBe('returned');
    const after = await statement(consultant, otherShopper.user.id).expect(200);
    expect(after.body.items.map((item: { kind: string; amountCents: number }) => [item.kind, item.amountCents])).toEqual([
      ['owed', 1150],
      ['reversal', -1150],
    ]);
    expect(after.body.totalCents).toBe(0);
    expect((await payables()).find((row) => row.shopperId === otherShopper.user.id)).toMatchObject({ visits: 0, totalCents: 0 });
    // Reopening again is refused: it is no longer approved.
    expect((await ctx.http.post(`/visit-reports/${reportId}/reopen`).set(consultant.auth).send({ comment: 'again' })).status).toBe(409);
    // The shopper corrects it (resubmitted), the consultant approves it again: owed once more.
    await ctx.db.query(`UPDATE visit_reports SET status = 'submitted' WHERE id = $1`, [reportId]);
    await ctx.db.query(`UPDATE assignments SET status = 'submitted' WHERE id = (SELECT assignment_id FROM visit_reports WHERE id = $1)`, [
      reportId,
    ]);
    await ctx.http.post(`/visit-reports/${reportId}/approve`).set(consultant.auth).expect(200);
    expect((await statement(otherShopper, otherShopper.user.id).expect(200)).body.totalCents).toBe(1150);
  });

  it('shows a statement to the shopper itself and staff only, for a valid period', async () => {
    expectErrorShape(404, await statement(otherShopper, shopper.user.id));
    expect((await statement(client, shopper.user.id)).status).toBe(403);
    expect((await statement(admin, shopper.user.id)).status).toBe(200);
    expect(fieldsOf((await statement(shopper, shopper.user.id, { from: 'yesterday' }).expect(400)).body)).toEqual(['from']);
    // Without a period: the current month up to today.
    expect((await statement(shopper, shopper.user.id, {}).expect(200)).body.to).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date()),
    );
    const backwards = await statement(shopper, shopper.user.id, { from: period.to, to: period.from });
    expectErrorShape(422, backwards);
    expect(fieldsOf(backwards.body)).toEqual(['to']);
    expect((await ctx.http.get('/payables').query(period).set(shopper.auth)).status).toBe(403);
  });

  it('downloads the payables as a streamed workbook and as formula-safe CSV', async () => {
    const xlsx = await ctx.http.get('/payables.xlsx').query(period).set(consultant.auth).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="payables-${period.from}-${period.to}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Payables')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Shopper id',
      'Shopper',
      'Visits',
      'Total (EUR)',
      'Paid (EUR)',
      'Unpaid (EUR)',
      'All paid',
    ]);
    const evil = [3, 4].map((n) => sheet.getRow(n)).find((row) => row.getCell(1).value === shopper.user.id)!;
    expect(evil.getCell(2).value).toBe('=HYPERLINK("http://evil")'); // a string cell, never a formula
    expect(evil.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(evil.getCell(4).value).toBe(26.5);

    const csv = await ctx.http.get('/payables.csv').query(period).set(consultant.auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Shopper id,Shopper,Visits,Total (EUR),Paid (EUR),Unpaid (EUR),All paid');
    expect(lines).toContain(`${shopper.user.id},"'=HYPERLINK(""http://evil"")",1,26.5,0,26.5,false`);
  });

  it('pays a period as one batch, never the same fee twice even under two concurrent payouts', async () => {
    const [first, second] = await Promise.all([
      ctx.http.post('/payouts').set(admin.auth).send(period),
      ctx.http.post('/payouts').set(admin.auth).send(period),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const paid = first.status === 201 ? first : second;
    const refused = first.status === 201 ? second : first;
    expect(refused.body.code).toBe('NOTHING_TO_PAY');
    expect(paid.body).toMatchObject({ currency: 'EUR', totalCents: 2650 + 1150, shoppers: 2, entries: 4 });
    const [{ payouts }] = await ctx.db.query(`SELECT count(*)::int AS payouts FROM payouts`);
    expect(payouts).toBe(1); // the refused batch left nothing behind
    const unpaid = await ctx.db.query(`SELECT count(*)::int AS n FROM fee_entries WHERE payout_id IS NULL`);
    expect(unpaid[0].n).toBe(0);
    expect((await payables()).every((row) => row.paid === true && row.unpaidCents === 0)).toBe(true);

    // The database itself refuses to pay an entry again or change its amount.
    const [entry] = await ctx.db.query<Array<{ id: string }>>(`SELECT id FROM fee_entries WHERE payout_id IS NOT NULL LIMIT 1`);
    await expect(ctx.db.query(`UPDATE fee_entries SET payout_id = NULL WHERE id = $1`, [entry.id])).rejects.toThrow(/already paid/);
    await expect(ctx.db.query(`UPDATE fee_entries SET amount_cents = 1 WHERE id = $1`, [entry.id])).rejects.toThrow(
      /already paid|cannot be changed/,
    );

    // A later approval is paid by the next batch, alone.
    await approvedVisit(shopper);
    const next = await ctx.http.post('/payouts').set(admin.auth).send(period).expect(201);
    expect(next.body).toMatchObject({ totalCents: 2650, shoppers: 1, entries: 1 });
    // No visit was paid more than its one fee (a reopened and re-approved one nets to a single fee).
    const [{ twice }] = await ctx.db.query(
      `SELECT count(*)::int AS twice FROM (SELECT visit_report_id FROM fee_entries GROUP BY visit_report_id
         HAVING coalesce(sum(amount_cents) FILTER (WHERE payout_id IS NOT NULL), 0) > max(amount_cents)) x`,
    );
    expect(twice).toBe(0);
    const [row] = (await ctx.http.get('/audit').query({ entity: 'payout', entityId: next.body.id }).set(admin.auth).expect(200)).body;
    expect(row).toMatchObject({ action: 'pay', userId: admin.user.id, after: { totalCents: 2650, entries: 1 } });
    expect((await ctx.http.post('/payouts').set(consultant.auth).send(period)).status).toBe(403);
    expect(
      fieldsOf((await ctx.http.post('/payouts').set(admin.auth).send({ from: period.from, to: period.to, extra: 1 }).expect(400)).body),
    ).toEqual(['extra']);
  });
});
