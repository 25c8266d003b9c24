// GET /campaigns/:id/report.pdf and report.xlsx (docs/domain.md §6) on a small Spanish campaign seeded by
// test/factories/exports.factory.ts: both files are read back (pdf-parse, exceljs) and must say what
// GET /campaigns/:id/kpis says, in the right language, without any shopper data for client users.
import * as ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { readPdf } from '../../src/exports/testing/pdf-text';
import { createTestApp, TestContext } from '../helpers/test-app';
import type { Session } from '../factories/users.factory';
import { ExportsWorld, seedExportsCast, seedLargeCampaign, SHOPPER_EMAIL_PREFIX, SHOPPER_NAME } from '../factories/exports.factory';
import { binary } from '../helpers/binary';

// Each file read back spawns a pdf-parse process or unzips a workbook; on a busy machine that takes a while.
jest.setTimeout(60000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One decimal as the Spanish report prints it. */
const es = (value: number) => value.toFixed(1).replace('.', ',');
const en = (value: number) => value.toFixed(1);

async function pdfText(buffer: Buffer): Promise<{ text: string; title: unknown; pages: number }> {
  const { text, info, pages } = await readPdf(buffer);
  return { text, title: info.Title, pages };
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell's text in every sheet. */
function allCellTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        texts.push(cell.value instanceof Date ? cell.value.toISOString() : cell.text);
      }),
    ),
  );
  return texts;
}

/** A sheet as header → values rows. */
function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, ExcelJS.CellValue> = {};
    headers.forEach((header, index) => (record[header] = row.getCell(index + 1).value));
    rows.push(record);
  });
  return rows;
}

