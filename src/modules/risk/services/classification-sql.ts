// Mirrors (change together): src/modules/risk/domain/classification.ts, src/modules/risk/domain/provisioning.ts
import type { ClassificationPolicy } from '../domain/index.js';

/**
 * The classification policy in force as SQL expressions (domain.md "Restructuring and risk"), so a
 * past date is classified set-based exactly as the close classifies: the worse of the DPD group and
 * the restructuring group. Every literal comes from a validated policy (integers and decimal
 * strings), never from a request.
 */
const int = (n: number): string => {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return String(n);
};
const dec = (s: string): string => {
  if (!/^\d+(\.\d+)?$/.test(s)) throw new RangeError(`not a decimal: ${s}`);
  return `${s}::numeric`;
};

export function dpdGroupSql(policy: ClassificationPolicy, dpd: string): string {
  const rows = [...policy.dpdThresholds].sort((a, b) => b.minDpd - a.minDpd);
  return `(CASE ${rows.map((t) => `WHEN ${dpd} >= ${int(t.minDpd)} THEN ${int(t.group)}`).join(' ')} ELSE 1 END)`;
}

export function restructuringGroupSql(policy: ClassificationPolicy, count: string, dpd: string): string {
  if (policy.restructuringRules.length === 0) return '1';
  const terms = policy.restructuringRules.map(
    (r) => `CASE WHEN ${count} >= ${int(r.minRestructurings)} AND ${dpd} >= ${int(r.minDpd)} THEN ${int(r.group)} ELSE 1 END`,
  );
  return `greatest(1, ${terms.join(', ')})`;
}

export function specificRateSql(policy: ClassificationPolicy, group: string): string {
  const rates = policy.specificProvisionRates;
  return `(CASE ${group} WHEN 1 THEN ${dec(rates[1].toFixed())} WHEN 2 THEN ${dec(rates[2].toFixed())} WHEN 3 THEN ${dec(rates[3].toFixed())} WHEN 4 THEN ${dec(rates[4].toFixed())} ELSE ${dec(rates[5].toFixed())} END)`;
}

export function generalRateSql(policy: ClassificationPolicy, group: string): string {
  const groups = policy.generalProvisionGroups.map(int).join(', ');
  return `(CASE WHEN ${group} IN (${groups || '0'}) THEN ${dec(policy.generalProvisionRate.toFixed())} ELSE 0::numeric END)`;
}

export function badDebtSql(policy: ClassificationPolicy, group: string): string {
  return `${group} IN (${policy.badDebtGroups.map(int).join(', ') || '0'})`;
}
