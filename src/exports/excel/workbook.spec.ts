import * as ExcelJS from 'exceljs';
import { PassThrough } from 'stream';
import type { KpiModel } from '../../kpis/kpi-model';
import { emptyKpiModel, fullKpiModel, fullVisitRows } from '../testing/kpi-model.fixture';
import type { VisitRow } from './visit-rows';
import { OutputClosedError, writeWorkbook, WorkbookOptions } from './workbook';

async function* fromArray(rows: VisitRow[]): AsyncGenerator<VisitRow> {
  for (const row of rows) yield row;
}

async function build(model: KpiModel, rows: VisitRow[], language: 'es' | 'en', options?: WorkbookOptions): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook(model, fromArray(rows), out, language, options);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Array<Record<string, ExcelJS.Cell>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1)])));
  });
  return rows;
}

describe('writeWorkbook', () => {
  let workbook: ExcelJS.Workbook;
  const rows = fullVisitRows();

  beforeAll(async () => {
    const model = fullKpiModel();
    model.comments.bySection[0].items[0].visitId = rows[1].id; // a comment from the second visit
    workbook = await build(model, rows, 'es');
  });

  it('writes every sheet in order, each with a frozen, filtered header row and fitted columns', () => {
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
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      sheet.columns.forEach((column) => {
        expect(column.width).toBeGreaterThanOrEqual(6);
        expect(column.width).toBeLessThanOrEqual(60);
      });
    }
    expect(workbook.getWorksheet('Visitas')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    // The question column is wide enough for its longest text, the n column narrow.
    const questions = workbook.getWorksheet('Preguntas')!;
    expect(questions.getColumn(3).width).toBeGreaterThanOrEqual('¿Resolvió la consulta en el primer contacto?'.length);
    expect(questions.getColumn(6).width).toBeLessThan(12);
  });

  it('puts the summary figures in as numbers with one-decimal formats', () => {
    const summary = new Map(rowsOf(workbook.getWorksheet('Resumen')!).map((row) => [row.Concepto.value, row.Valor]));
    expect(summary.get('Visitas')!.value).toBe(4);
    expect(summary.get('Visitas')!.numFmt).toBe('0');
    const overall = summary.get('Puntuación global')!;
    expect(overall.value).toBe(71.25);
    expect(overall.type).toBe(ExcelJS.ValueType.Number);
    expect(overall.numFmt).toBe('0.0');
    expect(summary.get('IC 95 % inferior')!.value).toBe(52.345);
    expect(summary.get('Puntuación global: objetivo')!.value).toBe(80);
    expect(summary.get('Puntuación global: cumplido')!.value).toBe('No');
    expect(summary.get('Tasa de knockout (%)')!.value).toBe(25);
    expect(summary.get('Objetivo: Empatía')!.value).toBe(85);
    expect(summary.get('Cumplido: Empatía')!.value).toBe('Sí');
    expect(summary.get('Oleada anterior')!.value).toBe('Oleada 1 – Atención al cliente');
    expect(summary.get('Variación: p')!.numFmt).toBe('0.000');
    expect(summary.get('Término: atención')!.value).toBe(3);
  });

  it('writes sections with their trend, channels, regions and ranked touchpoints', () => {
    const sections = rowsOf(workbook.getWorksheet('Secciones')!);
    expect(sections.map((row) => [row.Clave.value, row['Puntuación'].value, row['Oleada anterior'].value, row['Variación'].value])).toEqual(
      [
        ['saludo', 87.5, 80, 7.5],
        ['solucion', 62.5, 55, 7.5],
        ['cierre', null, null, null],
      ],
    );
    expect(sections[1].significativa.value).toBe('Sí');
    expect(rowsOf(workbook.getWorksheet('Dimensiones')!).map((row) => [row['Dimensión'].value, row['Puntuación'].value])).toEqual([
      ['Empatía', 90],
      ['Conocimiento', 55.55],
      ['Resolución', 50],
    ]);
    expect(rowsOf(workbook.getWorksheet('Canales')!).map((row) => [row.Canal.value, row['Puntuación'].value, row.n.value])).toEqual([
      ['Presencial', 80, 2],
      ['Teléfono', 62.5, 2],
    ]);
    const touchpoints = rowsOf(workbook.getWorksheet('Puntos de contacto')!);
    expect(touchpoints.map((row) => [row['Pos.'].value, row['Punto de contacto'].value, row.Ciudad.value])).toEqual([
      [1, 'Oficina Málaga Centro', 'Málaga'],
      [2, 'Línea 900 Atención', 'León'],
    ]);
  });

  it('writes questions with compliance, answer counts and impact, and timing in seconds', () => {
    const questions = new Map(rowsOf(workbook.getWorksheet('Preguntas')!).map((row) => [row.Clave.value, row]));
    expect(questions.get('q_producto')!['Cumplimiento (%)'].value).toBe(25);
    expect(questions.get('q_producto')!['Cumplimiento (%)'].numFmt).toBe('0.0');
    expect(questions.get('q_producto')!.Respuestas.value).toBe('alto: 1; medio: 2; bajo: 1');
    expect(questions.get('q_saludo')!.Respuestas.value).toBe('Sí: 3; No: 1');
    expect(questions.get('q_producto')!.Impacto.value).toBe(22.5);
    expect(questions.get('q_producto')!['Recomendación'].value).toBe('Formar a la plantilla en las comisiones de la cuenta nómina.');
    expect(questions.get('q_comentario')!['Cumplimiento (%)'].value).toBeNull();
    const timing = rowsOf(workbook.getWorksheet('Tiempos')!);
    expect(
      timing.map((row) => [row.Canal.value, row.Indicador.value, row['Mediana (s)'].value, row['Cumplimiento SLA (%)'].value]),
    ).toEqual([
      ['Presencial', 'Tiempo de espera', 240, 50],
      ['Teléfono', 'Tiempo de espera', 95, 100],
    ]);
  });

  it('writes one numbered row per visit for clients, with answers and points per question and no ids', () => {
    const visits = rowsOf(workbook.getWorksheet('Visitas')!);
    expect(visits).toHaveLength(2);
    const [first, second] = visits;
    expect(first['N.º'].value).toBe(1);
    expect(second['N.º'].value).toBe(2);
    expect(Object.keys(first)).not.toContain('Id. de visita');
    expect(Object.keys(first)).not.toContain('Estado');
    expect(first['Fecha (UTC)'].value).toEqual(new Date('2026-10-05T09:30:00Z'));
    expect(first['Fecha (UTC)'].numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first['Canal'].value).toBe('Presencial');
    expect(first['Puntuación'].value).toBe(83.3333);
    expect(first['Saludo y recepción (puntuación)'].value).toBe(100);
    expect(first['q_saludo (respuesta)'].value).toBe('Sí');
    expect(first['q_saludo (puntos)'].value).toBe(10);
    expect(first['q_espera (respuesta)'].value).toBe(240);
    expect(first['q_espera (respuesta)'].type).toBe(ExcelJS.ValueType.Number);
    expect(first['q_producto (puntos)'].value).toBe(5);
    expect(Object.keys(first)).not.toContain('q_comentario (puntos)');
    expect(first['q_comentario (respuesta)'].value).toBe('=1+2');
    expect(first['q_comentario (respuesta)'].type).toBe(ExcelJS.ValueType.String);
    expect(second.Knockout.value).toBe('Sí');
    expect(second['q_espera (respuesta)'].value).toBe('No aplica');
    expect(second['q_espera (puntos)'].value).toBeNull();
    expect(second['q_producto (respuesta)'].value).toBe('bajo');
    expect(second['q_solucion (respuesta)'].value).toBeNull();
    expect(second['q_solucion (puntos)'].value).toBeNull();
    expect(second['q_comentario (respuesta)'].value).toBe('+34 600 000 000 @mention\tcon tab');

    const allText: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => allText.push(cell.text))));
    for (const row of rows) expect(allText.join('\n')).not.toContain(row.id);
  });

  it('keeps typed text that looks like a formula as string cells, and numbers comments by visit row', () => {
    const comments = rowsOf(workbook.getWorksheet('Comentarios')!);
    expect(
      comments.map((row) => [
        row.Tipo.value,
        row['Sección'].value,
        row['Valoración'].value,
        row.Comentario.value,
        row['Visita (N.º)'].value,
      ]),
    ).toEqual([
      ['Comentario', 'Saludo y recepción', 'Positivo', 'Muy amable, me atendió enseguida. ¡Excelente!', 2],
      ['Comentario', 'Saludo y recepción', 'Negativo', '=HYPERLINK("http://evil","clic")', null],
      ['Comentario', 'Solución del problema', 'Negativo', '-No supo explicar la comisión de mantenimiento.', null],
      ['Verbatim (pregunta no cumplida)', 'Solución del problema', 'Negativo', '@SUM(1+1) No conocía la tarifa', null],
    ]);
    // Every comment keeps its tone from the words and its themes (by label; a key without a theme stays a key).
    expect(comments.map((row) => [row['Tono del texto'].value, row.Temas.value])).toEqual([
      ['Positivo', 'Amabilidad y trato, Espera'],
      ['Neutro', null],
      ['Negativo', 'knowledge, clarity'],
      [null, null],
    ]);
    for (const row of comments) {
      expect(row.Comentario.type).toBe(ExcelJS.ValueType.String);
      expect(row.Comentario.formula).toBeUndefined();
    }
  });

  it('has a Themes sheet with every figure of the qualitative analysis', () => {
    const themes = rowsOf(workbook.getWorksheet('Temas')!);
    expect(
      themes.map((row) => [
        row.Tema.value,
        row['Visitas que lo mencionan'].value,
        row.Menciones.value,
        row.Positivo.value,
        row.Negativo.value,
        row.Significativa.value,
      ]),
    ).toEqual([
      ['Espera', 50, 5, 1, 4, 'Sí'],
      ['Amabilidad y trato', 40, 4, 4, 0, 'No'],
      ['Protección de datos', 0, 0, 0, 0, null],
    ]);
    expect(themes[0]['Puntuación media de las visitas que lo critican'].value).toBe(61.5);
  });

  it('identifies visits by id and status for staff', async () => {
    const staff = await build(fullKpiModel(), rows, 'en', { audience: 'staff' });
    expect(staff.worksheets[0].name).toBe('Summary');
    const visits = rowsOf(staff.getWorksheet('Visits')!);
    expect(visits.map((row) => [row['Visit id'].value, row.Status.value])).toEqual([
      [rows[0].id, 'Approved'],
      [rows[1].id, 'Approved'],
    ]);
    const comments = rowsOf(staff.getWorksheet('Comments')!);
    expect(comments[0]['Visit id'].value).toBe('visit-a');
  });

  it('goes on in "Visits (2)"… past the rows a sheet holds, with the same header and the numbers counting on', async () => {
    const many = [0, 1, 2].flatMap((copy) => rows.map((row) => ({ ...row, id: `${row.id}-${copy}` })));
    const model = fullKpiModel();
    model.comments.bySection[0].items[0].visitId = many[4].id; // on the third sheet
    const split = await build(model, many, 'en', { visitsPerSheet: 2 });
    expect(split.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Visits', 'Visits (2)', 'Visits (3)']));
    const names = split.worksheets.map((sheet) => sheet.name);
    expect(names.slice(names.indexOf('Visits'), names.indexOf('Visits') + 4)).toEqual(['Visits', 'Visits (2)', 'Visits (3)', 'Themes']);
    const parts = ['Visits', 'Visits (2)', 'Visits (3)'].map((name) => split.getWorksheet(name)!);
    expect(parts.map((sheet) => rowsOf(sheet).map((row) => row['No.'].value))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    for (const sheet of parts) {
      expect(sheet.getRow(1).values).toEqual(parts[0].getRow(1).values);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    }
    expect(rowsOf(split.getWorksheet('Comments')!)[0]['Visit (No.)'].value).toBe(5);
  });

  it('writes a valid workbook for a campaign without visits, trend or comments', async () => {
    const empty = await build(emptyKpiModel(), [], 'en');
    expect(empty.worksheets).toHaveLength(11);
    expect(rowsOf(empty.getWorksheet('Visits')!)).toHaveLength(0);
    expect(rowsOf(empty.getWorksheet('Comments')!)).toHaveLength(0);
    const summary = new Map(rowsOf(empty.getWorksheet('Summary')!).map((row) => [row.Item.value, row.Value.value]));
    expect(summary.get('Visits')).toBe(0);
    expect(summary.get('Overall score')).toBeNull();
    expect(summary.has('Previous wave')).toBe(false);
  });

  it('stops reading visits and rejects when the reader goes away mid-download', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<VisitRow> {
      const row = fullVisitRows()[0];
      for (;;) {
        produced += 1;
        yield { ...row, id: String(produced) };
      }
    }
    const out = new PassThrough({ highWaterMark: 1024 });
    out.once('data', () => out.destroy()); // the first bytes arrive, then the connection drops
    await expect(writeWorkbook(fullKpiModel(), endless(), out, 'es')).rejects.toThrow(OutputClosedError);
    expect(produced).toBeLessThan(1000);
  });

  it('rejects when the visit rows fail, so the caller can abort the download', async () => {
    async function* failing(): AsyncGenerator<VisitRow> {
      yield fullVisitRows()[0];
      throw new Error('connection lost');
    }
    const out = new PassThrough();
    out.resume();
    await expect(writeWorkbook(fullKpiModel(), failing(), out, 'es')).rejects.toThrow('connection lost');
  });
});
