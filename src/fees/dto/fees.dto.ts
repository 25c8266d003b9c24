import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An inclusive period of calendar dates in the platform time zone (TIME_ZONE); by default the current month to today. */
export class PeriodQuery {
  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'First day, YYYY-MM-DD (platform time zone); default the first of the current month',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day, inclusive, YYYY-MM-DD; default today' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

/** POST /payouts: the period is required (a payout names what it pays). */
export class PayoutDto {
  @ApiProperty({ example: '2026-11-01', description: 'First day, YYYY-MM-DD (platform time zone)' })
  @IsString()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;
  @ApiProperty({ example: '2026-11-30', description: 'Last day, inclusive, YYYY-MM-DD' })
  @IsString()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

export class StatementItemView {
  @ApiProperty() id: string;
  @ApiProperty() visitReportId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty() campaignName: string;
  @ApiProperty({ enum: ['owed', 'reversal'], description: 'owed when the report was approved; reversal when it was reopened' })
  kind: 'owed' | 'reversal';
  @ApiProperty({ description: 'When the fee became owed (approval) or was reversed (reopening)' }) approvedAt: Date;
  @ApiProperty({ description: 'Integer cents of the currency; negative for a reversal' }) amountCents: number;
  @ApiProperty({ nullable: true, type: String, description: 'The payout that paid it, if any' }) payoutId: string | null;
}

export class StatementView {
  @ApiProperty() shopperId: string;
  @ApiProperty({ example: 'EUR', description: 'ISO 4217 (CURRENCY)' }) currency: string;
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ type: [StatementItemView] }) items: StatementItemView[];
  @ApiProperty({ description: 'Sum of the items, in cents' }) totalCents: number;
  @ApiProperty({ description: 'Of which paid by payouts, in cents' }) paidCents: number;
}

export class PayableView {
  @ApiProperty() shopperId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ description: 'Visits whose fee is owed in the period, net of reversals' }) visits: number;
  @ApiProperty({ description: 'Net fees of the period, in cents' }) totalCents: number;
  @ApiProperty({ description: 'Of which already paid, in cents' }) paidCents: number;
  @ApiProperty({ description: 'Still to pay, in cents' }) unpaidCents: number;
  @ApiProperty({ description: 'Every fee entry of the period is paid' }) paid: boolean;
  @ApiProperty({ example: 'EUR' }) currency: string;
}

export class PayoutView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'Paid in this batch, in cents' }) totalCents: number;
  @ApiProperty({ description: 'Shoppers paid in this batch' }) shoppers: number;
  @ApiProperty({ description: 'Fee entries paid in this batch' }) entries: number;
  @ApiProperty() createdAt: Date;
}
