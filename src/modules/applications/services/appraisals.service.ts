import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { ApplicationErrors } from '../applications.errors.js';
import { APPRAISABLE_STATUSES, DOCUMENT_STATUSES } from '../domain/application-transitions.js';
import type { AppraisalDto, CreateAppraisalDto, CreateDocumentDto, DocumentDto, RiskRating } from '../dto/appraisal.dto.js';
import { loadApplication } from './application-records.repository.js';

interface AppraisalRow {
  id: string;
  application_id: string;
  findings: string;
  recommended_amount: string;
  recommended_term_months: number;
  recommended_rate_percent: string;
  risk_rating: RiskRating;
  appraised_by: string;
  created_at: Date;
}

interface DocumentRow {
  id: string;
  application_id: string;
  name: string;
  doc_type: string;
  checksum_sha256: string;
  size_bytes: string | null;
  attachment_id: string | null;
  uploaded_by: string;
  created_at: Date;
}

const APPRAISAL_COLUMNS = `id, application_id, findings, recommended_amount::text AS recommended_amount, recommended_term_months,
  rtrim(rtrim(recommended_rate_percent::text, '0'), '.') AS recommended_rate_percent, risk_rating, appraised_by, created_at`;

const toAppraisal = (r: AppraisalRow): AppraisalDto => ({
  id: String(r.id),
  applicationId: String(r.application_id),
  findings: r.findings,
  recommendedAmount: r.recommended_amount,
  recommendedTermMonths: r.recommended_term_months,
  recommendedRatePercent: r.recommended_rate_percent,
  riskRating: r.risk_rating,
  appraisedBy: String(r.appraised_by),
  createdAt: r.created_at.toISOString(),
});

const toDocument = (r: DocumentRow): DocumentDto => ({
  id: String(r.id),
  applicationId: String(r.application_id),
  name: r.name,
  docType: r.doc_type,
  checksumSha256: r.checksum_sha256,
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  attachmentId: r.attachment_id === null ? null : String(r.attachment_id),
  uploadedBy: String(r.uploaded_by),
  createdAt: r.created_at.toISOString(),
});

/** Appraisal (thẩm định) records and document metadata of an application. */
@Injectable()
export class AppraisalsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, applicationId: string, dto: CreateAppraisalDto): Promise<AppraisalDto> {
    return this.tx.run(async (m) => {
      const app = await loadApplication(m, actor, applicationId, true);
      if (!APPRAISABLE_STATUSES.includes(app.status)) {
        throw new DomainError(ApplicationErrors['APPLICATION.NOT_EDITABLE'], { action: 'appraise', currentStatus: app.status });
      }
      const [row] = (await m.query(
        `INSERT INTO appraisals (application_id, findings, recommended_amount, recommended_term_months, recommended_rate_percent, risk_rating, appraised_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${APPRAISAL_COLUMNS}`,
        [applicationId, dto.findings, dto.recommendedAmount, dto.recommendedTermMonths, dto.recommendedRatePercent, dto.riskRating, actor.userId],
      )) as AppraisalRow[];
      const created = toAppraisal(row);
      await this.audit.record(m, actor, { action: 'loan-application.appraise', entityType: 'loan-application', entityId: applicationId, after: created });
      return created;
    });
  }

  /** Internal notes: fund staff only (the controller keeps COOPERATIVE users out). */
  async list(actor: Actor, applicationId: string): Promise<AppraisalDto[]> {
    await loadApplication(this.tx.manager, actor, applicationId);
    const rows: AppraisalRow[] = await this.tx.manager.query(`SELECT ${APPRAISAL_COLUMNS} FROM appraisals WHERE application_id = $1 ORDER BY id`, [
      applicationId,
    ]);
    return rows.map(toAppraisal);
  }

  async addDocument(actor: Actor, applicationId: string, dto: CreateDocumentDto): Promise<DocumentDto> {
    return this.tx.run(async (m) => {
      const app = await loadApplication(m, actor, applicationId, true);
      if (!DOCUMENT_STATUSES.includes(app.status)) {
        throw new DomainError(ApplicationErrors['APPLICATION.NOT_EDITABLE'], { action: 'add a document', currentStatus: app.status });
      }
      const [row] = (await m.query(
        `INSERT INTO application_documents (application_id, name, doc_type, checksum_sha256, size_bytes, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [applicationId, dto.name, dto.docType, dto.checksumSha256, dto.sizeBytes ?? null, actor.userId],
      )) as DocumentRow[];
      const created = toDocument(row);
      await this.audit.record(m, actor, { action: 'loan-application.document', entityType: 'loan-application', entityId: applicationId, after: created });
      return created;
    });
  }

  async documents(actor: Actor, applicationId: string): Promise<DocumentDto[]> {
    await loadApplication(this.tx.manager, actor, applicationId);
    const rows: DocumentRow[] = await this.tx.manager.query(`SELECT * FROM application_documents WHERE application_id = $1 ORDER BY id`, [applicationId]);
    return rows.map(toDocument);
  }
}
