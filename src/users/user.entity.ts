import { Client } from '../clients/client.entity';
import type { Channel } from '../questionnaires/domain/definition';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'consultant', 'shopper', 'client'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 320, unique: true }) email: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash: string;
  @Column({ type: 'varchar', length: 20 }) role: Role;
  @Column({ type: 'varchar', length: 200, nullable: true }) name: string | null;
  /** The one client a `client` user belongs to. */
  @Column({ type: 'uuid', nullable: true }) clientId: string | null;
  @ManyToOne(() => Client, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'client_id' }) client?: Client;
  /** Clients a shopper may never be sent to (they, family or friends work there). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) conflictClientIds: string[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** Optimistic lock: every edit sends the version it read and bumps it. */
  @Column({ type: 'int', default: 1 }) version: number;
  /** Shoppers: what they cover (the job board lists what fits first). */
  @Column({ type: 'jsonb', default: () => `'{"regions":[],"cities":[],"languages":[],"channels":[]}'` }) profile: ShopperProfile;
  /** Tokens issued before this stop working (a password change or reset), but the kept session's. */
  @Column({ type: 'timestamptz', nullable: true }) tokensValidAfter: Date | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) keptSessionId: string | null;
}

export interface ShopperProfile {
  regions: string[];
  cities: string[];
  /** Language codes (es, en, pt-BR…) the shopper can carry a visit in. */
  languages: string[];
  channels: Channel[];
}
