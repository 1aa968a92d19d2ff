import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../platform/database/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { AuditService } from '../../audit/index.js';

export interface LoanOriginTag {
  /** Product rules the signed terms break (a contract signed under older rules, kept as signed); empty when none. */
  readonly legacyRules: readonly string[];
  /** Fund of origin (the merged province's former fund), or null for the fund's own book. */
  readonly origin: string | null;
}

/**
 * Marks a loan brought in from an earlier book (README "Bringing in an existing loan book"): a
 * LEGACY contract keeps terms today's product would refuse, and the origin tag lets the merged fund
 * report the two books apart. Written once, when the import contracts the loan.
 */
@Injectable()
export class LoanOriginsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async tag(actor: Actor, loanId: string, tag: LoanOriginTag): Promise<void> {
    await this.tx.run(async (m) => {
      await m.query(`UPDATE loans SET legacy_terms = $2, legacy_rules = $3, origin = $4, updated_at = now() WHERE id = $1`, [
        loanId,
        tag.legacyRules.length > 0,
        tag.legacyRules.length > 0 ? tag.legacyRules : null,
        tag.origin,
      ]);
      await this.audit.record(m, actor, {
        action: 'loan.tag-origin',
        entityType: 'loan',
        entityId: loanId,
        after: { legacyRules: tag.legacyRules, origin: tag.origin },
      });
    });
  }
}
