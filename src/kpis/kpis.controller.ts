import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { KpiQueryDto } from './dto/kpi-query.dto';
import type { KpiModel } from './kpi-model';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@ApiBearerAuth()
@Controller('campaigns')
@Roles('admin', 'consultant', 'client')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get(':id/kpis')
  @ApiOperation({
    summary: 'The KPI model of a campaign (DOMAIN.md §5)',
    description:
      'Client users: their own client’s campaigns, approved visits only, no shopper data. ' +
      'Consultants may add includeUnapproved=true and also get the shopper calibration block.',
  })
  @ApiOkResponse({ description: 'The KPI model (see src/kpis/kpi-model.ts)' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: KpiQueryDto,
  ): Promise<KpiModel> {
    return this.kpis.buildModel(user, id, query.toFilters());
  }
}
