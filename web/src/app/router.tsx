import { createBrowserRouter, redirect } from 'react-router';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { byRole, RoleLayout } from './role-routes';
import { RouteError } from './route-error';

/** Addresses shared by the officers' workspace and the cooperatives' portal: the page is chosen by role. */
const HomeByRole = byRole({
  cooperative: async () => (await import('../features/portal/portal-home-page')).PortalHomePage,
  staff: async () => (await import('../features/home/home-page')).HomePage,
});
const LoanByRole = byRole({
  cooperative: async () => (await import('../features/portal/portal-loan-page')).PortalLoanPage,
  staff: async () => (await import('../features/loans/loan-page')).LoanPage,
});

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
        <RoleLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, Component: HomeByRole },
      { path: 'loans/:id', Component: LoanByRole },
      { path: 'borrowers', lazy: async () => ({ Component: (await import('../features/borrowers/borrowers-page')).BorrowersPage }) },
      { path: 'borrowers/new', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-form-page')).BorrowerCreatePage }) },
      { path: 'borrowers/:id', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-detail-page')).BorrowerDetailPage }) },
      { path: 'borrowers/:id/edit', lazy: async () => ({ Component: (await import('../features/borrowers/borrower-form-page')).BorrowerEditPage }) },
      { path: 'imports', lazy: async () => ({ Component: (await import('../features/imports/imports-page')).ImportsPage }) },
      { path: 'imports/:id', lazy: async () => ({ Component: (await import('../features/imports/import-page')).ImportPage }) },
      { path: 'book-imports', lazy: async () => ({ Component: (await import('../features/book-import/book-imports-page')).BookImportsPage }) },
      { path: 'book-imports/:id', lazy: async () => ({ Component: (await import('../features/book-import/book-import-page')).BookImportPage }) },
      { path: 'close', lazy: async () => ({ Component: (await import('../features/close/close-page')).ClosePage }) },
      { path: 'calendar', lazy: async () => ({ Component: (await import('../features/calendar/calendar-page')).CalendarPage }) },
      { path: 'applications', lazy: async () => ({ Component: (await import('../features/applications/applications-page')).ApplicationsPage }) },
      { path: 'applications/new', lazy: async () => ({ Component: (await import('../features/applications/application-form-page')).ApplicationCreatePage }) },
      { path: 'applications/:id', lazy: async () => ({ Component: (await import('../features/applications/application-page')).ApplicationPage }) },
      { path: 'approvals', lazy: async () => ({ Component: (await import('../features/approvals/approvals-page')).ApprovalsPage }) },
      {
        path: 'approvals/applications/:id',
        lazy: async () => ({ Component: (await import('../features/approvals/application-case-page')).ApplicationCasePage }),
      },
      {
        path: 'approvals/loans/:loanId/restructurings/:rid',
        lazy: async () => ({ Component: (await import('../features/approvals/loan-case-pages')).RestructuringCasePage }),
      },
      {
        path: 'approvals/loans/:loanId/write-offs/:wid',
        lazy: async () => ({ Component: (await import('../features/approvals/loan-case-pages')).WriteOffCasePage }),
      },
      { path: 'loans', lazy: async () => ({ Component: (await import('../features/loans/loans-page')).LoansPage }) },
      { path: 'collateral', lazy: async () => ({ Component: (await import('../features/collateral/assets-page')).AssetsPage }) },
      { path: 'collateral/new', lazy: async () => ({ Component: (await import('../features/collateral/asset-form-page')).AssetCreatePage }) },
      { path: 'collateral/:id', lazy: async () => ({ Component: (await import('../features/collateral/asset-page')).AssetPage }) },
      { path: 'inspections', lazy: async () => ({ Component: (await import('../features/loan-file/inspections-page')).InspectionsPage }) },
      {
        path: 'loans/:id/inspections/:eventId',
        lazy: async () => ({ Component: (await import('../features/loan-file/inspection-form-page')).InspectionFormPage }),
      },
      { path: 'approvals/recalls/:id', lazy: async () => ({ Component: (await import('../features/loan-file/recall-case-page')).RecallCasePage }) },
      { path: 'reports', loader: () => redirect('/reports/portfolio') },
      { path: 'reports/portfolio', lazy: async () => ({ Component: (await import('../features/reports/portfolio-page')).PortfolioReportPage }) },
      { path: 'reports/aging', lazy: async () => ({ Component: (await import('../features/reports/aging-page')).AgingReportPage }) },
      { path: 'reports/loans', lazy: async () => ({ Component: (await import('../features/reports/loans-report-page')).LoansReportPage }) },
      {
        path: 'reports/capital-sources',
        lazy: async () => ({ Component: (await import('../features/reports/capital-sources-page')).CapitalSourcesReportPage }),
      },
      { path: 'reports/reconciliation', lazy: async () => ({ Component: (await import('../features/reports/reconciliation-page')).ReconciliationReportPage }) },
      { path: 'reports/collateral', lazy: async () => ({ Component: (await import('../features/reports/collateral-report-page')).CollateralReportPage }) },
      { path: 'reports/trial-balance', lazy: async () => ({ Component: (await import('../features/reports/trial-balance-page')).TrialBalancePage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/audit-page')).AuditPage }) },
      { path: 'loans/:id/documents', lazy: async () => ({ Component: (await import('../features/documents/loan-documents-page')).LoanDocumentsPage }) },
      { path: 'admin', lazy: async () => ({ Component: (await import('../features/admin/admin-home')).AdminHome }) },
      { path: 'admin/users', lazy: async () => ({ Component: (await import('../features/admin/users-page')).UsersPage }) },
      { path: 'admin/products', lazy: async () => ({ Component: (await import('../features/admin/products-page')).ProductsPage }) },
      { path: 'admin/products/new', lazy: async () => ({ Component: (await import('../features/admin/products-page')).ProductCreatePage }) },
      { path: 'admin/products/:id', lazy: async () => ({ Component: (await import('../features/admin/product-page')).ProductPage }) },
      { path: 'admin/capital-sources', lazy: async () => ({ Component: (await import('../features/admin/capital-sources-page')).CapitalSourcesPage }) },
      { path: 'admin/capital-sources/:id', lazy: async () => ({ Component: (await import('../features/admin/capital-source-page')).CapitalSourcePage }) },
      { path: 'admin/ledger-accounts', lazy: async () => ({ Component: (await import('../features/admin/ledger-accounts-page')).LedgerAccountsPage }) },
      { path: 'admin/classification-policy', lazy: async () => ({ Component: (await import('../features/admin/classification-page')).ClassificationPage }) },
      { path: 'admin/fund', lazy: async () => ({ Component: (await import('../features/admin/fund-page')).FundPage }) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
