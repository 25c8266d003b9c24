import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CHANNELS, type AnswerValue, type Channel } from '../../questionnaires/domain/definition';
import type { EmployeeDescription, IntegritySignal, VisitReportStatus } from '../visit-report.entity';
import { APPEAL_STATUSES, REPORT_STATUSES } from './review.dto';

/** An answer value in a response: true/false, a number, a text, a list of option keys, or null (no answer). */
export const ANSWER_VALUE_SCHEMA = {
  oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string', nullable: true }, { type: 'array', items: { type: 'string' } }],
};

/** The kinds of IntegritySignal (visit-report.entity.ts), for the schema. */
const INTEGRITY_SIGNAL_KINDS: string[] = [
  'outside_window',
  'outside_opening_hours',
  'duplicate_narrative',
  'duplicate_evidence',
  'outlier_shopper',
  'evidence_capture_time',
  'evidence_without_metadata',
];

/** Why a report deserves a second look before approval (consultants only). */
export class IntegritySignalView implements IntegritySignal {
  @ApiProperty({ enum: INTEGRITY_SIGNAL_KINDS }) kind: IntegritySignal['kind'];
  @ApiProperty() reason: string;
}

/** The employee who served the shopper: personal data, consultants only. */
export class EmployeeView implements EmployeeDescription {
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() badge?: string;
  @ApiPropertyOptional() description?: string;
}

export class ReportTouchpointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
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
  @ApiProperty({ ...ANSWER_VALUE_SCHEMA, description: 'null when unanswered' }) value: AnswerValue | null;
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
  @ApiProperty({ enum: [...REPORT_STATUSES] }) status: VisitReportStatus;
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
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Consultants and the shopper' }) returnComment?: string | null;
  @ApiPropertyOptional({ description: 'Consultants and the shopper' }) expenses?: number;
  @ApiPropertyOptional({ type: ShopperView, description: 'Consultants only' }) shopper?: ShopperView;
  @ApiPropertyOptional({ type: EmployeeView, nullable: true, description: 'Consultants only (personal data)' })
  employee?: EmployeeDescription | null;
  @ApiPropertyOptional({ type: [IntegritySignalView], description: 'Consultants only' }) integritySignals?: IntegritySignal[];
}

export class ReportListItem {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: ReportTouchpointView }) touchpoint: ReportTouchpointView;
  @ApiProperty() shopperId: string;
  @ApiProperty({ enum: [...REPORT_STATUSES] }) status: VisitReportStatus;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() knockout: boolean;
  @ApiProperty() visitedAt: Date;
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ type: [IntegritySignalView] }) integritySignals: IntegritySignal[];
}

export class AuditAuthorView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() role: string;
}

/** An answer as the audit trail records it: {value}, {na: true}, or null when it was blank. */
export class AuditedAnswerView {
  @ApiPropertyOptional(ANSWER_VALUE_SCHEMA) value?: AnswerValue | null;
  @ApiPropertyOptional({ enum: [true] }) na?: true;
}

/** An audited value: an answer ({value} or {na: true}), a status name, or null (blank). */
const AUDITED_VALUE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(AuditedAnswerView) }, { type: 'string', nullable: true }],
};

@ApiExtraModels(AuditedAnswerView)
export class AuditEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ type: AuditAuthorView, description: 'Who made the change' }) who: AuditAuthorView;
  @ApiProperty({ description: 'When' }) when: Date;
  @ApiProperty({ example: 'answers.greeting' }) field: string;
  @ApiProperty({ ...AUDITED_VALUE_SCHEMA, description: 'Answers: {value} | {na: true} | null (blank); status: the status' }) old: unknown;
  @ApiProperty({ ...AUDITED_VALUE_SCHEMA, description: 'As old' }) new: unknown;
  @ApiProperty() reason: string;
}

export class AppealView {
  @ApiProperty() id: string;
  @ApiProperty() visitReportId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: ReportTouchpointView }) touchpoint: ReportTouchpointView;
  @ApiProperty({ nullable: true, type: String }) questionKey: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: [...APPEAL_STATUSES] }) status: string;
  @ApiProperty({ nullable: true, type: String }) resolutionComment: string | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class AppealedReportView {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() knockout: boolean;
}

export class ResolvedAppealView extends AppealView {
  @ApiProperty({ type: AppealedReportView, description: 'The visit after the decision' }) report: AppealedReportView;
}

export class AlertTouchpointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHANNELS }) channel: Channel;
  @ApiProperty() region: string;
}

export class AlertView {
  @ApiProperty() id: string;
  @ApiProperty() visitReportId: string;
  @ApiProperty() campaignId: string;
  @ApiProperty({ type: AlertTouchpointView }) touchpoint: AlertTouchpointView;
  @ApiProperty({ nullable: true, type: String }) questionKey: string | null;
  @ApiProperty({ enum: ['critical_failed', 'knockout'] }) kind: string;
  @ApiProperty() reason: string;
  @ApiProperty() createdAt: Date;
}
