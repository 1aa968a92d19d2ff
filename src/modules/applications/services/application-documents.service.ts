import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { AttachmentsService, type AttachmentDto, type DocumentType, type IncomingUpload } from '../../attachments/index.js';
import { LoanProductsService } from '../../products/index.js';
import { ApplicationErrors } from '../applications.errors.js';
import { DOCUMENT_STATUSES } from '../domain/application-transitions.js';
import { documentChecklist } from '../domain/document-checklist.js';
import type { DocumentChecklistDto, WaiveDocumentDto } from '../dto/document-checklist.dto.js';
import type { LoanApplicationDto } from '../dto/loan-application.dto.js';
import { loadApplication } from './application-records.repository.js';

interface WaiverRow {
  doc_type: DocumentType;
  reason: string;
  waived_by: string;
  waived_by_name: string;
  waived_at: Date;
}

/**
 * The files of an application and its checklist of required documents (README "The loan file"):
 * a required type is present when the application or its borrower has a stored file of that type,
 * or waived with a reason by a named user. Submission and approval refuse while one is missing.
 */
@Injectable()
export class ApplicationDocumentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly attachments: AttachmentsService,
    private readonly products: LoanProductsService,
  ) {}

  /** Stores the file and the application's document record (name, type, checksum) in one transaction. */
  async upload(actor: Actor, applicationId: string, upload: IncomingUpload): Promise<AttachmentDto> {
    const app = await loadApplication(this.tx.manager, actor, applicationId);
    if (!DOCUMENT_STATUSES.includes(app.status)) {
      throw new DomainError(ApplicationErrors['APPLICATION.NOT_EDITABLE'], { action: 'add a document', currentStatus: app.status });
    }
    return this.attachments.store(actor, { ownerKind: 'APPLICATION', ownerId: applicationId }, upload, async (m, stored) => {
      await m.query(
        `INSERT INTO application_documents (application_id, name, doc_type, checksum_sha256, size_bytes, uploaded_by, attachment_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [applicationId, stored.current.fileName, stored.docType, stored.current.sha256, stored.current.sizeBytes, actor.userId, stored.id],
      );
    });
  }

  files(actor: Actor, applicationId: string): Promise<AttachmentDto[]> {
    return this.attachments.listByOwner(actor, 'APPLICATION', applicationId);
  }

  async checklist(actor: Actor, applicationId: string): Promise<DocumentChecklistDto> {
    const m = this.tx.manager;
    return this.build(m, await loadApplication(m, actor, applicationId));
  }

  async waive(actor: Actor, applicationId: string, dto: WaiveDocumentDto): Promise<DocumentChecklistDto> {
    return this.tx.run(async (m) => {
      const app = await loadApplication(m, actor, applicationId, true);
      if (!DOCUMENT_STATUSES.includes(app.status)) {
        throw new DomainError(ApplicationErrors['APPLICATION.NOT_EDITABLE'], { action: 'waive a document', currentStatus: app.status });
      }
      const product = await this.products.version(m, app.productVersionId);
      if (!(product.requiredDocumentTypes ?? []).includes(dto.docType)) {
        throw new DomainError(ApplicationErrors['APPLICATION.DOCUMENT_NOT_REQUIRED'], { docType: dto.docType });
      }
      await m.query(
        `INSERT INTO application_document_waivers (application_id, doc_type, reason, waived_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id, doc_type) DO NOTHING`,
        [applicationId, dto.docType, dto.reason, actor.userId],
      );
      const after = await this.build(m, app);
      await this.audit.record(m, actor, { action: 'loan-application.document-waiver', entityType: 'loan-application', entityId: applicationId, after: dto });
      return after;
    });
  }

  /** Submission and approval: every required type present or waived (the problem names the missing ones). */
  async assertComplete(m: EntityManager, app: LoanApplicationDto): Promise<void> {
    const list = await this.build(m, app);
    if (list.missing.length === 0) return;
    throw new DomainError(
      ApplicationErrors['APPLICATION.DOCUMENTS_MISSING'],
      { missing: list.missing.join(', '), count: list.missing.length },
      list.missing.map((docType) => ({
        field: `documents.${docType}`,
        rule: 'required',
        message: `a ${docType} document is required by the product (upload it or waive it with a reason)`,
      })),
    );
  }

  private async build(m: EntityManager, app: LoanApplicationDto): Promise<DocumentChecklistDto> {
    const product = await this.products.version(m, app.productVersionId);
    const present = await this.attachments.typesPresent(m, [
      { kind: 'APPLICATION', id: app.id },
      { kind: 'BORROWER', id: app.borrowerId },
    ]);
    const waivers: WaiverRow[] = await m.query(
      `SELECT w.doc_type, w.reason, w.waived_by::text AS waived_by, u.display_name AS waived_by_name, w.waived_at
       FROM application_document_waivers w JOIN users u ON u.id = w.waived_by WHERE w.application_id = $1`,
      [app.id],
    );
    const items = documentChecklist(product.requiredDocumentTypes ?? [], present, new Set(waivers.map((w) => w.doc_type)));
    return {
      applicationId: app.id,
      items: items.map((i) => {
        const w = waivers.find((x) => x.doc_type === i.docType);
        return {
          ...i,
          waiver: w ? { reason: w.reason, waivedBy: w.waived_by, waivedByName: w.waived_by_name, waivedAt: w.waived_at.toISOString() } : null,
        };
      }),
      missing: items.filter((i) => i.status === 'MISSING').map((i) => i.docType),
    };
  }
}
