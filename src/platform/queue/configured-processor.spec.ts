import { describe, expect, it } from '@jest/globals';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { configuredProcessor } from './configured-processor.js';

// The metadata keys @nestjs/bullmq's explorer reads when it creates a processor's worker.
const PROCESSOR_METADATA = 'bullmq:processor_metadata';
const WORKER_METADATA = 'bullmq:worker_metadata';

@Injectable()
class Dependency {}

@Processor('sample', { concurrency: 1 })
class SampleProcessor extends WorkerHost {
  constructor(readonly dependency: Dependency) {
    super();
  }

  process(job: Job<number>): Promise<number> {
    return Promise.resolve(job.data * 2);
  }
}

describe('configuredProcessor', () => {
  it('declares the processor on its queue with the options of this process, leaving the class as declared', () => {
    const configured = configuredProcessor(SampleProcessor, 'sample', { concurrency: 4, lockDuration: 120_000, stalledInterval: 60_000, maxStalledCount: 2 });
    expect(configured.name).toBe('SampleProcessor');
    expect(Reflect.getMetadata(PROCESSOR_METADATA, configured)).toEqual({ name: 'sample' });
    expect(Reflect.getMetadata(WORKER_METADATA, configured)).toEqual({ concurrency: 4, lockDuration: 120_000, stalledInterval: 60_000, maxStalledCount: 2 });
    expect(Reflect.getMetadata(WORKER_METADATA, SampleProcessor)).toEqual({ concurrency: 1 });
  });

  it('keeps the constructor and its injections, so Nest builds it like the processor', () => {
    const configured = configuredProcessor(SampleProcessor, 'sample', { concurrency: 2 });
    expect(Reflect.getMetadata('design:paramtypes', configured)).toEqual([Dependency]);
    const dependency = new Dependency();
    const instance = new configured(dependency);
    expect(instance).toBeInstanceOf(SampleProcessor);
    expect(instance.dependency).toBe(dependency);
  });
});
