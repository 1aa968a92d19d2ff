import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type RepaymentImport = components['schemas']['RepaymentImportDto'];
export type ImportLine = components['schemas']['ImportLineDto'];
export type ImportStatus = RepaymentImport['status'];
export type LineOutcome = ImportLine['outcome'];
export type LoanCandidate = components['schemas']['LoanCandidateDto'];
export type StatementPreview = components['schemas']['StatementPreviewDto'];
export type ColumnMapping = components['schemas']['ColumnMappingDto'];
export type StatementBody = components['schemas']['UploadStatementDto'];
export type BankCode = NonNullable<StatementBody['bankCode']>;

/** The banks the API knows (its enum), in the order the picker shows them. */
export const BANK_CODES: readonly BankCode[] = [
  'VIETCOMBANK',
  'BIDV',
  'AGRIBANK',
  'VIETINBANK',
  'TECHCOMBANK',
  'MBBANK',
  'VPBANK',
  'ACB',
  'SACOMBANK',
  'OTHER',
];

export interface ImportFilters {
  unmatched?: 'true';
  page: number;
  pageSize: number;
}

const keys = {
  all: ['repayment-imports'] as const,
  list: (f: ImportFilters) => ['repayment-imports', 'list', f] as const,
  one: (id: string) => ['repayment-imports', 'one', id] as const,
};

/** A job still working: its page polls until it is done (the officer may leave and come back). */
export function isRunning(status: ImportStatus | undefined): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

export function useImports(filters: ImportFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => call<Page<RepaymentImport>>(api.GET('/api/v1/repayment-imports', { params: { query: filters } })),
    placeholderData: keepPreviousData,
    // A list showing a running import follows it too.
    refetchInterval: (q) => (q.state.data?.items.some((i) => isRunning(i.status)) ? 2000 : false),
  });
}

/** One import with its lines, polled every second while the job runs, then left alone. */
export function useImport(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () => call(api.GET('/api/v1/repayment-imports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? 1000 : false),
  });
}

export function useUploadStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UploadStatementDto']) => call(api.POST('/api/v1/repayment-imports', { body })),
    onSuccess: (created) => {
      qc.setQueryData(keys.one(created.id), created);
      return qc.invalidateQueries({ queryKey: [...keys.all, 'list'] });
    },
  });
}

/** Reads a statement on the server without storing it: header, proposed mapping, first lines, problems. */
export function usePreviewStatement() {
  return useMutation({
    mutationFn: (body: components['schemas']['PreviewStatementDto']) => call(api.POST('/api/v1/repayment-imports/preview', { body })),
  });
}

/** ACTIVE loans matching the text (contract number or borrower), for the assignment picker. */
export function useLoanCandidates(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['repayment-imports', 'loan-candidates', q],
    queryFn: () => call<LoanCandidate[]>(api.GET('/api/v1/repayment-imports/loan-candidates', { params: { query: { q } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/**
 * Assigns an UNMATCHED line to a loan: it records a repayment at once, so it carries the
 * action's Idempotency-Key (a double click or a retry sends the same key; the line's own key
 * on the server also records the bank line once, ever).
 */
export function useAssignLine(importId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lineNo, loanId, key }: { lineNo: number; loanId: string; key: string }) =>
      call(
        api.POST('/api/v1/repayment-imports/{id}/lines/{n}/assign', {
          params: { path: { id: importId, n: String(lineNo) } },
          headers: { 'Idempotency-Key': key },
          body: { loanId },
        }),
      ),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: keys.one(importId) }),
        qc.invalidateQueries({ queryKey: keys.all }),
        qc.invalidateQueries({ queryKey: ['work-queues'] }),
      ]),
  });
}
