import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { CampaignSummariesService } from './campaign-summaries.service';
import { CampaignsService } from './campaigns.service';
import {
  ActivatedCampaignView,
  CampaignView,
  CancelledCampaignView,
  CreateCampaignDto,
  ListCampaignsQuery,
  UpdateCampaignDto,
} from './dto/campaign.dto';
import { CampaignListItemView } from './dto/campaign-summary-response';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly summaries: CampaignSummariesService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'createCampaign',
    summary: 'Create a draft campaign (a wave) of a client with a published questionnaire',
    description: 'Rules across fields (period, touchpoints of the client, previous wave…) are a 422 listing every problem.',
    errors: [400, 403, 422],
  })
  @ApiCreatedResponse({ type: CampaignView })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, dto);
  }

  @Get()
  @Roles('admin', 'consultant', 'client')
  @Endpoint({
    operationId: 'listCampaigns',
    summary: 'Campaigns, newest first, each with its headline figures (client users: their own client’s)',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [CampaignListItemView] })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListCampaignsQuery): Promise<CampaignListItemView[]> {
    const campaigns = await this.campaigns.list(user, query);
    const summaries = await this.summaries.of(campaigns.map((campaign) => campaign.id));
    return campaigns.map((campaign) => ({ ...campaign, summary: summaries.get(campaign.id)! }));
  }

  @Get(':id')
  @Roles('admin', 'consultant', 'client')
  @Endpoint({ operationId: 'getCampaign', summary: 'One campaign (another client’s is 404 to a client user)', errors: [400, 403, 404] })
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'activateCampaign',
    summary: 'Draft → active: creates visitsPerTouchpoint open assignments per touchpoint',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: ActivatedCampaignView })
  activate(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<ActivatedCampaignView> {
    return this.campaigns.activate(user, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  @Endpoint({ operationId: 'closeCampaign', summary: 'Active → closed: no new visit reports', errors: [400, 403, 404, 409] })
  @ApiOkResponse({ type: CampaignView })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.campaigns.close(user, id);
  }

  @Patch(':id')
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'updateCampaign',
    summary: 'Edit a draft campaign in full, or extend an active one’s end date (endsOn only); send the version read',
    description:
      'A draft takes any create field and is validated like a new campaign (422 CAMPAIGN_INVALID naming each field, e.g. a retired touchpoint). ' +
      'An active campaign takes only a later endsOn (422 END_DATE_NOT_LATER otherwise); its jobs no shopper holds (open, or expired unclaimed) are re-planned by the scheduling rules from today to the new end. ' +
      'Other fields on an active campaign, or any edit of a closed or cancelled one, are a 409 NOT_DRAFT; a stale version a 409 STALE_VERSION. Audited.',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: CampaignView })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateCampaignDto): Promise<CampaignView> {
    return this.campaigns.update(user, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  @Endpoint({
    operationId: 'cancelCampaign',
    summary: 'Cancel a draft or active campaign: open and assigned jobs are cancelled, submitted and approved work is kept (audited)',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: CancelledCampaignView })
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CancelledCampaignView> {
    return this.campaigns.cancel(user, id);
  }
}
