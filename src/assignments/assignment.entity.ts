import { User } from '../users/user.entity';
import { Touchpoint } from '../clients/touchpoint.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AssignmentStatus } from './domain/assignment-state';

@Entity('assignments')
@Index(['campaignId', 'status'])
@Index(['shopperId', 'status'])
@Index(['status', 'windowEnd'])
export class Assignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'campaign_id' }) campaign?: Campaign;
  @Column({ type: 'uuid' }) touchpointId: string;
  @ManyToOne(() => Touchpoint, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'touchpoint_id' }) touchpoint?: Touchpoint;
  @Column({ type: 'varchar', length: 100, nullable: true }) scenarioKey: string | null;
  @Column({ type: 'uuid', nullable: true }) shopperId: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'shopper_id' }) shopper?: User;
  @Column({ type: 'timestamptz' }) windowStart: Date;
  @Column({ type: 'timestamptz' }) windowEnd: Date;
  @Column({ type: 'timestamptz' }) plannedAt: Date;
  @Column({ type: 'numeric', precision: 10, scale: 2, default: 0 }) fee: string;
  @Column({ type: 'varchar', length: 20 }) status: AssignmentStatus;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
