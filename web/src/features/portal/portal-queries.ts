import { useQueries, useQuery } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type Loan = components['schemas']['LoanDto'];
export type Installment = components['schemas']['InstallmentDto'];
export type LoanEvent = components['schemas']['LoanEventDto'];
export type LoanPaymentQr = components['schemas']['LoanPaymentQrDto'];
export type PaymentQr = components['schemas']['PaymentQrDto'];
export type Payee = components['schemas']['PaymentPayeeDto'];
export type Application = components['schemas']['LoanApplicationDto'];
export type Notification = components['schemas']['NotificationDto'];

/**
 * The cooperative's own data. The server scopes every read to the user's borrower (a COOPERATIVE
 * user gets its own loans and 404 for others), so the portal never filters by borrower itself.
 */
export function useMyLoans() {
  return useQuery({ queryKey: ['portal', 'loans'], queryFn: () => call<Page<Loan>>(api.GET('/api/v1/loans', { params: { query: { pageSize: 100 } } })) });
}

export function useMyApplications() {
  return useQuery({
    queryKey: ['portal', 'applications'],
    queryFn: () => call<Page<Application>>(api.GET('/api/v1/loan-applications', { params: { query: { pageSize: 50 } } })),
  });
}

export function useMyNotifications() {
  return useQuery({
    queryKey: ['portal', 'notifications'],
    queryFn: () => call<Page<Notification>>(api.GET('/api/v1/notifications', { params: { query: { pageSize: 20 } } })),
  });
}

const paymentQrQuery = (id: string) => ({
  queryKey: ['portal', 'payment-qr', id],
  queryFn: () => call(api.GET('/api/v1/loans/{id}/payment-qr', { params: { path: { id } } })),
});

export function usePaymentQr(id: string) {
  return useQuery(paymentQrQuery(id));
}

/** The payment codes of several loans (the home page shows what is due across all of them). */
export function usePaymentQrs(ids: readonly string[]) {
  return useQueries({ queries: ids.map(paymentQrQuery) });
}

export function useLoan(id: string) {
  return useQuery({ queryKey: ['portal', 'loan', id], queryFn: () => call(api.GET('/api/v1/loans/{id}', { params: { path: { id } } })), retry: false });
}

export function useSchedule(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'schedule', id],
    queryFn: () => call<Installment[]>(api.GET('/api/v1/loans/{id}/schedule', { params: { path: { id } } })),
    enabled,
  });
}

export function useTransactions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'transactions', id],
    queryFn: () => call<LoanEvent[]>(api.GET('/api/v1/loans/{id}/transactions', { params: { path: { id } } })),
    enabled,
  });
}

/** The statement PDF for a period, as a file the browser saves. */
export async function downloadStatement(id: string, from: string, to: string): Promise<{ blob: Blob; fileName: string }> {
  const result = await api.GET('/api/v1/loans/{id}/statement', { params: { path: { id }, query: { format: 'pdf', from, to } }, parseAs: 'blob' });
  const blob = await call<Blob>(Promise.resolve(result as { data?: Blob; error?: unknown; response: Response }));
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `sao-ke-${id}-${to}.pdf`;
  return { blob, fileName };
}
