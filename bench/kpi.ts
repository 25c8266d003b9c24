// KPI section: how long KpisService.buildModel takes on the seeded 100k-visit campaign, against one plain
// aggregate over the same visit_answers rows in the same run (the floor any per-question KPI must pay).
// Targets: < 1 s, and at most 2× the plain aggregate.
import { randomUUID } from 'crypto';
import type { AuthUser } from '../src/common/auth/auth-user';
import { queriedQuestionKeys } from '../src/kpis/domain/answer-from-points';
import { KpiQueries } from '../src/kpis/kpi-queries';
import { visitScope } from '../src/kpis/visit-scope';
import { KpisService } from '../src/kpis/kpis.service';
import type { QuestionnaireDefinition } from '../src/questionnaires/domain/definition';
import { BenchContext, median, round, timed } from './context';
import type { BenchSection } from './run';
import { DEFAULT_SEED, SeededCampaign, seedKpiCampaign } from './seed';

const RUNS = 5;
const TARGET_MS = 1000;
const TARGET_RATIO = 2;

/** The campaign every section shares; seeded by the first section that needs it. */
export async function seededCampaign(ctx: BenchContext): Promise<SeededCampaign> {
  const existing = ctx.shared.get('campaign') as SeededCampaign | undefined;
  if (existing) return existing;
  // BENCH_VISITS shrinks the campaign for a quick try, or grows it (1000000: the README's growth table);
  // results at other sizes than the default 100k go under `growth` in latest.json (run.ts).
  const visits = Number(process.env.BENCH_VISITS ?? DEFAULT_SEED.visits);
  const options = { ...DEFAULT_SEED, visits, previousVisits: Math.min(DEFAULT_SEED.previousVisits, Math.ceil(visits / 10)) };
  ctx.log(`seeding ${options.visits} visits × 40 questions (+ ${options.previousVisits} previous-wave visits)…`);
  const campaign = await seedKpiCampaign(ctx.dataSource, options, ctx.log);
  ctx.log(`seeded ${campaign.answers} answer rows in ${(campaign.seedMs / 1000).toFixed(1)} s`);
  ctx.shared.set('campaign', campaign);
  return campaign;
}

export const kpiSection: BenchSection = {
  name: 'kpi',
  async run(ctx) {
    const campaign = await seededCampaign(ctx);
    const service = new KpisService(ctx.dataSource);
    const clientUser: AuthUser = {
      id: randomUUID(),
      email: 'client@bench.local',
      role: 'client',
      clientId: campaign.clientId,
      name: 'Client',
    };
    const consultant: AuthUser = {
      id: randomUUID(),
      email: 'consultant@bench.local',
      role: 'consultant',
      clientId: null,
      name: 'Consultant',
    };
    const baselineSql = `SELECT question_key, avg(earned) FROM visit_answers WHERE campaign_id = $1 GROUP BY question_key`;

    const baseline = () => ctx.dataSource.query(baselineSql, [campaign.campaignId]);
    const clientModel = () => service.buildModel(clientUser, campaign.campaignId, {});
    const consultantModel = () => service.buildModel(consultant, campaign.campaignId, { includeUnapproved: true });

    // Warm-up: caches, plans, the stop-word lists.
    await baseline();
    const warm = await clientModel();
    await consultantModel();

    const times = { baseline: [] as number[], client: [] as number[], consultant: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      times.baseline.push((await timed(baseline)).ms);
      times.client.push((await timed(clientModel)).ms);
      times.consultant.push((await timed(consultantModel)).ms);
    }
    const queriesMs = await timeEachQuery(ctx, campaign);
    const baselineMs = median(times.baseline);
    const clientMs = median(times.client);
    const consultantMs = median(times.consultant);
    const ratio = clientMs / baselineMs;
    return {
      visits: campaign.visits,
      answerRows: campaign.answers,
      seedSeconds: Number((campaign.seedMs / 1000).toFixed(1)),
      approvedVisitsCounted: warm.n,
      baselineMedianMs: round(baselineMs),
      buildModelClientMedianMs: round(clientMs),
      buildModelConsultantMedianMs: round(consultantMs),
      ratioClient: round(ratio),
      ratioConsultant: round(consultantMs / baselineMs),
      runs: RUNS,
      queriesMs,
      allRunsMs: { baseline: times.baseline.map(round), client: times.client.map(round), consultant: times.consultant.map(round) },
      targets: { ms: TARGET_MS, ratio: TARGET_RATIO },
      met: clientMs < TARGET_MS && ratio <= TARGET_RATIO,
    };
  },
};

/** Each query of the model on its own (client scope), to see where the time goes. */
async function timeEachQuery(ctx: BenchContext, campaign: SeededCampaign): Promise<Record<string, number>> {
  const queries = new KpiQueries(ctx.dataSource);
  const row = await queries.campaign(campaign.campaignId);
  const { textKeys, valueKeys } = queriedQuestionKeys(row!.definition as QuestionnaireDefinition);
  const scope = visitScope(campaign.campaignId, {}, false);
  const work: Record<string, () => Promise<unknown>> = {
    breakdown: () => queries.breakdown(scope, row!.slaSeconds),
    samples: () => queries.samples(scope),
    answers: () => queries.answers(scope, valueKeys),
    qualitative: () => queries.qualitative(scope, textKeys),
    shoppers: () => queries.shoppers(scope),
  };
  const result: Record<string, number> = {};
  for (const [name, run] of Object.entries(work)) {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) samples.push((await timed(run)).ms);
    result[name] = round(median(samples));
  }
  return result;
}
