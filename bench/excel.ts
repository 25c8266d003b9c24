// Excel section: the workbook download of the seeded campaign through the real export code (the KPI model,
// streamVisitRows and writeWorkbook, as ExportsService.xlsx drives them for a client user) against raw exceljs
// streaming writing the same Visits sheet cells (same rows × columns, same values) from a plain keyset query,
// in the same run. The other sheets of the real workbook are a few hundred small rows, left out of the raw side.
// Each export runs in a child process of its own (this file compiled, see BenchContext.forkCompiled) writing
// to a byte-counting sink, so its peak RSS is its own (the kernel's maxRSS of the child) and not this
// process's, which holds ts-node's type checker and the seed.
// Targets: real ≤ 1.5 × raw (model included), peak RSS < 300 MB.
import * as ExcelJS from 'exceljs';
import { createWriteStream, WriteStream } from 'fs';
import { join } from 'path';
import { Writable } from 'stream';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../src/common/auth/auth-user';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { answerCell } from '../src/exports/excel/cells';
import { channelName, labelsFor } from '../src/exports/i18n';
import { resolveReportLanguage, streamVisitRows, writeWorkbook } from '../src/exports';
import { KpisService } from '../src/kpis/kpis.service';
import { visitScope } from '../src/kpis/visit-scope';
import { listQuestions, SCORABLE_TYPES, type AnswerValue, type QuestionnaireDefinition } from '../src/questionnaires/domain/definition';
import { BenchContext, round, timed } from './context';
import { seededCampaign } from './kpi';
import type { BenchSection } from './run';

const TARGET_RATIO = 1.5;
const TARGET_PEAK_RSS_MB = 300;
const BATCH = 2000;
const MB = 1024 * 1024;

type Mode = 'real' | 'raw';

interface ExportInput {
  mode: Mode;
  databaseUrl: string;
  campaignId: string;
  clientId: string;
}

interface StoredAnswer {
  value: AnswerValue | null;
  na: boolean;
  counted: boolean;
  earned: number | null;
}

interface ExportResult {
  mode: Mode;
  ms: number;
  /** Real export only: the KPI model's part of `ms`. */
  modelMs?: number;
  rows: number;
  bytes: number;
  /** The child's RSS just before the export started (node and the modules). */
  rssBeforeMb: number;
  /** The kernel's peak RSS of the child over its whole life, which is during the export. */
  maxRssMb: number;
}

export const excelSection: BenchSection = {
  name: 'excel',
  async run(ctx) {
    const campaign = await seededCampaign(ctx);
    const input = { databaseUrl: ctx.databaseUrl, campaignId: campaign.campaignId, clientId: campaign.clientId };
    ctx.log('excel: real export in a child process…');
    const real = await inChild(ctx, { ...input, mode: 'real' });
    ctx.log('excel: raw exceljs in a child process…');
    const raw = await inChild(ctx, { ...input, mode: 'raw' });
    const ratio = real.ms / raw.ms;
    return {
      visits: campaign.visits,
      rowsWritten: real.rows,
      rawRowsWritten: raw.rows,
      realMs: round(real.ms),
      realModelMs: round(real.modelMs ?? 0),
      rawMs: round(raw.ms),
      ratio: round(ratio),
      ratioWithoutModel: round((real.ms - (real.modelMs ?? 0)) / raw.ms),
      realMb: round(real.bytes / MB),
      rawMb: round(raw.bytes / MB),
      realPeakRssMb: round(real.maxRssMb),
      realRssBeforeMb: round(real.rssBeforeMb),
      rawPeakRssMb: round(raw.maxRssMb),
      targets: { ratio: TARGET_RATIO, peakRssMb: TARGET_PEAK_RSS_MB },
      met: real.rows === raw.rows && ratio <= TARGET_RATIO && real.maxRssMb < TARGET_PEAK_RSS_MB,
    };
  },
};

/** Runs one export in a child and returns what it measured. */
function inChild(ctx: BenchContext, input: ExportInput): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const child = ctx.forkCompiled(__filename, [JSON.stringify(input)]);
    let result: ExportResult | undefined;
    child.on('message', (message) => (result = message as ExportResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`excel ${input.mode} export child exited with ${code}`)),
    );
  });
}

/** A sink that only counts: the figures are about producing the file, not about a disk or a network. */
function countingSink(): Writable & { bytes: number } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

// ——— In the child ———

async function childMain(input: ExportInput): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  // BENCH_EXCEL_DIR keeps both files there (real.xlsx, raw.xlsx) to open or compare them.
  const out = process.env.BENCH_EXCEL_DIR ? createWriteStream(join(process.env.BENCH_EXCEL_DIR, `${input.mode}.xlsx`)) : countingSink();
  const result = await (input.mode === 'real' ? realExport(input, out) : rawExport(input, out));
  const message: ExportResult = {
    mode: input.mode,
    ms: result.ms,
    modelMs: result.modelMs,
    rows: result.rows,
    bytes: out instanceof WriteStream ? out.bytesWritten : out.bytes,
    rssBeforeMb: rssBefore / MB,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.send!(message);
}

/** Each side is timed from its first query on an open connection to the workbook's end. */
type Exported = { rows: number; ms: number; modelMs?: number };

