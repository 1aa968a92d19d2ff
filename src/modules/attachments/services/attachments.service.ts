import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { notFound } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { DocumentType, OwnerKind } from '../domain/document-types.js';
import type { AttachmentDto, AttachmentVersionDto } from '../dto/attachment.dto.js';
import { AttachmentOwners } from './attachment-owners.js';
import { type BlobStore, PostgresBlobStore, S3BlobStore, type StorageKind } from './blob-store.js';
import { docTypeOf, drain, type IncomingUpload } from './multipart-upload.js';
import { scanUpload } from './scanned-upload.js';

interface AttachmentRow {
  id: string;
  owner_kind: OwnerKind;
  owner_id: string;
  doc_type: DocumentType;
  current_version: number;
  created_at: Date;
}

interface VersionRow {
  attachment_id: string;
  version: number;
  file_name: string;
  content_type: string;
  size_bytes: string;
  sha256: string;
  storage: StorageKind;
  storage_key: string;
  uploaded_by: string;
  uploaded_by_name: string;
  uploaded_at: Date;
}

const VERSION_SELECT = `SELECT v.attachment_id::text AS attachment_id, v.version, v.file_name, v.content_type, v.size_bytes::text AS size_bytes, v.sha256,
  v.storage, v.storage_key::text AS storage_key, v.uploaded_by::text AS uploaded_by, u.display_name AS uploaded_by_name, v.uploaded_at
  FROM attachment_versions v JOIN users u ON u.id = v.uploaded_by`;
const ATTACHMENT_SELECT = `SELECT id::text AS id, owner_kind, owner_id::text AS owner_id, doc_type, current_version, created_at FROM attachments`;
const ID = /^\d{1,19}$/;

const toVersion = (r: VersionRow): AttachmentVersionDto => ({
  version: r.version,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  storage: r.storage,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploaded_by_name,
  uploadedAt: r.uploaded_at.toISOString(),
});

/** What a new document is attached to and what it is. */
export interface NewAttachment {
  readonly ownerKind: OwnerKind;
  readonly ownerId: string;
  /** Absent: the upload's docType field (checked against the list). */
  readonly docType?: DocumentType;
}

/** A stored file opened for download. */
export interface AttachmentDownload {
  readonly stream: Readable;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/**
 * The loan file's documents (README "The loan file"): files judged from their content, streamed
 * into PostgreSQL (default) or an S3-compatible store, with sha256, size, uploader and time; a new
 * version keeps the old one; nothing is deleted. Every read and write is authorised like the
 * owning entity (AttachmentOwners). Each upload is audited in its transaction.
 */
@Injectable()
export class AttachmentsService {
  private readonly postgres: PostgresBlobStore;
  private readonly s3: S3BlobStore | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    readonly owners: AttachmentOwners,
  ) {
    this.postgres = new PostgresBlobStore(dataSource);
    this.s3 = config.s3 ? new S3BlobStore(config.s3) : undefined;
  }

  /** New uploads go to S3 when it is configured, else to PostgreSQL. */
  private get writer(): BlobStore {
    return this.s3 ?? this.postgres;
  }

  private reader(kind: StorageKind): BlobStore {
    if (kind === 'POSTGRES') return this.postgres;
    if (!this.s3) throw new Error('a document stored on S3 needs S3_ENDPOINT and S3_BUCKET');
    return this.s3;
  }

