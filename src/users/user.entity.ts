import { Client } from '../clients/client.entity';
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
}
