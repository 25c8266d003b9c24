// Bulk seeding for the benchmarks: a campaign of 100k visits with 40 answered questions each over every
// channel (4M visit_answers rows), its scores derived in SQL from those answers, and a smaller previous
// wave for the trend. Everything is INSERT … SELECT over generate_series / the rows just written, on one
// connection with a fixed random seed, so a run takes seconds per million rows and is reproducible.
import { DataSource, QueryRunner } from 'typeorm';
import { CHANNELS, QuestionDefinition, QuestionnaireDefinition, SYNCHRONOUS_CHANNELS } from '../src/questionnaires/domain/definition';

export interface SeedOptions {
  visits: number;
  previousVisits: number;
  touchpointsPerChannel: number;
  shoppers: number;
}

export const DEFAULT_SEED: SeedOptions = { visits: 100_000, previousVisits: 10_000, touchpointsPerChannel: 10, shoppers: 300 };

export interface SeededCampaign {
  clientId: string;
  campaignId: string;
  previousCampaignId: string;
  questionnaireId: string;
  visits: number;
  answers: number;
  seedMs: number;
}

const REGIONS = ['North', 'South', 'East', 'West', 'Centre'];
const SCENARIOS = [
  { key: 'card_cost', title: 'Cost of a credit card', brief: 'Ask for the cost of a credit card' },
  { key: 'late_order', title: 'Order not arrived', brief: 'Complain that an order did not arrive' },
  { key: 'open_account', title: 'Open an account', brief: 'Ask how to open an account' },
];
const PHRASES = [
  'The agent was friendly and solved the problem quickly',
  'Long wait before anybody answered',
  'Clear explanation of the fees and conditions',
  'The employee did not know the product well',
  'Very polite, offered a follow-up call',
  'Had to repeat my data after the transfer',
  'Excellent attention, the branch was clean',
  'The answer was incomplete and confusing',
];

/** 5 sections × 8 questions: yes/no, a choice, a scale, a text per section; a critical and an FCR question. */
export function benchQuestionnaire(): QuestionnaireDefinition {
  const dimensions = ['protocol', 'empathy', 'knowledge', 'resolution', 'data_security'] as const;
  const base = { required: false, allowNa: false, critical: false, knockoutScope: 'section' as const, channels: [], bonus: false };
  const sections = dimensions.map((dimension, s) => {
    const questions: QuestionDefinition[] = [];
    for (let i = 1; i <= 8; i++) {
      const key = `s${s + 1}q${i}`;
      const text = `Question ${i} of section ${s + 1}`;
      if (i === 6) {
        questions.push({
          ...base,
          key,
          text,
          type: 'single_choice',
          maxPoints: 10,
          dimension,
          options: [
            { key: 'full', label: 'Full', points: 10 },
            { key: 'partial', label: 'Partial', points: 5 },
            { key: 'none', label: 'None', points: 0 },
          ],
          recommendation: `Improve ${dimension}`,
        });
      } else if (i === 7) {
        questions.push({ ...base, key, text, type: 'scale', min: 1, max: 5, maxPoints: 10, dimension });
      } else if (i === 8) {
        questions.push({ ...base, key, text: `Comments on section ${s + 1}`, type: 'text', maxPoints: 0 });
      } else {
        questions.push({
          ...base,
          key,
          text,
          type: 'yes_no',
          maxPoints: 10,
          dimension,
          allowNa: i === 5,
          critical: s === 4 && i === 1,
          knockoutScope: 'visit',
          kpi: s === 3 && i === 1 ? 'fcr' : undefined,
          recommendation: `Fix ${key}`,
        });
      }
    }
    return { key: `s${s + 1}`, title: `Section ${s + 1}`, weight: s === 2 ? 2 : 1, questions };
  });
  return { title: 'Benchmark questionnaire', language: 'en', sections };
}

