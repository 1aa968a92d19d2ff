import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { ServedWhileDemoLoads } from '../../../platform/http/index.js';
import { Public } from '../../../platform/actor/index.js';
import { MetricsService } from '../services/metrics.service.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics for Prometheus, outside /api/v1 and outside the client's OpenAPI document (an
 * operator's endpoint). It takes its own bearer token, METRICS_TOKEN, not a user's: without the
 * variable the route answers 404 as if absent; with it, a wrong or missing token gets 401.
 */
@ApiExcludeController()
@Controller('metrics')
@ServedWhileDemoLoads()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) throw new DomainError('ROUTE.NOT_FOUND', { method: 'GET', path: '/metrics' });
    if (!sameSecret(authorization ?? '', `Bearer ${token}`)) throw new DomainError('AUTH.UNAUTHENTICATED');
    return this.metrics.metrics();
  }
}
