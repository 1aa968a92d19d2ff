import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { ID } from './asset-views.js';
import { AuditService } from '../../audit/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { BorrowersService } from '../../borrowers/index.js';
import { CollateralErrors } from '../collateral.errors.js';
import type { CreateGuaranteeDto, GuaranteeDto } from '../dto/guarantee.dto.js';

const SELECT = `SELECT g.id::text AS id, g.borrower_id::text AS borrower_id, b.legal_name AS borrower_name, g.guarantor_kind, g.guarantor_name, g.guarantor_id_number,
  g.guarantor_borrower_id::text AS guarantor_borrower_id, g.guaranteed_amount::text AS guaranteed_amount, g.document_reference, g.signed_on::text AS signed_on, g.status,
  coalesce(array_agg(gl.loan_id::text ORDER BY gl.loan_id) FILTER (WHERE gl.loan_id IS NOT NULL), '{}') AS loan_ids,
  coalesce(array_agg(l.contract_number ORDER BY gl.loan_id) FILTER (WHERE gl.loan_id IS NOT NULL), '{}') AS contract_numbers
  FROM guarantees g JOIN borrowers b ON b.id = g.borrower_id LEFT JOIN guarantee_loans gl ON gl.guarantee_id = g.id LEFT JOIN loans l ON l.id = gl.loan_id`;

interface Row {
  id: string;
  borrower_id: string;
  borrower_name: string;
  guarantor_kind: string;
  guarantor_name: string;
  guarantor_id_number: string;
  guarantor_borrower_id: string | null;
  guaranteed_amount: string;
  document_reference: string;
  signed_on: string;
  status: string;
  loan_ids: string[];
  contract_numbers: string[];
}

const toDto = (r: Row): GuaranteeDto => ({
  id: r.id,
  borrowerId: r.borrower_id,
  borrowerName: r.borrower_name,
  guarantorKind: r.guarantor_kind,
  guarantorName: r.guarantor_name,
  guarantorIdNumber: r.guarantor_id_number,
  guarantorBorrowerId: r.guarantor_borrower_id,
  guaranteedAmount: r.guaranteed_amount,
  documentReference: r.document_reference,
  signedOn: r.signed_on,
  status: r.status,
  loanIds: r.loan_ids,
  contractNumbers: r.contract_numbers,
});

/** Guarantees (bảo lãnh) of a borrower's loans (docs/collateral.md "Guarantees"). */
@Injectable()
export class GuaranteesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly borrowers: BorrowersService,
  ) {}

  async create(actor: Actor, dto: CreateGuaranteeDto): Promise<GuaranteeDto> {
    this.borrowers.assertVisible(actor, dto.borrowerId);
    if (dto.guarantorBorrowerId === dto.borrowerId) {
      throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
        { field: 'guarantorBorrowerId', rule: 'notSelf', message: 'a borrower cannot guarantee itself' },
      ]);
    }
    return this.tx.run(async (m) => {
      await this.borrowers.facts(m, dto.borrowerId);
      if (dto.guarantorBorrowerId) await this.borrowers.facts(m, dto.guarantorBorrowerId);
      for (const loanId of dto.loanIds) {
        const [l] = (await m.query(`SELECT borrower_id::text AS borrower_id FROM loans WHERE id = $1`, [loanId])) as Array<{ borrower_id: string }>;
        if (!l) throw notFound('loan', loanId);
        if (l.borrower_id !== dto.borrowerId) throw new DomainError(CollateralErrors['COLLATERAL.GUARANTOR_LOAN_OTHER_BORROWER'], { loanId });
      }
      const [{ id }] = (await m.query(
        `INSERT INTO guarantees (borrower_id, guarantor_kind, guarantor_name, guarantor_id_number, guarantor_borrower_id, guaranteed_amount, document_reference, signed_on, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
        [
          dto.borrowerId,
          dto.guarantorKind,
          dto.guarantorName,
          dto.guarantorIdNumber,
          dto.guarantorBorrowerId ?? null,
          dto.guaranteedAmount,
          dto.documentReference,
          dto.signedOn,
          actor.userId,
        ],
      )) as Array<{ id: string }>;
      for (const loanId of dto.loanIds) await m.query(`INSERT INTO guarantee_loans (guarantee_id, loan_id) VALUES ($1, $2)`, [id, loanId]);
      const [created] = await this.rows(m, 'WHERE g.id = $1', [id]);
      await this.audit.record(m, actor, { action: 'guarantee.create', entityType: 'guarantee', entityId: id, after: created });
      return created;
    });
  }

  /** A borrower's guarantees: those guaranteeing its loans and those it gives as a guarantor. */
  async ofBorrower(actor: Actor, borrowerId: string): Promise<GuaranteeDto[]> {
    // An id that cannot be a borrower's is not found (never a bigint cast error).
    if (!ID.test(borrowerId)) throw notFound('borrower', borrowerId);
    this.borrowers.assertVisible(actor, borrowerId);
    // A cooperative user sees a guarantee it gives only through its own file; guarantees it gives for others are the fund's business.
    const clause = isCooperativeOnly(actor) ? 'WHERE g.borrower_id = $1' : 'WHERE g.borrower_id = $1 OR g.guarantor_borrower_id = $1';
    return this.rows(this.tx.manager, clause, [borrowerId]);
  }

  async ofLoan(m: EntityManager, loanId: string): Promise<GuaranteeDto[]> {
    return this.rows(m, 'WHERE g.id IN (SELECT guarantee_id FROM guarantee_loans WHERE loan_id = $1)', [loanId]);
  }

  private async rows(m: EntityManager, where: string, params: unknown[]): Promise<GuaranteeDto[]> {
    const rows: Row[] = await m.query(`${SELECT} ${where} GROUP BY g.id, b.legal_name ORDER BY g.id LIMIT 200`, params);
    return rows.map(toDto);
  }
}
