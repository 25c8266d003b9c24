import { Touchpoint } from '../clients/touchpoint.entity';
import { Questionnaire } from '../questionnaires/questionnaire.entity';
import { Client } from '../clients/client.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type CampaignStatus = 'draft' | 'active' | 'closed' | 'cancelled';

export interface Scenario {
  key: string;
  title: string;
  brief: string;
}

@Entity('campaigns')
@Index(['clientId'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) clientId: string;
  @ManyToOne(() => Client, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'client_id' }) client?: Client;
  @Column({ type: 'uuid' }) questionnaireId: string;
  @ManyToOne(() => Questionnaire, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'questionnaire_id' }) questionnaire?: Questionnaire;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'date' }) startsOn: string;
  @Column({ type: 'date' }) endsOn: string;
  @Column({ type: 'varchar', length: 20 }) status: CampaignStatus;
  @Column({ type: 'int' }) visitsPerTouchpoint: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) scenarios: Scenario[];
  /** Per-channel SLA target in seconds. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) slaSeconds: Record<string, number>;
  /** KPI targets: overall, fcr, or a dimension key → percentage. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) targets: Record<string, number>;
  @Column({ type: 'uuid', nullable: true }) previousCampaignId: string | null;
  @ManyToOne(() => Campaign, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'previous_campaign_id' }) previousCampaign?: Campaign;
  @Column({ type: 'varchar', length: 100 }) seed: string;
  /** Fee paid to the shopper per approved visit. */
  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 }) visitFee: string;
  /** Days after closing when employee descriptions and evidence are purged; null keeps them. */
  @Column({ type: 'int', nullable: true }) retentionDays: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) purgedAt: Date | null;
  /** Optimistic lock: every edit sends the version it read and bumps it. */
  @Column({ type: 'int', default: 1 }) version: number;
  /** Bonus per channel in integer cents, added to the visit fee when a visit on that channel is approved. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) channelBonusCents: Record<string, number>;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}

@Entity('campaign_touchpoints')
export class CampaignTouchpoint {
  @PrimaryColumn({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'campaign_id' }) campaign?: Campaign;
  @PrimaryColumn({ type: 'uuid' }) touchpointId: string;
  @ManyToOne(() => Touchpoint, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'touchpoint_id' }) touchpoint?: Touchpoint;
}
