import { Module } from '@nestjs/common';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

/** GET /campaigns/:id/kpis and the KpiModel every report (JSON, PDF, Excel) is drawn from. */
@Module({
  controllers: [KpisController],
  providers: [KpisService],
  exports: [KpisService],
})
export class KpisModule {}
