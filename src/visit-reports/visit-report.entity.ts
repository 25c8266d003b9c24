import { User } from '../users/user.entity';
import { Touchpoint } from '../clients/touchpoint.entity';
import { Questionnaire } from '../questionnaires/questionnaire.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Assignment } from '../assignments/assignment.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { AnswerValue } from '../questionnaires/domain/definition';

export type VisitReportStatus = 'submitted' | 'returned' | 'approved';

export interface IntegritySignal {
  kind:
    | 'outside_window'
    | 'outside_opening_hours'
    | 'duplicate_narrative'
    | 'duplicate_evidence'
    | 'outlier_shopper'
    // A photo taken long before or after the visit, or one that carries no capture time at all (src/evidence).
    | 'evidence_capture_time'
    | 'evidence_without_metadata';
  reason: string;
}

/** The employee who served the shopper: personal data, consultants only, purged after retention. */
export interface EmployeeDescription {
  name?: string;
  badge?: string;
  description?: string;
}

/** One shopper report per assignment; a resubmission after a return replaces its answers. */
@Entity('visit_reports')
@Index(['campaignId', 'status'])
@Index(['shopperId'])
@Index(['touchpointId'])
export class VisitReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) assignmentId: string;
  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'assignment_id' }) assignment?: Assignment;
  @Column({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'campaign_id' }) campaign?: Campaign;
  @Column({ type: 'uuid' }) touchpointId: string;
  @ManyToOne(() => Touchpoint, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'touchpoint_id' }) touchpoint?: Touchpoint;
  @Column({ type: 'uuid' }) shopperId: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'shopper_id' }) shopper?: User;
  @Column({ type: 'uuid' }) questionnaireId: string;
  @ManyToOne(() => Questionnaire, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'questionnaire_id' }) questionnaire?: Questionnaire;
  @Column({ type: 'varchar', length: 20 }) status: VisitReportStatus;
  @Column({ type: 'timestamptz' }) visitedAt: Date;
  @Column({ type: 'text', nullable: true }) narrative: string | null;
  /** sha256 of the normalised narrative (duplicate-narrative signal); null when too short to compare. */
  @Index('IDX_visit_reports_narrative_hash')
  @Column({ type: 'varchar', length: 64, nullable: true })
  narrativeHash: string | null;
  @Column({ type: 'jsonb', nullable: true }) employee: EmployeeDescription | null;
  /** Overall score 0..100, full precision; null when every section is N/A. */
  @Column({ type: 'double precision', nullable: true }) score: number | null;
  @Column({ type: 'boolean', default: false }) knockout: boolean;
  /** From the answer to the `kpi: wait_time` question, seconds. */
  @Column({ type: 'double precision', nullable: true }) waitSeconds: number | null;
  /** From the answer to the `kpi: response_time` question, seconds. */
  @Column({ type: 'double precision', nullable: true }) responseSeconds: number | null;
  /** Whether the `kpi: fcr` question passed; null when it did not count. */
  @Column({ type: 'boolean', nullable: true }) fcr: boolean | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) integritySignals: IntegritySignal[];
  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 }) expenses: string;
  @Column({ type: 'text', nullable: true }) returnComment: string | null;
  /** Optimistic-locking version, bumped by every write in the UPDATE itself. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) approvedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('visit_section_scores')
export class VisitSectionScore {
  @PrimaryColumn({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @PrimaryColumn({ type: 'varchar', length: 100 }) sectionKey: string;
  @Column({ type: 'double precision', nullable: true }) score: number | null;
  @Column({ type: 'double precision' }) earned: number;
  @Column({ type: 'double precision' }) possible: number;
  @Column({ type: 'double precision' }) weight: number;
  @Column({ type: 'boolean', default: false }) knockedOut: boolean;
}

@Entity('visit_dimension_scores')
export class VisitDimensionScore {
  @PrimaryColumn({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @PrimaryColumn({ type: 'varchar', length: 50 }) dimension: string;
  @Column({ type: 'double precision', nullable: true }) score: number | null;
  @Column({ type: 'double precision' }) earned: number;
  @Column({ type: 'double precision' }) possible: number;
}

/** One row per question of the visit's questionnaire, with the answer and its stored score. */
@Entity('visit_answers')
@Index(['campaignId', 'questionKey'])
export class VisitAnswer {
  @PrimaryColumn({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @PrimaryColumn({ type: 'varchar', length: 100 }) questionKey: string;
  /** Denormalised so campaign aggregations need no join to find their rows. */
  @Column({ type: 'uuid' }) campaignId: string;
  @Column({ type: 'varchar', length: 100 }) sectionKey: string;
  @Column({ type: 'jsonb', nullable: true }) value: AnswerValue | null;
  @Column({ type: 'boolean', default: false }) na: boolean;
  @Column({ type: 'boolean' }) applicable: boolean;
  @Column({ type: 'boolean' }) counted: boolean;
  @Column({ type: 'double precision', nullable: true }) earned: number | null;
  @Column({ type: 'double precision', nullable: true }) possible: number | null;
  @Column({ type: 'boolean', nullable: true }) passed: boolean | null;
}

/** Makes submissions safe to retry: one row per (shopper, Idempotency-Key), unique in the database. */
@Entity('idempotency_records')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'uuid' }) shopperId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'shopper_id' }) shopper?: User;
  @PrimaryColumn({ type: 'varchar', length: 200 }) key: string;
  @Column({ type: 'varchar', length: 64 }) requestHash: string;
  @Column({ type: 'uuid' }) assignmentId: string;
  @Column({ type: 'int' }) statusCode: number;
  @Column({ type: 'jsonb' }) responseBody: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('evidence_files')
