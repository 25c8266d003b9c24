import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { ListQuestionnairesQuery, QuestionnaireBodyDto, QuestionnaireSummaryView, QuestionnaireView } from './dto/questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

const DEFINITION_CHECKED =
  'The definition is checked as a whole: every problem (unknown type, channel or dimension, inconsistent points, a ' +
  'showIf pointing forward…) is listed in one 422.';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller('questionnaires')
@Roles('admin', 'consultant')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Post()
  @HttpCode(201)
  @Endpoint({
    operationId: 'createQuestionnaire',
    summary: 'Create a draft questionnaire (version 1 of a new lineage)',
    description: DEFINITION_CHECKED,
    errors: [400, 403, 422],
  })
  @ApiCreatedResponse({ type: QuestionnaireView })
  create(@CurrentUser() user: AuthUser, @Body() body: QuestionnaireBodyDto): Promise<QuestionnaireView> {
    return this.questionnaires.create(user, body);
  }

  @Get()
  @Endpoint({ operationId: 'listQuestionnaires', summary: 'Questionnaire versions, newest first', errors: [400, 403] })
  @ApiOkResponse({ type: [QuestionnaireSummaryView] })
  list(@Query() query: ListQuestionnairesQuery): Promise<QuestionnaireSummaryView[]> {
    return this.questionnaires.list(query);
  }

  @Get(':id')
  @Endpoint({ operationId: 'getQuestionnaire', summary: 'One questionnaire version with its full definition', errors: [400, 403, 404] })
  @ApiOkResponse({ type: QuestionnaireView })
  get(@UuidParam('id') id: string): Promise<QuestionnaireView> {
    return this.questionnaires.get(id);
  }

  @Put(':id')
  @Endpoint({
    operationId: 'updateQuestionnaire',
    summary: 'Replace the definition of a draft (a published version is 409)',
    description: DEFINITION_CHECKED,
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: QuestionnaireView })
  update(@UuidParam('id') id: string, @Body() body: QuestionnaireBodyDto): Promise<QuestionnaireView> {
    return this.questionnaires.update(id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Endpoint({
    operationId: 'publishQuestionnaire',
    summary: 'Publish a draft: it can then be used by campaigns and never changes again',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiOkResponse({ type: QuestionnaireView })
  publish(@UuidParam('id') id: string): Promise<QuestionnaireView> {
    return this.questionnaires.publish(id);
  }

  /** A new draft version copied from a published one (same lineage, version + 1). */
  @Post(':id/versions')
  @HttpCode(201)
  @Endpoint({
    operationId: 'createQuestionnaireVersion',
    summary: 'A new draft version copied from a published one (same lineage, version + 1)',
    errors: [400, 403, 404, 409],
  })
  @ApiCreatedResponse({ type: QuestionnaireView })
  createVersion(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<QuestionnaireView> {
    return this.questionnaires.createVersion(user, id);
  }
}
