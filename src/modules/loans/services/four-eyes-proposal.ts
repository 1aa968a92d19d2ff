import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/actor/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import type { AuditService } from '../../audit/index.js';
import { loanStore } from './loan-store.repository.js';
import { resultRows } from '../../../platform/database/index.js';

/** What every proposal row has: its state and its maker. */
export interface ProposalRow {
  id: string;
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  proposed_by: string;
}

export interface FourEyesProposalKind<Row extends ProposalRow, Dto> {
  /** The loans module's own table of these proposals (loan_restructurings, loan_write_offs). */
  table: string;
  /** Its columns as the service reads them (SELECT and RETURNING list). */
  columns: string;
  /** The name a 404 problem gives ('restructuring', 'write-off'). */
  entity: string;
  /** The audit action prefix ('loan.restructuring'); `.reject` is appended. */
  action: string;
  /** The error codes of this kind: already decided, and the proposer deciding it. */
  errors: { notProposed: string; fourEyes: string };
  toDto: (row: Row) => Dto;
}

/**
 * Four eyes on a loan's proposals (domain.md "The fund and its people": an APPROVER other than the
 * proposer decides; Decree 45 Art. 27–28): an OFFICER proposes, another user approves or rejects.
 * Restructurings and write-offs share the checker's side here: the PROPOSED row locked, the maker
 * refused as checker, the decision recorded, a rejection audited. The approval's own effects stay in
 * each service, in the same transaction.
 */
export class FourEyesProposal<Row extends ProposalRow, Dto> {
  constructor(private readonly kind: FourEyesProposalKind<Row, Dto>) {}

  /** The loan's open proposal in one of `statuses`, if any (one at a time per loan). */
  async open(m: EntityManager, loanId: string, statuses: readonly Row['status'][]): Promise<{ id: string; status: Row['status'] } | undefined> {
    const [open] = (await m.query(`SELECT id::text, status FROM ${this.kind.table} WHERE loan_id = $1 AND status = ANY($2::text[]) ORDER BY id LIMIT 1`, [
      loanId,
      statuses,
    ])) as Array<{ id: string; status: Row['status'] }>;
    return open;
  }

  /** The PROPOSED row, locked; four eyes: its proposer may not decide it. */
  async lockProposed(m: EntityManager, actor: Actor, loanId: string, id: string): Promise<Row> {
    if (!/^\d{1,19}$/.test(id)) throw notFound(this.kind.entity, id);
    const [row] = (await m.query(`SELECT ${this.kind.columns} FROM ${this.kind.table} WHERE id = $1 AND loan_id = $2 FOR UPDATE`, [id, loanId])) as Row[];
    if (!row) throw notFound(this.kind.entity, id);
    if (row.status !== 'PROPOSED') throw new DomainError(this.kind.errors.notProposed, { id, status: row.status });
    if (row.proposed_by === actor.userId) throw new DomainError(this.kind.errors.fourEyes, { id });
    return row;
  }

  /**
   * Records the checker's decision on a row locked by lockProposed: the status, who decided, when,
   * the note, and the approval's own columns (`set`, whose placeholders start at $4).
   */
  async decide(
    m: EntityManager,
    actor: Actor,
    id: string,
    status: 'APPROVED' | 'REJECTED',
    note: string | null,
    set = '',
    params: readonly unknown[] = [],
  ): Promise<Row> {
    const [row] = resultRows(
      await m.query(
        `UPDATE ${this.kind.table} SET status = '${status}', decided_by = $2, decided_at = now(), decision_note = $3${set ? `, ${set}` : ''} WHERE id = $1 RETURNING ${this.kind.columns}`,
        [id, actor.userId, note, ...params],
      ),
    ) as Row[];
    return row;
  }

  /** A rejection: the loan locked, the proposal decided REJECTED, audited in the same transaction. */
  async reject(m: EntityManager, audit: AuditService, actor: Actor, loanId: string, id: string, note: string | null): Promise<Dto> {
    await loanStore.find(m, actor, loanId, true);
    const proposal = await this.lockProposed(m, actor, loanId, id);
    const out = this.kind.toDto(await this.decide(m, actor, id, 'REJECTED', note));
    await audit.record(m, actor, { action: `${this.kind.action}.reject`, entityType: 'loan', entityId: loanId, before: this.kind.toDto(proposal), after: out });
    return out;
  }
}
