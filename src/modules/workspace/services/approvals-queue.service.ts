import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { offsetOf, type Page } from '../../../platform/http/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { ApprovalItemDto, ApprovalKind, ApprovalsQueryDto } from '../dto/approvals.dto.js';

/**
 * The approvers' one queue (four eyes, domain.md "Roles"): applications appraised and awaiting a
 * decision, restructurings, write-offs and recalls before term (README "The loan file") proposed. A read model like the work queues: it reads the
 * applications' and loans' tables and writes nothing; deciding stays with each module's own route.
 */
const PENDING = `
  SELECT 'APPLICATION' AS kind, a.id, a.id AS application_id, NULL::bigint AS loan_id, NULL::text AS contract_number, a.borrower_id,
    a.requested_amount AS amount, NULL::text AS restructuring_type,
    (SELECT max(p.created_at) FROM appraisals p WHERE p.application_id = a.id) AS prepared_at,
    array_remove(ARRAY[a.created_by, a.submitted_by] || ARRAY(SELECT p.appraised_by FROM appraisals p WHERE p.application_id = a.id ORDER BY p.id), NULL) AS preparers
  FROM loan_applications a
  WHERE a.status = 'UNDER_APPRAISAL' AND EXISTS (SELECT 1 FROM appraisals p WHERE p.application_id = a.id)
  UNION ALL
  SELECT 'RESTRUCTURING', r.id, l.application_id, r.loan_id, l.contract_number, l.borrower_id, l.outstanding_principal, r.type, r.created_at, ARRAY[r.proposed_by]
  FROM loan_restructurings r JOIN loans l ON l.id = r.loan_id WHERE r.status = 'PROPOSED'
  UNION ALL
  SELECT 'WRITE_OFF', w.id, l.application_id, w.loan_id, l.contract_number, l.borrower_id, l.outstanding_principal, NULL, w.created_at, ARRAY[w.proposed_by]
  FROM loan_write_offs w JOIN loans l ON l.id = w.loan_id WHERE w.status = 'PROPOSED'
  UNION ALL
  SELECT 'RECALL', c.id, l.application_id, c.loan_id, l.contract_number, l.borrower_id, l.outstanding_principal, NULL, c.proposed_at, ARRAY[c.proposed_by]
  FROM recall_cases c JOIN loans l ON l.id = c.loan_id WHERE c.status = 'PROPOSED'`;

interface Row {
  kind: ApprovalKind;
  id: string;
  application_id: string;
  loan_id: string | null;
  contract_number: string | null;
  borrower_id: string;
  borrower_name: string;
  amount: string;
  restructuring_type: string | null;
  prepared_at: Date;
  preparers: string[];
}

@Injectable()
export class ApprovalsQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ApprovalsQueryDto): Promise<Page<ApprovalItemDto>> {
    const m = this.dataSource.manager;
    const kind = q.kind ?? null;
    const rows: Row[] = await m.query(
      `SELECT i.kind, i.id::text, i.application_id::text, i.loan_id::text, i.contract_number, i.borrower_id::text, b.legal_name AS borrower_name,
         i.amount::text, i.restructuring_type, i.prepared_at, i.preparers::text[] AS preparers
       FROM (${PENDING}) i JOIN borrowers b ON b.id = i.borrower_id
       WHERE $1::text IS NULL OR i.kind = $1
       ORDER BY i.prepared_at, i.kind, i.id LIMIT $2 OFFSET $3`,
      [kind, q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM (${PENDING}) i WHERE $1::text IS NULL OR i.kind = $1`, [kind])) as Array<{
      total: number;
    }>;
    const ids = [...new Set(rows.flatMap((r) => r.preparers))];
    const users: Array<{ id: string; username: string; display_name: string }> = ids.length
      ? await m.query(`SELECT id::text, username, display_name FROM users WHERE id = ANY($1::bigint[])`, [ids])
      : [];
    const byId = new Map(users.map((u) => [u.id, { userId: u.id, username: u.username, displayName: u.display_name }]));
    const items = rows.map((r) => {
      const preparers = [...new Set(r.preparers)];
      return {
        kind: r.kind,
        id: r.id,
        applicationId: r.application_id,
        loanId: r.loan_id,
        contractNumber: r.contract_number,
        borrowerId: r.borrower_id,
        borrowerName: r.borrower_name,
        amount: r.amount,
        restructuringType: r.restructuring_type,
        preparedAt: new Date(r.prepared_at).toISOString(),
        preparedBy: preparers.flatMap((id) => byId.get(id) ?? []),
        preparedByMe: actor.userId !== null && preparers.includes(actor.userId),
      };
    });
    return { items, page: q.page, pageSize: q.pageSize, total };
  }
}
