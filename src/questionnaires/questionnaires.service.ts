import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { AuthUser } from '../common/auth/auth-user';
import { conflict, notFound, unprocessable } from '../common/errors/domain-error';
import { checkDefinition } from './domain/definition-checker';
import type { QuestionnaireDefinition } from './domain/definition';
import { normalizeDefinition, type QuestionnaireInput } from './domain/normalize';
import { ListQuestionnairesQuery, QuestionnaireBodyDto, QuestionnaireSummaryView, QuestionnaireView } from './dto/questionnaire.dto';
import { Questionnaire } from './questionnaire.entity';
import { pageOf } from '../common/http/paging';

export function toQuestionnaireView(questionnaire: Questionnaire): QuestionnaireView {
  const { id, lineageId, version, status, title, language, definition, createdBy, createdAt, publishedAt } = questionnaire;
  const themes = definition.themes !== undefined ? { themes: definition.themes } : {};
  return { id, lineageId, version, status, title, language, sections: definition.sections, ...themes, createdBy, createdAt, publishedAt };
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class QuestionnairesService {
  constructor(
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A new questionnaire: version 1 of a new lineage, as a draft. */
  async create(user: AuthUser, body: QuestionnaireBodyDto | QuestionnaireInput): Promise<QuestionnaireView> {
    const definition = this.validDefinition(body);
    const questionnaire = await this.questionnaires.save(
      this.questionnaires.create({
        lineageId: randomUUID(),
        version: 1,
        status: 'draft',
        title: definition.title,
        language: definition.language,
        definition,
        createdBy: user.id,
        publishedAt: null,
      }),
    );
    return toQuestionnaireView(questionnaire);
  }

  /** Replaces a draft's definition; a published version is frozen (409). */
  async update(id: string, body: QuestionnaireBodyDto): Promise<QuestionnaireView> {
    const current = await this.findById(id);
    if (current.status !== 'draft') throw this.frozen(current);
    const definition = this.validDefinition(body);
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE questionnaires SET title = $2, language = $3, definition = $4
         WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id, definition.title, definition.language, JSON.stringify(definition)],
    );
    // Published between our read and the write.
    if (!updatedRowCount(rows)) throw this.frozen(current);
    return toQuestionnaireView(await this.findById(id));
  }

  /** Freezes a draft so campaigns can use it. */
  async publish(id: string): Promise<QuestionnaireView> {
    const current = await this.findById(id);
    if (current.status !== 'draft') throw conflict(`Version ${current.version} of this questionnaire is already published`);
    // Saved drafts were checked, but the rules may have grown since: never publish an inconsistent one.
    const problems = checkDefinition(current.definition);
    if (problems.length) throw unprocessable('The questionnaire definition is not consistent', problems);
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE questionnaires SET status = 'published', published_at = now() WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id],
    );
    if (!updatedRowCount(rows)) throw conflict(`Version ${current.version} of this questionnaire is already published`);
    return toQuestionnaireView(await this.findById(id));
  }

  /**
   * "Editing a published questionnaire makes a new draft version": copies a published version into a
   * draft numbered one past the lineage's latest. One draft per lineage at a time (409 otherwise).
   */
  async createVersion(user: AuthUser, id: string): Promise<QuestionnaireView> {
    const source = await this.findById(id);
    if (source.status !== 'published') {
      throw conflict(`Version ${source.version} is still a draft: edit it with PUT /questionnaires/${source.id}`);
    }
    const draft = await this.questionnaires.findOneBy({ lineageId: source.lineageId, status: 'draft' });
    if (draft) {
      throw conflict(`Version ${draft.version} of this questionnaire is already a draft (${draft.id}); edit or publish it first`);
    }
    let inserted: Array<{ id: string }>;
    try {
      inserted = await this.dataSource.query(
        `INSERT INTO questionnaires (lineage_id, version, status, title, language, definition, created_by)
         SELECT $1, max(version) + 1, 'draft', $2, $3, $4, $5 FROM questionnaires WHERE lineage_id = $1
         RETURNING id`,
        [source.lineageId, source.title, source.language, JSON.stringify(source.definition), user.id],
      );
    } catch (error) {
      // Two editors made the next version at the same moment: the unique (lineage, version) lets one win.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw conflict('Another new version of this questionnaire was just created; edit that draft');
      }
      throw error;
    }
    return toQuestionnaireView(await this.findById(inserted[0].id));
  }

  async get(id: string): Promise<QuestionnaireView> {
    return toQuestionnaireView(await this.findById(id));
  }

  /** Every version, the most recently changed lineage first and newest version first within it; counts come from SQL. */
  async list(query: ListQuestionnairesQuery): Promise<QuestionnaireSummaryView[]> {
    const { limit, offset } = pageOf(query);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (query.status) where('q.status = ?', query.status);
    if (query.language) where('q.language = ?', query.language);
    if (query.lineageId) where('q.lineage_id = ?', query.lineageId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT q.id, q.lineage_id, q.version, q.status, q.title, q.language, q.created_at, q.published_at,
              jsonb_array_length(q.definition->'sections') AS section_count,
              (SELECT count(*) FROM jsonb_array_elements(q.definition->'sections') s,
                                    jsonb_array_elements(s->'questions') qq)::int AS question_count
         FROM questionnaires q
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY max(q.created_at) OVER (PARTITION BY q.lineage_id) DESC, q.lineage_id, q.version DESC
        LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id as string,
      lineageId: row.lineage_id as string,
      version: row.version as number,
      status: row.status as string,
      title: row.title as string,
      language: row.language as string,
      sectionCount: Number(row.section_count),
      questionCount: Number(row.question_count),
      createdAt: row.created_at as Date,
      publishedAt: (row.published_at as Date | null) ?? null,
    }));
  }

  /** One version, or 404. Other modules (campaigns, field work) read questionnaires through this. */
  async findById(id: string): Promise<Questionnaire> {
    const questionnaire = await this.questionnaires.findOneBy({ id });
    if (!questionnaire) throw notFound('Questionnaire');
    return questionnaire;
  }

  /** Normalises the body and returns it, or a 422 listing every problem with its path. */
  private validDefinition(body: QuestionnaireBodyDto | QuestionnaireInput): QuestionnaireDefinition {
    // A plain-JSON copy: DTO instances carry undefined fields, which must not reach the stored definition.
    const input = JSON.parse(JSON.stringify(body)) as QuestionnaireInput;
    const definition = normalizeDefinition(input);
    const problems = checkDefinition(definition);
    if (problems.length) throw unprocessable('The questionnaire definition is not consistent', problems);
    return definition;
  }

  private frozen(questionnaire: Questionnaire) {
    return conflict(
      `Version ${questionnaire.version} of this questionnaire is published and cannot change; ` +
        `make a new version with POST /questionnaires/${questionnaire.id}/versions`,
    );
  }
}

/** pg answers an UPDATE … RETURNING through TypeORM as [rows, count]. */
function updatedRowCount(result: unknown[]): number {
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return result.length;
}
