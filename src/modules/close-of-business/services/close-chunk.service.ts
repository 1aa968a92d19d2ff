import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanCloseService } from '../../loans/index.js';
import { ClassificationPoliciesService, policySqlParams } from '../../risk/index.js';
import type { CloseChunkJob } from '../jobs/close-of-business-queues.js';

/**
 * One chunk of the close of day D (domain.md "Close of business"), in ONE database transaction:
 * the classification policy in force on D (risk), the loans' close of the range (loans
 * LoanCloseService: lock, bill, accrue, classify, provision, month-end postings and snapshots),
 * the chunk's bookkeeping row and its audit event. A retry after a crash finds the loans closed
 * through D and accrues nothing again.
 */
@Injectable()
export class CloseChunkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loans: LoanCloseService,
    private readonly audit: AuditService,
    private readonly policies: ClassificationPoliciesService,
  ) {}

  /** Runs the chunk; chunkNo < 0 is the parent's sweep of late-comers (no chunk row). Returns the loans closed. */
  async run(actor: Actor, job: CloseChunkJob): Promise<number> {
    const started = Date.now();
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const policy = policySqlParams(await this.policies.inForce(m, job.date));
      const closed = await this.loans.closeChunk(m, actor, job, policy);
      if (this.config.closeTestChunkDelayMs > 0) await m.query(`SELECT pg_sleep($1)`, [this.config.closeTestChunkDelayMs / 1000]);
      if (job.chunkNo >= 0) {
        await m.query(
          `UPDATE close_chunks SET status = 'DONE', loans_done = $3, error = NULL, finished_at = now(), duration_ms = $4
           WHERE business_date = $1 AND chunk_no = $2`,
          [job.date, job.chunkNo, closed.loans, Date.now() - started],
        );
      }
      await this.audit.record(m, actor, {
        action: 'close-of-business.chunk',
        entityType: 'close_chunk',
        entityId: `${job.date}#${job.chunkNo}`,
        after: { date: job.date, borrowerFrom: job.from, borrowerTo: job.to, loans: closed.loans, daysClosed: closed.behind },
      });
      return closed.loans;
    });
  }
}
