// Programs, their waves and action plans (docs/api.md "Programs", docs/kpis.md §5b). A program belongs to one
// client: staff manage it; the client's users read it (another client's program is a 404, as for
// campaigns) and may keep the action plan. Plain SQL over the four program tables.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { ErrorDetail, forbidden, notFound, unprocessable } from '../common/errors/domain-error';
import { pageOf } from '../common/http/paging';
import { inTransaction, SqlRunner } from '../database/transactions';
import type { QuestionnaireDefinition } from '../questionnaires/domain/definition';
import { CustomMeasure, Measure, programMeasures } from './domain/measures';
import {
  ActionView,
  CreateActionDto,
  CreateProgramDto,
  CreateWaveDto,
  ListProgramsQuery,
  MeasureDto,
  ProgramView,
  UpdateActionDto,
  UpdateProgramDto,
  UpdateWaveDto,
  WaveView,
} from './dto/program.dto';
import type { ActionState } from './program-model';

export interface ProgramRow extends ProgramView {
  clientName: string;
}

/** A campaign of a wave with what the program model needs of it. */
export interface WaveCampaign {
  id: string;
  name: string;
  questionnaireId: string;
  questionnaireTitle: string;
  language: string;
  definition: QuestionnaireDefinition;
  status: string;
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

function toProgram(row: Record<string, unknown>): ProgramRow {
  return {
    id: row.id as string,
    clientId: row.client_id as string,
    clientName: row.client_name as string,
    name: row.name as string,
    measures: (row.measures ?? []) as CustomMeasure[],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

const PROGRAM_SELECT = `SELECT p.id, p.client_id, cl.name AS client_name, p.name, p.measures, p.created_at, p.updated_at
                          FROM programs p JOIN clients cl ON cl.id = p.client_id`;
const WAVE_SELECT = `SELECT w.id, w.program_id, w.name, w.previous_wave_id, w.created_at, w.updated_at,
                            COALESCE((SELECT array_agg(wc.campaign_id ORDER BY wc.position) FROM program_wave_campaigns wc WHERE wc.wave_id = w.id), '{}') AS campaign_ids
                       FROM program_waves w`;
const ACTION_SELECT = `SELECT a.id, a.program_id, a.wave_id, a.measure_key, a.channels, a.touchpoint_ids, a.owner, a.due_on::text AS due_on,
                              a.state, a.note, a.created_at, a.updated_at
                         FROM program_actions a`;

function toWave(row: Record<string, unknown>): WaveView {
  return {
    id: row.id as string,
    programId: row.program_id as string,
    name: row.name as string,
    campaignIds: (row.campaign_ids ?? []) as string[],
    previousWaveId: (row.previous_wave_id as string | null) ?? null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toAction(row: Record<string, unknown>): ActionView {
  return {
    id: row.id as string,
    programId: row.program_id as string,
    waveId: row.wave_id as string,
    measureKey: row.measure_key as string,
    channels: (row.channels ?? []) as ActionView['channels'],
    touchpointIds: (row.touchpoint_ids ?? []) as string[],
    owner: row.owner as string,
    dueOn: row.due_on as string,
    state: row.state as ActionState,
    note: (row.note as string | null) ?? null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Consultant-defined measures with distinct keys; a repeated key is a 422 naming it. */
function checkMeasures(measures: MeasureDto[] | undefined): ErrorDetail[] {
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  (measures ?? []).forEach((measure, index) => {
    if (seen.has(measure.key)) problems.push({ field: `measures[${index}].key`, reason: `measure key "${measure.key}" is used twice` });
    seen.add(measure.key);
  });
  return problems;
}

const cleanMeasures = (measures: MeasureDto[]): CustomMeasure[] =>
  measures.map(({ key, title, questionKeys }) => ({ key, title: title.trim(), questionKeys: [...questionKeys] }));

@Injectable()
export class ProgramsService {
  constructor(private readonly db: DataSource) {}

  // ——— Programs ———

  async create(user: AuthUser, dto: CreateProgramDto): Promise<ProgramView> {
    const problems = checkMeasures(dto.measures);
    const [client]: Array<{ id: string }> = await this.db.query(`SELECT id FROM clients WHERE id = $1`, [dto.clientId]);
    if (!client) problems.unshift({ field: 'clientId', reason: `no client ${dto.clientId}` });
    if (problems.length) throw unprocessable('The program is not valid', problems);
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO programs (client_id, name, measures) VALUES ($1, $2, $3) RETURNING id`,
      [dto.clientId, dto.name.trim(), JSON.stringify(cleanMeasures(dto.measures ?? []))],
    );
    return this.view(await this.findReadable(user, row.id));
  }

  async list(user: AuthUser, query: ListProgramsQuery): Promise<ProgramView[]> {
    const { limit, offset } = pageOf(query);
    // A client user sees its own client's programs whatever it asks for.
    const clientId = user.role === 'client' ? user.clientId : (query.clientId ?? null);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `${PROGRAM_SELECT} WHERE ($1::uuid IS NULL OR p.client_id = $1) ORDER BY p.created_at, p.id LIMIT $2 OFFSET $3`,
      [clientId, limit, offset],
    );
    return rows.map((row) => this.view(toProgram(row)));
  }

  async get(user: AuthUser, id: string): Promise<ProgramView> {
    return this.view(await this.findReadable(user, id));
  }

  async update(user: AuthUser, id: string, dto: UpdateProgramDto): Promise<ProgramView> {
    await this.findReadable(user, id);
    const problems = checkMeasures(dto.measures);
    if (problems.length) throw unprocessable('The program is not valid', problems);
    await this.db.query(
      `UPDATE programs SET name = COALESCE($2, name), measures = COALESCE($3::jsonb, measures), updated_at = now() WHERE id = $1`,
      [id, dto.name?.trim() ?? null, dto.measures ? JSON.stringify(cleanMeasures(dto.measures)) : null],
    );
    return this.view(await this.findReadable(user, id));
  }

  /** The program if it exists and the user may read it (staff: any; a client user: its own client's); 404 otherwise. */
  async findReadable(user: AuthUser, id: string): Promise<ProgramRow> {
    if (user.role === 'shopper') throw notFound('Program');
    const [row]: Array<Record<string, unknown>> = await this.db.query(`${PROGRAM_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('Program');
    const program = toProgram(row);
    assertCanReadClientData(user, program.clientId, 'Program');
    return program;
  }

  private view(program: ProgramRow): ProgramView {
    const { clientName: _clientName, ...view } = program;
    return view;
  }

  // ——— Waves ———

  async createWave(user: AuthUser, programId: string, dto: CreateWaveDto): Promise<WaveView> {
    const program = await this.findReadable(user, programId);
    const problems = [
      ...(await this.checkCampaigns(program.clientId, dto.campaignIds)),
      ...(await this.checkPreviousWave(programId, null, dto.previousWaveId ?? null)),
    ];
    if (problems.length) throw unprocessable('The wave is not valid', problems);
    const waveId = await inTransaction(this.db, async (runner) => {
      const [row] = (await runner.query(`INSERT INTO program_waves (program_id, name, previous_wave_id) VALUES ($1, $2, $3) RETURNING id`, [
        programId,
        dto.name.trim(),
        dto.previousWaveId ?? null,
      ])) as Array<{ id: string }>;
      await this.writeWaveCampaigns(runner, row.id, dto.campaignIds);
      return row.id;
    });
    return this.getWave(user, programId, waveId);
  }

  async listWaves(user: AuthUser, programId: string): Promise<WaveView[]> {
    await this.findReadable(user, programId);
    const rows: Array<Record<string, unknown>> = await this.db.query(`${WAVE_SELECT} WHERE w.program_id = $1 ORDER BY w.created_at, w.id`, [
      programId,
    ]);
    return rows.map(toWave);
  }

  async getWave(user: AuthUser, programId: string, waveId: string): Promise<WaveView> {
    await this.findReadable(user, programId);
    return this.findWave(programId, waveId);
  }

  async updateWave(user: AuthUser, programId: string, waveId: string, dto: UpdateWaveDto): Promise<WaveView> {
    const program = await this.findReadable(user, programId);
    await this.findWave(programId, waveId);
    const problems = [
      ...(dto.campaignIds ? await this.checkCampaigns(program.clientId, dto.campaignIds) : []),
      ...(dto.previousWaveId ? await this.checkPreviousWave(programId, waveId, dto.previousWaveId) : []),
    ];
    if (problems.length) throw unprocessable('The wave is not valid', problems);
    await inTransaction(this.db, async (runner) => {
      await runner.query(
        `UPDATE program_waves SET name = COALESCE($2, name),
                previous_wave_id = CASE WHEN $3::boolean THEN $4::uuid ELSE previous_wave_id END, updated_at = now()
          WHERE id = $1`,
        [waveId, dto.name?.trim() ?? null, dto.previousWaveId !== undefined, dto.previousWaveId ?? null],
      );
      if (dto.campaignIds) {
        await runner.query(`DELETE FROM program_wave_campaigns WHERE wave_id = $1`, [waveId]);
        await this.writeWaveCampaigns(runner, waveId, dto.campaignIds);
      }
    });
    return this.findWave(programId, waveId);
  }

  /** A wave of this program; 404 otherwise (also for a wave of another program). */
  async findWave(programId: string, waveId: string): Promise<WaveView> {
    const [row]: Array<Record<string, unknown>> = await this.db.query(`${WAVE_SELECT} WHERE w.id = $1 AND w.program_id = $2`, [
      waveId,
      programId,
    ]);
    if (!row) throw notFound('Wave');
    return toWave(row);
  }

  /** The wave's campaigns in the order given, with their questionnaire versions. */
  async waveCampaigns(waveId: string): Promise<WaveCampaign[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT c.id, c.name, c.status, q.id AS questionnaire_id, q.title, q.language, q.definition
         FROM program_wave_campaigns wc
         JOIN campaigns c ON c.id = wc.campaign_id
         JOIN questionnaires q ON q.id = c.questionnaire_id
        WHERE wc.wave_id = $1
        ORDER BY wc.position`,
      [waveId],
    );
    return rows.map((row) => ({
      id: row.id as string,
      name: row.name as string,
      status: row.status as string,
      questionnaireId: row.questionnaire_id as string,
      questionnaireTitle: row.title as string,
      language: row.language as string,
      definition: row.definition as QuestionnaireDefinition,
    }));
  }

  /** The measures of a wave: the program's own, then what the wave's distinct questionnaire versions share. */
  measuresOf(program: ProgramRow, campaigns: WaveCampaign[]): Measure[] {
    const byQuestionnaire = new Map(campaigns.map((campaign) => [campaign.questionnaireId, campaign.definition]));
    return programMeasures([...byQuestionnaire.values()], program.measures);
  }

  private async writeWaveCampaigns(runner: SqlRunner, waveId: string, campaignIds: string[]) {
    await runner.query(
      `INSERT INTO program_wave_campaigns (wave_id, campaign_id, position)
       SELECT $1, id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, position)`,
      [waveId, campaignIds],
    );
  }

  /** Every campaign must be one of the program's client: each other one is a 422 naming campaignIds[i]. */
  private async checkCampaigns(clientId: string, campaignIds: string[]): Promise<ErrorDetail[]> {
    const rows: Array<{ id: string; client_id: string }> = await this.db.query(
      `SELECT id, client_id FROM campaigns WHERE id = ANY($1::uuid[])`,
      [campaignIds],
    );
    const clientOf = new Map(rows.map((row) => [row.id, row.client_id]));
    const problems: ErrorDetail[] = [];
    campaignIds.forEach((id, index) => {
      if (clientOf.get(id) !== clientId)
        problems.push({ field: `campaignIds[${index}]`, reason: `campaign ${id} is not a campaign of the program's client` });
    });
    return problems;
  }

  /** The previous wave must be another wave of the same program, and the chain of previous waves may not loop. */
  private async checkPreviousWave(programId: string, waveId: string | null, previousWaveId: string | null): Promise<ErrorDetail[]> {
    if (previousWaveId === null) return [];
    const field = 'previousWaveId';
    if (previousWaveId === waveId) return [{ field, reason: 'a wave cannot be its own previous wave' }];
    const waves: Array<{ id: string; previous_wave_id: string | null }> = await this.db.query(
      `SELECT id, previous_wave_id FROM program_waves WHERE program_id = $1`,
      [programId],
    );
    const previousOf = new Map(waves.map((wave) => [wave.id, wave.previous_wave_id]));
    if (!previousOf.has(previousWaveId)) return [{ field, reason: `wave ${previousWaveId} is not a wave of this program` }];
    for (
      let id: string | null = previousWaveId, steps = 0;
      id !== null && steps <= waves.length;
      id = previousOf.get(id) ?? null, steps++
    ) {
      if (id === waveId) return [{ field, reason: 'the previous waves would go round in a circle' }];
    }
    return [];
  }

  // ——— Action plan ———

  async createAction(user: AuthUser, programId: string, dto: CreateActionDto): Promise<ActionView> {
    const program = await this.findReadable(user, programId);
    this.assertMayPlan(user);
    let waveId = dto.waveId ?? null;
    const problems: ErrorDetail[] = [];
    if (waveId === null) {
      const [latest]: Array<{ id: string }> = await this.db.query(
        `SELECT id FROM program_waves WHERE program_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [programId],
      );
      if (!latest)
        throw unprocessable('The action is not valid', [
          { field: 'waveId', reason: 'the program has no wave yet: an action answers a wave' },
        ]);
      waveId = latest.id;
    } else {
      const [wave]: Array<{ id: string }> = await this.db.query(`SELECT id FROM program_waves WHERE id = $1 AND program_id = $2`, [
        waveId,
        programId,
      ]);
      if (!wave) problems.push({ field: 'waveId', reason: `wave ${waveId} is not a wave of this program` });
    }
    if (!problems.length) problems.push(...(await this.checkActionTargets(program, waveId, dto)));
    if (problems.length) throw unprocessable('The action is not valid', problems);
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO program_actions (program_id, wave_id, measure_key, channels, touchpoint_ids, owner, due_on, state, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        programId,
        waveId,
        dto.measureKey,
        dto.channels ?? [],
        dto.touchpointIds ?? [],
        dto.owner.trim(),
        dto.dueOn,
        dto.state ?? 'open',
        dto.note ?? null,
        user.id,
      ],
    );
    return this.findAction(programId, row.id);
  }

  async listActions(user: AuthUser, programId: string): Promise<ActionView[]> {
    await this.findReadable(user, programId);
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `${ACTION_SELECT} WHERE a.program_id = $1 ORDER BY a.created_at, a.id`,
      [programId],
    );
    return rows.map(toAction);
  }

  async updateAction(user: AuthUser, programId: string, actionId: string, dto: UpdateActionDto): Promise<ActionView> {
    const program = await this.findReadable(user, programId);
    this.assertMayPlan(user);
    const action = await this.findAction(programId, actionId);
    const problems = await this.checkActionTargets(program, action.waveId, dto);
    if (problems.length) throw unprocessable('The action is not valid', problems);
    await this.db.query(
      `UPDATE program_actions SET measure_key = COALESCE($2, measure_key), channels = COALESCE($3, channels),
              touchpoint_ids = COALESCE($4, touchpoint_ids), owner = COALESCE($5, owner), due_on = COALESCE($6::date, due_on),
              state = COALESCE($7, state), note = COALESCE($8, note), updated_at = now()
        WHERE id = $1`,
      [
        actionId,
        dto.measureKey ?? null,
        dto.channels ?? null,
        dto.touchpointIds ?? null,
        dto.owner?.trim() ?? null,
        dto.dueOn ?? null,
        dto.state ?? null,
        dto.note ?? null,
      ],
    );
    return this.findAction(programId, actionId);
  }

  /** The action-plan items made after a wave (waveIds: any of these), oldest first. */
  async actionsOf(waveIds: string[]): Promise<ActionView[]> {
    if (waveIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `${ACTION_SELECT} WHERE a.wave_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [waveIds],
    );
    return rows.map(toAction);
  }

  private async findAction(programId: string, actionId: string): Promise<ActionView> {
    const [row]: Array<Record<string, unknown>> = await this.db.query(`${ACTION_SELECT} WHERE a.id = $1 AND a.program_id = $2`, [
      actionId,
      programId,
    ]);
    if (!row) throw notFound('Action');
    return toAction(row);
  }

  /** Staff and the program's client users keep the plan (findReadable has already refused other clients). */
  private assertMayPlan(user: AuthUser): void {
    if (user.role !== 'admin' && user.role !== 'consultant' && user.role !== 'client') throw forbidden();
  }

  /** The measure must be one of the wave's; the touchpoints must be the client's. */
  private async checkActionTargets(
    program: ProgramRow,
    waveId: string,
    dto: { measureKey?: string; touchpointIds?: string[] },
  ): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    if (dto.measureKey !== undefined) {
      const measures = this.measuresOf(program, await this.waveCampaigns(waveId));
      if (!measures.some((measure) => measure.key === dto.measureKey)) {
        problems.push({
          field: 'measureKey',
          reason: `"${dto.measureKey}" is not a measure of the wave (measures: ${measures.map((measure) => measure.key).join(', ') || 'none'})`,
        });
      }
    }
    if (dto.touchpointIds && dto.touchpointIds.length > 0) {
      const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM touchpoints WHERE id = ANY($1::uuid[]) AND client_id = $2`, [
        dto.touchpointIds,
        program.clientId,
      ]);
      const mine = new Set(rows.map((row) => row.id));
      dto.touchpointIds.forEach((id, index) => {
        if (!mine.has(id))
          problems.push({ field: `touchpointIds[${index}]`, reason: `touchpoint ${id} is not a touchpoint of the program's client` });
      });
    }
    return problems;
  }
}
