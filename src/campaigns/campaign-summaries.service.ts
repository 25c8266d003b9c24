import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countedStatuses } from '../kpis/visit-scope';
import { CampaignSummaryView } from './dto/campaign-summary-response';

interface SummaryRow {
  id: string;
  approved_visits: string;
  overall: number | null;
  previous_overall: number | null;
}

/**
 * The figures of the campaign list (approved visits, mean score, the previous wave's, the change), for a
 * page of campaigns in one query. The mean is the KPI model's overall without filters: avg(score) of
 * the approved visits, so the list and the dashboard show the same number.
 */
@Injectable()
export class CampaignSummariesService {
  constructor(private readonly dataSource: DataSource) {}

  async of(campaignIds: string[]): Promise<Map<string, CampaignSummaryView>> {
    if (!campaignIds.length) return new Map();
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT c.id, current.approved_visits, current.overall, previous.overall AS previous_overall
         FROM campaigns c
         CROSS JOIN LATERAL (
           SELECT count(*) AS approved_visits, avg(vr.score) AS overall
             FROM visit_reports vr WHERE vr.campaign_id = c.id AND vr.status = ANY($2::text[])) current
         LEFT JOIN LATERAL (
           SELECT avg(vr.score) AS overall
             FROM visit_reports vr WHERE vr.campaign_id = c.previous_campaign_id AND vr.status = ANY($2::text[])) previous
           ON c.previous_campaign_id IS NOT NULL
        WHERE c.id = ANY($1::uuid[])`,
      [campaignIds, countedStatuses(false)],
    );
    return new Map(
      rows.map((row) => {
        const overall = row.overall === null ? null : Number(row.overall);
        const previousOverall = row.previous_overall === null ? null : Number(row.previous_overall);
        const change = overall !== null && previousOverall !== null ? overall - previousOverall : null;
        return [row.id, { approvedVisits: Number(row.approved_visits), overall, previousOverall, change }];
      }),
    );
  }
}
