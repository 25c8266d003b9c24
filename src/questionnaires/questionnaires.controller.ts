import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import {
  ListQuestionnairesQuery,
  QuestionnaireBodyDto,
  QuestionnaireSummaryView,
  QuestionnaireView,
} from './dto/questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller('questionnaires')
@Roles('admin', 'consultant')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentUser() user: AuthUser, @Body() body: QuestionnaireBodyDto): Promise<QuestionnaireView> {
    return this.questionnaires.create(user, body);
  }

  @Get()
  list(@Query() query: ListQuestionnairesQuery): Promise<QuestionnaireSummaryView[]> {
    return this.questionnaires.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<QuestionnaireView> {
    return this.questionnaires.get(id);
  }

  @Put(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: QuestionnaireBodyDto): Promise<QuestionnaireView> {
    return this.questionnaires.update(id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@Param('id', ParseUUIDPipe) id: string): Promise<QuestionnaireView> {
    return this.questionnaires.publish(id);
  }

  /** A new draft version copied from a published one (same lineage, version + 1). */
  @Post(':id/versions')
  @HttpCode(201)
  createVersion(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<QuestionnaireView> {
    return this.questionnaires.createVersion(user, id);
  }
}
