// The demo program, made through the HTTP API (see the comment at the top of scripts/demo.ts): people,
// client and touchpoints, questionnaires, two waves of campaigns with their field work and review,
// the back-dating of the first wave, and the second wave's reports. Used by `npm run demo` and, at a
// smaller scale, by test/e2e/demo.e2e-spec.ts.
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { openPeriodsOn, type OpeningHours } from '../../src/clients/domain/opening-hours';
import type { SectionView } from './answers';
import { runFieldwork, type Shopper, type TouchpointRecord, type WaveCampaign } from './fieldwork';
import { Api, ApiError, inParallel } from './http';
import {
  ACTION_PLAN,
  CAMPAIGNS,
  CLIENT_NAME,
  CLIENT_USER,
  CONSULTANT,
  PASSWORDS,
  PROGRAM,
  SHOPPERS,
  TOUCHPOINTS,
  type CampaignSeed,
  type TouchpointSeed,
} from './program';

export const TIME_ZONE = 'Europe/Madrid';
/** 13 weeks: a quarter earlier, on the same weekday, so opening hours still fit. */
export const BACKDATE_DAYS = 91;
/** 300 visits a wave in one day by 30 shoppers: about ten each (see scripts/demo.ts). */
export const MAX_VISITS_PER_DAY = 12;

export interface SeedOptions {
  api: Api;
  adminToken: string;
  databaseUrl: string;
  log: (line: string) => void;
  /** For a quick run (the e2e test): fewer shoppers and visits. */
  shopperCount?: number;
  visitsPerTouchpoint?: (campaign: CampaignSeed) => number;
}

/** Creates the user, or accepts that an interrupted earlier run already did; returns its id. */
export async function ensureUser(api: Api, token: string, body: Record<string, unknown>): Promise<string> {
  try {
    return (await api.post<{ id: string }>('/users', token, body)).id;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409) throw error;
    const users = await api.get<Array<{ id: string; email: string }>>(`/users?role=${String(body.role)}`, token);
    return users.find((user) => user.email === String(body.email).toLowerCase())!.id;
  }
}

// ——— The program ———

/** Makes the whole program; returns the client's id. */
export async function seedProgram(options: SeedOptions): Promise<string> {
  const { api, adminToken, databaseUrl, log } = options;
  const shopperSeeds = SHOPPERS.slice(0, options.shopperCount ?? SHOPPERS.length);
  log(`Creating the consultancy’s people: a consultant and ${shopperSeeds.length} shoppers …`);
  await ensureUser(api, adminToken, { email: CONSULTANT.email, password: PASSWORDS.consultant, role: 'consultant', name: CONSULTANT.name });
  const consultant = (await api.login(CONSULTANT.email, PASSWORDS.consultant)).accessToken;
  const shopperIds = await inParallel(shopperSeeds, 4, (shopper) =>
    ensureUser(api, consultant, { email: shopper.email, password: PASSWORDS.shopper, role: 'shopper', name: shopper.name }),
  );
  const shoppers: Shopper[] = await inParallel(shopperSeeds, 4, async (shopper, index) => ({
    id: shopperIds[index],
    email: shopper.email,
    name: shopper.name,
    token: (await api.login(shopper.email, PASSWORDS.shopper)).accessToken,
  }));

  log(`Creating the client "${CLIENT_NAME}" and its ${TOUCHPOINTS.length} touchpoints …`);
  const client = await api.post<{ id: string }>('/clients', consultant, { name: CLIENT_NAME });
  await ensureUser(api, consultant, {
    email: CLIENT_USER.email,
    password: PASSWORDS.client,
    role: 'client',
    name: CLIENT_USER.name,
    clientId: client.id,
  });
  const touchpoints = new Map<string, TouchpointRecord>();
  const touchpointIdByKey = new Map<string, string>();
  for (const seedTouchpoint of TOUCHPOINTS) {
    const { key, quality: _quality, bias: _bias, ...body } = seedTouchpoint;
    const created = await api.post<{ id: string; timeZone: string; openingHours: OpeningHours | null }>(
      `/clients/${client.id}/touchpoints`,
      consultant,
      body,
    );
    touchpoints.set(created.id, { id: created.id, seed: seedTouchpoint, timeZone: created.timeZone, openingHours: created.openingHours });
    touchpointIdByKey.set(key, created.id);
  }

  log('Copying the ready-made questionnaires in Spanish, adjusting the title, publishing …');
  const templates = await api.get<Array<{ key: string; definition: Record<string, unknown> }>>(
    '/questionnaire-templates?language=es',
    consultant,
  );
  const questionnaires = new Map<string, { id: string; sections: SectionView[] }>();
  for (const templateKey of [...new Set(CAMPAIGNS.map((campaign) => campaign.template))]) {
    const copy = await api.post<{ id: string; title: string }>(`/questionnaire-templates/${templateKey}/copy`, consultant, {
      language: 'es',
    });
    const template = templates.find((candidate) => candidate.key === templateKey)!;
    await api.request('PUT', `/questionnaires/${copy.id}`, {
      token: consultant,
      body: { ...template.definition, title: `${copy.title} · ${CLIENT_NAME}` },
    });
    await api.post(`/questionnaires/${copy.id}/publish`, consultant);
    const published = await api.get<{ id: string; sections: SectionView[] }>(`/questionnaires/${copy.id}`, consultant);
    questionnaires.set(templateKey, { id: published.id, sections: published.sections });
  }

  const wave = {
    api,
    log,
    consultant,
    clientId: client.id,
    touchpoints,
    touchpointIdByKey,
    questionnaires,
    shoppers,
    visitsPerTouchpoint: options.visitsPerTouchpoint,
  };
  const firstWave = await recordWave(1, wave);
  await backdateWave(
    databaseUrl,
    firstWave.map((campaign) => campaign.id),
    log,
  );
  // The omnichannel program: wave 1 is read across channels and the bank agrees an action plan…
  const program = await createProgramWithFirstWave(
    api,
    consultant,
    client.id,
    firstWave.map((campaign) => campaign.id),
    log,
  );
  const clientToken = (await api.login(CLIENT_USER.email, PASSWORDS.client)).accessToken;
  await agreeActionPlan(api, clientToken, program, touchpointIdByKey, log);
  // …which the second wave's field work partly reflects (ACTION_PLAN's effects), before wave 2 joins the program.
  const secondWave = await recordWave(2, { ...wave, previous: firstWave });
  await addSecondWave(
    api,
    consultant,
    clientToken,
    program,
    secondWave.map((campaign) => campaign.id),
    log,
  );
  return client.id;
}

