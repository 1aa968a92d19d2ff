import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '../../../platform/database/index.js';
import type { LocalDate } from '../../../platform/dates/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { RiskErrors } from '../risk.errors.js';
import { type ClassificationPolicy, type PolicyDefinition, policyFromDefinition } from '../domain/index.js';
import type { ClassificationPolicyDto, PutClassificationPolicyDto } from '../dto/classification-policy.dto.js';
import { BusinessDateService } from '../../business-date/index.js';

interface PolicyRow {
  code: string;
  legal_basis: string;
  effective_from: string;
  definition: PolicyDefinition;
}

const COLUMNS = `code, legal_basis, effective_from::text AS effective_from, definition`;

/**
 * Effective-dated classification policies (domain.md "Restructuring and risk"): MICROFINANCE from
 * the start of records; an admin may put BANK (or MICROFINANCE again) in force from a business
 * date that is not closed yet, so closed days never change their classification, and may choose
 * whether that version deducts the pledged collateral from the specific provision's base.
 */
@Injectable()
export class ClassificationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The policy in force on D: the latest effective on or before it. The close and the reports both
   * ask here; before the first policy took effect there is none (CLASSIFICATION_POLICY.NONE_IN_FORCE).
   */
  async inForce(m: EntityManager, date: LocalDate): Promise<ClassificationPolicy> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM classification_policies WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`, [
      date,
    ])) as PolicyRow[];
    if (!row) throw new DomainError(RiskErrors['CLASSIFICATION_POLICY.NONE_IN_FORCE'], { date });
    return policyFromDefinition(row.code, row.legal_basis, row.effective_from, row.definition);
  }

  /** The first policy (the start of the fund's records), or null on a database without any. */
  async first(m: EntityManager): Promise<ClassificationPolicy | null> {
    const [row] = (await m.query(`SELECT ${COLUMNS} FROM classification_policies ORDER BY effective_from LIMIT 1`)) as PolicyRow[];
    return row ? policyFromDefinition(row.code, row.legal_basis, row.effective_from, row.definition) : null;
  }

  async list(): Promise<ClassificationPolicyDto[]> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM classification_policies ORDER BY effective_from`)) as PolicyRow[];
    return rows.map((r) => ({ code: r.code, legalBasis: r.legal_basis, effectiveFrom: r.effective_from, definition: r.definition }));
  }

  async put(actor: Actor, dto: PutClassificationPolicyDto): Promise<ClassificationPolicyDto> {
    return this.tx.run(async (m) => {
      const business = await this.businessDate.current(m);
      if (dto.effectiveFrom < business) {
        throw new DomainError(RiskErrors['CLASSIFICATION_POLICY.DATE_CLOSED'], { limit: business, actual: dto.effectiveFrom });
      }
      const [template] = (await m.query(`SELECT code, legal_basis, definition FROM classification_policy_templates WHERE code = $1`, [
        dto.code,
      ])) as PolicyRow[];
      if (!template) throw new DomainError(RiskErrors['CLASSIFICATION_POLICY.UNKNOWN'], { code: dto.code });
      // Decree 86/2024/NĐ-CP lets the fund deduct collateral whatever the classification rules; the template's thresholds and rates stay as they are.
      const definition: PolicyDefinition = { ...template.definition, deductCollateral: dto.deductCollateral ?? template.definition.deductCollateral };
      policyFromDefinition(template.code, template.legal_basis, dto.effectiveFrom, definition);
      await m.query(
        `INSERT INTO classification_policies (code, legal_basis, effective_from, definition, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (effective_from) DO UPDATE SET code = EXCLUDED.code, legal_basis = EXCLUDED.legal_basis, definition = EXCLUDED.definition,
           created_by = EXCLUDED.created_by, created_at = now()`,
        [template.code, template.legal_basis, dto.effectiveFrom, JSON.stringify(definition), actor.userId],
      );
      const out = { code: template.code, legalBasis: template.legal_basis, effectiveFrom: dto.effectiveFrom, definition };
      await this.audit.record(m, actor, { action: 'classification-policy.put', entityType: 'classification_policy', entityId: dto.effectiveFrom, after: out });
      return out;
    });
  }
}
