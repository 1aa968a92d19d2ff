import { createBrowserRouter } from 'react-router';
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
