import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { CopyTemplateDto, ListTemplatesQuery, QuestionnaireView, TemplateView } from './dto/questionnaire.dto';
import { QuestionnaireTemplatesService } from './questionnaire-templates.service';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller('questionnaire-templates')
@Roles('admin', 'consultant')
export class QuestionnaireTemplatesController {
  constructor(private readonly templates: QuestionnaireTemplatesService) {}

  @Get()
  @Endpoint({ operationId: 'listQuestionnaireTemplates', summary: 'The ready-made questionnaires, per channel family', errors: [400, 403] })
  @ApiOkResponse({ type: [TemplateView] })
  list(@Query() query: ListTemplatesQuery): TemplateView[] {
    return this.templates.list(query.language);
  }

  /** A new draft questionnaire (version 1 of a new lineage) from a ready template. */
  @Post(':key/copy')
  @HttpCode(201)
  @Endpoint({
    operationId: 'copyQuestionnaireTemplate',
    summary: 'A new draft questionnaire (version 1 of a new lineage) from a ready-made template',
    errors: [400, 403, 404],
  })
  @ApiCreatedResponse({ type: QuestionnaireView })
  copy(@CurrentUser() user: AuthUser, @Param('key') key: string, @Body() dto: CopyTemplateDto): Promise<QuestionnaireView> {
    return this.templates.copy(user, key, dto.language);
  }
}
