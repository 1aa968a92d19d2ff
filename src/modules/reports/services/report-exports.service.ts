import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { ACTIVE_JOBS_RETRY_AFTER_SECONDS, countActiveJobs, freshJobToken, runJobId, sweepQueuedWork } from '../../../platform/queue/index.js';
import { type Actor, type Role, hasRole } from '../../../platform/actor/index.js';
import type { RenderedFile } from '../export/report-table.js';
import { JOB_REPORT_EXPORT, REPORT_EXPORT_QUEUE, type ReportExportJob } from '../jobs/reports-queues.js';
import { ReportErrors } from '../reports.errors.js';
import type { ExportAcceptedDto } from '../dto/report-views.dto.js';
import { type FileFormat, type ReportKind, type ReportQuery, ReportFilesService } from './report-files.service.js';

export type ReportOutcome =
  | { readonly kind: 'json'; readonly body: unknown }
  | { readonly kind: 'file'; readonly file: RenderedFile; readonly fileName: string }
  | { readonly kind: 'accepted'; readonly body: ExportAcceptedDto };

interface ExportRow {
  id: string;
  report: ReportKind;
  format: FileFormat;
  params: ReportQuery;
  status: string;
  progress: number;
  row_count: number | null;
  file_name: string | null;
  content_type: string | null;
  file: Buffer | null;
  error: string | null;
  requested_by: string | null;
  requested_by_username: string;
  requested_roles: Role[];
}

/**
 * Runs a report for the API: JSON as is; a file export rendered at once, or, above
 * REPORT_EXPORT_ASYNC_ROWS rows, queued as a BullMQ job whose file is stored in report_exports
 * and downloaded when ready (README "Exports").
 */
