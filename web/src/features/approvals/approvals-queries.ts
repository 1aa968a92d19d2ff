import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';
import type { LendingChecks } from '../../shared/lending/lending-checks';

export type ApprovalItem = components['schemas']['ApprovalItemDto'];
export type ApprovalKind = ApprovalItem['kind'];
export type Application = components['schemas']['LoanApplicationDto'];
export type Appraisal = components['schemas']['AppraisalDto'];
export type Restructuring = components['schemas']['RestructuringDto'];
export type WriteOff = components['schemas']['WriteOffDto'];
export type Loan = components['schemas']['LoanDto'];
export type Installment = components['schemas']['InstallmentDto'];
export type SchedulePreviewRequest = components['schemas']['SchedulePreviewDto'];
export type SchedulePreview = components['schemas']['SchedulePreviewResultDto'];

export function useApprovals(filters: { kind?: ApprovalKind; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['approvals', 'list', filters],
    queryFn: () => call<Page<ApprovalItem>>(api.GET('/api/v1/approvals', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** The queue's entry for one case: who prepared it (so the approve button can be hidden from them). */
export function useApprovalItem(kind: ApprovalKind, id: string) {
  return useQuery({
    queryKey: ['approvals', 'item', kind, id],
    queryFn: async () => {
      // The queue is small (cases awaiting a decision); one page of 200 holds it.
      const page = await call<Page<ApprovalItem>>(api.GET('/api/v1/approvals', { params: { query: { kind, page: 1, pageSize: 200 } } }));
      return page.items.find((i) => i.id === id) ?? null;
    },
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: ['applications', 'one', id], queryFn: () => call(api.GET('/api/v1/loan-applications/{id}', { params: { path: { id } } })) });
}

export function useAppraisals(id: string) {
  return useQuery({
    queryKey: ['applications', 'appraisals', id],
    queryFn: () => call<Appraisal[]>(api.GET('/api/v1/loan-applications/{id}/appraisals', { params: { path: { id } } })),
  });
}

export function useBorrower(id: string | undefined) {
  return useQuery({
    queryKey: ['borrowers', 'one', id],
    queryFn: () => call(api.GET('/api/v1/borrowers/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

/** The application's lending conditions with the approver's proposed figures (GET :id/checks, a dry run). */
export function useDecisionChecks(id: string, figures: { amount?: string; termMonths?: number; ratePercent?: string } | null) {
  return useQuery({
    queryKey: ['applications', 'checks', id, figures],
    queryFn: () => call<LendingChecks>(api.GET('/api/v1/loan-applications/{id}/checks', { params: { path: { id }, query: figures ?? {} } })),
    enabled: figures !== null,
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

export function useLoan(id: string) {
  return useQuery({ queryKey: ['loans', 'one', id], queryFn: () => call(api.GET('/api/v1/loans/{id}', { params: { path: { id } } })) });
}

export function useLoanSchedule(id: string) {
  return useQuery({
    queryKey: ['loans', 'schedule', id],
    queryFn: () => call<Installment[]>(api.GET('/api/v1/loans/{id}/schedule', { params: { path: { id } } })),
  });
}

export function useRestructurings(loanId: string) {
  return useQuery({
    queryKey: ['loans', 'restructurings', loanId],
    queryFn: () => call<Restructuring[]>(api.GET('/api/v1/loans/{id}/restructurings', { params: { path: { id: loanId } } })),
  });
}

export function useWriteOffs(loanId: string) {
  return useQuery({
    queryKey: ['loans', 'write-offs', loanId],
    queryFn: () => call<WriteOff[]>(api.GET('/api/v1/loans/{id}/write-offs', { params: { path: { id: loanId } } })),
  });
}

export type Decision =
  | { kind: 'APPLICATION'; verdict: 'approve'; id: string; body: components['schemas']['ApproveApplicationDto'] }
  | { kind: 'APPLICATION'; verdict: 'reject'; id: string; reason: string }
  | { kind: 'RESTRUCTURING' | 'WRITE_OFF'; verdict: 'approve' | 'reject'; loanId: string; id: string; note: string };

/** Approve or reject a case through its own module's route (the server checks four eyes again). */
export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (d: Decision): Promise<unknown> => {
      if (d.kind === 'APPLICATION') {
        const path = { params: { path: { id: d.id } } };
        return d.verdict === 'approve'
          ? call(api.POST('/api/v1/loan-applications/{id}/approve', { ...path, body: d.body }))
          : call(api.POST('/api/v1/loan-applications/{id}/reject', { ...path, body: { reason: d.reason } }));
      }
      const body = { note: d.note };
      if (d.kind === 'RESTRUCTURING') {
        const path = { params: { path: { id: d.loanId, rid: d.id } } };
        return d.verdict === 'approve'
          ? call(api.POST('/api/v1/loans/{id}/restructurings/{rid}/approve', { ...path, body }))
          : call(api.POST('/api/v1/loans/{id}/restructurings/{rid}/reject', { ...path, body }));
      }
      const path = { params: { path: { id: d.loanId, wid: d.id } } };
      return d.verdict === 'approve'
        ? call(api.POST('/api/v1/loans/{id}/write-offs/{wid}/approve', { ...path, body }))
        : call(api.POST('/api/v1/loans/{id}/write-offs/{wid}/reject', { ...path, body }));
    },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['approvals'] }),
        qc.invalidateQueries({ queryKey: ['applications'] }),
        qc.invalidateQueries({ queryKey: ['loans'] }),
      ]),
  });
}
