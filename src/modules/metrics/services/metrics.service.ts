import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { redisConnectionOptions } from '../../../platform/queue/index.js';
import { SYSTEM_ACTOR } from '../../../platform/actor/index.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_QUEUE, CloseOfBusinessService, type CloseRunDto } from '../../close-of-business/index.js';
import { REPAYMENT_IMPORT_QUEUE } from '../../imports/index.js';
import { REMINDERS_QUEUE } from '../../notifications/index.js';
import { REPORT_EXPORT_QUEUE } from '../../reports/index.js';

const QUEUES = [CLOSE_QUEUE, CLOSE_CHUNK_QUEUE, REPORT_EXPORT_QUEUE, REPAYMENT_IMPORT_QUEUE, REMINDERS_QUEUE];
const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/** pg's Pool counters (TypeORM's postgres driver keeps the pool as `master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Prometheus metrics of this API process (README "Limits and metrics"): HTTP latency by route
 * pattern, BullMQ depths and failures per queue (shared by every process: read from Redis at
 * scrape time), the last close's duration and chunks (from PostgreSQL), and this process's
 * connection pool. Each application instance has its own registry.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private readonly queues: Queue[];
  private readonly http: Histogram<'method' | 'route' | 'status_code'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
    private readonly close: CloseOfBusinessService,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'lms_' });
    this.http = new Histogram({
      name: 'lms_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern (not the raw URL), method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    const connection = redisConnectionOptions(this.config.redisUrl ?? '');
    this.queues = QUEUES.map(
      (name) => new Queue(name, { connection: { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 }, prefix: config.queuePrefix }),
    );
    for (const q of this.queues) q.on('error', () => undefined);
    const queueJobs = new Gauge({
      name: 'lms_queue_jobs',
      help: 'BullMQ jobs per queue and state (waiting, active, delayed, prioritized, failed)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      collect: async () => {
        queueJobs.reset();
        await Promise.all(
          this.queues.map(async (q) => {
            const counts = await q.getJobCounts(...JOB_STATES);
            for (const state of JOB_STATES) queueJobs.set({ queue: q.name, state }, counts[state] ?? 0);
          }),
        );
      },
    });
    const pool = new Gauge({
      name: 'lms_db_pool_connections',
      help: 'This process’s PostgreSQL pool: total, idle, waiting (clients queued for a connection) and max',
      labelNames: ['state'],
      registers: [this.registry],
      collect: () => {
        const p = (this.dataSource.driver as unknown as { master?: PgPool }).master;
        if (!p) return;
        pool.set({ state: 'total' }, p.totalCount);
        pool.set({ state: 'idle' }, p.idleCount);
        pool.set({ state: 'waiting' }, p.waitingCount);
        pool.set({ state: 'max' }, p.options?.max ?? this.config.databasePoolSize);
      },
    });
    this.lastClose();
  }

  /**
   * The last finished close of business: its business date, outcome, duration and chunk counts,
   * read through the close module's face at scrape time (one read per scrape, shared by the
   * gauges: prom-client collects them in parallel); absent before any close.
   */
  private lastClose(): void {
    let cached: { at: number; run: Promise<CloseRunDto | undefined> } | undefined;
    const lastRun = (): Promise<CloseRunDto | undefined> => {
      if (!cached || Date.now() - cached.at > 1000) {
        const run = this.close
          .runs(SYSTEM_ACTOR, { page: 1, pageSize: 20 })
          .then((page) => page.items.find((r) => r.finishedAt !== null && (r.status === 'SUCCEEDED' || r.status === 'FAILED')));
        cached = { at: Date.now(), run };
      }
      return cached.run;
    };
    const gauge = (name: string, help: string, read: (run: CloseRunDto) => Array<[Record<string, string>, number]>, labelNames: string[] = []): void => {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect: async function (this: Gauge) {
          const run = await lastRun();
          this.reset();
          if (run) for (const [labels, value] of read(run)) this.set(labels, value);
        },
      });
    };
    gauge('lms_close_last_duration_seconds', 'Duration of the last finished close-of-business run', (r) => [[{}, (r.durationMs ?? 0) / 1000]]);
    gauge(
      'lms_close_last_chunks',
      'Chunks of the last finished close run by state (total, done, failed)',
      (r) => [
        [{ state: 'total' }, r.chunksTotal],
        [{ state: 'done' }, r.chunksDone],
        [{ state: 'failed' }, r.chunksFailed],
      ],
      ['state'],
    );
    gauge('lms_close_last_loans', 'Loans of the last finished close run', (r) => [[{}, r.loansTotal]]);
    gauge('lms_close_last_business_date_seconds', 'Business date of the last finished close run (Unix time of its midnight UTC)', (r) => [
      [{}, Date.parse(`${r.businessDate}T00:00:00Z`) / 1000],
    ]);
    gauge('lms_close_last_succeeded', '1 when the last finished close run succeeded, 0 when it failed', (r) => [[{}, r.status === 'SUCCEEDED' ? 1 : 0]]);
  }

  /** Times every answer by its route pattern (`/api/v1/loans/:id`), unknown routes as one label. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify) return;
    fastify.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      this.http.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
