import { Module } from '@nestjs/common';
import { EvidenceStorage } from './evidence-storage';
import { AssignmentEvidenceUploadGuard, EvidenceUploadGuard } from './evidence-upload.guard';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

@Module({
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceStorage, EvidenceUploadGuard, AssignmentEvidenceUploadGuard],
})
export class EvidenceModule {}
