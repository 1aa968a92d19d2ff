import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { isUniqueViolation } from '../../../platform/database/index.js';
import { LedgerErrors } from '../ledger.errors.js';
import { sum } from '../../../platform/money/index.js';
import { TransactionRunner } from '../../../platform/database/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type { TrialBalanceDto, UpdateGlCodeDto } from '../dto/ledger.dto.js';
import { LedgerService } from './ledger.service.js';

@Injectable()
export class LedgerQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async trialBalance(_actor: Actor, asOf: string): Promise<TrialBalanceDto> {
    const rows = await this.ledger.trialBalance(asOf);
    return {
      asOf,
      accounts: rows.map((r) => ({ ...r, debit: r.debit.toFixed(), credit: r.credit.toFixed(), balance: r.balance.toFixed() })),
      totalBalance: sum(rows.map((r) => r.balance)).toFixed(),
    };
  }

  /** GL codes are configuration: ADMIN maps each account purpose to the fund's chart. */
  async updateGlCode(actor: Actor, purpose: string, dto: UpdateGlCodeDto): Promise<{ account: string; glCode: string }> {
    try {
      return await this.tx.run(async (m) => {
        const before = (await m.query(`SELECT gl_code FROM ledger_accounts WHERE purpose = $1 FOR UPDATE`, [purpose])) as Array<{ gl_code: string }>;
        if (!before[0]) throw notFound('ledger account', purpose);
        await m.query(`UPDATE ledger_accounts SET gl_code = $2 WHERE purpose = $1`, [purpose, dto.glCode]);
        await this.audit.record(m, actor, {
          action: 'ledger.gl-code',
          entityType: 'ledger_account',
          entityId: purpose,
          before: { glCode: before[0].gl_code },
          after: dto,
        });
        return { account: purpose, glCode: dto.glCode };
      });
    } catch (e) {
      // Two purposes never share a code (the chart maps one way): a taken code is the admin's error, not a 500.
      if (isUniqueViolation(e, 'ledger_accounts_gl_code_key')) {
        throw new DomainError(LedgerErrors['LEDGER.GL_CODE_TAKEN'], { glCode: dto.glCode }, [
          { field: 'glCode', rule: 'unique', message: `GL code ${dto.glCode} is already used` },
        ]);
      }
      throw e;
    }
  }

  async accounts(): Promise<Array<{ account: string; glCode: string; nameVi: string; nameEn: string; type: string }>> {
    const rows: Array<{ purpose: string; gl_code: string; name_vi: string; name_en: string; type: string }> = await this.dataSource.query(
      `SELECT purpose, gl_code, name_vi, name_en, type FROM ledger_accounts ORDER BY gl_code`,
    );
    return rows.map((r) => ({ account: r.purpose, glCode: r.gl_code, nameVi: r.name_vi, nameEn: r.name_en, type: r.type }));
  }
}
