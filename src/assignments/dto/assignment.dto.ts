import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../domain/assignment-state';
import { CHANNELS, type Channel } from '../../questionnaires/domain/definition';
import { PageQuery } from '../../common/http/paging';

export class ListAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, description: 'Shoppers: status=open is the job board of open jobs' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;
}

export class AssignDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() shopperId: string;
}

export class AssignmentTouchpointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() region: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
}

export class ScenarioView {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() brief: string;
}

export class AssignmentView {
  @ApiProperty() id: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: AssignmentTouchpointView }) touchpoint: AssignmentTouchpointView;
  @ApiProperty({ type: ScenarioView, nullable: true }) scenario: ScenarioView | null;
  @ApiProperty() windowStart: Date;
  @ApiProperty({ description: 'Exclusive end of the window' }) windowEnd: Date;
  @ApiProperty() plannedAt: Date;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({ nullable: true, type: String }) shopperId: string | null;
  @ApiProperty({ description: 'Fee paid to the shopper once the visit is approved' }) fee: number;
  @ApiProperty({ format: 'uuid', description: "The campaign's questionnaire version: the visit form (GET /assignments/:id/questionnaire)" })
  questionnaireId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The visit report, once one was submitted (its return comment: GET /visit-reports/:id)',
  })
  reportId: string | null;
}
