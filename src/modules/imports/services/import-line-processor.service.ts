import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError, errorDefinition, renderMessage } from '../../../platform/errors/index.js';
import { type IdempotencyClaim, idempotencyContext, idempotencyStore } from '../../../platform/idempotency/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanCommandsService, type RepaymentResultDto, formatContractNumber } from '../../loans/index.js';
import { contractNumberFinder } from '../domain/contract-matcher.js';
import { ImportErrors } from '../imports.errors.js';

/**
 * Statement-line repayments share one idempotency scope whoever uploads the file (user 0 is not
 * a user: it is the statement's own scope), so the same bank line is recorded once, ever.
 */
export const IMPORT_IDEMPOTENCY_USER = '0';
export const IMPORT_IDEMPOTENCY_ROUTE = 'IMPORT /api/v1/repayment-imports';

interface LineRow {
  import_id: string;
  line_no: number;
  value_date: string;
  amount: string;
  reference: string;
  description: string;
  line_key: string;
  outcome: 'PENDING' | 'APPLIED' | 'UNMATCHED' | 'REFUSED';
}

type Outcome = {
  outcome: 'APPLIED' | 'UNMATCHED' | 'REFUSED';
  loanId?: string | null;
  contractNumber?: string | null;
  repaymentId?: string | null;
  reasonCode?: string | null;
  reason?: string | null;
};

/**
 * One statement line: match it to a loan by the contract number in its reference or description
 * (or take the loan an officer assigned), then record the repayment through
 * LoanCommandsService.repay — the same path as POST /loans/:id/repayments, allocation, ledger and
 * audit included — under the line's idempotency key, committed with the repayment itself.
 */
