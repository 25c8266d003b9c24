import { Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';
import { DiskStorage } from './disk-storage';
import { OBJECT_STORAGE, ObjectStorage } from './object-storage';
import { createS3Client, S3Storage } from './s3-storage';

/** The configured store: the data folder unless EVIDENCE_STORAGE names an S3 bucket. */
export function createObjectStorage(config: AppConfig): DiskStorage | S3Storage {
  const storage = config.evidenceStorage;
  return storage.kind === 's3' ? new S3Storage(createS3Client(storage), storage) : new DiskStorage(config.dataDir);
}

/** Throws a one-line Error when the store cannot be used now (no answer, no bucket, refused credentials, unwritable folder). */
export async function assertStorageReachable(storage: ObjectStorage, timeoutMs: number): Promise<void> {
  if (storage instanceof S3Storage) await storage.assertReachable(timeoutMs);
  else if (storage instanceof DiskStorage) await storage.assertReachable();
}

@Global()
@Module({
  providers: [{ provide: OBJECT_STORAGE, inject: [APP_CONFIG], useFactory: createObjectStorage }],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Storage');

  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  /** With S3, start-up stops here, before the server listens, when the bucket cannot be used: never half-working. */
  async onModuleInit(): Promise<void> {
    if (this.storage instanceof S3Storage) {
      try {
        await this.storage.assertReachable();
      } catch (error) {
        throw new ConfigError([`EVIDENCE_STORAGE=${this.storage.location}: ${(error as Error).message}`]);
      }
    }
    this.logger.log(`Evidence files are kept in ${this.storage.location}`);
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.close();
  }
}
