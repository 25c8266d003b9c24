// Which visits a figure counts (docs/domain.md §3, §5): one campaign; approved visits, plus submitted ones
// when staff preview unapproved work; the channel, region, touchpoint, scenario and date filters.
// The KPI model (kpi-queries.ts), the Excel rows (exports/excel/visit-rows.ts) and anything else that
// must count the same visits build their SQL here, so they cannot disagree.
import type { KpiFilters } from './kpi-model';

/** A SQL text being built with its positional parameters: every value is bound, only column names are pasted. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Binds a value and returns its placeholder ($1, $2, …). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type VisitFilters = Omit<KpiFilters, 'includeUnapproved'>;

/** Which visits a query covers: one campaign, the statuses counted, the user's filters. */
export interface VisitScope {
  campaignId: string;
  statuses: string[];
  filters: VisitFilters;
}

/** The status a visit waits in for review: counted only when staff preview unapproved work. */
const UNAPPROVED_STATUS = 'submitted';

/** Statuses counted: approved, plus submitted when unapproved visits are included. */
export function countedStatuses(includeUnapproved: boolean): string[] {
  return includeUnapproved ? ['approved', UNAPPROVED_STATUS] : ['approved'];
}

/**
 * The scope of a request. Clients see approved visits only, whatever they ask; staff may preview
 * submitted ones too. `includeUnapproved` is not a visit filter: it becomes the statuses.
 */
export function visitScope(campaignId: string, filters: KpiFilters, staff: boolean): VisitScope {
  const { includeUnapproved, ...visitFilters } = filters;
  return { campaignId, statuses: countedStatuses(staff && includeUnapproved === true), filters: visitFilters };
}

/** Whether the scope counts unapproved (submitted) visits. */
export function includesUnapproved(scope: VisitScope): boolean {
  return scope.statuses.includes(UNAPPROVED_STATUS);
}

/** The channel, region and touchpoint filters on a touchpoint id column (a semi-join on the touchpoints). */
export function touchpointConditions(column: string, filters: VisitFilters, params: SqlParams): string[] {
  const conditions: string[] = [];
  const touchpointWhere: string[] = [];
  if (filters.channel !== undefined) touchpointWhere.push(`tf.channel = ${params.add(filters.channel)}`);
  if (filters.region !== undefined) touchpointWhere.push(`tf.region = ${params.add(filters.region)}`);
  if (touchpointWhere.length > 0) conditions.push(`${column} IN (SELECT tf.id FROM touchpoints tf WHERE ${touchpointWhere.join(' AND ')})`);
  if (filters.touchpointId !== undefined) conditions.push(`${column} = ${params.add(filters.touchpointId)}`);
  return conditions;
}

/** Tables a caller wants joined to the visits besides the scope's own needs. */
export interface ScopeJoins {
  /** `t`: the visit's touchpoint. */
  touchpoint?: boolean;
  /** `a`: the visit's assignment (always joined when the scope filters on a scenario). */
  assignment?: boolean;
}

/**
 * The visits in scope over `visit_reports vr`: a FROM clause and a WHERE condition, their values bound
 * in `params` (campaign, statuses, channel, region, touchpoint, scenario, from, to: in that order).
 * Dates are whole UTC days, both ends inclusive; the scenario is the assignment's. Channel and region
 * filter through a semi-join on the touchpoints, so the planner narrows the visits before they meet
 * bigger tables; `joins` adds the touchpoint (`t`) or assignment (`a`) for the columns a caller reads.
 */
export function visitScopeSql(scope: VisitScope, params: SqlParams, joins: ScopeJoins = {}): { from: string; where: string } {
  const { filters } = scope;
  const where = [
    `vr.campaign_id = ${params.add(scope.campaignId)}`,
    `vr.status = ANY(${params.add(scope.statuses)}::text[])`,
    ...touchpointConditions('vr.touchpoint_id', filters, params),
  ];
  if (filters.scenario !== undefined) where.push(`a.scenario_key = ${params.add(filters.scenario)}`);
  // Inclusive calendar days in UTC: from 00:00 of `from` up to (not including) 00:00 after `to`.
  if (filters.from !== undefined) where.push(`vr.visited_at >= (${params.add(filters.from)}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to !== undefined) where.push(`vr.visited_at < (${params.add(filters.to)}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  const from = ['visit_reports vr'];
  if (joins.touchpoint === true) from.push('JOIN touchpoints t ON t.id = vr.touchpoint_id');
  if (joins.assignment === true || filters.scenario !== undefined) from.push('JOIN assignments a ON a.id = vr.assignment_id');
  return { from: from.join(' '), where: where.join(' AND ') };
}