@Injectable()
export class ImportLineProcessor {
  private readonly find: (text: string) => string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly commands: LoanCommandsService,
  ) {
    const pattern = config.contractNumberPattern;
    this.find = contractNumberFinder(pattern, (year, seq) => formatContractNumber(pattern, year, seq));
  }

  async process(actor: Actor, importId: string, lineNo: number, assignedLoanId?: string): Promise<Outcome> {
    const m = this.dataSource.manager;
    const [line] = (await m.query(
      `SELECT import_id::text, line_no, value_date::text, amount::text, reference, description, line_key, outcome
       FROM repayment_import_lines WHERE import_id = $1 AND line_no = $2`,
      [importId, lineNo],
    )) as LineRow[];
    if (!line || line.outcome === 'APPLIED') return { outcome: 'APPLIED' };
    const matched = assignedLoanId ? await this.byId(assignedLoanId) : await this.match(line);
    const outcome = matched.loanId ? await this.record(actor, line, matched.loanId, matched.contractNumber ?? null) : matched;
    // An APPLIED line is final: it holds the repayment it recorded. A concurrent assignment of the
    // same line that lost the race for the line's key (LINE_IN_FLIGHT) must not write over it.
    await m.query(
      `UPDATE repayment_import_lines SET outcome = $3, loan_id = $4, contract_number = $5, repayment_id = $6, reason_code = $7, reason = $8,
              assigned_by = coalesce($9, assigned_by), processed_at = now()
       WHERE import_id = $1 AND line_no = $2 AND outcome <> 'APPLIED'`,
      [
        importId,
        lineNo,
        outcome.outcome,
        outcome.loanId ?? matched.loanId ?? null,
        outcome.contractNumber ?? matched.contractNumber ?? null,
        outcome.repaymentId ?? null,
        outcome.reasonCode ?? null,
        outcome.reason ?? null,
        assignedLoanId ? actor.userId : null,
      ],
    );
    return outcome;
  }

  /** The reference first, then the description; exactly one contract number that exists. */
  private async match(line: LineRow): Promise<Outcome> {
    const numbers = this.find(line.reference).length > 0 ? this.find(line.reference) : this.find(line.description);
    if (numbers.length === 0)
      return { outcome: 'UNMATCHED', reasonCode: 'IMPORT.NO_CONTRACT_NUMBER', reason: 'Không tìm thấy số hợp đồng trong nội dung / no contract number found' };
    if (numbers.length > 1)
      return {
        outcome: 'UNMATCHED',
        reasonCode: 'IMPORT.SEVERAL_CONTRACT_NUMBERS',
        reason: `Nhiều số hợp đồng / several contract numbers: ${numbers.join(', ')}`,
      };
    const [loan] = (await this.dataSource.query(`SELECT id::text FROM loans WHERE contract_number = $1`, [numbers[0]])) as Array<{ id: string }>;
    if (!loan)
      return {
        outcome: 'UNMATCHED',
        contractNumber: numbers[0],
        reasonCode: 'IMPORT.CONTRACT_NOT_FOUND',
        reason: `Không có hợp đồng / no contract ${numbers[0]}`,
      };
    return { outcome: 'APPLIED', loanId: loan.id, contractNumber: numbers[0] };
  }

  private async byId(loanId: string): Promise<Outcome> {
    const [loan] = (await this.dataSource.query(`SELECT id::text, contract_number FROM loans WHERE id = $1`, [loanId])) as Array<{
      id: string;
      contract_number: string;
    }>;
    if (!loan) throw new DomainError('RESOURCE.NOT_FOUND', { entity: 'loan', id: loanId });
    return { outcome: 'APPLIED', loanId: loan.id, contractNumber: loan.contract_number };
  }

  private async record(actor: Actor, line: LineRow, loanId: string, contractNumber: string | null): Promise<Outcome> {
    const m = this.dataSource.manager;
    const base = { loanId, contractNumber };
    const claim: IdempotencyClaim = {
      userId: IMPORT_IDEMPOTENCY_USER,
      route: IMPORT_IDEMPOTENCY_ROUTE,
      key: line.line_key,
      responseStatus: 201,
      completedInTransaction: false,
    };
    if (!(await idempotencyStore.claim(m, claim.userId, claim.route, claim.key, line.line_key))) {
      const stored = await idempotencyStore.read(m, claim.userId, claim.route, claim.key, 60);
      if (stored?.status === 'COMPLETED') return { ...base, ...(await this.alreadyRecorded(line, stored.response_body as RepaymentResultDto)) };
      if (!stored?.stale || !(await idempotencyStore.takeOver(m, claim.userId, claim.route, claim.key, 60))) {
        return {
          ...base,
          outcome: 'REFUSED',
          reasonCode: ImportErrors['IMPORT.LINE_IN_FLIGHT'],
          reason: this.message(ImportErrors['IMPORT.LINE_IN_FLIGHT'], {}),
        };
      }
    }
    const reference = (line.reference || `SK-${line.import_id}-${line.line_no}`).slice(0, 100);
    try {
      const result = await idempotencyContext.run(claim, () =>
        this.commands.repay(actor, loanId, { amount: line.amount, valueDate: line.value_date, reference, channel: 'STATEMENT_IMPORT' }),
      );
      return { ...base, outcome: 'APPLIED', repaymentId: result.repayment.id };
    } catch (e) {
      if (!claim.completedInTransaction) await idempotencyStore.release(m, claim);
      // A loan busy with the close is retried with the job (its finished lines are skipped), not refused.
      if (e instanceof DomainError && e.code !== 'CONCURRENCY.CONFLICT')
        return { ...base, outcome: 'REFUSED', reasonCode: e.code, reason: this.message(e.code, e.params) };
      throw e;
    }
  }

  /** The key was used: by another import's line (a duplicate, refused) or by this line before a crash (applied). */
  private async alreadyRecorded(line: LineRow, stored: RepaymentResultDto): Promise<Outcome> {
    const [earlier] = (await this.dataSource.query(
      `SELECT import_id::text, line_no FROM repayment_import_lines
       WHERE line_key = $1 AND outcome = 'APPLIED' AND NOT (import_id = $2 AND line_no = $3) ORDER BY import_id, line_no LIMIT 1`,
      [line.line_key, line.import_id, line.line_no],
    )) as Array<{ import_id: string; line_no: number }>;
    const repaymentId = stored.repayment.id;
    if (!earlier) return { outcome: 'APPLIED', repaymentId };
    const code = ImportErrors['IMPORT.DUPLICATE_LINE'];
    return {
      outcome: 'REFUSED',
      repaymentId,
      reasonCode: code,
      reason: this.message(code, { importId: earlier.import_id, line: earlier.line_no, repaymentId }),
    };
  }

  private message(code: string, params: DomainError['params']): string {
    const def = errorDefinition(code);
    return def ? renderMessage(def.vi, params) : code;
  }
}
