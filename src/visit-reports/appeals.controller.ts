import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { AppealsService } from './appeals.service';
import { AppealView, ResolvedAppealView } from './dto/report.dto';
import { ListAppealsQuery, ResolveAppealDto } from './dto/review.dto';

@ApiTags('field work')
@ApiBearerAuth()
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  @Roles('consultant', 'client')
  @Endpoint({
    operationId: 'listAppeals',
    summary: 'Appeals with their state and resolution, oldest first, optionally of one visit (client users: their own client’s)',
    description: 'Who resolved an appeal is not shown: the client sees the decision, its comment and when it was made.',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [AppealView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAppealsQuery): Promise<AppealView[]> {
    return this.appeals.list(user, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'resolveAppeal',
    summary: 'Uphold, or overturn with corrected answers (audited, re-scored); 409 when already resolved',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: ResolvedAppealView })
  resolve(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: ResolveAppealDto): Promise<ResolvedAppealView> {
    return this.appeals.resolve(user, id, dto);
  }
}
