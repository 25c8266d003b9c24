import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { Endpoint } from '../common/http/api-docs';
import { UuidParam } from '../common/http/uuid-param';
import { SubmissionView, SubmitReportDto } from './dto/submission.dto';
import { SubmissionService } from './submission.service';

@ApiTags('field work')
@ApiBearerAuth()
@Controller('assignments')
export class SubmissionController {
  constructor(private readonly submissions: SubmissionService) {}

  @Post(':id/report')
  @HttpCode(201)
  @Roles('shopper')
  @Endpoint({
    operationId: 'submitVisitReport',
    summary: 'Submit the visit report (the assigned shopper)',
    description:
      'Safe to retry with the same Idempotency-Key: the same key and body give the same answer; the same key with ' +
      'another body is 409. Answers that do not fit the questionnaire are a 422 listing every problem.',
    errors: [400, 403, 404, 409, 422],
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A unique value per report (e.g. a UUID made on the phone)' })
  @ApiCreatedResponse({ type: SubmissionView })
  submit(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: SubmitReportDto,
  ): Promise<SubmissionView> {
    return this.submissions.submit(user, id, idempotencyKey, dto);
  }
}