@Injectable()
export class ReportExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(REPORT_EXPORT_QUEUE) private readonly queue: Queue<ReportExportJob>,
    private readonly files: ReportFilesService,
  ) {}

  async run(actor: Actor, kind: ReportKind, q: ReportQuery, json: () => Promise<unknown>): Promise<ReportOutcome> {
    const format = q.format ?? 'json';
    if (format === 'json') return { kind: 'json', body: await json() };
    const rows = await this.files.rowCount(actor, kind, q);
    if (rows > this.config.reportExportAsyncRows) return { kind: 'accepted', body: await this.enqueue(actor, kind, format, q, rows) };
    const file = await this.files.render(await this.files.table(actor, kind, q), format, actor);
    return { kind: 'file', file, fileName: this.files.fileName(kind, q, file.extension) };
  }

  private async enqueue(actor: Actor, kind: ReportKind, format: FileFormat, q: ReportQuery, rows: number): Promise<ExportAcceptedDto> {
    const id = randomUUID();
    const jobId = runJobId(`export_${id}`, freshJobToken());
    await this.dataSource.transaction(async (m) => {
      // A bounded number of exports per user at once: each one is a full report run on a worker.
      const max = this.config.maxActiveJobsPerUser;
      const active = await countActiveJobs(m, { table: 'report_exports', userColumn: 'requested_by', userId: actor.userId, max });
      if (active >= max)
        throw new DomainError(ReportErrors['REPORT.TOO_MANY_EXPORTS'], { active, limit: max, retryAfterSeconds: ACTIVE_JOBS_RETRY_AFTER_SECONDS });
      await m.query(
        `INSERT INTO report_exports (id, report, format, params, row_count, requested_by, requested_by_username, requested_roles, job_id, enqueued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
        [id, kind, format, JSON.stringify({ ...q, format }), rows, actor.userId, actor.username, actor.roles, jobId],
      );
    });
    await this.add(id, jobId);
    return this.view({ id, status: 'QUEUED', progress: 0, row_count: rows });
  }

  private add(id: string, jobId: string): Promise<unknown> {
    return this.queue.add(JOB_REPORT_EXPORT, { exportId: id }, { jobId, attempts: 2, removeOnComplete: 1000, removeOnFail: 1000 });
  }

  /**
   * Exports QUEUED or RUNNING beyond QUEUE_SWEEP_AFTER_SECONDS without a live job (Redis lost it, or
   * a crash came between the row and the job) are enqueued again; `process` rebuilds the file whole.
   * The export's id is a random UUID, so unlike a date or a sequence it cannot meet an earlier
   * deployment's job; the job id still carries a fresh token like every other queue's.
   */
  sweep(afterSeconds: number): Promise<string[]> {
    return sweepQueuedWork(this.dataSource, this.queue, {
      table: 'report_exports',
      afterSeconds,
      jobKey: (id) => `export_${id}`,
      add: (id, jobId) => this.add(id, jobId),
    });
  }

  private view(r: { id: string; status: string; progress: number; row_count: number | null }): ExportAcceptedDto {
    const base = `/api/v1/report-exports/${r.id}`;
    return { id: r.id, status: r.status, progress: r.progress, rowCount: r.row_count, statusUrl: base, downloadUrl: `${base}/download` };
  }

  private async find(actor: Actor, id: string, withFile: boolean): Promise<ExportRow> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('report export', id);
    const rows: ExportRow[] = await this.dataSource.query(
      `SELECT id::text, report, format, params, status, progress, row_count, file_name, content_type, ${withFile ? 'file' : 'NULL::bytea AS file'}, error,
              requested_by::text, requested_by_username, requested_roles FROM report_exports WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    // Only the requester (or an admin) sees an export: the file holds what their roles allowed.
    if (!row || (row.requested_by !== actor.userId && !hasRole(actor, 'ADMIN'))) throw notFound('report export', id);
    return row;
  }

  async status(actor: Actor, id: string): Promise<ExportAcceptedDto & { error: string | null; report: string; format: string }> {
    const r = await this.find(actor, id, false);
    return { ...this.view(r), error: r.error, report: r.report, format: r.format };
  }

  async download(actor: Actor, id: string): Promise<ReportOutcome> {
    const r = await this.find(actor, id, true);
    if (r.status !== 'DONE' || !r.file) throw new DomainError(ReportErrors['REPORT.EXPORT_NOT_READY'], { id, status: r.status, progress: r.progress });
    return {
      kind: 'file',
      file: { buffer: r.file, contentType: r.content_type ?? 'application/octet-stream', extension: r.format },
      fileName: r.file_name ?? `${id}.${r.format}`,
    };
  }

  /** The worker's side: builds and renders the export, reporting progress to the job and the row. */
  async process(exportId: string, onProgress: (pct: number) => Promise<void>): Promise<void> {
    const [r] = (await this.dataSource.query(
      `SELECT id::text, report, format, params, requested_by::text, requested_by_username, requested_roles FROM report_exports WHERE id = $1`,
      [exportId],
    )) as ExportRow[];
    if (!r) return;
    const actor: Actor = {
      userId: r.requested_by,
      username: r.requested_by_username,
      roles: r.requested_roles,
      borrowerId: null,
      requestId: `export:${exportId}`,
    };
    const progress = async (pct: number): Promise<void> => {
      await this.dataSource.query(`UPDATE report_exports SET progress = $2 WHERE id = $1`, [exportId, pct]);
      await onProgress(pct);
    };
    await this.dataSource.query(`UPDATE report_exports SET status = 'RUNNING', error = NULL WHERE id = $1`, [exportId]);
    try {
      // Building the table is ~70% of the work, rendering the rest.
      const table = await this.files.table(actor, r.report, r.params, (f) => progress(Math.floor(f * 70)));
      const file = await this.files.render(table, r.format, actor);
      await this.dataSource.query(
        `UPDATE report_exports SET status = 'DONE', progress = 100, row_count = $2, file = $3, file_name = $4, content_type = $5, finished_at = now() WHERE id = $1`,
        [exportId, table.rows.length, file.buffer, this.files.fileName(r.report, r.params, file.extension), file.contentType],
      );
      await onProgress(100);
    } catch (e) {
      await this.dataSource.query(`UPDATE report_exports SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [
        exportId,
        e instanceof Error ? e.message : String(e),
      ]);
      throw e;
    }
  }
}
