import { Body, Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { streamingResponse } from '../common/http/raw-response';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { ApiFileResponse, Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { attachmentHeaders, XLSX_CONTENT_TYPE } from '../exports/format';
import { PayableView, PayoutDto, PayoutView, PeriodQuery, StatementView } from './dto/fees.dto';
import { FeesService } from './fees.service';
import { CSV_CONTENT_TYPE, payablesCsv, writePayablesWorkbook } from './payables-files';

/** payables-2026-11-01-2026-11-30.xlsx: the dates are validated digits, so ASCII-only. */
const fileName = (period: { from: string; to: string }, extension: string) => {
  const name = `payables-${period.from}-${period.to}.${extension}`;
  return { ascii: name, utf8: name };
};

const MONEY =
  'Amounts are integer cents of the consultancy currency (CURRENCY); a fee is owed from the approval of its report and reversed if the report is reopened.';

@ApiTags('fees')
@ApiBearerAuth()
@Controller()
export class FeesController {
  constructor(
    private readonly fees: FeesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('shoppers/:id/statement')
  @Roles('admin', 'consultant', 'shopper')
  @Endpoint({
    operationId: 'getShopperStatement',
    summary: 'A shopper’s fees for a period: the shopper itself (another shopper’s is 404) or staff',
    description: MONEY,
    errors: [400, 403, 404, 422],
  })
  @ApiOkResponse({ type: StatementView })
  statement(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: PeriodQuery): Promise<StatementView> {
    return this.fees.statement(user, id, query);
  }

  @Get('payables')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'listPayables',
    summary: 'What the consultancy owes each shopper for a period, paid and unpaid',
    description: MONEY,
    errors: [400, 403, 422],
  })
  @ApiOkResponse({ type: [PayableView] })
  payables(@Query() query: PeriodQuery): Promise<PayableView[]> {
    return this.fees.payables(query);
  }

  @Get('payables.xlsx')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'downloadPayablesXlsx',
    summary: 'The payables of a period as an Excel workbook (streamed)',
    errors: [400, 403, 422],
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, 'The workbook, as an attachment')
  async payablesXlsx(@Query() query: PeriodQuery, @Res() response: FastifyReply): Promise<void> {
    const period = this.fees.periodOf(query);
    const rows = await this.fees.payables(period);
    const out = streamingResponse(response, attachmentHeaders(XLSX_CONTENT_TYPE, fileName(period, 'xlsx')));
    await writePayablesWorkbook(out, rows, this.config.currency, period);
  }

  @Get('payables.csv')
  @Roles('admin', 'consultant')
  @Endpoint({ operationId: 'downloadPayablesCsv', summary: 'The payables of a period as CSV (formula-safe text)', errors: [400, 403, 422] })
  @ApiFileResponse(CSV_CONTENT_TYPE, 'The CSV, as an attachment')
  async payablesCsv(@Query() query: PeriodQuery, @Res() response: FastifyReply): Promise<void> {
    const period = this.fees.periodOf(query);
    const body = payablesCsv(await this.fees.payables(period), this.config.currency);
    void response
      .status(200)
      .headers(attachmentHeaders(CSV_CONTENT_TYPE, fileName(period, 'csv')))
      .send(body);
  }

  @Post('payouts')
  @HttpCode(201)
  @Roles('admin')
  @Endpoint({
    operationId: 'createPayout',
    summary: 'Mark every unpaid fee of a period paid, as one payout batch (admins); a fee is never paid twice',
    description: 'Nothing left to pay in the period (e.g. a concurrent payout took it) is a 409 NOTHING_TO_PAY. Audited.',
    errors: [400, 403, 409, 422],
  })
  @ApiCreatedResponse({ type: PayoutView })
  pay(@CurrentUser() user: AuthUser, @Body() dto: PayoutDto): Promise<PayoutView> {
    return this.fees.pay(user, dto);
  }
}
