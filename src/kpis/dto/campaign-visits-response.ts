import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, type Channel } from '../../questionnaires/domain/definition';

export class VisitTouchpointView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() region: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
}

export class VisitAppealsView {
  @ApiProperty({ description: 'Appeals filed on the visit (on it as a whole or on one answer)' }) count: number;
  @ApiProperty({ description: 'Of those, the ones still waiting for a decision' }) open: number;
}

/** One visit of the list: where, when, the result; never who made it. */
export class CampaignVisitView {
  @ApiProperty({ format: 'uuid', description: 'The visit report: GET /visit-reports/{id}' }) id: string;
  @ApiProperty() visitedAt: Date;
  @ApiProperty({ type: VisitTouchpointView }) touchpoint: VisitTouchpointView;
  @ApiProperty({ type: String, nullable: true, description: 'The scenario key of the assignment' }) scenario: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '0–100; null when every section was N/A' }) score: number | null;
  @ApiProperty() knockout: boolean;
  @ApiProperty({ type: VisitAppealsView }) appeals: VisitAppealsView;
}

export class CampaignVisitsPage {
  @ApiProperty({ type: [CampaignVisitView] }) items: CampaignVisitView[];
  @ApiProperty({ description: 'Visits matching the filters, all pages together' }) total: number;
}
