import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('clients')
export class Client {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** Optimistic lock: every edit sends the version it read and bumps it. */
  @Column({ type: 'int', default: 1 }) version: number;
  /** When archived: an archived client keeps its data, gets no new campaign, and is never deleted. */
  @Column({ type: 'timestamptz', nullable: true }) archivedAt: Date | null;
}