@Index(['visitReportId'])
@Index(['sha256'])
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null for evidence uploaded to the assignment before its report exists. */
  @Column({ type: 'uuid', nullable: true }) visitReportId: string | null;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  // The evidence module's own columns (migration 1795700000000-AssignmentEvidence; src/evidence reads them in SQL).
  @Column({ type: 'uuid' }) assignmentId: string;
  @Column({ type: 'int' }) ordinal: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) shareableStoragePath: string | null;
  @Column({ type: 'bigint', nullable: true }) shareableSizeBytes: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) shareableSha256: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sanitizedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) capture: unknown;
  @Column({ type: 'varchar', length: 200, nullable: true }) idempotencyKey: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) requestHash: string | null;
  @Column({ type: 'varchar', length: 300 }) originalName: string;
  @Column({ type: 'varchar', length: 100 }) mimeType: string;
  @Column({ type: 'bigint' }) sizeBytes: string;
  @Column({ type: 'varchar', length: 64 }) sha256: string;
  /** Path relative to the data folder. */
  @Column({ type: 'varchar', length: 500 }) storagePath: string;
  @Column({ type: 'uuid' }) uploadedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) purgedAt: Date | null;
}

/** Audit trail: every change a reviewer, an appeal or a resubmission makes to a report. */
@Entity('report_edits')
@Index(['visitReportId'])
export class ReportEdit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @Column({ type: 'uuid' }) editedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) editedAt: Date;
  @Column({ type: 'varchar', length: 200 }) field: string;
  @Column({ type: 'jsonb', nullable: true }) oldValue: unknown;
  @Column({ type: 'jsonb', nullable: true }) newValue: unknown;
  @Column({ type: 'text' }) reason: string;
}

export type AppealStatus = 'open' | 'upheld' | 'overturned';

@Entity('appeals')
@Index(['visitReportId'])
export class Appeal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @Column({ type: 'uuid' }) clientId: string;
  @Column({ type: 'uuid' }) filedBy: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) questionKey: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'varchar', length: 20 }) status: AppealStatus;
  @Column({ type: 'text', nullable: true }) resolutionComment: string | null;
  @Column({ type: 'uuid', nullable: true }) resolvedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

export type AlertKind = 'critical_failed' | 'knockout';

@Entity('alerts')
@Index(['campaignId', 'createdAt'])
export class Alert {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) visitReportId: string;
  @ManyToOne(() => VisitReport, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'visit_report_id' }) visitReport?: VisitReport;
  @Column({ type: 'uuid' }) campaignId: string;
  @Column({ type: 'uuid' }) touchpointId: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) questionKey: string | null;
  @Column({ type: 'varchar', length: 30 }) kind: AlertKind;
  @Column({ type: 'text' }) reason: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