// ——— The omnichannel program ———

interface ProgramRecord {
  id: string;
  firstWaveId: string;
}

/** The program of the bank with its first wave (the first wave's five campaigns, one per channel family). */
export async function createProgramWithFirstWave(
  api: Api,
  consultant: string,
  clientId: string,
  campaignIds: string[],
  log: (line: string) => void,
): Promise<ProgramRecord> {
  const program = await api.post<{ id: string }>('/programs', consultant, { clientId, name: PROGRAM.name, measures: PROGRAM.measures });
  const wave = await api.post<{ id: string }>(`/programs/${program.id}/waves`, consultant, { name: PROGRAM.waveNames[0], campaignIds });
  log(`Program "${PROGRAM.name}": ${PROGRAM.waveNames[0]} groups the ${campaignIds.length} first-wave campaigns.`);
  return { id: program.id, firstWaveId: wave.id };
}

/** The client's quality team agrees the action plan on the first wave's results (ACTION_PLAN), through the API. */
export async function agreeActionPlan(
  api: Api,
  clientToken: string,
  program: ProgramRecord,
  touchpointIdByKey: Map<string, string>,
  log: (line: string) => void,
): Promise<void> {
  const model = await api.get<{ consistency: { index: number | null }; priorities: Array<{ measureKey: string; channel: string }> }>(
    `/programs/${program.id}/waves/${program.firstWaveId}/kpis`,
    clientToken,
  );
  const dueOn = DateTime.now().setZone(TIME_ZONE).minus({ days: 14 }).toISODate();
  for (const item of ACTION_PLAN) {
    await api.post(`/programs/${program.id}/actions`, clientToken, {
      waveId: program.firstWaveId,
      measureKey: item.measureKey,
      ...(item.channels ? { channels: item.channels } : {}),
      ...(item.touchpointKeys ? { touchpointIds: item.touchpointKeys.map((key) => touchpointIdByKey.get(key)!) } : {}),
      owner: item.owner,
      dueOn,
      note: item.note,
    });
  }
  log(
    `${PROGRAM.waveNames[0]}: consistency index ${fmt(model.consistency.index)}; the client agrees ${ACTION_PLAN.length} actions ` +
      `(${ACTION_PLAN.map((item) => item.measureKey).join(', ')}).`,
  );
}

