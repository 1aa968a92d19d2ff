import { Money } from '../../../platform/money/money.js';
import type { LocalDate } from '../../../platform/dates/local-date.js';
import {
  type ClassificationPolicy,
  type DebtGroup,
  type DpdThreshold,
  type RestructuringRule,
  DEBT_GROUPS,
  assertValidPolicy,
} from './classification-policy.js';

/**
 * A classification policy as stored (classification_policies.definition, jsonb): money and rates as
 * decimal strings, never JSON numbers (design.md). Round-trips exactly: policyFromRecord(policyToRecord(p)) ≡ p.
 */
export interface PolicyDefinition {
  readonly dpdThresholds: readonly DpdThreshold[];
  readonly restructuringRules: readonly RestructuringRule[];
  readonly specificProvisionRates: Readonly<Record<string, string>>;
  readonly generalProvisionRate: string;
  readonly generalProvisionGroups: readonly DebtGroup[];
  readonly badDebtGroups: readonly DebtGroup[];
  readonly deductCollateral: boolean;
}

export function policyToDefinition(p: ClassificationPolicy): PolicyDefinition {
  return {
    dpdThresholds: p.dpdThresholds.map((t) => ({ minDpd: t.minDpd, group: t.group })),
    restructuringRules: p.restructuringRules.map((r) => ({ ...r })),
    specificProvisionRates: Object.fromEntries(DEBT_GROUPS.map((g) => [String(g), p.specificProvisionRates[g].toFixed()])),
    generalProvisionRate: p.generalProvisionRate.toFixed(),
    generalProvisionGroups: [...p.generalProvisionGroups],
    badDebtGroups: [...p.badDebtGroups],
    deductCollateral: p.deductCollateral,
  };
}

export function policyFromDefinition(code: string, legalBasis: string, effectiveFrom: LocalDate, d: PolicyDefinition): ClassificationPolicy {
  const rate = (g: DebtGroup): Money => new Money(d.specificProvisionRates[String(g)] ?? 'NaN');
  return assertValidPolicy({
    code,
    legalBasis,
    effectiveFrom,
    dpdThresholds: d.dpdThresholds,
    restructuringRules: d.restructuringRules,
    specificProvisionRates: { 1: rate(1), 2: rate(2), 3: rate(3), 4: rate(4), 5: rate(5) },
    generalProvisionRate: new Money(d.generalProvisionRate),
    generalProvisionGroups: d.generalProvisionGroups,
    badDebtGroups: d.badDebtGroups,
    deductCollateral: d.deductCollateral,
  });
}

/**
 * The policy as the parameters of the close's set-based SQL: parallel arrays that unnest() turns
 * back into the tables (a loan's DPD group = the greatest group whose minDpd it reaches; its
 * restructuring group = the greatest matching rule's group, else 1), rates indexed by group 1–5.
 */
export interface PolicySqlParams {
  readonly dpdMin: number[];
  readonly dpdGroup: number[];
  readonly rsCount: number[];
  readonly rsDpd: number[];
  readonly rsGroup: number[];
  /** Index 1 = group 1 (PostgreSQL arrays start at 1). */
  readonly specificRates: string[];
  readonly generalRate: string;
  readonly generalGroups: number[];
  readonly deductCollateral: boolean;
}

export function policySqlParams(p: ClassificationPolicy): PolicySqlParams {
  return {
    dpdMin: p.dpdThresholds.map((t) => t.minDpd),
    dpdGroup: p.dpdThresholds.map((t) => t.group),
    rsCount: p.restructuringRules.map((r) => r.minRestructurings),
    rsDpd: p.restructuringRules.map((r) => r.minDpd),
    rsGroup: p.restructuringRules.map((r) => r.group),
    specificRates: DEBT_GROUPS.map((g) => p.specificProvisionRates[g].toFixed()),
    generalRate: p.generalProvisionRate.toFixed(),
    generalGroups: [...p.generalProvisionGroups],
    deductCollateral: p.deductCollateral,
  };
}
