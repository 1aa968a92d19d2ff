import { Controller, Get, Inject, type OnModuleDestroy } from '@nestjs/common';
import { ServedWhileDemoLoads } from '../../platform/http/index.js';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { Public } from '../../platform/actor/index.js';

/** /health (terminus): PostgreSQL and Redis must both answer. */
@ApiTags('health')
@Controller('health')
@ServedWhileDemoLoads()
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl ?? '', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  }

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: PostgreSQL and Redis' })
  check(): ReturnType<HealthCheckService['check']> {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 3000 }), () => this.pingRedis()]);
  }

  private async pingRedis(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
      await this.redis.ping();
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: e instanceof Error ? e.message : String(e) });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