/** What the action plan changed in the second wave at one touchpoint: question key → added chance of passing. */
export function actionPlanEffect(touchpoint: TouchpointSeed): Record<string, number> {
  const shift: Record<string, number> = {};
  for (const item of ACTION_PLAN) {
    if (item.effect === 0) continue;
    const targeted = (item.channels ?? []).includes(touchpoint.channel) || (item.touchpointKeys ?? []).includes(touchpoint.key);
    if (targeted) shift[item.measureKey] = (shift[item.measureKey] ?? 0) + item.effect;
  }
  return shift;
}

/**
 * The second wave joins the program (previous: the first); the action items get the state they have by
 * then, and the client adds an item for the next wave from the second wave's top priority.
 */
export async function addSecondWave(
  api: Api,
  consultant: string,
  clientToken: string,
  program: ProgramRecord,
  campaignIds: string[],
  log: (line: string) => void,
): Promise<void> {
  const wave = await api.post<{ id: string }>(`/programs/${program.id}/waves`, consultant, {
    name: PROGRAM.waveNames[1],
    campaignIds,
    previousWaveId: program.firstWaveId,
  });
  const actions = await api.get<Array<{ id: string; measureKey: string; waveId: string }>>(`/programs/${program.id}/actions`, clientToken);
  for (const item of ACTION_PLAN) {
    const action = actions.find((candidate) => candidate.waveId === program.firstWaveId && candidate.measureKey === item.measureKey);
    if (action && item.state !== 'open')
      await api.request('PATCH', `/programs/${program.id}/actions/${action.id}`, { token: clientToken, body: { state: item.state } });
  }
  const model = await api.get<{ priorities: Array<{ measureKey: string; channel: string }> }>(
    `/programs/${program.id}/waves/${wave.id}/kpis`,
    clientToken,
  );
  const top = model.priorities[0];
  if (top) {
    await api.post(`/programs/${program.id}/actions`, clientToken, {
      waveId: wave.id,
      measureKey: top.measureKey,
      channels: [top.channel],
      owner: 'Dirección de Calidad',
      dueOn: DateTime.now().setZone(TIME_ZONE).plus({ days: 75 }).toISODate(),
      note: 'Primera prioridad del informe omnicanal de la segunda oleada.',
    });
  }
  log(`${PROGRAM.waveNames[1]} added to the program${top ? `; next action: ${top.measureKey} on ${top.channel}` : ''}.`);
}

/**
 * A database made by an earlier demo without programs: the program, its two waves and the action plan
 * are added from the existing campaigns (no field work is recorded again).
 */
export async function ensureProgram(api: Api, clientId: string, log: (line: string) => void): Promise<void> {
  const consultant = (await api.login(CONSULTANT.email, PASSWORDS.consultant)).accessToken;
  const programs = await api.get<Array<{ id: string; name: string }>>(`/programs?clientId=${clientId}`, consultant);
  if (programs.some((program) => program.name === PROGRAM.name)) return;
  const campaigns = await api.get<Array<{ id: string; name: string }>>(`/campaigns?clientId=${clientId}`, consultant);
  const ofWave = (wave: number) =>
    campaigns.filter((campaign) => campaign.name.startsWith(`Oleada ${wave} · `)).map((campaign) => campaign.id);
  const touchpoints = await api.get<Array<{ id: string; name: string }>>(`/clients/${clientId}/touchpoints`, consultant);
  const touchpointIdByKey = new Map(
    TOUCHPOINTS.map((seed) => [seed.key, touchpoints.find((touchpoint) => touchpoint.name === seed.name)?.id ?? '']),
  );
  const program = await createProgramWithFirstWave(api, consultant, clientId, ofWave(1), log);
  const clientToken = (await api.login(CLIENT_USER.email, PASSWORDS.client)).accessToken;
  await agreeActionPlan(api, clientToken, program, touchpointIdByKey, log);
  await addSecondWave(api, consultant, clientToken, program, ofWave(2), log);
}

/**
 * The omnichannel report of the program's latest wave (PDF and Excel), downloaded as the client user,
 * with a few lines of what it says; returns the files.
 */
