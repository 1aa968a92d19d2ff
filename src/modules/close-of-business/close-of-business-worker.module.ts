import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/index.js';
import { configuredProcessor } from '../../platform/queue/index.js';
import { CloseOfBusinessModule } from './close-of-business.module.js';
import { CloseChunkProcessor } from './jobs/close-chunk.processor.js';
import { CloseDayProcessor } from './jobs/close-day.processor.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_QUEUE, closeWorkerLocks } from './jobs/close-of-business-queues.js';
import { CloseSchedulerService } from './jobs/close-scheduler.service.js';

/**
 * The close's processors and scheduler: imported by AppModule in the 'worker' and 'all' roles only
 * (the API only enqueues). CLOSE_WORKER_CONCURRENCY chunk jobs run at once in this process; 0 runs
 * no close job here (neither chunks nor days), while the scheduler and the sweep still run.
 */
@Module({})
export class CloseOfBusinessWorkerModule {
  static register(config: AppConfig): DynamicModule {
    const locks = closeWorkerLocks(config);
    const processors =
      config.closeWorkerConcurrency === 0
        ? []
        : [
            configuredProcessor(CloseChunkProcessor, CLOSE_CHUNK_QUEUE, { ...locks, concurrency: config.closeWorkerConcurrency }),
            configuredProcessor(CloseDayProcessor, CLOSE_QUEUE, { ...locks, concurrency: 1 }),
          ];
    return { module: CloseOfBusinessWorkerModule, imports: [CloseOfBusinessModule], providers: [CloseSchedulerService, ...processors] };
  }
}
