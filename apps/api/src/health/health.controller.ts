import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import {
  PostgresHealthIndicator,
  RedisHealthIndicator,
  TemporalHealthIndicator,
} from './health.indicators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: PostgresHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Public()
  @Get()
  // Documents its 200 and 503 answers (terminus' health report schema) in the OpenAPI document.
  @HealthCheck()
  @ApiOperation({
    summary: 'PostgreSQL, Redis and Temporal: up or down, nothing more (503 when any is down)',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.postgres.check('postgresql'),
      () => this.redis.check('redis'),
      () => this.temporal.check('temporal'),
    ]);
  }
}
