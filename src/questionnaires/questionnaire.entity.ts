import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, QuestionnaireDefinition } from './domain/definition';

export type QuestionnaireStatus = 'draft' | 'published';

/** One version of a questionnaire; versions of the same instrument share a lineage. */
@Entity('questionnaires')
@Index(['lineageId', 'version'], { unique: true })
export class Questionnaire {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) lineageId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'varchar', length: 20 }) status: QuestionnaireStatus;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 10 }) language: Language;
  /** The normalised definition; immutable once published. */
  @Column({ type: 'jsonb' }) definition: QuestionnaireDefinition;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