export async function writeProgramReports(api: Api, outputDir: string, log: (line: string) => void): Promise<string[]> {
  const clientToken = (await api.login(CLIENT_USER.email, PASSWORDS.client)).accessToken;
  const programs = await api.get<Array<{ id: string; name: string }>>('/programs', clientToken);
  const program = programs.find((candidate) => candidate.name === PROGRAM.name);
  if (!program) {
    log(`Warning: the client has no program "${PROGRAM.name}"; no omnichannel report.`);
    return [];
  }
  const waves = await api.get<Array<{ id: string; name: string }>>(`/programs/${program.id}/waves`, clientToken);
  const wave = waves[waves.length - 1];
  mkdirSync(outputDir, { recursive: true });
  const files: string[] = [];
  for (const format of ['pdf', 'xlsx'] as const) {
    const file = join(outputDir, `informe-omnicanal-${slug(wave.name)}.${format}`);
    writeFileSync(file, await api.download(`/programs/${program.id}/waves/${wave.id}/report.${format}?lang=es`, clientToken));
    files.push(file);
  }
  const model = await api.get<{
    n: number;
    consistency: { index: number | null; spread: number | null };
    trend?: { consistency: { previous: number | null } };
    priorities: Array<{ measureKey: string; channel: string; impact: number }>;
    actions: Array<{ measureKey: string; before: number | null; after: number | null; significant: boolean | null }>;
  }>(`/programs/${program.id}/waves/${wave.id}/kpis`, clientToken);
  log(
    `Omnichannel report of "${program.name}", ${wave.name}: n=${model.n}, consistency index ${fmt(model.consistency.index)} ` +
      `(wave 1: ${fmt(model.trend?.consistency.previous)}), spread ${fmt(model.consistency.spread)} points → ${files.map((file) => file.split('/').pop()).join(', ')}`,
  );
  log(
    `  top priorities: ${model.priorities
      .slice(0, 3)
      .map((priority) => `${priority.measureKey} on ${priority.channel} (${priority.impact.toFixed(2)})`)
      .join('; ')}`,
  );
  for (const action of model.actions) {
    log(
      `  action ${action.measureKey}: ${fmt(action.before)} → ${fmt(action.after)}${action.significant ? ' (significant)' : action.significant === false ? ' (not significant)' : ''}`,
    );
  }
  return files;
}

interface WaveContext {
  api: Api;
  log: (line: string) => void;
  visitsPerTouchpoint?: (campaign: CampaignSeed) => number;
  consultant: string;
  clientId: string;
  touchpoints: Map<string, TouchpointRecord>;
  touchpointIdByKey: Map<string, string>;
  questionnaires: Map<string, { id: string; sections: SectionView[] }>;
  shoppers: Shopper[];
  previous?: WaveCampaign[];
}

async function recordWave(wave: number, context: WaveContext): Promise<WaveCampaign[]> {
  const { api, consultant, log } = context;
  const campaigns: WaveCampaign[] = [];
  let planned = 0;
  for (const seedCampaign of CAMPAIGNS) {
    const touchpointIds = seedCampaign.touchpointKeys.map((key) => context.touchpointIdByKey.get(key)!);
    const day = fieldworkStart(touchpointIds.map((id) => context.touchpoints.get(id)!));
    const questionnaire = context.questionnaires.get(seedCampaign.template)!;
    const campaign = await api.post<{ id: string }>('/campaigns', consultant, {
      clientId: context.clientId,
      questionnaireId: questionnaire.id,
      name: `Oleada ${wave} · ${seedCampaign.label}`,
      startsOn: day,
      endsOn: DateTime.now().setZone(TIME_ZONE).toISODate(),
      touchpointIds,
      scenarios: seedCampaign.scenarios,
      visitsPerTouchpoint: context.visitsPerTouchpoint?.(seedCampaign) ?? seedCampaign.visitsPerTouchpoint,
      slaSeconds: seedCampaign.slaSeconds,
      targets: seedCampaign.targets,
      visitFee: seedCampaign.visitFee,
      seed: `banco-meridiano-${seedCampaign.key}-oleada-${wave}`,
      ...(context.previous && { previousCampaignId: context.previous.find((previous) => previous.key === seedCampaign.key)!.id }),
    });
    const activated = await api.post<{ assignmentsCreated: number }>(`/campaigns/${campaign.id}/activate`, consultant);
    planned += activated.assignmentsCreated;
    campaigns.push({
      id: campaign.id,
      key: seedCampaign.key,
      sections: questionnaire.sections,
      waveShift: wave === 1 ? {} : secondWaveShift(seedCampaign),
      ...(wave === 2 ? { questionShift: actionPlanEffect } : {}),
    });
  }
  log(`Wave ${wave}: ${campaigns.length} campaigns activated, ${planned} visits planned; assigning, visiting, reviewing …`);
  const stats = await runFieldwork({
    api,
    consultantToken: consultant,
    campaigns,
    touchpoints: context.touchpoints,
    shoppers: context.shoppers,
    maxVisitsPerDay: MAX_VISITS_PER_DAY,
    wave,
    log,
  });
  for (const campaign of campaigns) await api.post(`/campaigns/${campaign.id}/close`, consultant);
  log(
    `Wave ${wave}: ${stats.visits} visits approved (${stats.knockouts} knockouts, ${stats.returned} returned and resubmitted, ` +
      `${stats.edited} corrected by the reviewer${stats.skipped ? `, ${stats.skipped} not visitable yet` : ''}); campaigns closed.`,
  );
  return campaigns;
}

