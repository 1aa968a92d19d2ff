import { Navigate } from 'react-router';

/** /admin opens the first admin area (the menu entry "Quản trị" points here). */
export function AdminHome() {
  return <Navigate to="/admin/users" replace />;
}
