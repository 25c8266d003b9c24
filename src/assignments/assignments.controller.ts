import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { QuestionnaireView } from '../questionnaires/dto/questionnaire.dto';
import { AssignmentsService } from './assignments.service';
import { AssignDto, AssignmentView, ListAssignmentsQuery } from './dto/assignment.dto';

@ApiTags('field work')
@ApiBearerAuth()
@Controller('assignments')
@Roles('admin', 'consultant', 'shopper')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @Endpoint({
    operationId: 'listAssignments',
    summary: 'Consultants: all assignments. Shoppers: their own; status=open is the job board.',
    errors: [400, 403],
  })
  @ApiOkResponse({ type: [AssignmentView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAssignmentsQuery): Promise<AssignmentView[]> {
    return this.assignments.list(user, query);
  }

  @Get(':id')
  @Endpoint({
    operationId: 'getAssignment',
    summary: 'One assignment (a shopper sees open jobs and their own)',
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: AssignmentView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AssignmentView> {
    return this.assignments.get(user, id);
  }

  @Get(':id/questionnaire')
  @Endpoint({
    operationId: 'getAssignmentQuestionnaire',
    summary: "The questionnaire of an assignment's campaign with its full definition: the visit form (whoever may read the assignment)",
    errors: [400, 403, 404],
  })
  @ApiOkResponse({ type: QuestionnaireView })
  questionnaire(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<QuestionnaireView> {
    return this.assignments.questionnaire(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('shopper')
  @Endpoint({
    operationId: 'claimAssignment',
    summary: 'Take an open job from the board; 409 naming each broken rule',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: AssignmentView })
  claim(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AssignmentView> {
    return this.assignments.claim(user, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'assignAssignment',
    summary: 'Give an open job to a shopper, or an assigned one to another shopper (reassign); 409 naming each broken rule; audited',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: AssignmentView })
  assign(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() dto: AssignDto): Promise<AssignmentView> {
    return this.assignments.assign(user, id, dto);
  }

  @Post(':id/unassign')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'unassignAssignment',
    summary: 'Take an assigned job back from its shopper: open again on the board (409 INVALID_TRANSITION otherwise); audited',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: AssignmentView })
  unassign(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AssignmentView> {
    return this.assignments.unassign(user, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('consultant')
  @Endpoint({
    operationId: 'cancelAssignment',
    summary: 'Cancel one job (open, assigned, submitted or returned; approved work is final: 409); audited',
    errors: [400, 403, 404, 409],
  })
  @ApiOkResponse({ type: AssignmentView })
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<AssignmentView> {
    return this.assignments.cancel(user, id);
  }
}