function secondWaveShift(seedCampaign: CampaignSeed): Record<string, number> {
  return { ...seedCampaign.secondWave };
}

/**
 * The first day of a wave's one-day field work: today when every touchpoint has been open for a while
 * today; otherwise the last day they were all open, provided none opens between then and today (so
 * each touchpoint still gets a single window that holds now). Falls back to today.
 */
export function fieldworkStart(touchpoints: TouchpointRecord[]): string {
  const now = DateTime.now().setZone(TIME_ZONE);
  const today = now.startOf('day');
  const openBefore = (touchpoint: TouchpointRecord, day: DateTime, until: number) =>
    openPeriodsOn(day.setZone(touchpoint.timeZone, { keepLocalTime: true }), touchpoint.openingHours).some(
      (period) => period.start <= until,
    );
  const opensOn = (touchpoint: TouchpointRecord, day: DateTime) =>
    openPeriodsOn(day.setZone(touchpoint.timeZone, { keepLocalTime: true }), touchpoint.openingHours).length > 0;
  for (let back = 0; back <= 7; back++) {
    const day = today.minus({ days: back });
    const allOpen = touchpoints.every((touchpoint) => openBefore(touchpoint, day, now.toMillis() - 60 * 60_000));
    const noneLater = Array.from({ length: back }, (_, i) => today.minus({ days: i })).every((later) =>
      touchpoints.every((touchpoint) => !opensOn(touchpoint, later)),
    );
    if (allOpen && noneLater) return day.toISODate()!;
  }
  return today.toISODate()!;
}

// ——— Back-dating the first wave, which the API cannot record in the past ———

