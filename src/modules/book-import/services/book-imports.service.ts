import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, type Language, notFound } from '../../../platform/errors/index.js';
import { type Page, offsetOf } from '../../../platform/http/index.js';
import { freshJobToken, runJobId } from '../../../platform/queue/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { BOOK_IMPORT_MAX_BYTES, BOOK_IMPORT_QUEUE } from '../book-import.constants.js';
import { BookImportErrors } from '../book-import.errors.js';
import { type StoredDryRun, dryRun, statusOf } from '../domain/book-dry-run.js';
import { readBook } from '../domain/book-workbook.js';
import type {
  BookImportDto,
  BookImportListQueryDto,
  BookImportProgressDto,
  BookImportResultDto,
  BookImportUserDto,
  CommuneChoicesDto,
  RejectBookImportDto,
} from '../dto/book-import.dto.js';
import { BookContextService } from './book-context.service.js';

interface ImportRow {
  id: string;
  file_name: string;
  content_sha256: string;
  size_bytes: number;
  origin: string | null;
  status: string;
  error_count: number;
  dry_run: StoredDryRun;
  commune_choices: Record<string, string>;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Date;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  rejected_by: string | null;
  rejected_by_name: string | null;
  rejection_reason: string | null;
  committed_at: Date | null;
  job_id: string | null;
  progress_percent: number;
  progress_step: string | null;
  failure: string | null;
  result: BookImportResultDto | null;
}

const SELECT = `SELECT i.id::text, i.file_name, i.content_sha256, i.size_bytes, i.origin, i.status, i.error_count, i.dry_run, i.commune_choices,
    i.uploaded_by::text, uu.display_name AS uploaded_by_name, i.uploaded_at, i.submitted_by::text, su.display_name AS submitted_by_name, i.submitted_at,
    i.approved_by::text, au.display_name AS approved_by_name, i.approved_at, i.rejected_by::text, ru.display_name AS rejected_by_name, i.rejection_reason,
    i.committed_at, i.job_id, i.progress_percent, i.progress_step, i.failure, i.result
  FROM book_imports i JOIN users uu ON uu.id = i.uploaded_by LEFT JOIN users su ON su.id = i.submitted_by
  LEFT JOIN users au ON au.id = i.approved_by LEFT JOIN users ru ON ru.id = i.rejected_by`;
const ID = /^\d{1,19}$/;
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const user = (id: string | null, name: string | null): BookImportUserDto | null => (id ? { id, name: name ?? '' } : null);

/** A lost upload stream or a file over the limit: the multipart plugin's errors as ours. */
function isTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

function toDto(r: ImportRow, lang: Language, full: boolean, duplicate = false): BookImportDto {
  const d = r.dry_run;
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.content_sha256,
    sizeBytes: r.size_bytes,
    status: r.status,
    origin: r.origin,
    uploadedBy: { id: r.uploaded_by, name: r.uploaded_by_name },
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    submittedBy: user(r.submitted_by, r.submitted_by_name),
    submittedAt: iso(r.submitted_at),
    approvedBy: user(r.approved_by, r.approved_by_name),
    approvedAt: iso(r.approved_at),
    rejectedBy: user(r.rejected_by, r.rejected_by_name),
    rejectionReason: r.rejection_reason,
    committedAt: iso(r.committed_at),
    errorCount: r.error_count,
    errors: full
      ? d.errors.map((e) => ({
          sheet: e.sheet,
          row: e.row,
          column: e.column,
          columnHeader: e.columnHeader[lang],
          rule: e.rule,
          message: e.message[lang],
          value: e.value,
        }))
      : [],
    summary: {
      counts: d.counts,
      disbursedTotal: d.disbursedTotal,
      outstandingTotal: d.outstandingTotal,
      byCapitalSource: d.byCapitalSource,
      bySector: d.bySector,
      cutOverDate: d.cutOverDate,
      businessDate: d.businessDate,
    },
    reconciliation: full ? d.reconciliation : [],
    communeProposals: full
      ? d.proposals.map((p) => ({
          ...p,
          candidates: p.candidates.map((c) => ({ code: c.code, name: c.name, provinceName: c.provinceName })),
          needsChoice: p.chosenCode === null,
        }))
      : [],
    legacyLoans: full ? d.legacy.map((l) => ({ loanRef: l.loanRef, row: l.row, rules: l.rules, message: l.message[lang] })) : [],
    notes: d.notes.map((n) => n[lang]),
    duplicate,
  };
}

