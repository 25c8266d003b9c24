import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit-log';
import { assertCanReadShopperFees } from '../common/access/access';
import { AuthUser } from '../common/auth/auth-user';
import { notFound, ruleViolation, unprocessable } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { inTransaction } from '../database/transactions';
import { checkPeriod } from './domain/period';
import { DateTime } from 'luxon';
import { PayableView, PayoutDto, PayoutView, PeriodQuery, StatementItemView, StatementView } from './dto/fees.dto';

/** Entries whose time falls in the period's days, read in the platform time zone ($1 from, $2 to, $3 zone). */
const IN_PERIOD = `f.at >= ($1::date)::timestamp AT TIME ZONE $3 AND f.at < ($2::date + 1)::timestamp AT TIME ZONE $3`;

@Injectable()
export class FeesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The period asked for, defaulting to the current month up to today (platform time zone); 422 naming a bad bound. */
  periodOf(query: PeriodQuery): { from: string; to: string } {
    const today = DateTime.now().setZone(this.config.defaultTimeZone);
    const period = { from: query.from ?? today.startOf('month').toISODate()!, to: query.to ?? today.toISODate()! };
    const problems = checkPeriod(period.from, period.to);
    if (problems.length) throw unprocessable('The period is not valid', problems);
    return period;
  }

  /** A shopper's fee entries of the period (the shopper itself or staff; anyone else 404). */
  async statement(user: AuthUser, shopperId: string, query: PeriodQuery): Promise<StatementView> {
    assertCanReadShopperFees(user, shopperId);
    const period = this.periodOf(query);
    const [shopper] = await this.dataSource.query<unknown[]>(`SELECT id FROM users WHERE id = $1 AND role = 'shopper'`, [shopperId]);
    if (!shopper) throw notFound('Shopper');
    const items = await this.dataSource.query<StatementItemView[]>(
      `SELECT f.id, f.visit_report_id AS "visitReportId", f.campaign_id AS "campaignId", c.name AS "campaignName", f.kind,
              f.at AS "approvedAt", f.amount_cents AS "amountCents", f.payout_id AS "payoutId"
         FROM fee_entries f JOIN campaigns c ON c.id = f.campaign_id
        WHERE ${IN_PERIOD} AND f.shopper_id = $4
        ORDER BY f.at, f.id`,
      [period.from, period.to, this.config.defaultTimeZone, shopperId],
    );
    const totalCents = items.reduce((sum, item) => sum + item.amountCents, 0);
    const paidCents = items.filter((item) => item.payoutId).reduce((sum, item) => sum + item.amountCents, 0);
    return { shopperId, currency: this.config.currency, from: period.from, to: period.to, items, totalCents, paidCents };
  }

  /** What the consultancy owes each shopper for the period, paid and unpaid (aggregated in SQL). */
  async payables(query: PeriodQuery): Promise<PayableView[]> {
    const period = this.periodOf(query);
    const rows = await this.dataSource.query<Omit<PayableView, 'currency'>[]>(
      `SELECT f.shopper_id AS "shopperId", u.name,
              (count(*) FILTER (WHERE f.kind = 'owed') - count(*) FILTER (WHERE f.kind = 'reversal'))::int AS visits,
              sum(f.amount_cents)::int AS "totalCents",
              coalesce(sum(f.amount_cents) FILTER (WHERE f.payout_id IS NOT NULL), 0)::int AS "paidCents",
              coalesce(sum(f.amount_cents) FILTER (WHERE f.payout_id IS NULL), 0)::int AS "unpaidCents",
              bool_and(f.payout_id IS NOT NULL) AS paid
         FROM fee_entries f JOIN users u ON u.id = f.shopper_id
        WHERE ${IN_PERIOD}
        GROUP BY f.shopper_id, u.name
        ORDER BY u.name NULLS LAST, f.shopper_id`,
      [period.from, period.to, this.config.defaultTimeZone],
    );
    return rows.map((row) => ({ ...row, currency: this.config.currency }));
  }

  /**
   * Pays every unpaid fee entry of the period as one batch. An entry is taken by an UPDATE … WHERE
   * payout_id IS NULL: a concurrent payout of the same period waits on the row locks, then finds the
   * entries paid and takes none, so no fee is ever paid twice; a batch with nothing to pay is a 409 and
   * leaves no payout behind (its transaction rolls back).
   */
  async pay(user: AuthUser, dto: PayoutDto): Promise<PayoutView> {
    const period = this.periodOf(dto);
    return inTransaction(this.dataSource, async (runner) => {
      const [payout] = (await runner.query(
        `INSERT INTO payouts (period_from, period_to, currency, paid_by) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
        [period.from, period.to, this.config.currency, user.id],
      )) as Array<{ id: string; createdAt: Date }>;
      const [totals] = (await runner.query(
        `WITH paid AS (
           UPDATE fee_entries f SET payout_id = $4 WHERE f.payout_id IS NULL AND ${IN_PERIOD}
           RETURNING f.shopper_id, f.amount_cents)
         SELECT count(*)::int AS entries, count(DISTINCT shopper_id)::int AS shoppers, coalesce(sum(amount_cents), 0)::bigint AS total FROM paid`,
        [period.from, period.to, this.config.defaultTimeZone, payout.id],
      )) as Array<{ entries: number; shoppers: number; total: string }>;
      if (!totals.entries) {
        throw ruleViolation('NOTHING_TO_PAY', `No unpaid fee falls between ${period.from} and ${period.to}`, [
          { field: 'from', reason: 'no unpaid fee in the period (already paid, or none owed)' },
        ]);
      }
      const totalCents = Number(totals.total);
      await runner.query(`UPDATE payouts SET total_cents = $2, shoppers = $3 WHERE id = $1`, [payout.id, totalCents, totals.shoppers]);
      const batch = {
        from: period.from,
        to: period.to,
        currency: this.config.currency,
        totalCents,
        shoppers: totals.shoppers,
        entries: totals.entries,
      };
      await recordAudit(runner, { userId: user.id, action: 'pay', entity: 'payout', entityId: payout.id, before: null, after: batch });
      return { id: payout.id, ...batch, createdAt: payout.createdAt };
    });
  }
}
