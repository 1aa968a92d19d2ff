import { Module } from '@nestjs/common';
import { CloseOfBusinessModule } from '../close-of-business/index.js';
import { MetricsController } from './controllers/metrics.controller.js';
import { MetricsService } from './services/metrics.service.js';

/** Prometheus metrics at GET /metrics (API role), behind METRICS_TOKEN. */
@Module({
  imports: [CloseOfBusinessModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