/**
 * Book imports (README "Bringing in an existing loan book"): an OFFICER uploads a workbook and gets
 * the dry run at once (nothing written to the books); chooses communes where an old address is
 * ambiguous; submits; an APPROVER other than the uploader and submitter approves, and the commit
 * runs as a BullMQ job (BookCommitService), all or nothing. The file is kept, by its sha256: the
 * same workbook again answers the earlier import.
 */
@Injectable()
export class BookImportsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly context: BookContextService,
    private readonly audit: AuditService,
    @InjectQueue(BOOK_IMPORT_QUEUE) private readonly queue: Queue,
  ) {}

  async upload(actor: Actor, req: FastifyRequest, lang: Language): Promise<BookImportDto> {
    if (!req.isMultipart()) throw new DomainError(BookImportErrors['BOOK_IMPORT.NOT_MULTIPART']);
    let buffer: Buffer;
    let fileName: string;
    let origin: string | null = null;
    try {
      const part = await req.file({ limits: { fileSize: BOOK_IMPORT_MAX_BYTES, files: 1 } });
      if (!part) throw new DomainError(BookImportErrors['BOOK_IMPORT.NOT_MULTIPART']);
      buffer = await part.toBuffer();
      fileName = (part.filename || 'workbook.xlsx').slice(0, 200);
      const o = part.fields.origin;
      const field = Array.isArray(o) ? o[0] : o;
      if (field && field.type === 'field' && typeof field.value === 'string' && field.value.trim() !== '') origin = field.value.trim().slice(0, 200);
    } catch (e) {
      if (isTooLarge(e)) throw new DomainError(BookImportErrors['BOOK_IMPORT.FILE_TOO_LARGE'], { limit: BOOK_IMPORT_MAX_BYTES });
      throw e;
    }
    const sha = createHash('sha256').update(buffer).digest('hex');
    const earlier = await this.findBySha(sha);
    if (earlier) return toDto(earlier, lang, true, true);
    const stored = await this.dryRunOf(buffer, {});
    const id = await this.tx.run(async (m) => {
      const [{ id: created }] = (await m.query(
        `INSERT INTO book_imports (file_name, content_sha256, size_bytes, content, origin, status, business_date, error_count, dry_run, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (content_sha256) DO NOTHING RETURNING id::text`,
        [fileName, sha, buffer.length, buffer, origin, statusOf(stored), stored.businessDate, stored.errors.length, JSON.stringify(stored), actor.userId],
      )) as Array<{ id: string }>;
      if (created) {
        await this.audit.record(m, actor, {
          action: 'book-import.upload',
          entityType: 'book_import',
          entityId: created,
          after: { fileName, sha256: sha, sizeBytes: buffer.length, status: statusOf(stored), errors: stored.errors.length, counts: stored.counts },
        });
      }
      return created as string | undefined;
    });
    if (!id) {
      const raced = await this.findBySha(sha);
      if (raced) return toDto(raced, lang, true, true);
    }
    return this.get(id as string, lang);
  }

  async list(q: BookImportListQueryDto, lang: Language): Promise<Page<BookImportDto>> {
    const where = q.status ? `WHERE i.status = $3` : '';
    const params: unknown[] = [q.pageSize, offsetOf(q), ...(q.status ? [q.status] : [])];
    const rows: ImportRow[] = await this.tx.manager.query(`${SELECT} ${where} ORDER BY i.id DESC LIMIT $1 OFFSET $2`, params);
    const [{ total }] = (await this.tx.manager.query(
      `SELECT count(*)::int AS total FROM book_imports i ${q.status ? 'WHERE i.status = $1' : ''}`,
      q.status ? [q.status] : [],
    )) as Array<{ total: number }>;
    return { items: rows.map((r) => toDto(r, lang, false)), page: q.page, pageSize: q.pageSize, total };
  }

  async get(id: string, lang: Language): Promise<BookImportDto> {
    return toDto(await this.row(id), lang, true);
  }

  async file(id: string): Promise<{ fileName: string; buffer: Buffer }> {
    const r = await this.row(id);
    const [{ content }] = (await this.tx.manager.query(`SELECT content FROM book_imports WHERE id = $1`, [id])) as Array<{ content: Buffer }>;
    return { fileName: r.file_name, buffer: content };
  }

  async chooseCommunes(actor: Actor, id: string, dto: CommuneChoicesDto, lang: Language): Promise<BookImportDto> {
    const r = await this.row(id);
    this.expect(r, ['INVALID', 'NEEDS_CHOICES', 'READY']);
    const choices = { ...r.commune_choices };
    for (const c of dto.choices) {
      const proposal = r.dry_run.proposals.find((p) => p.row === c.row);
      if (!proposal) throw new DomainError(BookImportErrors['BOOK_IMPORT.UNKNOWN_CHOICE_ROW'], { row: c.row });
      if (!proposal.candidates.some((x) => x.code === c.communeCode))
        throw new DomainError(BookImportErrors['BOOK_IMPORT.CHOICE_NOT_A_CANDIDATE'], { row: c.row, code: c.communeCode });
      choices[String(c.row)] = c.communeCode;
    }
    const stored = await this.dryRunOf(await this.content(id), choices);
    await this.tx.run(async (m) => {
      await m.query(`UPDATE book_imports SET commune_choices = $2, dry_run = $3, status = $4, error_count = $5 WHERE id = $1`, [
        id,
        JSON.stringify(choices),
        JSON.stringify(stored),
        statusOf(stored),
        stored.errors.length,
      ]);
      await this.audit.record(m, actor, { action: 'book-import.choose-communes', entityType: 'book_import', entityId: id, after: { choices: dto.choices } });
    });
    return this.get(id, lang);
  }

  /**
   * READY → SUBMITTED. A FAILED or REJECTED import may be submitted again (the same file cannot be
   * uploaded twice): its file is judged again with today's reference data first, the earlier
   * approval, rejection and failure are cleared, and it goes on only if it is READY now.
   */
  async submit(actor: Actor, id: string, lang: Language): Promise<BookImportDto> {
    let r = await this.row(id);
    if (r.status === 'FAILED' || r.status === 'REJECTED') {
      const stored = await this.dryRunOf(await this.content(id), r.commune_choices);
      await this.tx.run(async (m) => {
        await m.query(
          `UPDATE book_imports SET status = $2, dry_run = $3, error_count = $4, submitted_by = NULL, submitted_at = NULL, approved_by = NULL, approved_at = NULL,
             rejected_by = NULL, rejected_at = NULL, rejection_reason = NULL, failure = NULL, job_id = NULL, progress_percent = 0, progress_step = NULL
           WHERE id = $1 AND status IN ('FAILED', 'REJECTED')`,
          [id, statusOf(stored), JSON.stringify(stored), stored.errors.length],
        );
        await this.audit.record(m, actor, {
          action: 'book-import.rejudge',
          entityType: 'book_import',
          entityId: id,
          before: { status: r.status },
          after: { status: statusOf(stored), errors: stored.errors.length },
        });
      });
      r = await this.row(id);
    }
    await this.transition(actor, id, ['READY'], 'SUBMITTED', 'book-import.submit', `submitted_by = $3, submitted_at = now()`, [actor.userId]);
    return this.get(id, lang);
  }

  async approve(actor: Actor, id: string, lang: Language): Promise<BookImportDto> {
    const r = await this.row(id);
    this.expect(r, ['SUBMITTED']);
    // An import of a book is a money movement: four eyes (domain.md "The fund and its people").
    if (actor.userId === r.uploaded_by || actor.userId === r.submitted_by) throw new DomainError(BookImportErrors['BOOK_IMPORT.SAME_USER_APPROVAL']);
    const jobId = runJobId(`book-import-${id}`, freshJobToken());
    await this.transition(
      actor,
      id,
      ['SUBMITTED'],
      'APPROVED',
      'book-import.approve',
      `approved_by = $3, approved_at = now(), job_id = $4, enqueued_at = now()`,
      [actor.userId, jobId],
    );
    await this.queue.add('commit', { importId: id }, { jobId, attempts: 1, removeOnComplete: 1000, removeOnFail: 5000 });
    return this.get(id, lang);
  }

  async reject(actor: Actor, id: string, dto: RejectBookImportDto, lang: Language): Promise<BookImportDto> {
    await this.transition(actor, id, ['SUBMITTED'], 'REJECTED', 'book-import.reject', `rejected_by = $3, rejected_at = now(), rejection_reason = $4`, [
      actor.userId,
      dto.reason,
    ]);
    return this.get(id, lang);
  }

  async progress(id: string): Promise<BookImportProgressDto> {
    const r = await this.row(id);
    const state = r.job_id ? await this.queue.getJobState(r.job_id) : 'none';
    const percent = r.status === 'COMMITTED' ? 100 : r.progress_percent;
    return { status: r.status, jobState: state, percent, step: r.progress_step, failure: r.failure };
  }

  async result(id: string): Promise<BookImportResultDto> {
    const r = await this.row(id);
    if (r.status !== 'COMMITTED' || !r.result) throw new DomainError(BookImportErrors['BOOK_IMPORT.NOT_COMMITTED'], { id, status: r.status });
    return r.result;
  }

  /** The stored file through the rules again, with today's reference data and the officer's commune choices. */
  async dryRunOf(buffer: Buffer, choices: Record<string, string>): Promise<StoredDryRun> {
    let raw;
    try {
      raw = await readBook(buffer);
    } catch (e) {
      throw new DomainError(BookImportErrors['BOOK_IMPORT.MALFORMED_WORKBOOK'], { reason: (e instanceof Error ? e.message : String(e)).slice(0, 200) });
    }
    const g = await this.context.gather(this.tx.manager, choices);
    return dryRun(raw, g.ctx, g.calendar, g.sectorName).stored;
  }

  async content(id: string): Promise<Buffer> {
    const [{ content }] = (await this.tx.manager.query(`SELECT content FROM book_imports WHERE id = $1`, [id])) as Array<{ content: Buffer }>;
    return content;
  }

  private async transition(actor: Actor, id: string, from: string[], to: string, action: string, set: string, params: unknown[]): Promise<void> {
    await this.tx.run(async (m) => {
      const [r] = (await m.query(`SELECT status FROM book_imports WHERE id = $1 FOR UPDATE`, [id])) as Array<{ status: string }>;
      if (!r) throw notFound('book import', id);
      if (!from.includes(r.status)) throw new DomainError(BookImportErrors['BOOK_IMPORT.WRONG_STATUS'], { id, status: r.status, expected: from.join(', ') });
      await m.query(`UPDATE book_imports SET status = $2, ${set} WHERE id = $1`, [id, to, ...params]);
      await this.audit.record(m, actor, { action, entityType: 'book_import', entityId: id, before: { status: r.status }, after: { status: to } });
    });
  }

  private expect(r: ImportRow, from: string[]): void {
    if (!from.includes(r.status))
      throw new DomainError(BookImportErrors['BOOK_IMPORT.WRONG_STATUS'], { id: r.id, status: r.status, expected: from.join(', ') });
  }

  private async row(id: string): Promise<ImportRow> {
    if (!ID.test(id)) throw notFound('book import', id);
    const [r] = (await this.tx.manager.query(`${SELECT} WHERE i.id = $1`, [id])) as ImportRow[];
    if (!r) throw notFound('book import', id);
    return r;
  }

  private async findBySha(sha: string): Promise<ImportRow | undefined> {
    const [r] = (await this.tx.manager.query(`${SELECT} WHERE i.content_sha256 = $1`, [sha])) as ImportRow[];
    return r;
  }
}
