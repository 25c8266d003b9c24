import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../common/auth/auth-user';
import { CurrentUser, Roles } from '../common/auth/decorators';
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
  @ApiOperation({
    summary: 'Submit the visit report (the assigned shopper)',
    description:
      'Safe to retry with the same Idempotency-Key: the same key and body give the same answer; the same key with ' +
      'another body is 409. Answers that do not fit the questionnaire are a 422 listing every problem.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A unique value per report (e.g. a UUID made on the phone)' })
  @ApiCreatedResponse({ type: SubmissionView })
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: SubmitReportDto,
  ): Promise<SubmissionView> {
    return this.submissions.submit(user, id, idempotencyKey, dto);
  }
}
