import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadClientData } from '../common/access/access';
import { AuthUser, isStaff } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { pageOf } from '../common/http/paging';
import type { Channel } from '../questionnaires/domain/definition';
import { CampaignVisitsQuery, SortOrder, VisitSortKey } from './dto/campaign-visits-query.dto';
import { CampaignVisitsPage } from './dto/campaign-visits-response';
import { SqlParams, visitScope, visitScopeSql } from './visit-scope';

interface VisitRow {
  id: string;
  visited_at: Date;
  score: number | null;
  knockout: boolean;
  scenario_key: string | null;
  tp_id: string;
  tp_name: string;
  tp_channel: Channel;
  tp_region: string;
  tp_city: string | null;
  appeals: string;
  open_appeals: string;
}

/** ORDER BY per sort key; the direction comes from a fixed list, ties end on the id so pages never overlap. */
const ORDER_BY: Record<VisitSortKey, (direction: 'ASC' | 'DESC') => string> = {
  visitedAt: (d) => `vr.visited_at ${d}, vr.id ${d}`,
  score: (d) => `vr.score ${d} NULLS LAST, vr.visited_at DESC, vr.id`,
  touchpoint: (d) => `t.name ${d}, vr.visited_at DESC, vr.id`,
};

/**
 * The visits of a campaign behind its KPIs (GET /campaigns/:id/visits): exactly the visits the KPI
 * model counts for the same filters (visit-scope.ts), so client users see approved visits only. Nothing
 * about the shopper is read.
 */
@Injectable()
export class CampaignVisitsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, campaignId: string, query: CampaignVisitsQuery): Promise<CampaignVisitsPage> {
    const [campaign] = await this.dataSource.query<Array<{ client_id: string }>>(`SELECT client_id FROM campaigns WHERE id = $1`, [
      campaignId,
    ]);
    if (!campaign) throw notFound('Campaign');
    assertCanReadClientData(user, campaign.client_id, 'Campaign');

    const scope = visitScope(campaignId, query.toFilters(), isStaff(user));
    const { limit, offset } = pageOf(query);
    const direction = (query.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
    const orderBy = ORDER_BY[query.sort ?? 'visitedAt'](direction satisfies Uppercase<SortOrder>);

    const pageParams = new SqlParams();
    const page = visitScopeSql(scope, pageParams, { touchpoint: true, assignment: true });
    const countParams = new SqlParams();
    const count = visitScopeSql(scope, countParams);
    const [rows, [{ total }]] = (await Promise.all([
      this.dataSource.query(
        `SELECT vr.id, vr.visited_at, vr.score, vr.knockout, a.scenario_key,
                t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel, t.region AS tp_region, t.city AS tp_city,
                ap.appeals, ap.open_appeals
           FROM ${page.from}
           CROSS JOIN LATERAL (
             SELECT count(*) AS appeals, count(*) FILTER (WHERE status = 'open') AS open_appeals
               FROM appeals WHERE visit_report_id = vr.id) ap
          WHERE ${page.where}
          ORDER BY ${orderBy}
          LIMIT ${pageParams.add(limit)} OFFSET ${pageParams.add(offset)}`,
        pageParams.values,
      ),
      this.dataSource.query(`SELECT count(*) AS total FROM ${count.from} WHERE ${count.where}`, countParams.values),
    ])) as [VisitRow[], Array<{ total: string }>];

    return {
      items: rows.map((row) => ({
        id: row.id,
        visitedAt: row.visited_at,
        touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region, city: row.tp_city },
        scenario: row.scenario_key,
        score: row.score === null ? null : Number(row.score),
        knockout: row.knockout,
        appeals: { count: Number(row.appeals), open: Number(row.open_appeals) },
      })),
      total: Number(total),
    };
  }
}
