import { Processor, type WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';

/**
 * A `@Processor` class whose worker options come from the configuration. The decorator's options
 * are fixed when the class is declared, but concurrency and lock durations are read from the
 * environment at boot; so the worker module, registered with the loaded configuration, declares
 * the processor here on a subclass (same constructor, same injections, same name in the logs).
 */
export function configuredProcessor<T extends WorkerHost>(processor: Type<T>, queueName: string, options: Omit<WorkerOptions, 'connection'>): Type<T> {
  // The computed key names the subclass after the processor.
  const configured = { [processor.name]: class extends (processor as Type<object>) {} }[processor.name];
  Processor(queueName, options)(configured);
  return configured as Type<T>;
}
