import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type Borrower = components['schemas']['BorrowerDto'];
export type BorrowerType = Borrower['type'];
export type CreateBorrower = components['schemas']['CreateBorrowerDto'];
export type UpdateBorrower = components['schemas']['UpdateBorrowerDto'];
export type Sector = components['schemas']['SectorDto'];
export type Commune = components['schemas']['CommuneDto'];
export type CooperativeGroup = components['schemas']['CooperativeGroupDto'];
export type Relation = components['schemas']['RelationDto'];
export type SectorVersion = Sector['version'];

export interface BorrowerFilters {
  q?: string;
  type?: BorrowerType;
  communeCode?: string;
  sectorCode?: string;
  page: number;
  pageSize: number;
}

const keys = {
  all: ['borrowers'] as const,
  list: (f: BorrowerFilters) => ['borrowers', 'list', f] as const,
  one: (id: string) => ['borrowers', 'one', id] as const,
};

/** A page of borrowers; the previous page stays on screen while the next loads (no flash). */
export function useBorrowers(filters: BorrowerFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => call<Page<Borrower>>(api.GET('/api/v1/borrowers', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useBorrower(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id } } })) });
}

export function useRelations(id: string) {
  return useQuery({
    queryKey: ['borrowers', 'relations', id],
    queryFn: () => call<Relation[]>(api.GET('/api/v1/borrowers/{id}/relations', { params: { path: { id } } })),
  });
}

/** The VSIC sections (both versions; a reference list, cached for the session). */
export function useSectors() {
  return useQuery({ queryKey: ['reference', 'sectors'], queryFn: () => call<Sector[]>(api.GET('/api/v1/reference/sectors', {})), staleTime: Infinity });
}

/** The communes and wards of the fund's province after the 2025 arrangement. */
export function useCommunes() {
  return useQuery({ queryKey: ['reference', 'communes'], queryFn: () => call<Commune[]>(api.GET('/api/v1/reference/communes', {})), staleTime: Infinity });
}

export function useCooperativeGroups() {
  return useQuery({
    queryKey: ['cooperative-groups'],
    queryFn: () => call<Page<CooperativeGroup>>(api.GET('/api/v1/cooperative-groups', { params: { query: { pageSize: 200 } } })),
  });
}

/** Cooperatives a member may belong to (the first 200 by id; the picker searches within them). */
export function useCooperatives(enabled: boolean) {
  return useQuery({
    queryKey: keys.list({ type: 'COOPERATIVE', page: 1, pageSize: 200 }),
    queryFn: () => call<Page<Borrower>>(api.GET('/api/v1/borrowers', { params: { query: { type: 'COOPERATIVE', page: 1, pageSize: 200 } } })),
    enabled,
  });
}

export function useCreateBorrower() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBorrower) => call(api.POST('/api/v1/borrowers', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateBorrower(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateBorrower) => call(api.PATCH('/api/v1/borrowers/{id}', { params: { path: { id } }, body })),
    onSuccess: (b) => {
      qc.setQueryData(keys.one(id), b);
      return qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useCreateCooperativeGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['CreateCooperativeGroupDto']) => call(api.POST('/api/v1/cooperative-groups', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cooperative-groups'] }),
  });
}
