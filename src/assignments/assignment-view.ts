// The SQL that reads assignments as API views, shared by the assignments and submission services.
import type { AssignmentView } from './dto/assignment.dto';

export const ASSIGNMENT_VIEW_COLUMNS = `
  a.id, a.campaign_id, a.status, a.shopper_id, a.window_start, a.window_end, a.planned_at, a.fee, a.scenario_key,
  c.questionnaire_id, (SELECT vr.id FROM visit_reports vr WHERE vr.assignment_id = a.id LIMIT 1) AS report_id,
  t.id AS tp_id, t.name AS tp_name, t.channel AS tp_channel, t.region AS tp_region, t.city AS tp_city,
  (SELECT s FROM jsonb_array_elements(c.scenarios) s WHERE s->>'key' = a.scenario_key LIMIT 1) AS scenario`;

export const ASSIGNMENT_VIEW_FROM = `
  FROM assignments a
  JOIN touchpoints t ON t.id = a.touchpoint_id
  JOIN campaigns c ON c.id = a.campaign_id`;

export interface AssignmentViewRow {
  id: string;
  campaign_id: string;
  status: AssignmentView['status'];
  shopper_id: string | null;
  window_start: Date;
  window_end: Date;
  planned_at: Date;
  fee: string;
  scenario_key: string | null;
  questionnaire_id: string;
  report_id: string | null;
  tp_id: string;
  tp_name: string;
  tp_channel: AssignmentView['touchpoint']['channel'];
  tp_region: string;
  tp_city: string | null;
  scenario: { key: string; title?: string; brief?: string } | null;
}

export function toAssignmentView(row: AssignmentViewRow): AssignmentView {
  const scenario = row.scenario
    ? { key: row.scenario.key, title: row.scenario.title ?? row.scenario.key, brief: row.scenario.brief ?? '' }
    : row.scenario_key
      ? { key: row.scenario_key, title: row.scenario_key, brief: '' }
      : null;
  return {
    id: row.id,
    campaignId: row.campaign_id,
    touchpoint: { id: row.tp_id, name: row.tp_name, channel: row.tp_channel, region: row.tp_region, city: row.tp_city },
    scenario,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    plannedAt: row.planned_at,
    status: row.status,
    shopperId: row.shopper_id,
    fee: Number(row.fee),
    questionnaireId: row.questionnaire_id,
    reportId: row.report_id,
  };
}
