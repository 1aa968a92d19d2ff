import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type PortfolioReport = components['schemas']['PortfolioReportDto'];
export type PortfolioRow = components['schemas']['PortfolioRowDto'];
export type PortfolioFigures = components['schemas']['PortfolioFiguresDto'];
export type MonthlySeries = components['schemas']['MonthlySeriesDto'];
export type AgingReport = components['schemas']['AgingReportDto'];
export type LoanListReport = components['schemas']['LoanListReportDto'];
export type LoanListItem = components['schemas']['LoanListItemDto'];
export type CapitalSourceReport = components['schemas']['CapitalSourceReportDto'];
export type ReconciliationReport = components['schemas']['ReconciliationReportDto'];
export type TrialBalance = components['schemas']['TrialBalanceDto'];
export type Commune = components['schemas']['CommuneDto'];
export type Sector = components['schemas']['SectorDto'];

export const DIMENSIONS = ['sector', 'borrowerType', 'commune', 'capitalSource', 'termClass', 'debtGroup', 'product', 'origin'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface PortfolioQuery {
  asOf: string;
  from: string;
  to: string;
  groupBy: Dimension[];
}

/** A report route answers JSON or a file (one schema for both); the JSON is asked for here. */
function jsonOf<T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  return call<unknown>(request) as Promise<T>;
}

// Reports are read-only figures of a closed date: they change only when a day is closed or a
// backdated event lands, so a few minutes of freshness saves the server full scans.
const REPORT_STALE = 5 * 60_000;

export function usePortfolioReport(q: PortfolioQuery | null) {
  return useQuery({
    queryKey: ['reports', 'portfolio', q],
    queryFn: () => jsonOf<PortfolioReport>(api.GET('/api/v1/reports/portfolio', { params: { query: { ...q!, format: 'json' } } })),
    enabled: q !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

/** A second portfolio report the charts need (by sector, by debt group), whatever the table groups by. */
export function useChartReport(asOf: string | null, from: string, to: string, dim: Dimension) {
  return usePortfolioReport(asOf ? { asOf, from, to, groupBy: [dim] } : null);
}

export function useMonthlySeries(to: string | null) {
  return useQuery({
    queryKey: ['reports', 'monthly', to],
    queryFn: () => call<MonthlySeries>(api.GET('/api/v1/reports/monthly', { params: { query: { to: to! } } })),
    enabled: to !== null,
    staleTime: REPORT_STALE,
  });
}

export function useAgingReport(asOf: string | null) {
  return useQuery({
    queryKey: ['reports', 'aging', asOf],
    queryFn: () => jsonOf<AgingReport>(api.GET('/api/v1/reports/aging', { params: { query: { asOf: asOf! } } })),
    enabled: asOf !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useLoanListReport(asOf: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['reports', 'loans', asOf, page, pageSize],
    queryFn: () => jsonOf<LoanListReport>(api.GET('/api/v1/reports/loans', { params: { query: { asOf: asOf!, page, pageSize } } })),
    enabled: asOf !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useCapitalSourceReport(asOf: string | null) {
  return useQuery({
    queryKey: ['reports', 'capital-sources', asOf],
    queryFn: () => jsonOf<CapitalSourceReport>(api.GET('/api/v1/reports/capital-sources', { params: { query: { asOf: asOf! } } })),
    enabled: asOf !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useReconciliationReport(asOf: string | null) {
  return useQuery({
    queryKey: ['reports', 'reconciliation', asOf],
    queryFn: () => jsonOf<ReconciliationReport>(api.GET('/api/v1/reports/reconciliation', { params: { query: { asOf: asOf! } } })),
    enabled: asOf !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

export function useTrialBalance(asOf: string | null) {
  return useQuery({
    queryKey: ['reports', 'trial-balance', asOf],
    queryFn: () => call<TrialBalance>(api.GET('/api/v1/ledger/trial-balance', { params: { query: { asOf: asOf! } } })),
    enabled: asOf !== null,
    staleTime: REPORT_STALE,
    placeholderData: keepPreviousData,
  });
}

/** The communes of the fund's province (a reference list, cached for the session). */
export function useCommunes() {
  return useQuery({ queryKey: ['reference', 'communes'], queryFn: () => call<Commune[]>(api.GET('/api/v1/reference/communes', {})), staleTime: Infinity });
}

export function useSectors() {
  return useQuery({ queryKey: ['reference', 'sectors'], queryFn: () => call<Sector[]>(api.GET('/api/v1/reference/sectors', {})), staleTime: Infinity });
}
