import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Endpoint } from '../common/http/api-docs';
import { OBJECT_STORAGE, ObjectStorage } from '../storage/object-storage';
import { assertStorageReachable } from '../storage/storage.module';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** 200 when the database and the evidence storage answer, 503 while either does not (load balancers take us out meanwhile). */
  @Get()
  @HealthCheck()
  @Endpoint({
    operationId: 'checkHealth',
    summary: 'Liveness, database and evidence storage check: 200 when both answer, 503 while either does not',
    // Every route parses a body when one is sent; a malformed one is refused before the check runs.
    errors: [400],
    public: true,
  })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 }), () => this.checkStorage()]);
  }

  /** Where evidence goes (never credentials), and whether it can be reached now. */
  private async checkStorage() {
    const indicator = this.indicators.check('storage');
    try {
      await assertStorageReachable(this.storage, 1500);
      return indicator.up({ location: this.storage.location });
    } catch (error) {
      return indicator.down({ location: this.storage.location, message: (error as Error).message });
    }
  }
}
