import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs (DOMAIN.md §5b): one client's waves across channels. A wave groups campaigns of the
 * program's client (any questionnaires, any channels) and may name the previous wave; an action-plan
 * item answers a wave's results and is measured in the next wave.
 */
export class Programs1795800000000 implements MigrationInterface {
  name = 'Programs1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
        name varchar(300) NOT NULL,
        measures jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX programs_client ON programs (client_id)`);
    await queryRunner.query(`
      CREATE TABLE program_waves (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
        name varchar(300) NOT NULL,
        previous_wave_id uuid REFERENCES program_waves (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX program_waves_program ON program_waves (program_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE program_wave_campaigns (
        wave_id uuid NOT NULL REFERENCES program_waves (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
        position integer NOT NULL,
        PRIMARY KEY (wave_id, campaign_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE program_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
        wave_id uuid NOT NULL REFERENCES program_waves (id) ON DELETE CASCADE,
        measure_key varchar(100) NOT NULL,
        channels text[] NOT NULL DEFAULT '{}',
        touchpoint_ids uuid[] NOT NULL DEFAULT '{}',
        owner varchar(200) NOT NULL,
        due_on date NOT NULL,
        state varchar(20) NOT NULL,
        note text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX program_actions_program ON program_actions (program_id, created_at)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_actions`);
    await queryRunner.query(`DROP TABLE program_wave_campaigns`);
    await queryRunner.query(`DROP TABLE program_waves`);
    await queryRunner.query(`DROP TABLE programs`);
  }
}
