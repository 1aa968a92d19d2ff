import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';

export function redisConnectionOptions(url: string): { url: string; maxRetriesPerRequest: null } {
  // BullMQ workers need maxRetriesPerRequest: null (blocking commands must not time out).
  return { url, maxRetriesPerRequest: null };
}

/** BullMQ on the configured Redis; queues are registered by the modules that own the work. */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: redisConnectionOptions(config.redisUrl ?? ''),
            prefix: config.queuePrefix,
          }),
        }),
      ],
      exports: [BullModule],
    };
  }
}
