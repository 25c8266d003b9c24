import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import type { QuestionnaireDefinition } from '../questionnaires/domain/definition';
import { Questionnaire } from '../questionnaires/questionnaire.entity';

/** Most questionnaires a process keeps in memory; far more than a consultancy runs at once. */
const CACHE_LIMIT = 500;

/**
 * Questionnaire definitions by version id. A published version is immutable (docs/domain.md §2), so it is
 * read once and kept: the submission path then needs no query for it.
 */
@Injectable()
export class QuestionnaireDefinitions {
  private readonly published = new Map<string, QuestionnaireDefinition>();

  constructor(@InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>) {}

  async get(id: string): Promise<QuestionnaireDefinition> {
    const cached = this.published.get(id);
    if (cached) return cached;
    const questionnaire = await this.questionnaires.findOne({ where: { id }, select: { id: true, status: true, definition: true } });
    if (!questionnaire) throw notFound('Questionnaire');
    if (questionnaire.status === 'published') {
      if (this.published.size >= CACHE_LIMIT) this.published.delete(this.published.keys().next().value as string);
      this.published.set(id, questionnaire.definition);
    }
    return questionnaire.definition;
  }
}
