import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Questionnaire } from '../questionnaires/questionnaire.entity';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AppealsController } from './appeals.controller';
import { AppealsService } from './appeals.service';
import { QuestionnaireDefinitions } from './questionnaire-definitions.service';
import { ReportViewsService } from './report-views.service';
import { ReviewService } from './review.service';
import { SubmissionController } from './submission.controller';
import { SubmissionService } from './submission.service';
import { VisitReportsController } from './visit-reports.controller';

/** Field work after the visit: submission (idempotent), review and audit, appeals, alerts. */
@Module({
  imports: [TypeOrmModule.forFeature([Questionnaire])],
  controllers: [SubmissionController, VisitReportsController, AppealsController, AlertsController],
  providers: [QuestionnaireDefinitions, SubmissionService, ReportViewsService, ReviewService, AppealsService, AlertsService],
  exports: [SubmissionService, ReviewService],
})
export class VisitReportsModule {}
