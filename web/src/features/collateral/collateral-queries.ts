import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Asset = components['schemas']['AssetDto'];
export type CreateAsset = components['schemas']['CreateAssetDto'];
export type Valuation = components['schemas']['ValuationInputDto'];
export type PledgeInput = components['schemas']['PledgeInputDto'];
export type RegistrationInput = components['schemas']['RegistrationInputDto'];
export type InsuranceInput = components['schemas']['InsuranceInputDto'];

/** The kinds each provisioning type admits (collateral/domain/asset-kinds.ts KINDS_BY_TYPE). */
export const KINDS_BY_TYPE: Record<CreateAsset['type'], CreateAsset['kind'][]> = {
  REAL_ESTATE: ['LAND_USE_RIGHT', 'HOUSE', 'OTHER_REAL_ESTATE'],
  OTHER: ['VEHICLE', 'MACHINERY', 'GOODS', 'OTHER_ASSET'],
  DEPOSIT: ['DEPOSIT'],
  GOVERNMENT_BOND_UNDER_1Y: ['GOVERNMENT_BOND'],
  GOVERNMENT_BOND_1_TO_5Y: ['GOVERNMENT_BOND'],
  GOVERNMENT_BOND_OVER_5Y: ['GOVERNMENT_BOND'],
  VALUABLE_PAPERS: ['VALUABLE_PAPER'],
  LISTED_SECURITIES: ['SECURITIES'],
  UNLISTED_SECURITIES: ['SECURITIES'],
};

/** The identifiers of each kind, required first (collateral/domain/asset-kinds.ts IDENTIFIER_FIELDS). */
export const IDENTIFIERS: Record<CreateAsset['kind'], Array<{ name: string; required: boolean }>> = {
  LAND_USE_RIGHT: ['certificateNumber', 'parcelNumber', 'mapSheet', 'areaM2', 'address', 'commune'].map((name) => ({ name, required: true })),
  HOUSE: ['certificateNumber', 'address', 'commune', 'floorAreaM2'].map((name) => ({ name, required: true })),
  OTHER_REAL_ESTATE: [...['certificateNumber', 'address', 'commune'].map((name) => ({ name, required: true })), { name: 'areaM2', required: false }],
  VEHICLE: [
    ...['plateNumber', 'frameNumber', 'engineNumber'].map((name) => ({ name, required: true })),
    { name: 'brand', required: false },
    { name: 'registrationCertificate', required: false },
  ],
  MACHINERY: [
    ...['name', 'serialNumber', 'location'].map((name) => ({ name, required: true })),
    { name: 'manufacturer', required: false },
    { name: 'yearMade', required: false },
  ],
  GOODS: ['name', 'quantity', 'location'].map((name) => ({ name, required: true })),
  OTHER_ASSET: [
    { name: 'name', required: true },
    { name: 'reference', required: false },
  ],
  DEPOSIT: [
    { name: 'institution', required: true },
    { name: 'accountNumber', required: true },
    { name: 'maturityDate', required: false },
  ],
  GOVERNMENT_BOND: ['issuer', 'code', 'quantity', 'maturityDate'].map((name) => ({ name, required: true })),
  VALUABLE_PAPER: [
    { name: 'issuer', required: true },
    { name: 'serialNumber', required: true },
    { name: 'maturityDate', required: false },
  ],
  SECURITIES: [...['issuer', 'code', 'quantity'].map((name) => ({ name, required: true })), { name: 'depository', required: false }],
};

export function useAssets(borrowerId: string | null) {
  return useQuery({
    queryKey: ['collateral', 'list', borrowerId ?? ''],
    queryFn: () => call(api.GET('/api/v1/collateral-assets', { params: { query: { borrowerId: borrowerId ?? undefined, pageSize: 200 } } })),
  });
}

export function useAsset(id: string) {
  return useQuery({ queryKey: ['collateral', 'one', id], queryFn: () => call(api.GET('/api/v1/collateral-assets/{id}', { params: { path: { id } } })) });
}

export function useBorrowerOptions() {
  return useQuery({
    queryKey: ['collateral', 'borrowers'],
    queryFn: () => call(api.GET('/api/v1/borrowers', { params: { query: { pageSize: 200 } } })),
    staleTime: 60_000,
  });
}

/** The borrower's applications and loans an asset may be pledged to. */
export function usePledgeTargets(borrowerId: string | undefined) {
  return useQuery({
    queryKey: ['collateral', 'targets', borrowerId],
    enabled: !!borrowerId,
    queryFn: async () => {
      const [apps, loans] = await Promise.all([
        call(api.GET('/api/v1/loan-applications', { params: { query: { borrowerId, pageSize: 200 } } })),
        call(api.GET('/api/v1/loans', { params: { query: { borrowerId, pageSize: 200 } } })),
      ]);
      // An approved application already contracted has a loan: the loan is the target then.
      const contracted = new Set(loans.items.map((l) => l.applicationId));
      return {
        applications: apps.items.filter((a) => ['DRAFT', 'SUBMITTED', 'UNDER_APPRAISAL', 'APPROVED'].includes(a.status) && !contracted.has(a.id)),
        loans: loans.items.filter((l) => ['PENDING_DISBURSEMENT', 'ACTIVE'].includes(l.status)),
      };
    },
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['collateral'] }),
      qc.invalidateQueries({ queryKey: ['applications'] }),
      qc.invalidateQueries({ queryKey: ['loans'] }),
    ]);
}

export function useCreateAsset() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateAsset) => call(api.POST('/api/v1/collateral-assets', { body })), onSuccess: invalidate });
}

export function useAssetAction(id: string) {
  const invalidate = useInvalidate();
  const path = { params: { path: { id } } };
  return {
    valuation: useMutation({
      mutationFn: (body: Valuation) => call(api.POST('/api/v1/collateral-assets/{id}/valuations', { ...path, body })),
      onSuccess: invalidate,
    }),
    pledge: useMutation({
      mutationFn: (body: PledgeInput) => call(api.POST('/api/v1/collateral-assets/{id}/pledges', { ...path, body })),
      onSuccess: invalidate,
    }),
    registration: useMutation({
      mutationFn: (body: RegistrationInput) => call(api.POST('/api/v1/collateral-assets/{id}/registrations', { ...path, body })),
      onSuccess: invalidate,
    }),
    insurance: useMutation({
      mutationFn: (body: InsuranceInput) => call(api.POST('/api/v1/collateral-assets/{id}/insurances', { ...path, body })),
      onSuccess: invalidate,
    }),
    release: useMutation({
      mutationFn: (body: { reason: string }) => call(api.POST('/api/v1/collateral-assets/{id}/releases', { ...path, body })),
      onSuccess: invalidate,
    }),
  };
}