describe('reports: PDF and Excel downloads', () => {
  let ctx: TestContext;
  let admin: Session;
  let consultant: Session;
  let shopper: Session;
  let client: Session;
  let otherClient: Session;
  let world: ExportsWorld;
  let today: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    ({ admin, consultant, shopper, client, otherClient, world } = await seedExportsCast(ctx));
    today = new Date().toISOString().slice(0, 10);
  });
  afterAll(() => ctx.close());

  const kpis = async (session: Session, query = '') =>
    (await ctx.http.get(`/campaigns/${world.campaignId}/kpis${query}`).set(session.auth).expect(200)).body;
  const download = (session: Session, kind: 'pdf' | 'xlsx', query = '', campaignId = world.campaignId) =>
    ctx.http.get(`/campaigns/${campaignId}/report.${kind}${query}`).set(session.auth).buffer(true).parse(binary);

  const forbiddenTexts = () => [SHOPPER_NAME, SHOPPER_EMAIL_PREFIX, shopper.user.id, 'Empleado Confidencial', 'B-77'];

  describe('PDF', () => {
    it('gives a client user the report in Spanish with the KPI endpoint’s figures', async () => {
      const response = await download(client, 'pdf').expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="oleada-2-atencion-al-cliente-${today}.pdf"; filename*=UTF-8''oleada-2-atenci%C3%B3n-al-cliente-${today}.pdf`,
      );
      const body = response.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      // To look at the file: EXPORTS_DUMP_DIR=/tmp npx jest test/e2e/exports
      if (process.env.EXPORTS_DUMP_DIR) writeFileSync(join(process.env.EXPORTS_DUMP_DIR, 'exports-e2e-client.pdf'), body);

      const model = await kpis(client);
      // Hand-computed: approved visits score 77.778, 16.667, 91.667 → mean 62.037; the submitted one is left out.
      expect(model.n).toBe(3);
      expect(model.overall.mean).toBeCloseTo(62.037, 3);

      const { text, title, pages } = await pdfText(body);
      expect(title).toBe('Oleada 2 – Atención al cliente');
      expect(pages).toBeGreaterThanOrEqual(4);
      // Cover
      for (const expected of [
        'INFORME DE CLIENTE INCÓGNITO',
        'Oleada 2 – Atención al cliente',
        'Banco Ñandú',
        'Evaluación multicanal',
        '1 de octubre de 2026 – 31 de octubre de 2026',
      ]) {
        expect(text).toContain(expected);
      }
      // Executive summary: overall with its CI, target, previous wave, FCR, knockouts, consistency
      expect(text).toContain('62,0');
      expect(text).toContain(`IC 95 %: ${es(model.overall.ci95[0])} – ${es(model.overall.ci95[1])}`);
      expect(text).toContain('Objetivo no alcanzado');
      expect(model.trend.overall.previous).toBe(65);
      expect(text).toContain(es(model.trend.overall.change)); // -3,0 against 65,0
      expect(text).toContain(`${es(model.fcr.rate)} %`);
      expect(text).toContain(es(model.consistency.index));
      expect(text).toContain('Principales fortalezas');
      expect(text).toContain('Prioridades de mejora');
      expect(text).toContain(model.recommendations[0].text);
      // Sections, channels, regions, touchpoints and questions, each with the JSON's figure
      for (const section of model.sections) expect(text).toContain(es(section.mean));
      for (const channel of model.channels) expect(text).toContain(es(channel.mean));
      for (const touchpoint of model.touchpoints) {
        expect(text).toContain(touchpoint.name);
        expect(text).toContain(es(touchpoint.mean));
      }
      for (const question of model.questions.filter((q: { compliance: number | null }) => q.compliance !== null)) {
        expect(text).toContain(question.text);
        expect(text).toContain(`${es(question.compliance)} %`);
      }
      for (const timing of model.timing) expect(text).toContain(`${es(timing.slaCompliance)} %`);
      // Chart captions and the charts' own SVG text (axis labels, bar values)
      for (const expected of [
        'Puntuación por sección',
        'Puntuación por canal',
        'Puntuación por región',
        'Evolución por sección',
        'Distribución de las puntuaciones',
        'Presencial',
        'Teléfono',
        '90–100',
      ]) {
        expect(text).toContain(expected);
      }
      // Comments, recommendations, method note, footer
      expect(text).toContain('Muy amable; la señora me atendió enseguida.');
      expect(text).toContain('¡Qué pena!');
      expect(text).toContain('Recomendaciones');
      expect(text).toContain('Nota metodológica');
      expect(text).toContain(`Página 1 de ${pages}`);
      expect(text).toContain(`Página ${pages} de ${pages}`);
      // Nothing about who the shopper was or which employee served; no internal ids
      for (const secret of [...forbiddenTexts(), ...world.visitIds, world.campaignId, world.clientId]) expect(text).not.toContain(secret);
    });

    it('follows ?lang=en with English words and decimal points', async () => {
      const response = await download(client, 'pdf', '?lang=en').expect(200);
      const model = await kpis(client);
      const { text } = await pdfText(response.body);
      expect(text).toContain('MYSTERY SHOPPING REPORT');
      expect(text).toContain('Executive summary');
      expect(text).toContain(en(model.overall.mean));
      expect(text).toContain('Page 1 of');
    });

    it('applies the KPI filters and tells the reader which ones', async () => {
      const model = await kpis(client, '?channel=phone');
      expect(model.n).toBe(1);
      const response = await download(client, 'pdf', '?channel=phone').expect(200);
      const { text } = await pdfText(response.body);
      expect(text).toContain('Filtros aplicados');
      expect(text).toContain('Canal: Teléfono');
      expect(text).toContain(es(model.overall.mean)); // 16,7
    });

    it('never shows the shopper to consultants either', async () => {
      const response = await download(consultant, 'pdf', '?includeUnapproved=true').expect(200);
      const { text } = await pdfText(response.body);
      const model = await kpis(consultant, '?includeUnapproved=true');
      expect(model.n).toBe(4);
      expect(text).toContain(es(model.overall.mean));
      expect(text).toContain('Incluye visitas aún no aprobadas');
      for (const secret of forbiddenTexts()) expect(text).not.toContain(secret);
    });
  });

  describe('Excel', () => {
    it('gives a client user every sheet with the KPI endpoint’s numbers, as numbers', async () => {
      const response = await download(client, 'xlsx').expect(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toContain(`filename="oleada-2-atencion-al-cliente-${today}.xlsx"`);
      const model = await kpis(client);
      const workbook = await readWorkbook(response.body);

      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Resumen',
        'Secciones',
        'Dimensiones',
        'Canales',
        'Regiones',
        'Puntos de contacto',
        'Preguntas',
        'Tiempos',
        'Visitas',
        'Temas',
        'Comentarios',
      ]);
      for (const sheet of workbook.worksheets) {
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
        expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(6);
      }

      const summary = new Map(rowsOf(workbook.getWorksheet('Resumen')!).map((row) => [row.Concepto, row.Valor]));
      expect(summary.get('Visitas')).toBe(3);
      expect(summary.get('Puntuación global')).toBeCloseTo(model.overall.mean, 9);
      expect(summary.get('IC 95 % inferior')).toBeCloseTo(model.overall.ci95[0], 9);
      expect(summary.get('Resolución en el primer contacto (%)')).toBeCloseTo(model.fcr.rate, 9);
      expect(summary.get('Índice de consistencia')).toBeCloseTo(model.consistency.index, 9);
      const overallCell = workbook.getWorksheet('Resumen')!.getCell('B8');
      expect(overallCell.type).toBe(ExcelJS.ValueType.Number);
      expect(overallCell.numFmt).toBe('0.0');

      const sections = rowsOf(workbook.getWorksheet('Secciones')!);
      expect(sections.map((row) => row.Clave)).toEqual(model.sections.map((section: { key: string }) => section.key));
      sections.forEach((row, index) => expect(row['Puntuación']).toBeCloseTo(model.sections[index].mean, 9));

      const channels = rowsOf(workbook.getWorksheet('Canales')!);
      expect(channels.map((row) => row.Canal)).toEqual(['Presencial', 'Teléfono']);
      expect(channels.map((row) => row['Puntuación'])).toEqual(model.channels.map((channel: { mean: number }) => channel.mean));

      const questions = rowsOf(workbook.getWorksheet('Preguntas')!);
      for (const question of model.questions) {
        const row = questions.find((item) => item.Clave === question.key)!;
        expect(row['Cumplimiento (%)']).toBe(question.compliance);
        expect(row.n).toBe(question.n);
      }
      expect(questions.find((row) => row.Clave === 'q_producto')!.Respuestas).toMatch(/alto: 1/);

      const timing = rowsOf(workbook.getWorksheet('Tiempos')!);
      expect(timing.map((row) => row['Mediana (s)'])).toEqual(model.timing.map((item: { median: number }) => item.median));

      // Visits: one row per approved visit, numbered, never identified by id; answers and points per question
      const visitsSheet = workbook.getWorksheet('Visitas')!;
      const visits = rowsOf(visitsSheet);
      expect(visits).toHaveLength(3);
      expect(visits.map((row) => row['N.º'])).toEqual([1, 2, 3]);
      expect(Object.keys(visits[0])).toEqual(
        expect.arrayContaining([
          'Fecha (UTC)',
          'Punto de contacto',
          'Canal',
          'Región',
          'Escenario',
          'Puntuación',
          'Knockout',
          'q_saludo (respuesta)',
          'q_saludo (puntos)',
          'q_comentario (respuesta)',
        ]),
      );
      expect(Object.keys(visits[0])).not.toContain('q_comentario (puntos)');
      expect(Object.keys(visits[0]).some((header) => /shopper|comprador|email|correo/i.test(header))).toBe(false);
      const scores = visits.map((row) => row['Puntuación'] as number).sort((a, b) => a - b);
      expect(scores[0]).toBeCloseTo(16.667, 3);
      expect(scores[2]).toBeCloseTo(91.667, 3);
      expect(visits.reduce((sum, row) => sum + (row['Puntuación'] as number), 0) / 3).toBeCloseTo(model.overall.mean, 9);
      const datesAreDates = visits.every((row) => row['Fecha (UTC)'] instanceof Date);
      expect(datesAreDates).toBe(true);

      // The typed "=HYPERLINK(…)" and "+34 …" are string cells, never formulas
      const hostile: ExcelJS.Cell[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value)) hostile.push(cell);
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          }),
        ),
      );
      expect(hostile.map((cell) => cell.value)).toEqual(
        expect.arrayContaining(['=HYPERLINK("http://evil.example","clic")', '+34 600 000 000 @cliente']),
      );
      for (const cell of hostile) expect(cell.type).toBe(ExcelJS.ValueType.String);

      // Comments point at visit row numbers, not ids
      const comments = rowsOf(workbook.getWorksheet('Comentarios')!);
      expect(comments.length).toBeGreaterThan(0);
      const narrative = comments.find((row) => row.Comentario === 'Muy amable; la señora me atendió enseguida.');
      expect(narrative).toBeDefined();
      expect(typeof narrative!['Visita (N.º)']).toBe('number');

      const texts = allCellTexts(workbook).join('\n');
      for (const secret of [...forbiddenTexts(), ...world.visitIds]) expect(texts).not.toContain(secret);
    });

    it('identifies visits by report id for staff and can include unapproved ones', async () => {
      const response = await download(consultant, 'xlsx', '?includeUnapproved=true&lang=en').expect(200);
      const workbook = await readWorkbook(response.body);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Summary');
      const visits = rowsOf(workbook.getWorksheet('Visits')!);
      expect(visits.map((row) => row['Visit id'])).toEqual([...world.visitIds].sort());
      expect(visits.map((row) => row.Status).sort()).toEqual(['Approved', 'Approved', 'Approved', 'Submitted']);
      const texts = allCellTexts(workbook).join('\n');
      for (const secret of forbiddenTexts()) expect(texts).not.toContain(secret);
    });

    it('applies the KPI filters to the visit rows too', async () => {
      const model = await kpis(client, '?channel=in_person&from=2026-10-06');
      expect(model.n).toBe(1); // V3 only: V1 is before the 6th, V2 is by phone
      const response = await download(client, 'xlsx', '?channel=in_person&from=2026-10-06').expect(200);
      const workbook = await readWorkbook(response.body);
      const visits = rowsOf(workbook.getWorksheet('Visitas')!);
      expect(visits).toHaveLength(1);
      expect(visits[0]['Puntuación']).toBeCloseTo(model.overall.mean, 9);
    });

    it('streams a campaign larger than one SQL batch (2,000 visits), every visit once, in id order', async () => {
      const visits = 4500;
      const campaignId = await seedLargeCampaign(ctx.db, { clientId: world.clientId, shopperId: shopper.user.id, visits });
      const response = await download(consultant, 'xlsx', '', campaignId).expect(200);
      const workbook = await readWorkbook(response.body);
      const rows = rowsOf(workbook.getWorksheet('Visitas')!);
      expect(rows).toHaveLength(visits);
      const ids = rows.map((row) => row['Id. de visita'] as string);
      const expected: Array<{ id: string }> = await ctx.db.query(`SELECT id FROM visit_reports WHERE campaign_id = $1 ORDER BY id`, [
        campaignId,
      ]);
      expect(ids).toEqual(expected.map((row) => row.id));
      expect(rows.every((row) => row['q_saludo (respuesta)'] === 'Sí' && row['q_saludo (puntos)'] === 10)).toBe(true);
      const model = (await ctx.http.get(`/campaigns/${campaignId}/kpis`).set(consultant.auth).expect(200)).body;
      expect(model.n).toBe(visits);
      const mean = rows.reduce((sum, row) => sum + (row['Puntuación'] as number), 0) / visits;
      expect(mean).toBeCloseTo(model.overall.mean, 9);
    });

    it('ignores includeUnapproved from a client user', async () => {
      const response = await download(client, 'xlsx', '?includeUnapproved=true').expect(200);
      const visits = rowsOf((await readWorkbook(response.body)).getWorksheet('Visitas')!);
      expect(visits).toHaveLength(3);
    });
  });

  describe('access', () => {
    it('answers 404 to a client user asking for another client’s campaign, and 403 to shoppers', async () => {
      for (const kind of ['pdf', 'xlsx'] as const) {
        const notYours = await ctx.http.get(`/campaigns/${world.campaignId}/report.${kind}`).set(otherClient.auth).expect(404);
        expect(notYours.headers['content-type']).toMatch(/application\/json/);
        expect(notYours.headers['content-disposition']).toBeUndefined();
        await ctx.http.get(`/campaigns/${world.otherCampaignId}/report.${kind}`).set(client.auth).expect(404);
        await ctx.http.get(`/campaigns/${world.campaignId}/report.${kind}`).set(shopper.auth).expect(403);
        await ctx.http.get(`/campaigns/${world.campaignId}/report.${kind}`).expect(401);
      }
    });

    it('rejects an unknown language or filter with 400', async () => {
      await ctx.http.get(`/campaigns/${world.campaignId}/report.pdf?lang=fr`).set(client.auth).expect(400);
      await ctx.http.get(`/campaigns/${world.campaignId}/report.xlsx?channel=pigeon`).set(client.auth).expect(400);
      await ctx.http.get(`/campaigns/not-a-uuid/report.xlsx`).set(client.auth).expect(400);
    });

    it('documents both routes in the OpenAPI page', async () => {
      const docs = await ctx.http.get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/campaigns/{id}/report.pdf', '/campaigns/{id}/report.xlsx']));
      const parameters = docs.body.paths['/campaigns/{id}/report.xlsx'].get.parameters.map((parameter: { name: string }) => parameter.name);
      expect(parameters).toEqual(
        expect.arrayContaining(['lang', 'channel', 'region', 'touchpointId', 'scenario', 'from', 'to', 'includeUnapproved']),
      );
    });

    it('renders a campaign without visits', async () => {
      const response = await download(admin, 'pdf', '', world.otherCampaignId).expect(200);
      const { text } = await pdfText(response.body);
      expect(text).toContain('Todavía no hay visitas');
      const workbook = await readWorkbook((await download(admin, 'xlsx', '', world.otherCampaignId).expect(200)).body);
      expect(rowsOf(workbook.getWorksheet('Visitas')!)).toHaveLength(0);
    });
  });
});
