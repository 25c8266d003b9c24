import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { CampaignsService } from './campaigns.service';
import { ActivatedCampaignView, CampaignView, CreateCampaignDto, ListCampaignsQuery } from './dto/campaign.dto';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'consultant')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, dto);
  }

  @Get()
  @Roles('admin', 'consultant', 'client')
  list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignsQuery): Promise<CampaignView[]> {
    return this.campaigns.list(user, query);
  }

  @Get(':id')
  @Roles('admin', 'consultant', 'client')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  /** Draft → active: creates visitsPerTouchpoint open assignments per touchpoint. */
  @Post(':id/activate')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  activate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ActivatedCampaignView> {
    return this.campaigns.activate(user, id);
  }

  /** Active → closed: no new visit reports. */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.close(user, id);
  }
}
