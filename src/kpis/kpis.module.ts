import { Module } from '@nestjs/common';
import { CampaignVisitsController } from './campaign-visits.controller';
import { CampaignVisitsService } from './campaign-visits.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** GET /campaigns/:id/kpis and the KpiModel every report (JSON, PDF, Excel) is drawn from. */
@Module({
  controllers: [KpisController, CampaignVisitsController],
  providers: [KpisService, CampaignVisitsService],
  exports: [KpisService],
})
export class KpisModule {}