export async function backdateWave(databaseUrl: string, campaignIds: string[], log: (line: string) => void): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('date', 'timestamp with time zone')`,
    );
    const { rows: keyColumns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name IN ('campaign_id', 'visit_report_id', 'assignment_id')`,
    );
    // Which rows belong to the wave, table by table.
    const filterOf = (table: string): string | undefined => {
      if (table === 'campaigns') return 'id = ANY($1::uuid[])';
      const keys = keyColumns.filter((column) => column.table_name === table).map((column) => column.column_name);
      if (keys.includes('campaign_id')) return 'campaign_id = ANY($1::uuid[])';
      if (keys.includes('visit_report_id')) return 'visit_report_id IN (SELECT id FROM visit_reports WHERE campaign_id = ANY($1::uuid[]))';
      if (keys.includes('assignment_id')) return 'assignment_id IN (SELECT id FROM assignments WHERE campaign_id = ANY($1::uuid[]))';
      return undefined;
    };
    const byTable = new Map<string, typeof columns>();
    for (const column of columns) byTable.set(column.table_name, [...(byTable.get(column.table_name) ?? []), column]);

    await client.query('BEGIN');
    const shifted: string[] = [];
    for (const [table, tableColumns] of byTable) {
      const filter = filterOf(table);
      if (!filter) continue;
      const sets = tableColumns.map(({ column_name: name, data_type: type }) =>
        type === 'date'
          ? `"${name}" = "${name}" - ${BACKDATE_DAYS}`
          : `"${name}" = (("${name}" AT TIME ZONE '${TIME_ZONE}') - interval '${BACKDATE_DAYS} days') AT TIME ZONE '${TIME_ZONE}'`,
      );
      const result = await client.query(`UPDATE "${table}" SET ${sets.join(', ')} WHERE ${filter}`, [campaignIds]);
      if (result.rowCount) shifted.push(`${table} (${result.rowCount})`);
    }
    await client.query('COMMIT');
    log(`Back-dated wave 1 by ${BACKDATE_DAYS} days (13 weeks) in SQL, as the API cannot record the past: ${shifted.join(', ')}.`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// ——— Reports ———

/** Downloads the second wave's PDF and Excel reports as the client user into `outputDir`; returns the files. */
export async function writeReports(api: Api, clientId: string, outputDir: string, log: (line: string) => void): Promise<string[]> {
  const files: string[] = [];
  const clientToken = (await api.login(CLIENT_USER.email, PASSWORDS.client)).accessToken;
  const campaigns = await api.get<Array<{ id: string; name: string }>>(`/campaigns?clientId=${clientId}`, clientToken);
  const secondWave = campaigns.filter((campaign) => campaign.name.startsWith('Oleada 2 · '));
  if (secondWave.length < CAMPAIGNS.length) {
    log(
      `Warning: only ${secondWave.length} of ${CAMPAIGNS.length} second-wave campaigns exist (an earlier run was interrupted?). ` +
        'To start again, stop the app and delete the data folder (./.incognito) or the client.',
    );
  }
  mkdirSync(outputDir, { recursive: true });
  log(`Writing the second wave's reports as the client user ${CLIENT_USER.email} …`);
  for (const campaign of secondWave) {
    const base = slug(campaign.name);
    for (const format of ['pdf', 'xlsx'] as const) {
      const file = join(outputDir, `${base}.${format}`);
      writeFileSync(file, await api.download(`/campaigns/${campaign.id}/report.${format}`, clientToken));
      files.push(file);
    }
    const kpis = await api.get<{
      n: number;
      overall: { mean: number | null };
      trend?: { overall?: { previous: number | null; change: number | null } };
    }>(`/campaigns/${campaign.id}/kpis`, clientToken);
    const trend = kpis.trend?.overall;
    log(
      `  ${campaign.name}: n=${kpis.n}, overall ${fmt(kpis.overall.mean)}` +
        (trend
          ? ` (wave 1: ${fmt(trend.previous)}, change ${trend.change !== null && trend.change >= 0 ? '+' : ''}${fmt(trend.change)})`
          : '') +
        ` → ${base}.pdf, .xlsx`,
    );
  }
  return files;
}

const fmt = (value: number | null | undefined) => (typeof value === 'number' ? value.toFixed(1) : '–');

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ——— Field work in progress, for trying the shopper app ———

/** A shopper who has visited nothing yet, so no rotation or daily limit stands between them and a job. */
export const NEW_SHOPPER = { email: 'lucia.campos@shoppers.example', name: 'Lucía Campos Navarro' };
export const CURRENT_WAVE_NAME = 'Oleada 3 · Sucursales (en curso)';
const CURRENT_WAVE_DAYS = 28;

/**
 * A third branch wave, active from today for four weeks with its jobs left open on the job board, and a
 * new shopper to take them: the demo's closed waves leave nothing for a shopper to do. Made once.
 */
export async function openCurrentFieldwork(api: Api, clientId: string, log: (line: string) => void): Promise<void> {
  const consultant = (await api.login(CONSULTANT.email, PASSWORDS.consultant)).accessToken;
  await ensureUser(api, consultant, { email: NEW_SHOPPER.email, password: PASSWORDS.shopper, role: 'shopper', name: NEW_SHOPPER.name });
  const campaigns = await api.get<Array<{ id: string; name: string }>>(`/campaigns?clientId=${clientId}`, consultant);
  if (campaigns.some((campaign) => campaign.name === CURRENT_WAVE_NAME)) return;
  const branches = CAMPAIGNS[0];
  const previous = campaigns.find((campaign) => campaign.name === `Oleada 2 · ${branches.label}`);
  if (!previous) return;
  const template = await api.get<{ questionnaireId: string; touchpointIds: string[] }>(`/campaigns/${previous.id}`, consultant);
  const today = DateTime.now().setZone(TIME_ZONE);
  const campaign = await api.post<{ id: string }>('/campaigns', consultant, {
    clientId,
    questionnaireId: template.questionnaireId,
    name: CURRENT_WAVE_NAME,
    startsOn: today.toISODate(),
    endsOn: today.plus({ days: CURRENT_WAVE_DAYS - 1 }).toISODate(),
    touchpointIds: template.touchpointIds,
    scenarios: branches.scenarios,
    visitsPerTouchpoint: 2,
    slaSeconds: branches.slaSeconds,
    targets: branches.targets,
    visitFee: branches.visitFee,
    previousCampaignId: previous.id,
    seed: 'banco-meridiano-branches-oleada-3',
  });
  const { assignmentsCreated } = await api.post<{ assignmentsCreated: number }>(`/campaigns/${campaign.id}/activate`, consultant);
  log(`${CURRENT_WAVE_NAME}: active for ${CURRENT_WAVE_DAYS} days, ${assignmentsCreated} jobs open on the job board.`);
}
