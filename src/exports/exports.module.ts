import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** GET /campaigns/:id/report.pdf and report.xlsx: the KPI model rendered for download. */
@Module({
  imports: [KpisModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
