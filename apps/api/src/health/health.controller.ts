import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, PrismaHealthIndicator } from '@nestjs/terminus';
import { PrismaService } from '@epw/data-access';
import { Public } from '../auth/auth.decorators';
import { RedisHealthIndicator, TemporalHealthIndicator } from './health.indicators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
    private readonly redis: RedisHealthIndicator,
    private readonly temporal: TemporalHealthIndicator,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL, Redis and Temporal reachability (503 when any is down)' })
  check() {
    return this.health.check([
      () => this.prismaIndicator.pingCheck('postgresql', this.prisma, { timeout: 2000 }),
      () => this.redis.check('redis'),
      () => this.temporal.check('temporal'),
    ]);
  }
}
