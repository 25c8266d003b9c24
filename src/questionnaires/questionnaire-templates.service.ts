import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import type { Language } from './domain/definition';
import { QuestionnaireView, TemplateView } from './dto/questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';
import { findTemplate, QUESTIONNAIRE_TEMPLATES, type QuestionnaireTemplate } from './templates';

function toTemplateView(template: QuestionnaireTemplate): TemplateView {
  const { key, language, channels, title, description, definition } = template;
  return {
    key,
    language,
    channels: [...channels],
    title,
    description,
    sectionCount: definition.sections.length,
    questionCount: definition.sections.reduce((sum, section) => sum + section.questions.length, 0),
    definition,
  };
}

@Injectable()
export class QuestionnaireTemplatesService {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  list(language?: Language): TemplateView[] {
    return QUESTIONNAIRE_TEMPLATES.filter((template) => !language || template.language === language).map(toTemplateView);
  }

  async copy(user: AuthUser, key: string, language: Language): Promise<QuestionnaireView> {
    const template = findTemplate(key, language);
    if (!template) throw notFound(`Questionnaire template "${key}" in "${language}"`);
    return this.questionnaires.create(user, template.definition);
  }
}
