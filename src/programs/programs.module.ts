import { Module } from '@nestjs/common';
import { ProgramModelService } from './program-model.service';
import { ProgramReportsService } from './program-reports.service';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';

/** Programs: one client's waves across channels, their model, reports and action plan (docs/kpis.md §5b). */
@Module({
  controllers: [ProgramsController],
  providers: [ProgramsService, ProgramModelService, ProgramReportsService],
  exports: [ProgramsService, ProgramModelService],
})
export class ProgramsModule {}
