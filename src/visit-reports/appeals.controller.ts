import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
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
  @ApiOperation({ summary: 'Consultants: all appeals; client users: their own client’s' })
  @ApiOkResponse({ type: [AppealView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAppealsQuery): Promise<AppealView[]> {
    return this.appeals.list(user, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOperation({ summary: 'Uphold, or overturn with corrected answers (audited, re-scored); 409 when already resolved' })
  @ApiOkResponse({ type: ResolvedAppealView })
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() dto: ResolveAppealDto,
  ): Promise<ResolvedAppealView> {
    return this.appeals.resolve(user, id, dto);
  }
}
