import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { CampaignVisitsService } from './campaign-visits.service';
import { CampaignVisitsQuery } from './dto/campaign-visits-query.dto';
import { CampaignVisitsPage } from './dto/campaign-visits-response';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('campaigns')
@Roles('admin', 'consultant', 'client')
export class CampaignVisitsController {
  constructor(private readonly visits: CampaignVisitsService) {}

  @Get(':id/visits')
  @Endpoint({
    operationId: 'listCampaignVisits',
    summary: 'The visits behind a campaign’s KPIs, paged and sorted, without shopper identity',
    description:
      'Takes the filters of GET /campaigns/{id}/kpis and counts the same visits: client users their own client’s ' +
      'campaigns and approved visits only (another client’s campaign is 404); consultants may add includeUnapproved=true. ' +
      'Shoppers: 403. An unknown sort key is a 400 naming sort.',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: CampaignVisitsPage })
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: CampaignVisitsQuery): Promise<CampaignVisitsPage> {
    return this.visits.list(user, id, query);
  }
}
