import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { KpiQueryDto } from './dto/kpi-query.dto';
import { KpiModel } from './kpi-model';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('campaigns')
@Roles('admin', 'consultant', 'client')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get(':id/kpis')
  @Endpoint({
    operationId: 'getCampaignKpis',
    summary: 'The KPI model of a campaign (docs/kpis.md §5)',
    description:
      'Client users: their own client’s campaigns, approved visits only, no shopper data (another client’s campaign ' +
      'is 404). Consultants may add includeUnapproved=true and also get the shopper calibration block. Shoppers: 403.',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: KpiModel })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: KpiQueryDto): Promise<KpiModel> {
    return this.kpis.buildModel(user, id, query.toFilters());
  }
}
