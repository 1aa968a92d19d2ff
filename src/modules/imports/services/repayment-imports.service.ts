import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { ACTIVE_JOBS_RETRY_AFTER_SECONDS, countActiveJobs, freshJobToken, runJobId, sweepQueuedWork } from '../../../platform/queue/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { type Page, offsetOf } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor, Role } from '../../../platform/actor/index.js';
import type {
  AssignLineDto,
  ImportLineDto,
  ImportListQueryDto,
  LoanCandidateDto,
  RepaymentImportDto,
  UploadStatementDto,
} from '../dto/repayment-import.dto.js';
import { ImportErrors } from '../imports.errors.js';
import { ImportLineProcessor } from './import-line-processor.service.js';
import { StatementReaderService } from './statement-reader.service.js';

import { REPAYMENT_IMPORT_QUEUE } from '../jobs/imports-queues.js';

interface ImportRow {
  id: string;
  file_name: string;
  file_format: string;
  bank_code: string | null;
  status: string;
  total_lines: number;
  failure: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  finished_at: Date | null;
  applied: number;
  unmatched: number;
  refused: number;
  pending: number;
}

const SELECT_IMPORT = `SELECT i.id::text, i.file_name, i.file_format, i.bank_code, i.status, i.total_lines, i.failure, i.created_by::text, u.display_name AS created_by_name, i.created_at, i.finished_at,
    count(*) FILTER (WHERE l.outcome = 'APPLIED')::int AS applied, count(*) FILTER (WHERE l.outcome = 'UNMATCHED')::int AS unmatched,
    count(*) FILTER (WHERE l.outcome = 'REFUSED')::int AS refused, count(*) FILTER (WHERE l.outcome = 'PENDING')::int AS pending
  FROM repayment_imports i JOIN users u ON u.id = i.created_by LEFT JOIN repayment_import_lines l ON l.import_id = i.id`;

/** `?unmatched=`: imports that still have (or no longer have) a line an officer must assign. */
const UNMATCHED_FILTER = {
  true: `WHERE EXISTS (SELECT 1 FROM repayment_import_lines x WHERE x.import_id = i.id AND x.outcome = 'UNMATCHED')`,
  false: `WHERE NOT EXISTS (SELECT 1 FROM repayment_import_lines x WHERE x.import_id = i.id AND x.outcome = 'UNMATCHED')`,
} as const;

function toDto(r: ImportRow): RepaymentImportDto {
  const processed = r.total_lines - r.pending;
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.file_format,
    bankCode: r.bank_code,
    status: r.status,
    progress: {
      total: r.total_lines,
      processed,
      applied: r.applied,
      unmatched: r.unmatched,
      refused: r.refused,
      percent: r.total_lines === 0 ? '100.0' : ((processed * 100) / r.total_lines).toFixed(1),
    },
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    failure: r.failure,
  };
}

/**
 * Bank-statement repayment imports: an OFFICER uploads a CSV or XLSX statement; a malformed file is
 * refused whole with its line numbers; a well-formed one is stored line by line and a BullMQ job
 * records each line (ImportLineProcessor). Progress and each line's outcome are readable at any
 * time; an unmatched line can be assigned to a loan by hand.
 */
