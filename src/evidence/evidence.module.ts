import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EvidenceStorage } from './evidence-storage';
import { AssignmentEvidenceUploadGuard, EvidenceUploadGuard } from './evidence-upload.guard';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        // A larger file is refused with 413 as soon as it passes the limit; one file, no other parts.
        limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 20 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceStorage, EvidenceUploadGuard, AssignmentEvidenceUploadGuard],
})
export class EvidenceModule {}
