import type { EntityManager } from 'typeorm';
import { notFound } from '../../../platform/errors/index.js';
import { Money, sum } from '../../../platform/money/index.js';
import { isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { addMonthsClamped } from '../../../platform/dates/index.js';
import { expiryState } from '../domain/cover.js';
import type { AssetDto, EnforcementDto, PledgeDto, ReleaseDto } from '../dto/collateral-views.dto.js';
import type { CollateralSettingsDto } from '../dto/collateral-views.dto.js';

interface AssetRow {
  id: string;
  borrower_id: string;
  borrower_name: string;
  type: string;
  rate: string;
  kind: string;
  description: string;
  identifiers: Record<string, string>;
  owner_kind: string;
  owner_name: string | null;
  owner_id_number: string | null;
  owner_relationship: string | null;
  status: string;
  created_at: Date;
}

export const ID = /^[1-9]\d{0,18}$/;

/** 404 for an asset that does not exist or that a cooperative user may not see (its own borrower's only). */
export async function assetBorrower(m: EntityManager, actor: Actor, id: string, lock = false): Promise<{ borrowerId: string; status: string }> {
  if (!ID.test(id)) throw notFound('collateral asset', id);
  const [row] = (await m.query(`SELECT borrower_id::text AS borrower_id, status FROM collateral_assets WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
    id,
  ])) as Array<{
    borrower_id: string;
    status: string;
  }>;
  if (!row || (isCooperativeOnly(actor) && actor.borrowerId !== row.borrower_id)) throw notFound('collateral asset', id);
  return { borrowerId: row.borrower_id, status: row.status };
}

export const RELEASE_SELECT = `SELECT r.id::text AS id, r.asset_id::text AS asset_id, a.description AS asset_description, a.borrower_id::text AS borrower_id,
  b.legal_name AS borrower_name, r.reason, r.status, r.proposed_by::text AS proposed_by, u.username AS proposed_by_username, u.display_name AS proposed_by_name, r.proposed_at,
  r.decided_by::text AS decided_by, d.display_name AS decided_by_name, r.decision_date::text AS decision_date, r.decision_note, r.document_number
  FROM collateral_releases r JOIN collateral_assets a ON a.id = r.asset_id JOIN borrowers b ON b.id = a.borrower_id JOIN users u ON u.id = r.proposed_by
  LEFT JOIN users d ON d.id = r.decided_by`;

export interface ReleaseRow {
  id: string;
  asset_id: string;
  asset_description: string;
  borrower_id: string;
  borrower_name: string;
  reason: string;
  status: string;
  proposed_by: string;
  proposed_by_username: string;
  proposed_by_name: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_date: string | null;
  decision_note: string | null;
  document_number: string | null;
}

export const toReleaseDto = (r: ReleaseRow): ReleaseDto => ({
  id: r.id,
  assetId: r.asset_id,
  assetDescription: r.asset_description,
  borrowerId: r.borrower_id,
  borrowerName: r.borrower_name,
  reason: r.reason,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedByUsername: r.proposed_by_username,
  proposedByName: r.proposed_by_name,
  proposedAt: r.proposed_at.toISOString(),
  decidedBy: r.decided_by,
  decidedByName: r.decided_by_name,
  decisionDate: r.decision_date,
  decisionNote: r.decision_note,
  documentNumber: r.document_number,
});

/**
 * The assets matching `where` (on collateral_assets a), each with its valuation history, pledges,
 * latest registration and insurance, releases and enforcements; the states are as of `on`.
 */
export async function loadAssets(
  m: EntityManager,
  where: string,
  params: unknown[],
  settings: CollateralSettingsDto,
  on: string,
  limit = 200,
  offset = 0,
): Promise<AssetDto[]> {
  const rows: AssetRow[] = await m.query(
    `SELECT a.id::text AS id, a.borrower_id::text AS borrower_id, b.legal_name AS borrower_name, a.type, r.rate::text AS rate, a.kind, a.description,
            a.identifiers, a.owner_kind, a.owner_name, a.owner_id_number, a.owner_relationship, a.status, a.created_at
       FROM collateral_assets a JOIN borrowers b ON b.id = a.borrower_id JOIN collateral_discount_rates r ON r.type = a.type
      ${where} ORDER BY a.id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const valuations: Array<{
    id: string;
    asset_id: string;
    valuation_date: string;
    value: string;
    method: string;
    valuer_kind: string;
    valuer_name: string;
    note: string | null;
  }> = await m.query(
    `SELECT id::text AS id, asset_id::text AS asset_id, valuation_date::text AS valuation_date, value::text AS value, method, valuer_kind, valuer_name, note
         FROM collateral_valuations WHERE asset_id = ANY($1::bigint[]) ORDER BY valuation_date DESC, id DESC`,
    [ids],
  );
  const pledges: Array<{
    id: string;
    asset_id: string;
    application_id: string | null;
    loan_id: string | null;
    contract_number: string | null;
    allocated_value: string;
    effective_value: string | null;
    status: string;
  }> = await m.query(
    `SELECT p.id::text AS id, p.asset_id::text AS asset_id, p.application_id::text AS application_id, p.loan_id::text AS loan_id, l.contract_number,
              p.allocated_value::text AS allocated_value, round(v.effective_value, 2)::text AS effective_value, p.status
         FROM collateral_pledges p LEFT JOIN loans l ON l.id = p.loan_id LEFT JOIN collateral_pledge_values v ON v.pledge_id = p.id
        WHERE p.asset_id = ANY($1::bigint[]) ORDER BY p.id`,
    [ids],
  );
  const registrations: Array<{
    id: string;
    asset_id: string;
    office: string;
    registration_number: string;
    registration_date: string;
    expiry_date: string | null;
    legal_basis: string;
  }> = await m.query(
    `SELECT DISTINCT ON (asset_id) id::text AS id, asset_id::text AS asset_id, office, registration_number, registration_date::text AS registration_date,
              expiry_date::text AS expiry_date, legal_basis
         FROM collateral_registrations WHERE asset_id = ANY($1::bigint[]) ORDER BY asset_id, registration_date DESC, id DESC`,
    [ids],
  );
  const insurances: Array<{
    id: string;
    asset_id: string;
    insurer: string;
    policy_number: string;
    insured_value: string | null;
    start_date: string;
    expiry_date: string;
  }> = await m.query(
    `SELECT DISTINCT ON (asset_id) id::text AS id, asset_id::text AS asset_id, insurer, policy_number, insured_value::text AS insured_value,
              start_date::text AS start_date, expiry_date::text AS expiry_date
         FROM collateral_insurances WHERE asset_id = ANY($1::bigint[]) ORDER BY asset_id, expiry_date DESC, id DESC`,
    [ids],
  );
  const releases: ReleaseRow[] = await m.query(`${RELEASE_SELECT} WHERE r.asset_id = ANY($1::bigint[]) ORDER BY r.id`, [ids]);
  const enforcements: Array<{
    id: string;
    asset_id: string;
    loan_id: string;
    method: string;
    value_date: string;
    proceeds: string;
    costs: string;
    recovery: string;
    reference: string;
    repayment_id: string;
  }> = await m.query(
    `SELECT id::text AS id, asset_id::text AS asset_id, loan_id::text AS loan_id, method, value_date::text AS value_date, proceeds::text AS proceeds,
              costs::text AS costs, recovery::text AS recovery, reference, repayment_id FROM collateral_enforcements WHERE asset_id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  const warn = settings.expiryWarningDays;
  return rows.map((a): AssetDto => {
    const vals = valuations.filter((v) => v.asset_id === a.id);
    const latest = vals[0] ?? null;
    const own = pledges.filter((p) => p.asset_id === a.id);
    const allocated = sum(own.filter((p) => p.status === 'ACTIVE').map((p) => new Money(p.allocated_value)));
    const value = latest ? new Money(latest.value) : null;
    const left = value ? value.minus(allocated) : new Money(0);
    const revaluationDue = latest ? addMonthsClamped(latest.valuation_date, settings.revaluationMonths) : null;
    const reg = registrations.find((r) => r.asset_id === a.id) ?? null;
    const ins = insurances.find((i) => i.asset_id === a.id) ?? null;
    return {
      id: a.id,
      borrowerId: a.borrower_id,
      borrowerName: a.borrower_name,
      type: a.type,
      discountRate: new Money(a.rate).toFixed(),
      kind: a.kind,
      description: a.description,
      identifiers: a.identifiers,
      ownerKind: a.owner_kind,
      ownerName: a.owner_name,
      ownerIdNumber: a.owner_id_number,
      ownerRelationship: a.owner_relationship,
      status: a.status,
      valueInForce: latest?.value ?? null,
      valuationDate: latest?.valuation_date ?? null,
      revaluationDue,
      // A stale valuation (older than the revaluation period) shows as EXPIRED (docs/collateral.md "Valuations").
      valuationState: latest ? expiryState(revaluationDue, on, warn) : 'EXPIRED',
      allocated: allocated.toFixed(),
      headroom: (left.isNegative() ? new Money(0) : left).toFixed(),
      valuations: vals.map((v) => ({
        id: v.id,
        valuationDate: v.valuation_date,
        value: v.value,
        method: v.method,
        valuerKind: v.valuer_kind,
        valuerName: v.valuer_name,
        note: v.note,
      })),
      pledges: own.map((p): PledgeDto => ({
        id: p.id,
        assetId: p.asset_id,
        applicationId: p.application_id,
        loanId: p.loan_id,
        contractNumber: p.contract_number,
        allocatedValue: p.allocated_value,
        effectiveValue: p.effective_value === null ? '0' : new Money(p.effective_value).toFixed(),
        status: p.status,
      })),
      registration: reg && {
        id: reg.id,
        office: reg.office,
        registrationNumber: reg.registration_number,
        registrationDate: reg.registration_date,
        expiryDate: reg.expiry_date,
        legalBasis: reg.legal_basis,
        state: expiryState(reg.expiry_date, on, warn),
      },
      insurance: ins && {
        id: ins.id,
        insurer: ins.insurer,
        policyNumber: ins.policy_number,
        insuredValue: ins.insured_value,
        startDate: ins.start_date,
        expiryDate: ins.expiry_date,
        state: expiryState(ins.expiry_date, on, warn),
      },
      releases: releases.filter((r) => r.asset_id === a.id).map(toReleaseDto),
      enforcements: enforcements
        .filter((e) => e.asset_id === a.id)
        .map((e): EnforcementDto => ({
          id: e.id,
          assetId: e.asset_id,
          loanId: e.loan_id,
          method: e.method,
          valueDate: e.value_date,
          proceeds: e.proceeds,
          costs: e.costs,
          recovery: e.recovery,
          reference: e.reference,
          repaymentId: e.repayment_id,
        })),
      createdAt: a.created_at.toISOString(),
    };
  });
}