@Injectable()
export class RepaymentImportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly lines: ImportLineProcessor,
    private readonly audit: AuditService,
    private readonly reader: StatementReaderService,
    @InjectQueue(REPAYMENT_IMPORT_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(actor: Actor, dto: UploadStatementDto): Promise<RepaymentImportDto> {
    const { format, sha256: sha, read } = await this.reader.read(dto);
    if (read.problems.length > 0) this.reader.refuse(read);
    const jobToken = freshJobToken();
    const id = await this.tx.run(async (m) => {
      // A bounded number of imports per user at once: each one's job records every line.
      const max = this.config.maxActiveJobsPerUser;
      const active = await countActiveJobs(m, { table: 'repayment_imports', userColumn: 'created_by', userId: actor.userId, max });
      if (active >= max)
        throw new DomainError(ImportErrors['IMPORT.TOO_MANY_ACTIVE'], { active, limit: max, retryAfterSeconds: ACTIVE_JOBS_RETRY_AFTER_SECONDS });
      const [{ id: created }] = (await m.query(
        `INSERT INTO repayment_imports (file_name, content_sha256, status, total_lines, created_by, enqueued_at, file_format, bank_code)
         VALUES ($1, $2, 'QUEUED', $3, $4, now(), $5, $6) RETURNING id::text`,
        [dto.fileName, sha, read.lines.length, actor.userId, format, dto.bankCode ?? null],
      )) as Array<{ id: string }>;
      await m.query(`UPDATE repayment_imports SET job_id = $2 WHERE id = $1`, [created, runJobId(`repayment-import-${created}`, jobToken)]);
      const l = read.lines;
      await m.query(
        `INSERT INTO repayment_import_lines (import_id, line_no, value_date, amount, reference, description, line_key, outcome)
         SELECT $1, * , 'PENDING' FROM unnest($2::int[], $3::date[], $4::numeric[], $5::text[], $6::text[], $7::text[])`,
        [
          created,
          l.map((x) => x.lineNo),
          l.map((x) => x.valueDate),
          l.map((x) => x.amount.toFixed()),
          l.map((x) => x.reference),
          l.map((x) => x.description),
          l.map((x) => x.key),
        ],
      );
      if (dto.bankCode && read.mapping) await this.reader.remember(m, actor, dto.bankCode, read.mapping);
      await this.audit.record(m, actor, {
        action: 'repayment-import.upload',
        entityType: 'repayment_import',
        entityId: created,
        after: { fileName: dto.fileName, sha256: sha, lines: l.length, format, bankCode: dto.bankCode ?? null, mapping: read.mapping, skipped: read.skipped },
      });
      return created;
    });
    await this.enqueue(id, runJobId(`repayment-import-${id}`, jobToken));
    return this.get(id);
  }

  /**
   * The import's job under a fresh id, recorded on the row first: import ids restart with a restored
   * or re-created database, and a Redis that remembers `repayment-import-<id>` from an earlier
   * deployment would keep that job instead of running this one (platform/queue job-recovery.ts).
   * The id is written with the row (upload) or swapped by the sweep before the job is added.
   */
  private async enqueue(id: string, jobId: string): Promise<void> {
    await this.queue.add(
      'import',
      { importId: id },
      { jobId, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
    );
  }

  /** Imports QUEUED or RUNNING beyond QUEUE_SWEEP_AFTER_SECONDS without a live job are enqueued again; `run` resumes at the first PENDING line. */
  sweep(afterSeconds: number): Promise<string[]> {
    return sweepQueuedWork(this.tx.manager, this.queue, {
      table: 'repayment_imports',
      afterSeconds,
      jobKey: (id) => `repayment-import-${id}`,
      add: (id, jobId) => this.enqueue(id, jobId),
    });
  }

  async get(id: string, withLines = false): Promise<RepaymentImportDto> {
    if (!/^\d{1,19}$/.test(id)) throw notFound('repayment import', id);
    const [row] = (await this.tx.manager.query(`${SELECT_IMPORT} WHERE i.id = $1 GROUP BY i.id, u.display_name`, [id])) as ImportRow[];
    if (!row) throw notFound('repayment import', id);
    const out = toDto(row);
    if (withLines) out.lines = await this.lineDtos(id);
    return out;
  }

  async list(q: ImportListQueryDto): Promise<Page<RepaymentImportDto>> {
    const where = q.unmatched ? UNMATCHED_FILTER[q.unmatched] : '';
    const rows: ImportRow[] = await this.tx.manager.query(`${SELECT_IMPORT} ${where} GROUP BY i.id, u.display_name ORDER BY i.id DESC LIMIT $1 OFFSET $2`, [
      q.pageSize,
      offsetOf(q),
    ]);
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM repayment_imports i ${where}`)) as Array<{ total: number }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }

  /**
   * Loans an unmatched line may be assigned to, for the officer's picker: ACTIVE loans (the only
   * ones a repayment is recorded on) whose contract number or borrower's name, short name or tax
   * code / CCCD contains the text, at most 20, contract number order.
   */
  async loanCandidates(text: string): Promise<LoanCandidateDto[]> {
    const like = `%${text.trim().replace(/[\\%_]/g, '\\$&')}%`;
    return this.tx.manager.query(
      `SELECT l.id::text, l.contract_number AS "contractNumber", l.status, l.borrower_id::text AS "borrowerId", b.legal_name AS "borrowerName",
              l.outstanding_principal::text AS "outstandingPrincipal"
         FROM loans l JOIN borrowers b ON b.id = l.borrower_id
        WHERE l.status = 'ACTIVE' AND (l.contract_number ILIKE $1 OR b.legal_name ILIKE $1 OR b.short_name ILIKE $1 OR b.identity_code LIKE $1)
        ORDER BY l.contract_number LIMIT 20`,
      [like],
    );
  }

  /** An officer names the loan of an UNMATCHED line; it is recorded at once, under the line's key. */
  async assign(actor: Actor, id: string, lineNo: string, dto: AssignLineDto): Promise<ImportLineDto> {
    await this.get(id);
    const [line] = (await this.tx.manager.query(`SELECT outcome FROM repayment_import_lines WHERE import_id = $1 AND line_no = $2`, [
      id,
      Number(lineNo) || 0,
    ])) as Array<{
      outcome: string;
    }>;
    if (!line) throw notFound('statement line', `${id}/${lineNo}`);
    if (line.outcome !== 'UNMATCHED') throw new DomainError(ImportErrors['IMPORT.LINE_NOT_UNMATCHED'], { line: lineNo, outcome: line.outcome });
    const outcome = await this.lines.process(actor, id, Number(lineNo), dto.loanId);
    await this.tx.run(async (m) => {
      await this.audit.record(m, actor, {
        action: 'repayment-import.assign',
        entityType: 'repayment_import',
        entityId: id,
        after: { line: Number(lineNo), loanId: dto.loanId, ...outcome },
      });
    });
    const all = await this.lineDtos(id);
    return all.find((l) => l.lineNo === Number(lineNo)) as ImportLineDto;
  }

  /** The job: every PENDING line in file order; a retry resumes where a crash stopped. */
  async run(id: string, progress: (percent: number) => Promise<void>): Promise<void> {
    const m = this.tx.manager;
    await m.query(`UPDATE repayment_imports SET status = 'RUNNING', started_at = coalesce(started_at, now()) WHERE id = $1`, [id]);
    const actor = await this.uploader(id);
    const pending = (await m.query(`SELECT line_no FROM repayment_import_lines WHERE import_id = $1 AND outcome = 'PENDING' ORDER BY line_no`, [id])) as Array<{
      line_no: number;
    }>;
    const [{ total_lines: total }] = (await m.query(`SELECT total_lines FROM repayment_imports WHERE id = $1`, [id])) as Array<{ total_lines: number }>;
    let done = total - pending.length;
    for (const { line_no } of pending) {
      await this.lines.process(actor, id, line_no);
      done += 1;
      await progress(Math.round((done * 100) / Math.max(total, 1)));
    }
    await this.tx.run(async (tm) => {
      await tm.query(`UPDATE repayment_imports SET status = 'DONE', finished_at = now() WHERE id = $1`, [id]);
      const dto = await this.get(id);
      await this.audit.record(tm, actor, { action: 'repayment-import.complete', entityType: 'repayment_import', entityId: id, after: dto.progress });
    });
  }

  async fail(id: string, reason: string): Promise<void> {
    await this.tx.manager.query(`UPDATE repayment_imports SET status = 'FAILED', failure = $2, finished_at = now() WHERE id = $1`, [id, reason.slice(0, 2000)]);
  }

  private async lineDtos(id: string): Promise<ImportLineDto[]> {
    return this.tx.manager.query(
      `SELECT line_no AS "lineNo", value_date::text AS "valueDate", amount::text AS "amount", reference, description, outcome,
              loan_id::text AS "loanId", contract_number AS "contractNumber", repayment_id::text AS "repaymentId", reason_code AS "reasonCode", reason
       FROM repayment_import_lines WHERE import_id = $1 ORDER BY line_no`,
      [id],
    );
  }

  /** The job acts as the officer who uploaded the file (the repayments are theirs in the audit trail). */
  private async uploader(id: string): Promise<Actor> {
    const [u] = (await this.tx.manager.query(
      `SELECT u.id::text, u.username, u.borrower_id::text AS borrower_id, coalesce(array_agg(r.role_code) FILTER (WHERE r.role_code IS NOT NULL), '{}') AS roles
       FROM repayment_imports i JOIN users u ON u.id = i.created_by LEFT JOIN user_roles r ON r.user_id = u.id WHERE i.id = $1 GROUP BY u.id`,
      [id],
    )) as Array<{ id: string; username: string; borrower_id: string | null; roles: Role[] }>;
    return { userId: u.id, username: u.username, roles: u.roles, borrowerId: u.borrower_id, requestId: `repayment-import-${id}` };
  }
}
