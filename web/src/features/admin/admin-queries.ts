import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

type S = components['schemas'];
export type User = S['UserDto'];
export type CreateUser = S['CreateUserDto'];
export type UpdateUser = S['UpdateUserDto'];
export type Role = User['roles'][number];
export type Product = S['LoanProductDto'];
export type ProductVersion = S['LoanProductVersionDto'];
export type ProductParameters = S['LoanProductParametersDto'];
export type CreateProduct = S['CreateLoanProductDto'];
export type CapitalSource = S['CapitalSourceDto'];
export type CreateCapitalSource = S['CreateCapitalSourceDto'];
export type CapitalMovement = S['CapitalMovementDto'];
export type CreateCapitalMovement = S['CreateCapitalMovementDto'];
export type LedgerAccount = S['LedgerAccountDto'];
export type ClassificationPolicy = S['ClassificationPolicyDto'];
export type PutClassificationPolicy = S['PutClassificationPolicyDto'];
export type CharterCapital = S['CharterCapitalDto'];
export type SetCharterCapital = S['SetCharterCapitalDto'];
export type Borrower = S['BorrowerDto'];

export const PAGE_SIZE = 20;

/** Invalidates a key prefix after a change (the lists re-read what the server now says). */
function useInvalidate() {
  const qc = useQueryClient();
  return (key: readonly unknown[]) => qc.invalidateQueries({ queryKey: key });
}

// Users (ADMIN)
export function useUsers(page: number) {
  return useQuery({
    queryKey: ['admin', 'users', page],
    queryFn: () => call<Page<User>>(api.GET('/api/v1/users', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: CreateUser) => call(api.POST('/api/v1/users', { body })), onSuccess: () => invalidate(['admin', 'users']) });
}
export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(['admin', 'users']),
  });
}
export function useSetUserActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      call(active ? api.POST('/api/v1/users/{id}/enable', { params: { path: { id } } }) : api.POST('/api/v1/users/{id}/disable', { params: { path: { id } } })),
    onSuccess: () => invalidate(['admin', 'users']),
  });
}
export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      call(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}

/** Borrowers matching what the admin types (the cooperative user's binding picker). */
export function useBorrowerSearch(q: string) {
  return useQuery({
    queryKey: ['admin', 'borrower-search', q],
    queryFn: () => call<Page<Borrower>>(api.GET('/api/v1/borrowers', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

// Loan products
export function useProducts(page: number) {
  return useQuery({
    queryKey: ['admin', 'products', page],
    queryFn: () => call<Page<Product>>(api.GET('/api/v1/loan-products', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
export function useProduct(id: string) {
  return useQuery({ queryKey: ['admin', 'product', id], queryFn: () => call(api.GET('/api/v1/loan-products/{id}', { params: { path: { id } } })) });
}
export function useProductVersions(id: string) {
  return useQuery({
    queryKey: ['admin', 'product', id, 'versions'],
    queryFn: () => call<ProductVersion[]>(api.GET('/api/v1/loan-products/{id}/versions', { params: { path: { id } } })),
  });
}
export function useCreateProduct() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateProduct) => call(api.POST('/api/v1/loan-products', { body })),
    onSuccess: () => invalidate(['admin', 'products']),
  });
}
export function useNewProductVersion(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ProductParameters) => call(api.PUT('/api/v1/loan-products/{id}', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await invalidate(['admin', 'product', id]);
      await invalidate(['admin', 'products']);
    },
  });
}
export function useRetireProduct(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/loan-products/{id}/retire', { params: { path: { id } } })),
    onSuccess: async () => {
      await invalidate(['admin', 'product', id]);
      await invalidate(['admin', 'products']);
    },
  });
}

// Capital sources and movements
export function useCapitalSources(page: number) {
  return useQuery({
    queryKey: ['admin', 'capital-sources', page],
    queryFn: () => call<Page<CapitalSource>>(api.GET('/api/v1/capital-sources', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
export function useCapitalSource(id: string) {
  return useQuery({ queryKey: ['admin', 'capital-source', id], queryFn: () => call(api.GET('/api/v1/capital-sources/{id}', { params: { path: { id } } })) });
}
export function useCapitalMovements(id: string, page: number) {
  return useQuery({
    queryKey: ['admin', 'capital-source', id, 'movements', page],
    queryFn: () =>
      call<Page<CapitalMovement>>(api.GET('/api/v1/capital-sources/{id}/movements', { params: { path: { id }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}
export function useCreateCapitalSource() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateCapitalSource) => call(api.POST('/api/v1/capital-sources', { body })),
    onSuccess: () => invalidate(['admin', 'capital-sources']),
  });
}
/** A capital movement moves money: every attempt carries the action's Idempotency-Key. */
export function useRecordMovement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, key }: { body: CreateCapitalMovement; key: string }) =>
      call(api.POST('/api/v1/capital-sources/{id}/movements', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: async () => {
      await invalidate(['admin', 'capital-source', id]);
      await invalidate(['admin', 'capital-sources']);
    },
  });
}

// Ledger accounts
export function useLedgerAccounts() {
  return useQuery({ queryKey: ['admin', 'ledger-accounts'], queryFn: () => call<LedgerAccount[]>(api.GET('/api/v1/ledger/accounts', {})) });
}
export function useUpdateGlCode() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ account, glCode }: { account: string; glCode: string }) =>
      call(api.PATCH('/api/v1/ledger/accounts/{account}', { params: { path: { account } }, body: { glCode } })),
    onSuccess: () => invalidate(['admin', 'ledger-accounts']),
  });
}

// Classification policies
export function useClassificationPolicies() {
  return useQuery({
    queryKey: ['admin', 'classification-policies'],
    queryFn: () => call<ClassificationPolicy[]>(api.GET('/api/v1/classification-policies', {})),
  });
}
export function usePutClassificationPolicy() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PutClassificationPolicy) => call(api.POST('/api/v1/classification-policies', { body })),
    onSuccess: () => invalidate(['admin', 'classification-policies']),
  });
}

// Fund parameters
export function useCharterCapital() {
  return useQuery({ queryKey: ['admin', 'charter-capital'], queryFn: () => call<CharterCapital[]>(api.GET('/api/v1/fund/charter-capital', {})) });
}
export function useSetCharterCapital() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SetCharterCapital) => call(api.POST('/api/v1/fund/charter-capital', { body })),
    onSuccess: () => invalidate(['admin', 'charter-capital']),
  });
}

export type Sector = S['SectorDto'];
/** The VSIC sections of both versions (a product's eligible sectors are "version/section"). */
export function useSectorSections() {
  return useQuery({ queryKey: ['reference', 'sectors'], queryFn: () => call<Sector[]>(api.GET('/api/v1/reference/sectors', {})), staleTime: Infinity });
}
