// A campaign's retentionDays (docs/domain.md §4b): once it has been closed that long, the personal data
// its visits gathered goes: the employee descriptions and the evidence files, the stored objects included.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/transactions';
import { JobQueue } from '../jobs/job-queue';
import { EvidenceStorage } from './evidence-storage';

const PURGE_JOB = 'retention-purge';

@Injectable()
export class RetentionPurge implements OnModuleInit {
  private readonly logger = new Logger(RetentionPurge.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_JOB, schedule: '23 * * * *', handle: () => this.purge().then(() => undefined) });
  }

  /**
   * Purges every closed campaign whose retention ran out by `now`; returns their ids. Safe to run again
   * after a failure: the objects go first (a deleted object is no error), and a campaign is marked purged
   * only with its rows, in one transaction, so what failed is found again on the next run.
   */
  async purge(now = new Date()): Promise<string[]> {
    const due = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM campaigns
        WHERE status = 'closed' AND retention_days IS NOT NULL AND purged_at IS NULL
          AND closed_at + make_interval(days => retention_days) <= $1
        ORDER BY closed_at`,
      [now],
    );
    for (const { id } of due) await this.purgeCampaign(id);
    return due.map(({ id }) => id);
  }

  private async purgeCampaign(campaignId: string): Promise<void> {
    // Objects are stored by content, so one may also be another campaign's file: it stays while a live row elsewhere names it.
    const objects = await this.dataSource.query<Array<{ path: string }>>(
      `WITH mine AS (
         SELECT e.storage_path, e.shareable_storage_path FROM evidence_files e JOIN assignments a ON a.id = e.assignment_id
          WHERE a.campaign_id = $1
       ), paths AS (
         SELECT storage_path AS path FROM mine UNION SELECT shareable_storage_path FROM mine WHERE shareable_storage_path IS NOT NULL
       )
       SELECT p.path FROM paths p
        WHERE NOT EXISTS (SELECT 1 FROM evidence_files o JOIN assignments oa ON oa.id = o.assignment_id
                           WHERE oa.campaign_id <> $1 AND o.purged_at IS NULL
                             AND (o.storage_path = p.path OR o.shareable_storage_path = p.path))`,
      [campaignId],
    );
    for (const { path } of objects) await this.storage.delete(path);
    await inTransaction(this.dataSource, async (runner) => {
      await runner.query(
        `UPDATE evidence_files e SET purged_at = now()
           FROM assignments a WHERE a.id = e.assignment_id AND a.campaign_id = $1 AND e.purged_at IS NULL`,
        [campaignId],
      );
      await runner.query(`UPDATE visit_reports SET employee = NULL WHERE campaign_id = $1 AND employee IS NOT NULL`, [campaignId]);
      await runner.query(`UPDATE campaigns SET purged_at = now() WHERE id = $1`, [campaignId]);
    });
    this.logger.log(`Retention: purged campaign ${campaignId} (${objects.length} stored files deleted)`);
  }
}
