import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';
import type { LendingChecks } from '../../shared/lending/lending-checks';

export type Application = components['schemas']['LoanApplicationDto'];
export type ApplicationStatus = Application['status'];
export type CreateApplication = components['schemas']['CreateLoanApplicationDto'];
export type ChecksRequest = components['schemas']['LendingChecksRequestDto'];
export type Appraisal = components['schemas']['AppraisalDto'];
export type CreateAppraisal = components['schemas']['CreateAppraisalDto'];
export type DocumentRecord = components['schemas']['DocumentDto'];
export type CreateDocument = components['schemas']['CreateDocumentDto'];
export type Borrower = components['schemas']['BorrowerDto'];
export type Product = components['schemas']['LoanProductDto'];
export type CapitalSource = components['schemas']['CapitalSourceDto'];
export type Sector = components['schemas']['SectorDto'];
export type SchedulePreviewRequest = components['schemas']['SchedulePreviewDto'];
export type SchedulePreview = components['schemas']['SchedulePreviewResultDto'];
export type Frequency = CreateApplication['repaymentFrequency'];

export interface ApplicationFilters {
  status?: ApplicationStatus;
  queue?: 'to-appraise' | 'awaiting-approval';
  borrowerId?: string;
  page: number;
  pageSize: number;
}

const keys = {
  all: ['applications'] as const,
  list: (f: ApplicationFilters) => ['applications', 'list', f] as const,
  one: (id: string) => ['applications', 'one', id] as const,
};

export function useApplications(filters: ApplicationFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => call<Page<Application>>(api.GET('/api/v1/loan-applications', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => call(api.GET('/api/v1/loan-applications/{id}', { params: { path: { id } } })) });
}

export function useAppraisals(id: string, enabled = true) {
  return useQuery({
    queryKey: ['applications', 'appraisals', id],
    queryFn: () => call<Appraisal[]>(api.GET('/api/v1/loan-applications/{id}/appraisals', { params: { path: { id } } })),
    enabled,
  });
}

export function useDocuments(id: string) {
  return useQuery({
    queryKey: ['applications', 'documents', id],
    queryFn: () => call<DocumentRecord[]>(api.GET('/api/v1/loan-applications/{id}/documents', { params: { path: { id } } })),
  });
}

/** The stored application's lending conditions today (GET :id/checks): the API's own rules, nothing written. */
export function useApplicationChecks(id: string, enabled = true) {
  return useQuery({
    queryKey: ['applications', 'checks', id],
    queryFn: () => call<LendingChecks>(api.GET('/api/v1/loan-applications/{id}/checks', { params: { path: { id } } })),
    enabled,
  });
}

/** The form's lending conditions as the officer types (POST /loan-applications/checks, a dry run); null while incomplete. */
export function useDraftChecks(body: ChecksRequest | null) {
  return useQuery({
    queryKey: ['applications', 'draft-checks', body],
    queryFn: () => call<LendingChecks>(api.POST('/api/v1/loan-applications/checks', { body: body as ChecksRequest })),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSchedulePreview(body: SchedulePreviewRequest | null) {
  return useQuery({
    queryKey: ['schedule-preview', body],
    queryFn: () => call<SchedulePreview>(api.POST('/api/v1/schedule-previews', { body: body as SchedulePreviewRequest })),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Borrowers matching a name, tax code or CCCD (the picker searches on the server). */
export function useBorrowerSearch(q: string) {
  return useQuery({
    queryKey: ['borrowers', 'list', { q, page: 1, pageSize: 20 }],
    queryFn: () => call<Page<Borrower>>(api.GET('/api/v1/borrowers', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBorrower(id: string | null) {
  return useQuery({
    queryKey: ['borrowers', 'one', id],
    queryFn: () => call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

export function useProducts() {
  return useQuery({
    queryKey: ['loan-products', 'all'],
    queryFn: () => call<Page<Product>>(api.GET('/api/v1/loan-products', { params: { query: { page: 1, pageSize: 200 } } })),
    staleTime: 60_000,
  });
}

export function useCapitalSources() {
  return useQuery({
    queryKey: ['capital-sources', 'all'],
    queryFn: () => call<Page<CapitalSource>>(api.GET('/api/v1/capital-sources', { params: { query: { page: 1, pageSize: 200 } } })),
  });
}

export function useSectors() {
  return useQuery({ queryKey: ['reference', 'sectors'], queryFn: () => call<Sector[]>(api.GET('/api/v1/reference/sectors', {})), staleTime: Infinity });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplication) => call(api.POST('/api/v1/loan-applications', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

type Transition = 'submit' | 'start-appraisal' | 'withdraw';

/** A workflow step (submit, start appraisal, withdraw); the answer is the application in its new state. */
export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, note }: { action: Transition; note?: string }) => {
      const path = { params: { path: { id } } };
      if (action === 'submit') return call(api.POST('/api/v1/loan-applications/{id}/submit', path));
      if (action === 'start-appraisal') return call(api.POST('/api/v1/loan-applications/{id}/start-appraisal', path));
      return call(api.POST('/api/v1/loan-applications/{id}/withdraw', { ...path, body: { note } }));
    },
    onSuccess: (app) => {
      qc.setQueryData(keys.one(id), app);
      return qc.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useRecordAppraisal(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppraisal) => call(api.POST('/api/v1/loan-applications/{id}/appraisals', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useAddDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocument) => call(api.POST('/api/v1/loan-applications/{id}/documents', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications', 'documents', id] }),
  });
}

/** APPROVED → a loan contract (hợp đồng tín dụng); the answer is the loan. */
export function useCreateContract(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (signingDate: string | undefined) =>
      call(api.POST('/api/v1/loan-applications/{id}/contract', { params: { path: { id } }, body: { signingDate } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
