import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/report.dto';
import { ListAlertsQuery } from './dto/review.dto';

@ApiTags('field work')
@ApiBearerAuth()
@Controller('alerts')
@Roles('consultant')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Endpoint({
    operationId: 'listAlerts',
    summary: 'Alerts raised by failed critical questions and knockouts, newest first',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [AlertView] })
  list(@Query() query: ListAlertsQuery): Promise<AlertView[]> {
    return this.alerts.list(query);
  }
}
