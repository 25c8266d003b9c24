import { MigrationInterface, QueryRunner } from 'typeorm';

/** The question types whose answers the KPI model tallies by value (kpis/domain/answer-distribution.ts). */
const DISTRIBUTED_TYPES_SQL = `'yes_no', 'single_choice', 'multi_choice', 'scale'`;

/**
 * The statement that adds (`sign` 1) or takes away (-1) the answers of `source` (a transition table of
 * visit_answers rows, or a query with the same columns) to the tallies of approved visits. Rows are
 * upserted in key order so that concurrent approvals touching the same tallies never deadlock.
 */
function tallyAnswersSql(source: string, sign: 1 | -1, reportCondition = `vr.status = 'approved'`): string {
  return `
    WITH answers AS (
      SELECT vr.campaign_id, vr.touchpoint_id, a.scenario_key, vr.questionnaire_id,
             va.question_key, va.earned, va.counted, va.passed, va.na, va.value
        FROM ${source} va
        JOIN visit_reports vr ON vr.id = va.visit_report_id AND ${reportCondition}
        JOIN assignments a ON a.id = vr.assignment_id
    ), distributed AS (
      SELECT qn.id AS questionnaire_id, q ->> 'key' AS question_key
        FROM questionnaires qn, jsonb_array_elements(qn.definition -> 'sections') s, jsonb_array_elements(s -> 'questions') q
       WHERE qn.id IN (SELECT DISTINCT questionnaire_id FROM answers) AND q ->> 'type' IN (${DISTRIBUTED_TYPES_SQL})
    )
    INSERT INTO answer_tallies AS t (campaign_id, touchpoint_id, scenario_key, question_key, earned, counted, passed, value, answered, n)
    SELECT x.campaign_id, x.touchpoint_id, x.scenario_key, x.question_key, x.earned, x.counted, x.passed,
           CASE WHEN NOT x.na AND d.question_key IS NOT NULL THEN x.value #>> '{}' END,
           COALESCE(x.counted OR (NOT x.na AND jsonb_typeof(x.value) <> 'null'), false),
           ${sign} * count(*)
      FROM answers x
      LEFT JOIN distributed d ON d.questionnaire_id = x.questionnaire_id AND d.question_key = x.question_key
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (campaign_id, touchpoint_id, scenario_key, question_key, earned, counted, passed, value, answered)
    DO UPDATE SET n = t.n + excluded.n`;
}

/**
 * Per-campaign answer tallies of approved visits, kept by triggers: the answer distributions and
 * question compliance of a full-wave KPI report (the common case, and every PDF and Excel download)
 * sum a few thousand tally rows instead of reading every answer of the wave. Keyed by touchpoint and
 * scenario so the channel, region, touchpoint and scenario filters still apply; a date-filtered report
 * and the submitted visits a consultant previews are counted from visit_answers (kpi-queries.ts).
 *
 * Triggers rather than application code, so every path that changes answers or approves a visit
 * (submission, review, reviewer edits, appeal overturns, bulk loads) keeps the tallies right.
 */
export class AnswerTallies1795600000000 implements MigrationInterface {
  name = 'AnswerTallies1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE answer_tallies (
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        touchpoint_id uuid NOT NULL,
        scenario_key varchar(100),
        question_key varchar(100) NOT NULL,
        earned double precision,
        counted boolean NOT NULL,
        passed boolean,
        value text,
        answered boolean NOT NULL,
        n bigint NOT NULL,
        CONSTRAINT answer_tallies_key UNIQUE NULLS NOT DISTINCT
          (campaign_id, touchpoint_id, scenario_key, question_key, earned, counted, passed, value, answered)
      )`);

    // The approved visits already stored.
    await queryRunner.query(tallyAnswersSql('visit_answers', 1));

    // Answers are written and removed a whole visit at a time (score-writer.ts), never updated in place;
    // the UPDATE trigger is there so that a manual fix cannot leave the tallies behind.
    await queryRunner.query(`
      CREATE FUNCTION answer_tallies_on_answers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          ${tallyAnswersSql('old_answers', -1)};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${tallyAnswersSql('new_answers', 1)};
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER answer_tallies_insert AFTER INSERT ON visit_answers
        REFERENCING NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_on_answers()`);
    await queryRunner.query(`
      CREATE TRIGGER answer_tallies_delete AFTER DELETE ON visit_answers
        REFERENCING OLD TABLE AS old_answers FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_on_answers()`);
    await queryRunner.query(`
      CREATE TRIGGER answer_tallies_update AFTER UPDATE ON visit_answers
        REFERENCING OLD TABLE AS old_answers NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_on_answers()`);

    // A visit entering or leaving the approved state brings its answers into the tallies or takes them out.
    // A row trigger with a WHEN clause, so other updates of visit reports (bulk ones included) pay nothing.
    await queryRunner.query(`
      CREATE FUNCTION answer_tallies_on_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'approved' THEN
          ${tallyAnswersSql(`(SELECT * FROM visit_answers WHERE visit_report_id = NEW.id)`, 1, 'true')};
        ELSE
          ${tallyAnswersSql(`(SELECT * FROM visit_answers WHERE visit_report_id = NEW.id)`, -1, 'true')};
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER answer_tallies_status AFTER UPDATE OF status ON visit_reports FOR EACH ROW
        WHEN ((OLD.status = 'approved') IS DISTINCT FROM (NEW.status = 'approved'))
        EXECUTE FUNCTION answer_tallies_on_status()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER answer_tallies_status ON visit_reports`);
    await queryRunner.query(`DROP TRIGGER answer_tallies_update ON visit_answers`);
    await queryRunner.query(`DROP TRIGGER answer_tallies_delete ON visit_answers`);
    await queryRunner.query(`DROP TRIGGER answer_tallies_insert ON visit_answers`);
    await queryRunner.query(`DROP FUNCTION answer_tallies_on_status()`);
    await queryRunner.query(`DROP FUNCTION answer_tallies_on_answers()`);
    await queryRunner.query(`DROP TABLE answer_tallies`);
  }
}
