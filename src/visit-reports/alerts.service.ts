import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertView } from './dto/report.dto';
import { ListAlertsQuery } from './dto/review.dto';
import { pageOf } from '../common/http/paging';

/** Alerts raised by failed critical questions and knockouts, newest first (consultants). */
@Injectable()
export class AlertsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListAlertsQuery): Promise<AlertView[]> {
    const { limit, offset } = pageOf(query);
    const params: unknown[] = [];
    const where = query.campaignId ? `WHERE al.campaign_id = $${params.push(query.campaignId)}` : '';
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        visit_report_id: string;
        campaign_id: string;
        question_key: string | null;
        kind: string;
        reason: string;
        created_at: Date;
        tp_id: string;
        tp_name: string;
        tp_channel: AlertView['touchpoint']['channel'];
        tp_region: string;
      }>
    >(
      `SELECT al.id, al.visit_report_id, al.campaign_id, al.question_key, al.kind, al.reason, al.created_at,
              t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel, t.region AS tp_region
         FROM alerts al JOIN touchpoints t ON t.id = al.touchpoint_id
        ${where}
        ORDER BY al.created_at DESC, al.kind, al.question_key NULLS LAST, al.id
        LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      visitReportId: row.visit_report_id,
      campaignId: row.campaign_id,
      touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region },
      questionKey: row.question_key,
      kind: row.kind,
      reason: row.reason,
      createdAt: row.created_at,
    }));
  }
}
