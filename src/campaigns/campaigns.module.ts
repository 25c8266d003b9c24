import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClientsModule } from '../clients/clients.module';
import { QuestionnairesModule } from '../questionnaires/questionnaires.module';
import { Campaign, CampaignTouchpoint } from './campaign.entity';
import { CampaignSummariesService } from './campaign-summaries.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign, CampaignTouchpoint]), ClientsModule, QuestionnairesModule],
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignSummariesService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
