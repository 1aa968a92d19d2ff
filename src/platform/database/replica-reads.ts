import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Reads that may be served by the read replica (DATABASE_REPLICA_URL, TypeORM's `replication`):
 * the reports. Without a replica they run on the primary, as everything else always does
 * (replication.defaultMode is 'master' in data-source.ts). A replica lags its primary: see
 * docs/reliability.md "Read replica" for what that allows for an as-of report.
 */
@Injectable()
export class ReplicaReads {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One statement on a replica connection. */
  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    return this.withManager((m) => m.query(sql, params) as Promise<T>);
  }

  /** Several statements on one replica connection (one pool checkout). */
  async withManager<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** A read-only transaction on a replica connection (SET LOCAL settings, one snapshot where the caller asks). */
  async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (e) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw e;
      }
    } finally {
      await runner.release();
    }
  }
}
