import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/http/paging';
import type { KpiFilters } from '../kpi-model';
import { KpiQueryDto } from './kpi-query.dto';

export const VISIT_SORT_KEYS = ['visitedAt', 'score', 'touchpoint'] as const;
export type VisitSortKey = (typeof VISIT_SORT_KEYS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** GET /campaigns/:id/visits: the KPI endpoint's filters (the same visits), a page and an order. */
export class CampaignVisitsQuery extends IntersectionType(KpiQueryDto, PageQuery) {
  @ApiPropertyOptional({ enum: VISIT_SORT_KEYS, default: 'visitedAt', description: 'touchpoint sorts by its name' })
  @IsOptional()
  @IsIn(VISIT_SORT_KEYS, { message: `sort must be one of: ${VISIT_SORT_KEYS.join(', ')}` })
  sort?: VisitSortKey;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: `order must be one of: ${SORT_ORDERS.join(', ')}` })
  order?: SortOrder;

  /** The KPI filters, read as GET /campaigns/:id/kpis reads them (IntersectionType copies fields, not methods). */
  override toFilters(): KpiFilters {
    return KpiQueryDto.prototype.toFilters.call(this);
  }
}
