import { Module } from '@nestjs/common';
import { EvidenceStorage } from './evidence-storage';
import { AssignmentEvidenceUploadGuard, EvidenceUploadGuard } from './evidence-upload.guard';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';
import { RetentionPurge } from './retention-purge';

@Module({
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceStorage, EvidenceUploadGuard, AssignmentEvidenceUploadGuard, RetentionPurge],
})
export class EvidenceModule {}
