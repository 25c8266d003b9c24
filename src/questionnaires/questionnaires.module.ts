import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnaireTemplatesController } from './questionnaire-templates.controller';
import { QuestionnaireTemplatesService } from './questionnaire-templates.service';
import { Questionnaire } from './questionnaire.entity';
import { QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

@Module({
  imports: [TypeOrmModule.forFeature([Questionnaire])],
  controllers: [QuestionnairesController, QuestionnaireTemplatesController],
  providers: [QuestionnairesService, QuestionnaireTemplatesService],
  exports: [QuestionnairesService, QuestionnaireTemplatesService],
})
export class QuestionnairesModule {}