async function one<T = Record<string, unknown>>(runner: QueryRunner, sql: string, params: unknown[] = []): Promise<T> {
  const rows = await runner.query(sql, params);
  return (Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as T;
}

export async function seedKpiCampaign(
  dataSource: DataSource,
  options: SeedOptions = DEFAULT_SEED,
  log: (m: string) => void = () => undefined,
): Promise<SeededCampaign> {
  const started = Date.now();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT setseed(0.4242)`);
    const { id: clientId } = await one<{ id: string }>(runner, `INSERT INTO clients (name) VALUES ('Bench Bank') RETURNING id`);
    await runner.query(
      `INSERT INTO touchpoints (client_id, name, channel, region, city, time_zone)
       SELECT $1, c.channel || ' ' || i, c.channel, ($3::text[])[1 + (i % array_length($3::text[], 1))], 'City ' || i, 'Europe/Madrid'
         FROM unnest($2::text[]) AS c(channel), generate_series(1, $4) AS i`,
      [clientId, CHANNELS, REGIONS, options.touchpointsPerChannel],
    );
    await runner.query(
      `INSERT INTO users (email, password_hash, role, name)
       SELECT 'bench-shopper-' || i || '@bench.local', 'not-a-login', 'shopper', 'Shopper ' || i FROM generate_series(1, $1) AS i`,
      [options.shoppers],
    );
    const definition = benchQuestionnaire();
    const { id: questionnaireId } = await one<{ id: string }>(
      runner,
      `INSERT INTO questionnaires (lineage_id, version, status, title, language, definition, published_at)
       VALUES (gen_random_uuid(), 1, 'published', $1, 'en', $2, now()) RETURNING id`,
      [definition.title, JSON.stringify(definition)],
    );
    const sla = Object.fromEntries(CHANNELS.map((channel) => [channel, SYNCHRONOUS_CHANNELS.includes(channel) ? 300 : 4 * 3600]));
    const campaign = async (name: string, startsOn: string, previousId: string | null) =>
      (
        await one<{ id: string }>(
          runner,
          `INSERT INTO campaigns (client_id, questionnaire_id, name, starts_on, ends_on, status, visits_per_touchpoint, scenarios,
                                  sla_seconds, targets, previous_campaign_id, seed)
           VALUES ($1, $2, $3, $4::date, $4::date + 89, 'active', 1, $5, $6, $7, $8, 'bench') RETURNING id`,
          [
            clientId,
            questionnaireId,
            name,
            startsOn,
            JSON.stringify(SCENARIOS),
            JSON.stringify(sla),
            JSON.stringify({ overall: 80, fcr: 75, empathy: 70 }),
            previousId,
          ],
        )
      ).id;
    const previousCampaignId = await campaign('Bench wave 1', '2026-01-01', null);
    const campaignId = await campaign('Bench wave 2', '2026-04-01', previousCampaignId);
    for (const id of [previousCampaignId, campaignId]) {
      await runner.query(
        `INSERT INTO campaign_touchpoints (campaign_id, touchpoint_id) SELECT $1, id FROM touchpoints WHERE client_id = $2`,
        [id, clientId],
      );
    }

    let answers = 0;
    for (const [id, visits, startsOn, quality] of [
      [previousCampaignId, options.previousVisits, '2026-01-01', -0.03],
      [campaignId, options.visits, '2026-04-01', 0],
    ] as const) {
      const t = Date.now();
      answers += await seedVisits(runner, { campaignId: id, clientId, questionnaireId, visits, startsOn, quality, definition, log });
      log(`seeded ${visits} visits of ${id} in ${Date.now() - t} ms`);
    }
    const t = Date.now();
    await runner.query(`VACUUM ANALYZE`);
    log(`VACUUM ANALYZE in ${Date.now() - t} ms`);
    return { clientId, campaignId, previousCampaignId, questionnaireId, visits: options.visits, answers, seedMs: Date.now() - started };
  } finally {
    await runner.release();
  }
}

type SeedVisitsInput = {
  campaignId: string;
  clientId: string;
  questionnaireId: string;
  visits: number;
  startsOn: string;
  quality: number;
  definition: QuestionnaireDefinition;
  channels?: readonly string[];
  /** Told how long each step took. */
  log?: (message: string) => void;
};

/**
 * The visits of one campaign and their answers, then their section, dimension and visit scores from those
 * answers. `channels`, when given, keeps the visits on the client's touchpoints of those channels (the
 * program bench's one campaign per channel family).
 */
export async function seedVisits(runner: QueryRunner, input: SeedVisitsInput): Promise<number> {
  const { campaignId, clientId } = input;
  const step = async (name: string, sql: string, parameters: unknown[]) => {
    const started = Date.now();
    await runner.query(sql, parameters);
    input.log?.(`  ${name}: ${Date.now() - started} ms`);
  };
  // Assignments spread evenly over the touchpoints, scenarios, shoppers and 90 days.
  await step(
    'assignments',
    `WITH tp AS (SELECT array_agg(id ORDER BY id) AS ids FROM touchpoints WHERE client_id = $2 AND ($6::text[] IS NULL OR channel = ANY($6::text[]))),
          sh AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'shopper' AND email LIKE 'bench-shopper-%')
     INSERT INTO assignments (campaign_id, touchpoint_id, scenario_key, shopper_id, window_start, window_end, planned_at, status, assigned_at)
     SELECT $1, tp.ids[1 + i % array_length(tp.ids, 1)], ($4::text[])[1 + i % 3],
            sh.ids[1 + (i * 7 + i / 1000) % array_length(sh.ids, 1)],
            d, d + interval '1 day', d + interval '10 hours', 'approved', d
       FROM tp, sh, generate_series(0, $3 - 1) AS i,
            LATERAL (SELECT ($5::date + (i % 90))::timestamptz AS d) AS day`,
    [campaignId, clientId, input.visits, SCENARIOS.map((s) => s.key), input.startsOn, input.channels ?? null],
  );
  // 95% approved, 5% still submitted; 40% with a narrative; wait time on synchronous channels, response time on the others.
  await step(
    'visit_reports',
    `INSERT INTO visit_reports (assignment_id, campaign_id, touchpoint_id, shopper_id, questionnaire_id, status, visited_at, narrative,
                                wait_seconds, response_seconds, submitted_at, approved_at)
     SELECT a.id, a.campaign_id, a.touchpoint_id, a.shopper_id, $2, s.status, a.planned_at,
            CASE WHEN s.r < 0.4 THEN ($3::text[])[1 + floor(s.r2 * array_length($3::text[], 1))::int] END,
            CASE WHEN t.channel = ANY($4::text[]) THEN round((20 + 600 * s.r2 * s.r2)::numeric) END,
            CASE WHEN NOT t.channel = ANY($4::text[]) THEN round((300 + 30 * 3600 * s.r2 * s.r2)::numeric) END,
            a.planned_at, CASE WHEN s.status = 'approved' THEN a.planned_at + interval '2 days' END
       FROM (
         -- random() in a target list of a subquery kept apart (OFFSET 0): one draw per row, read many times.
         SELECT a.id, a.campaign_id, a.touchpoint_id, a.shopper_id, a.planned_at, random() AS r, random() AS r2,
                CASE WHEN random() < 0.95 THEN 'approved' ELSE 'submitted' END AS status
           FROM assignments a WHERE a.campaign_id = $1 OFFSET 0
       ) s
       JOIN assignments a ON a.id = s.id
       JOIN touchpoints t ON t.id = s.touchpoint_id`,
    [campaignId, input.questionnaireId, PHRASES, SYNCHRONOUS_CHANNELS],
  );

  const questions = input.definition.sections.flatMap((section) =>
    section.questions.map((question, index) => ({
      key: question.key,
      section: section.key,
      type: question.type,
      max: question.maxPoints,
      allowNa: question.allowNa,
      dimension: question.dimension ?? null,
      // Each question its own pass rate, 55%..97%, shifted per wave.
      passRate: question.critical
        ? 0.97 + input.quality / 3
        : Math.min(0.97, 0.55 + ((index * 11 + Number(section.key.slice(1)) * 17) % 43) / 100 + input.quality),
    })),
  );
  await step(
    'visit_answers',
    `INSERT INTO visit_answers (visit_report_id, question_key, campaign_id, section_key, value, na, applicable, counted, earned, possible, passed)
     SELECT id, key, campaign_id, section_key,
            CASE WHEN na THEN NULL
                 WHEN type = 'yes_no' THEN to_jsonb(pass)
                 WHEN type = 'single_choice' THEN to_jsonb(CASE WHEN pass THEN 'full' WHEN r2 < 0.5 THEN 'partial' ELSE 'none' END)
                 WHEN type = 'scale' THEN to_jsonb(CASE WHEN pass THEN 5 ELSE 1 + floor(r2 * 4)::int END)
                 WHEN r2 < 0.3 THEN to_jsonb(($9::text[])[1 + floor(r * array_length($9::text[], 1))::int])
            END,
            na, true, counted,
            CASE WHEN counted THEN
              CASE WHEN pass THEN max_points
                   WHEN type = 'single_choice' THEN CASE WHEN r2 < 0.5 THEN max_points / 2 ELSE 0 END
                   WHEN type = 'scale' THEN max_points * floor(r2 * 4) / 4
                   ELSE 0 END
            END,
            CASE WHEN counted THEN max_points END,
            CASE WHEN counted THEN pass END
       FROM (
         SELECT x.*, (NOT na AND x.type <> 'text') AS counted, r < x.pass_rate AS pass
           FROM (
             -- One draw per (visit, question), kept apart (OFFSET 0) so every use below reads the same draw.
             SELECT v.id, v.campaign_id, q.key, q.section_key, q.type, q.max_points, q.pass_rate,
                    random() AS r, random() AS r2, q.allow_na AND random() < $8 AS na
               FROM visit_reports v
              CROSS JOIN unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::boolean[], $7::float8[])
                    AS q(key, section_key, type, max_points, allow_na, pass_rate)
              WHERE v.campaign_id = $1
              -- Stored as submissions store them: a visit's answers side by side, visits in time order.
              ORDER BY v.visited_at, v.id, q.key
             OFFSET 0
           ) x
       ) s`,
    [
      campaignId,
      questions.map((q) => q.key),
      questions.map((q) => q.section),
      questions.map((q) => q.type),
      questions.map((q) => q.max),
      questions.map((q) => q.allowNa),
      questions.map((q) => q.passRate),
      0.05,
      PHRASES,
    ],
  );
  const answers = input.visits * questions.length; // one row per question of every visit, by construction

  // Stored scores, as the submission would have computed them (docs/domain.md §4), from the answers.
  const weights = input.definition.sections.map((section) => section.weight);
  await step(
    'visit_section_scores',
    `INSERT INTO visit_section_scores (visit_report_id, section_key, score, earned, possible, weight, knocked_out)
     SELECT va.visit_report_id, va.section_key,
            CASE WHEN sum(va.possible) > 0 THEN 100 * sum(va.earned) / sum(va.possible) END,
            COALESCE(sum(va.earned), 0), COALESCE(sum(va.possible), 0), w.weight, false
       FROM visit_answers va
       JOIN unnest($2::text[], $3::float8[]) AS w(section_key, weight) ON w.section_key = va.section_key
      WHERE va.campaign_id = $1
      GROUP BY va.visit_report_id, va.section_key, w.weight`,
    [campaignId, input.definition.sections.map((s) => s.key), weights],
  );
  await step(
    'visit_dimension_scores',
    `INSERT INTO visit_dimension_scores (visit_report_id, dimension, score, earned, possible)
     SELECT va.visit_report_id, d.dimension, 100 * sum(va.earned) / sum(va.possible), sum(va.earned), sum(va.possible)
       FROM visit_answers va
       JOIN unnest($2::text[], $3::text[]) AS d(question_key, dimension) ON d.question_key = va.question_key
      WHERE va.campaign_id = $1 AND va.counted
      GROUP BY va.visit_report_id, d.dimension
     HAVING sum(va.possible) > 0`,
    [
      campaignId,
      questions.filter((q) => q.dimension && q.max > 0).map((q) => q.key),
      questions.filter((q) => q.dimension && q.max > 0).map((q) => q.dimension),
    ],
  );
  // The UPDATE below joins three row sets of this campaign: planned on statistics that predate them, it
  // nests loops over tens of thousands of rows (minutes); fresh statistics keep it a hash join.
  await runner.query(`ANALYZE visit_reports, visit_answers, visit_section_scores`);
  const critical = input.definition.sections.flatMap((s) => s.questions).find((q) => q.critical)!.key;
  const fcr = input.definition.sections.flatMap((s) => s.questions).find((q) => q.kpi === 'fcr')!.key;
  await step(
    'visit scores (UPDATE)',
    `UPDATE visit_reports vr
        SET score = CASE WHEN k.failed THEN 0 ELSE s.score END, knockout = k.failed, fcr = f.passed
       FROM (SELECT ss.visit_report_id, sum(ss.score * ss.weight) / NULLIF(sum(ss.weight) FILTER (WHERE ss.score IS NOT NULL), 0) AS score
               FROM visit_section_scores ss JOIN visit_reports r ON r.id = ss.visit_report_id AND r.campaign_id = $1
              GROUP BY ss.visit_report_id) s,
            (SELECT visit_report_id, COALESCE(counted AND NOT passed, false) AS failed FROM visit_answers WHERE campaign_id = $1 AND question_key = $2) k,
            (SELECT visit_report_id, passed FROM visit_answers WHERE campaign_id = $1 AND question_key = $3) f
      WHERE vr.id = s.visit_report_id AND vr.id = k.visit_report_id AND vr.id = f.visit_report_id`,
    [campaignId, critical, fcr],
  );
  return answers;
}
