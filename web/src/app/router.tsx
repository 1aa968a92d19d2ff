import { createBrowserRouter } from 'react-router';
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
  // The officers' loan page (features/loans/loan-page) goes here when it lands.
  staff: () => Promise.resolve(NotFoundPage),
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
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
