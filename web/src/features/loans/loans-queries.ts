import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type Loan = components['schemas']['LoanDto'];
export type LoanStatus = Loan['status'];
export type Installment = components['schemas']['InstallmentDto'];
export type LoanEvent = components['schemas']['LoanEventDto'];
export type AllocationLine = components['schemas']['AllocationLineDto'];
export type Payoff = components['schemas']['PayoffDto'];
export type Posting = components['schemas']['LoanPostingDto'];
export type DebtGroupChange = components['schemas']['DebtGroupChangeDto'];
export type RepaymentPreview = components['schemas']['RepaymentPreviewDto'];
export type MoneyMovement = components['schemas']['MoneyMovementDto'];
export type CapitalSource = components['schemas']['CapitalSourceDto'];
export type LoanDocument = components['schemas']['DocumentDto'];
export type AuditEvent = components['schemas']['AuditEventDto'];
export type ProposeRestructuring = components['schemas']['ProposeRestructuringDto'];

export interface LoanFilters {
  status?: LoanStatus;
  overdue?: 'true';
  borrowerId?: string;
  contractNumber?: string;
  sort?: 'dpd' | 'newest';
  page: number;
  pageSize: number;
}

const keys = {
  all: ['loans'] as const,
  list: (f: LoanFilters) => ['loans', 'list', f] as const,
  /** Everything about one loan: invalidated together after a money action. */
  one: (id: string) => ['loans', 'one', id] as const,
};

export function useLoans(filters: LoanFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: () => call<Page<Loan>>(api.GET('/api/v1/loans', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export function useLoan(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => call(api.GET('/api/v1/loans/{id}', path(id))) });
}

export function useSchedule(id: string) {
  return useQuery({ queryKey: [...keys.one(id), 'schedule'], queryFn: () => call(api.GET('/api/v1/loans/{id}/schedule', path(id))) });
}

export function useTransactions(id: string) {
  return useQuery({ queryKey: [...keys.one(id), 'transactions'], queryFn: () => call(api.GET('/api/v1/loans/{id}/transactions', path(id))) });
}

export function usePostings(id: string) {
  return useQuery({ queryKey: [...keys.one(id), 'postings'], queryFn: () => call(api.GET('/api/v1/loans/{id}/postings', path(id))) });
}

export function useDebtGroups(id: string) {
  return useQuery({ queryKey: [...keys.one(id), 'debt-groups'], queryFn: () => call(api.GET('/api/v1/loans/{id}/debt-groups', path(id))) });
}

export function usePayoff(id: string, date: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.one(id), 'payoff', date],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/payoff', { params: { path: { id }, query: date ? { date } : {} } })),
    enabled,
  });
}

export function useBorrowerName(borrowerId: string | undefined) {
  return useQuery({
    queryKey: ['borrowers', 'one', borrowerId],
    queryFn: () => call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id: borrowerId ?? '' } } })),
    enabled: !!borrowerId,
    select: (b) => b.legalName,
  });
}

export function useCapitalSource(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['capital-sources', 'one', id],
    queryFn: () => call(api.GET('/api/v1/capital-sources/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: enabled && !!id,
  });
}

export function useDocuments(applicationId: string | undefined) {
  return useQuery({
    queryKey: ['applications', applicationId, 'documents'],
    queryFn: () => call(api.GET('/api/v1/loan-applications/{id}/documents', { params: { path: { id: applicationId ?? '' } } })),
    enabled: !!applicationId,
  });
}

/** The loan's audit events (GET /audit-events filtered by entity; auditors and admins only). */
export function useLoanAudit(id: string, enabled: boolean, page: number) {
  return useQuery({
    queryKey: [...keys.one(id), 'audit', page],
    queryFn: () => call<Page<AuditEvent>>(api.GET('/api/v1/audit-events', { params: { query: { entityType: 'loan', entityId: id, page, pageSize: 50 } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After a money action, every view of the loan (balances, schedule, transactions, postings…) and the lists. */
function useInvalidateLoan() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.all }), qc.invalidateQueries({ queryKey: ['capital-sources'] })]);
}

/** Money POSTs carry the dialog's Idempotency-Key on every attempt (a double click or a retry reuses it). */
export function useDisburse(id: string) {
  const invalidate = useInvalidateLoan();
  return useMutation({
    mutationFn: ({ body, key }: { body: MoneyMovement; key: string }) =>
      call(api.POST('/api/v1/loans/{id}/disbursements', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

export function useRepay(id: string) {
  const invalidate = useInvalidateLoan();
  return useMutation({
    mutationFn: ({ body, key }: { body: MoneyMovement; key: string }) =>
      call(api.POST('/api/v1/loans/{id}/repayments', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

/** The dry run: what the repayment would do (allocation, balances after); nothing is recorded. */
export function usePreviewRepayment(id: string) {
  return useMutation({
    mutationFn: (body: { amount: string; valueDate: string }) => call(api.POST('/api/v1/loans/{id}/repayments/preview', { ...path(id), body })),
  });
}

export function useReverse(id: string) {
  const invalidate = useInvalidateLoan();
  return useMutation({
    mutationFn: ({ rid, reason, key }: { rid: string; reason: string; key: string }) =>
      call(api.POST('/api/v1/loans/{id}/repayments/{rid}/reversal', { params: { path: { id, rid }, header: { 'Idempotency-Key': key } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

export function useProposeRestructuring(id: string) {
  const invalidate = useInvalidateLoan();
  return useMutation({
    mutationFn: (body: ProposeRestructuring) => call(api.POST('/api/v1/loans/{id}/restructurings', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

export function useProposeWriteOff(id: string) {
  const invalidate = useInvalidateLoan();
  return useMutation({
    mutationFn: (reason: string) => call(api.POST('/api/v1/loans/{id}/write-offs', { ...path(id), body: { reason } })),
    onSuccess: invalidate,
  });
}
