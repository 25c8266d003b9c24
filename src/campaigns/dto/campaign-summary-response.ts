import { ApiProperty } from '@nestjs/swagger';
import { CampaignView } from './campaign.dto';

/** The headline figures of a campaign in a list: approved visits only, for every role. */
export class CampaignSummaryView {
  @ApiProperty({ description: 'Approved visits' }) approvedVisits: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean score (0–100) of the approved visits; null when none has a score' })
  overall: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The same for the previous wave; null without one or its scores' })
  previousOverall: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'overall − previousOverall in points; null when either is missing (its significance is in GET /campaigns/{id}/kpis)',
  })
  change: number | null;
}

export class CampaignListItemView extends CampaignView {
  @ApiProperty({ type: CampaignSummaryView }) summary: CampaignSummaryView;
}
