import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Endpoint } from '../common/http/api-docs';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** 200 when the database answers, 503 while it does not (load balancers take us out meanwhile). */
  @Get()
  @HealthCheck()
  @Endpoint({
    operationId: 'checkHealth',
    summary: 'Liveness and database check: 200 when the database answers, 503 while it does not',
    // Every route parses a body when one is sent; a malformed one is refused before the check runs.
    errors: [400],
    public: true,
  })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 1500 })]);
  }
}
