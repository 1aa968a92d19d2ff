import { createBrowserRouter, redirect } from 'react-router';
import { AppShellLayout } from './shell/app-shell';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { RouteError } from './route-error';

/**
 * Every page has its own address (bookmarkable, shareable) and is loaded lazily, so the first
 * load carries only the shell and the page asked for. A helper who adds a page adds its route
 * here (the only place that composes features).
 */
export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../features/auth/login-page')).LoginPage }),
  },
  {
    element: (
      <RequireAuth>
        <AppShellLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/home/home-page')).HomePage }) },
      { path: 'borrowers', lazy: async () => ({ Component: (await import('../features/borrowers/borrowers-page')).BorrowersPage }) },
      { path: 'borrowers/new', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-form-page')).BorrowerCreatePage }) },
      { path: 'borrowers/:id', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-detail-page')).BorrowerDetailPage }) },
      { path: 'borrowers/:id/edit', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-form-page')).BorrowerEditPage }) },
      { path: 'reports', loader: () => redirect('/reports/portfolio') },
      { path: 'reports/portfolio', lazy: async () => ({ Component: (await import('../features/reports/portfolio-page')).PortfolioReportPage }) },
      { path: 'reports/aging', lazy: async () => ({ Component: (await import('../features/reports/aging-page')).AgingReportPage }) },
      { path: 'reports/loans', lazy: async () => ({ Component: (await import('../features/reports/loans-report-page')).LoansReportPage }) },
      { path: 'reports/capital-sources', lazy: async () => ({ Component: (await import('../features/reports/capital-sources-page')).CapitalSourcesReportPage }) },
      { path: 'reports/reconciliation', lazy: async () => ({ Component: (await import('../features/reports/reconciliation-page')).ReconciliationReportPage }) },
      { path: 'reports/trial-balance', lazy: async () => ({ Component: (await import('../features/reports/trial-balance-page')).TrialBalancePage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/audit-page')).AuditPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
