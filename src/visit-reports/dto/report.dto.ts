import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnswerValue, Channel } from '../../questionnaires/domain/definition';
import type { EmployeeDescription, IntegritySignal, VisitReportStatus } from '../visit-report.entity';

export class ReportTouchpointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() channel: Channel;
  @ApiProperty() region: string;
  @ApiProperty({ nullable: true, type: String }) city: string | null;
}

export class SectionScoreView {
  @ApiProperty() key: string;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() earned: number;
  @ApiProperty() possible: number;
  @ApiProperty() weight: number;
  @ApiProperty() knockedOut: boolean;
}

export class DimensionScoreView {
  @ApiProperty() key: string;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() earned: number;
  @ApiProperty() possible: number;
}

export class AnswerView {
  @ApiProperty() questionKey: string;
  @ApiProperty() sectionKey: string;
  @ApiProperty({ nullable: true }) value: AnswerValue | null;
  @ApiProperty() na: boolean;
  @ApiProperty() applicable: boolean;
  @ApiProperty() counted: boolean;
  @ApiProperty({ nullable: true, type: Number }) earned: number | null;
  @ApiProperty({ nullable: true, type: Number }) possible: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) passed: boolean | null;
}

export class ShopperView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() email: string;
}

/** A visit report. Client users get it without any shopper identity or personal data. */
export class ReportView {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty() questionnaireId: string;
  @ApiProperty({ type: ReportTouchpointView }) touchpoint: ReportTouchpointView;
  @ApiProperty({ nullable: true, type: String }) scenarioKey: string | null;
  @ApiProperty({ enum: ['submitted', 'returned', 'approved'] }) status: VisitReportStatus;
  @ApiProperty() version: number;
  @ApiProperty() visitedAt: Date;
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) approvedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() knockout: boolean;
  @ApiProperty({ nullable: true, type: Number }) waitSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number }) responseSeconds: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) fcr: boolean | null;
  @ApiProperty({ nullable: true, type: String }) narrative: string | null;
  @ApiProperty({ type: [SectionScoreView] }) sections: SectionScoreView[];
  @ApiProperty({ type: [DimensionScoreView] }) dimensions: DimensionScoreView[];
  @ApiProperty({ type: [AnswerView] }) answers: AnswerView[];
  @ApiPropertyOptional({ description: 'Consultants and the shopper' }) shopperId?: string;
  @ApiPropertyOptional({ description: 'Consultants and the shopper' }) returnComment?: string | null;
  @ApiPropertyOptional({ description: 'Consultants and the shopper' }) expenses?: number;
  @ApiPropertyOptional({ type: ShopperView, description: 'Consultants only' }) shopper?: ShopperView;
  @ApiPropertyOptional({ description: 'Consultants only (personal data)' }) employee?: EmployeeDescription | null;
  @ApiPropertyOptional({ description: 'Consultants only' }) integritySignals?: IntegritySignal[];
}

export class ReportListItem {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: ReportTouchpointView }) touchpoint: ReportTouchpointView;
  @ApiProperty() shopperId: string;
  @ApiProperty() status: VisitReportStatus;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() knockout: boolean;
  @ApiProperty() visitedAt: Date;
  @ApiProperty() submittedAt: Date;
  @ApiProperty() integritySignals: IntegritySignal[];
}

export class AuditEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Who made the change' }) who: { id: string; name: string | null; role: string };
  @ApiProperty({ description: 'When' }) when: Date;
  @ApiProperty({ example: 'answers.greeting' }) field: string;
  @ApiProperty({ nullable: true, description: '{value} | {na:true} | null (blank)' }) old: unknown;
  @ApiProperty({ nullable: true }) new: unknown;
  @ApiProperty() reason: string;
}

export class AppealView {
  @ApiProperty() id: string;
  @ApiProperty() visitReportId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: ReportTouchpointView }) touchpoint: ReportTouchpointView;
  @ApiProperty({ nullable: true, type: String }) questionKey: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['open', 'upheld', 'overturned'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) resolutionComment: string | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class ResolvedAppealView extends AppealView {
  @ApiProperty({ description: 'The visit after the decision' }) report: { id: string; version: number; score: number | null; knockout: boolean };
}

export class AlertView {
  @ApiProperty() id: string;
  @ApiProperty() visitReportId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty() touchpoint: { id: string; name: string; channel: Channel; region: string };
  @ApiProperty({ nullable: true, type: String }) questionKey: string | null;
  @ApiProperty({ enum: ['critical_failed', 'knockout'] }) kind: string;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: Date;
}