/** What ExportsService.xlsx does after the access check, for a client user: model, visit rows, workbook. */
async function realExport(input: ExportInput, out: Writable): Promise<Exported> {
  const dataSource = new DataSource(buildDataSourceOptions(input.databaseUrl, 2));
  await dataSource.initialize();
  try {
    const user: AuthUser = {
      id: '00000000-0000-0000-0000-000000000000',
      email: 'client@bench.local',
      role: 'client',
      clientId: input.clientId,
      name: 'Client',
    };
    let rows = 0;
    let modelMs = 0;
    const { ms } = await timed(async () => {
      const built = await timed(() => new KpisService(dataSource).buildModel(user, input.campaignId, {}));
      const model = built.result;
      modelMs = built.ms;
      const visitRows = streamVisitRows(dataSource, visitScope(model.campaign.id, model.filters, false));
      async function* counted() {
        for await (const row of visitRows) {
          rows += 1;
          yield row;
        }
      }
      await writeWorkbook(model, counted(), out, resolveReportLanguage(undefined, model.campaign.language), { audience: 'client' });
    });
    return { rows, ms, modelMs };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The floor: the same Visits sheet cells from plain keyset batches (visits, then their section scores and
 * answers by id), written with exceljs's streaming writer and nothing else.
 */
async function rawExport(input: ExportInput, out: Writable): Promise<Exported> {
  const db = new Client({ connectionString: input.databaseUrl });
  await db.connect();
  try {
    const { result: rows, ms } = await timed(() => writeRawWorkbook(db, input.campaignId, out));
    return { rows, ms };
  } finally {
    await db.end();
  }
}

async function writeRawWorkbook(db: Client, campaignId: string, out: Writable): Promise<number> {
  const {
    rows: [campaign],
  } = await db.query<{ definition: QuestionnaireDefinition }>(
    `SELECT q.definition FROM campaigns c JOIN questionnaires q ON q.id = c.questionnaire_id WHERE c.id = $1`,
    [campaignId],
  );
  const definition = campaign.definition;
  const labels = labelsFor(resolveReportLanguage(undefined, definition.language));
  const words = { yes: labels.yes, no: labels.no, na: labels.notApplicable };
  const questions = listQuestions(definition).map(({ question }) => ({
    key: question.key,
    scored: SCORABLE_TYPES.includes(question.type),
  }));
  const sectionKeys = definition.sections.map((section) => section.key);

  // Headers and number formats as the real Visits sheet has them (client audience).
  const columns: Array<[header: string, format?: string]> = [
    [labels.rowNumber, '0'],
    [labels.date, 'yyyy-mm-dd hh:mm'],
    [labels.touchpoint],
    [labels.channel],
    [labels.region],
    [labels.city],
    [labels.scenario],
    [labels.score, '0.0'],
    [labels.knockout],
    [labels.waitSeconds, '0'],
    [labels.responseSeconds, '0'],
    [labels.fcr],
  ];
  for (const section of definition.sections) columns.push([`${section.title} (${labels.sectionScoreSuffix})`, '0.0']);
  for (const question of questions) {
    columns.push([`${question.key} (${labels.answerSuffix})`]);
    if (question.scored) columns.push([`${question.key} (${labels.pointsSuffix})`, '0.0']);
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(labels.sheetNames.visits, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = columns.map((_, index) => ({ key: `c${index}`, width: 16 }));
  sheet.addRow(columns.map(([header]) => header)).commit();

  let rowNumber = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows: visits } = await db.query(
      `SELECT vr.id, vr.visited_at, t.name, t.channel, t.region, t.city, a.scenario_key, vr.score, vr.knockout,
              vr.wait_seconds, vr.response_seconds, vr.fcr
         FROM visit_reports vr
         JOIN touchpoints t ON t.id = vr.touchpoint_id
         JOIN assignments a ON a.id = vr.assignment_id
        WHERE vr.campaign_id = $1 AND vr.status = 'approved' AND vr.id > $2
        ORDER BY vr.id LIMIT $3`,
      [campaignId, afterId, BATCH],
    );
    if (!visits.length) break;
    const ids = visits.map((visit) => visit.id as string);
    const { rows: sections } = await db.query(
      `SELECT visit_report_id, section_key, score FROM visit_section_scores WHERE visit_report_id = ANY($1)`,
      [ids],
    );
    const { rows: answers } = await db.query(
      `SELECT visit_report_id, question_key, value, na, counted, earned FROM visit_answers WHERE visit_report_id = ANY($1)`,
      [ids],
    );
    const byVisit = new Map<string, { sections: Map<string, number | null>; answers: Map<string, StoredAnswer> }>(
      ids.map((id) => [id, { sections: new Map(), answers: new Map() }]),
    );
    for (const row of sections) byVisit.get(row.visit_report_id)!.sections.set(row.section_key, row.score);
    for (const row of answers) byVisit.get(row.visit_report_id)!.answers.set(row.question_key, row);
    for (const visit of visits) {
      rowNumber += 1;
      const own = byVisit.get(visit.id)!;
      const values: unknown[] = [
        rowNumber,
        visit.visited_at,
        visit.name,
        channelName(labels, visit.channel),
        visit.region,
        visit.city,
        visit.scenario_key,
        visit.score,
        visit.knockout ? labels.yes : labels.no,
        visit.wait_seconds,
        visit.response_seconds,
        visit.fcr === null ? null : visit.fcr ? labels.yes : labels.no,
      ];
      for (const key of sectionKeys) values.push(own.sections.get(key) ?? null);
      for (const question of questions) {
        const answer = own.answers.get(question.key);
        values.push(answerCell(answer, words));
        if (question.scored) values.push(answer?.counted ? answer.earned : null);
      }
      const row = sheet.addRow(values);
      columns.forEach(([, format], index) => {
        if (format) row.getCell(index + 1).numFmt = format;
      });
      row.commit();
    }
    afterId = ids[ids.length - 1];
    if (visits.length < BATCH) break;
  }
  sheet.commit();
  await workbook.commit();
  return rowNumber;
}

if (require.main === module) {
  childMain(JSON.parse(process.argv[2]) as ExportInput).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
