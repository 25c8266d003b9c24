import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AssignmentsService } from './assignments.service';
import { AssignDto, AssignmentView, ListAssignmentsQuery } from './dto/assignment.dto';

const uuid = new ParseUUIDPipe({ version: undefined });

@ApiTags('field work')
@ApiBearerAuth()
@Controller('assignments')
@Roles('admin', 'consultant', 'shopper')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Consultants: all assignments. Shoppers: their own; status=open is the job board.' })
  @ApiOkResponse({ type: [AssignmentView] })
  list(@CurrentUser() user: AuthUser, @Query() query: ListAssignmentsQuery): Promise<AssignmentView[]> {
    return this.assignments.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AssignmentView })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<AssignmentView> {
    return this.assignments.get(user, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('shopper')
  @ApiOperation({ summary: 'Take an open job from the board; 409 naming each broken rule' })
  @ApiOkResponse({ type: AssignmentView })
  claim(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<AssignmentView> {
    return this.assignments.claim(user, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOperation({ summary: 'Give an open job to a shopper; 409 naming each broken rule' })
  @ApiOkResponse({ type: AssignmentView })
  assign(@Param('id', uuid) id: string, @Body() dto: AssignDto): Promise<AssignmentView> {
    return this.assignments.assign(id, dto);
  }
}
