// The fee ledger (docs/domain.md, Fees): a visit's fee becomes owed when its report is approved and is
// reversed when the report is reopened. Both are entries written in the transaction that moves the
// report, so the ledger and the report's status never disagree. Entries are never updated except to
// mark them paid (payout_id, set once).
import type { SqlRunner } from '../database/transactions';

/**
 * +fee for an approved report: the assignment's visit fee in cents plus the campaign's bonus for the
 * touchpoint's channel (integer cents of the consultancy currency).
 */
export async function recordFeeOwed(runner: SqlRunner, visitReportId: string): Promise<void> {
  await runner.query(
    `INSERT INTO fee_entries (visit_report_id, shopper_id, campaign_id, kind, amount_cents)
     SELECT vr.id, vr.shopper_id, vr.campaign_id, 'owed',
            round(a.fee * 100)::int + coalesce((c.channel_bonus_cents ->> t.channel)::int, 0)
       FROM visit_reports vr
       JOIN assignments a ON a.id = vr.assignment_id
       JOIN campaigns c ON c.id = vr.campaign_id
       JOIN touchpoints t ON t.id = vr.touchpoint_id
      WHERE vr.id = $1`,
    [visitReportId],
  );
}

/** −(what is still owed) for a reopened report: one reversal entry, nothing when nothing is owed. */
export async function reverseFee(runner: SqlRunner, visitReportId: string): Promise<void> {
  await runner.query(
    `INSERT INTO fee_entries (visit_report_id, shopper_id, campaign_id, kind, amount_cents)
     SELECT visit_report_id, shopper_id, campaign_id, 'reversal', -sum(amount_cents)::int
       FROM fee_entries WHERE visit_report_id = $1
      GROUP BY visit_report_id, shopper_id, campaign_id
     HAVING sum(amount_cents) <> 0`,
    [visitReportId],
  );
}