  /**
   * Stores a new document. `within` runs in the same transaction after the rows are written (the
   * applications module records its document row there), so both or neither exist.
   */
  async store(
    actor: Actor,
    target: NewAttachment,
    upload: IncomingUpload,
    within?: (m: EntityManager, stored: AttachmentDto) => Promise<void>,
  ): Promise<AttachmentDto> {
    return this.receive(
      upload,
      async (m) => {
        const docType = target.docType ?? docTypeOf(upload);
        await this.owners.assertMayUpload(m, actor, target.ownerKind, target.ownerId);
        const [{ id }] = (await m.query(
          `INSERT INTO attachments (owner_kind, owner_id, doc_type, created_by) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
          [target.ownerKind, target.ownerId, docType, actor.userId],
        )) as Array<{ id: string }>;
        return { attachmentId: id, version: 1 };
      },
      actor,
      'attachment.upload',
      within,
    );
  }

  /** A new file for an existing document; the previous versions stay readable. */
  async addVersion(actor: Actor, attachmentId: string, upload: IncomingUpload): Promise<AttachmentDto> {
    return this.receive(
      upload,
      async (m) => {
        const row = await this.find(m, attachmentId, true);
        await this.owners.assertMayUpload(m, actor, row.owner_kind, row.owner_id);
        await m.query(`UPDATE attachments SET current_version = current_version + 1 WHERE id = $1`, [attachmentId]);
        return { attachmentId, version: row.current_version + 1 };
      },
      actor,
      'attachment.version',
    );
  }

  async listByOwner(actor: Actor, ownerKind: OwnerKind, ownerId: string): Promise<AttachmentDto[]> {
    const m = this.tx.manager;
    await this.owners.assertVisible(m, actor, ownerKind, ownerId);
    const rows: AttachmentRow[] = await m.query(`${ATTACHMENT_SELECT} WHERE owner_kind = $1 AND owner_id = $2 ORDER BY id`, [ownerKind, ownerId]);
    return this.withVersions(m, rows);
  }

  async get(actor: Actor, attachmentId: string): Promise<AttachmentDto> {
    const m = this.tx.manager;
    const row = await this.find(m, attachmentId);
    await this.owners.assertVisible(m, actor, row.owner_kind, row.owner_id);
    const [dto] = await this.withVersions(m, [row]);
    return dto;
  }

  async versions(actor: Actor, attachmentId: string): Promise<AttachmentVersionDto[]> {
    return (await this.get(actor, attachmentId)).versions;
  }

  /** A version's bytes as a stream (the current one unless `version` is given). */
  async open(actor: Actor, attachmentId: string, version?: number): Promise<AttachmentDownload> {
    const m = this.tx.manager;
    const row = await this.find(m, attachmentId);
    await this.owners.assertVisible(m, actor, row.owner_kind, row.owner_id);
    const wanted = version ?? row.current_version;
    const [v] = (await m.query(`${VERSION_SELECT} WHERE v.attachment_id = $1 AND v.version = $2`, [attachmentId, wanted])) as VersionRow[];
    if (!v) throw notFound('document version', `${attachmentId}/${wanted}`);
    const stream = await this.reader(v.storage).open(v.storage_key);
    return { stream, fileName: v.file_name, contentType: v.content_type, sizeBytes: Number(v.size_bytes), sha256: v.sha256 };
  }

  /** The document types an owner has (at least one stored file each), for checklists. */
  async typesPresent(m: EntityManager, owners: ReadonlyArray<{ kind: OwnerKind; id: string }>): Promise<Set<DocumentType>> {
    const out = new Set<DocumentType>();
    for (const o of owners) {
      const rows: Array<{ doc_type: DocumentType }> = await m.query(`SELECT DISTINCT doc_type FROM attachments WHERE owner_kind = $1 AND owner_id = $2`, [
        o.kind,
        o.id,
      ]);
      for (const r of rows) out.add(r.doc_type);
    }
    return out;
  }

  /**
   * The one write path: judge the first bytes (refusals store nothing), then in one transaction
   * create the rows' parent (`open`), stream the bytes, and write the version with its digest.
   */
  private async receive(
    upload: IncomingUpload,
    open: (m: EntityManager) => Promise<{ attachmentId: string; version: number }>,
    actor: Actor,
    action: string,
    within?: (m: EntityManager, stored: AttachmentDto) => Promise<void>,
  ): Promise<AttachmentDto> {
    const store = this.writer;
    const key = randomUUID();
    let written = false;
    try {
      return await this.tx.run(async (m) => {
        const target = await open(m);
        const scanned = await scanUpload(upload.stream, upload.fileName, this.config.attachmentMaxBytes);
        await store.put(m, key, scanned.chunks, scanned.contentType);
        written = true;
        const { sizeBytes, sha256 } = scanned.digest();
        await m.query(
          `INSERT INTO attachment_versions (attachment_id, version, file_name, content_type, size_bytes, sha256, storage, storage_key, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [target.attachmentId, target.version, upload.fileName, scanned.contentType, sizeBytes, sha256, store.kind, key, actor.userId],
        );
        const [dto] = await this.withVersions(m, [await this.find(m, target.attachmentId)]);
        if (within) await within(m, dto);
        await this.audit.record(m, actor, { action, entityType: 'attachment', entityId: dto.id, after: { ...dto, versions: undefined } });
        return dto;
      });
    } catch (e) {
      await drain(upload.stream);
      if (written) await store.discard(key);
      throw e;
    }
  }

  private async find(m: EntityManager, attachmentId: string, forUpdate = false): Promise<AttachmentRow> {
    if (!ID.test(attachmentId)) throw notFound('document', attachmentId);
    const [row] = (await m.query(`${ATTACHMENT_SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [attachmentId])) as AttachmentRow[];
    if (!row) throw notFound('document', attachmentId);
    return row;
  }

  private async withVersions(m: EntityManager, rows: AttachmentRow[]): Promise<AttachmentDto[]> {
    if (rows.length === 0) return [];
    const versions: VersionRow[] = await m.query(`${VERSION_SELECT} WHERE v.attachment_id = ANY($1::bigint[]) ORDER BY v.attachment_id, v.version DESC`, [
      rows.map((r) => r.id),
    ]);
    const byId = new Map<string, AttachmentVersionDto[]>();
    for (const v of versions) byId.set(v.attachment_id, [...(byId.get(v.attachment_id) ?? []), toVersion(v)]);
    return rows.map((r) => {
      const all = byId.get(r.id) ?? [];
      return {
        id: r.id,
        ownerKind: r.owner_kind,
        ownerId: r.owner_id,
        docType: r.doc_type,
        currentVersion: r.current_version,
        current: all[0],
        versions: all,
        createdAt: r.created_at.toISOString(),
      };
    });
  }
}
