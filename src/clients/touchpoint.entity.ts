import { Client } from './client.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '../questionnaires/domain/definition';
import type { OpeningHours } from './domain/opening-hours';

@Entity('touchpoints')
@Index(['clientId'])
export class Touchpoint {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) clientId: string;
  @ManyToOne(() => Client, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: Client;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 20 }) channel: Channel;
  @Column({ type: 'varchar', length: 120 }) region: string;
  @Column({ type: 'varchar', length: 120, nullable: true }) city: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) address: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) handle: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) url: string | null;
  @Column({ type: 'jsonb', nullable: true }) openingHours: OpeningHours | null;
  @Column({ type: 'varchar', length: 64 }) timeZone: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** Optimistic lock: every edit sends the version it read and bumps it. */
  @Column({ type: 'int', default: 1 }) version: number;
  /** false once retired: offered to no new campaign, its history kept. */
  @Column({ type: 'boolean', default: true }) active: boolean;
}
