import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { AttachmentErrors } from '../attachments.errors.js';
import type { OwnerKind } from '../domain/document-types.js';

/** How the attachments module learns whose file an owner belongs to. */
export interface AttachmentOwner {
  /** The borrower the owner belongs to; null when no such owner exists. */
  borrowerOf(m: EntityManager, ownerId: string): Promise<string | null>;
  /** Whether a COOPERATIVE user may add documents to its own borrower's owner of this kind. */
  readonly cooperativeMayUpload: boolean;
}

const ID = /^\d{1,19}$/;

const byQuery = (sql: string, cooperativeMayUpload: boolean): AttachmentOwner => ({
  cooperativeMayUpload,
  async borrowerOf(m, ownerId) {
    const rows: Array<{ borrower_id: string }> = await m.query(sql, [ownerId]);
    return rows[0] ? String(rows[0].borrower_id) : null;
  },
});

/**
 * The owners documents can hang on, each authorised exactly like the entity (README "The loan
 * file"): fund staff reach every owner, a COOPERATIVE user only its own borrower's, and a missing
 * owner and another borrower's look the same (404). A cooperative prepares its own dossier: it may
 * upload to its borrower record and its applications; loans, inspections and collateral are the
 * fund's records (read only for it). Modules owning other kinds register them at start-up.
 */
@Injectable()
export class AttachmentOwners {
  private readonly owners = new Map<OwnerKind, AttachmentOwner>([
    ['BORROWER', byQuery(`SELECT id AS borrower_id FROM borrowers WHERE id = $1`, true)],
    ['APPLICATION', byQuery(`SELECT borrower_id FROM loan_applications WHERE id = $1`, true)],
    ['LOAN', byQuery(`SELECT borrower_id FROM loans WHERE id = $1`, false)],
  ]);

  register(kind: OwnerKind, owner: AttachmentOwner): void {
    this.owners.set(kind, owner);
  }

  /** The owner's borrower, after checking the actor may see it (404 otherwise). */
  async assertVisible(m: EntityManager, actor: Actor, kind: OwnerKind, ownerId: string): Promise<string> {
    const owner = this.owners.get(kind);
    const borrowerId = owner && ID.test(ownerId) ? await owner.borrowerOf(m, ownerId) : null;
    if (borrowerId === null || (isCooperativeOnly(actor) && actor.borrowerId !== borrowerId)) throw notFound(kind.toLowerCase().replace('_', ' '), ownerId);
    return borrowerId;
  }

  async assertMayUpload(m: EntityManager, actor: Actor, kind: OwnerKind, ownerId: string): Promise<string> {
    const borrowerId = await this.assertVisible(m, actor, kind, ownerId);
    if (isCooperativeOnly(actor) && !this.owners.get(kind)?.cooperativeMayUpload)
      throw new DomainError(AttachmentErrors['ATTACHMENT.UPLOAD_NOT_ALLOWED'], { ownerKind: kind });
    return borrowerId;
  }
}
