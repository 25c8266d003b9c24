import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
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
  @ApiOperation({ summary: 'Alerts raised by failed critical questions and knockouts, newest first' })
  @ApiOkResponse({ type: [AlertView] })
  list(@Query() query: ListAlertsQuery): Promise<AlertView[]> {
    return this.alerts.list(query);
  }
}
