import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthWall } from './access/AuthWall.tsx';
import { PageLoading } from './common/PageLoading.tsx';
import { DASHBOARD_PERMISSION, toDashboard } from './dashboard/routes.ts';
import { IDPS_PERMISSION, toIdps } from './idps/routes.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { POLICIES_READ_PERMISSION, POLICIES_WRITE_PERMISSION } from './policies/routes.ts';
// Users and Reports pages (issue 12).
import { REPORTS_PERMISSION, toReports } from './reports/catalog.ts';
import { toUsers, USERS_PERMISSION } from './users/routes.ts';

const DevicesPage = lazy(() =>
  import('./devices/DevicesPage.tsx').then((m) => ({ default: m.DevicesPage })),
);
const AssignUserPage = lazy(() =>
  import('./assign/AssignUserPage.tsx').then((m) => ({ default: m.AssignUserPage })),
);
const AuditPage = lazy(() =>
  import('./audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })),
);
const InventoryPage = lazy(() =>
  import('./inventory/InventoryPage.tsx').then((m) => ({ default: m.InventoryPage })),
);
const KeyPage = lazy(() => import('./inventory/KeyPage.tsx').then((m) => ({ default: m.KeyPage })));
const UsersPage = lazy(() =>
  import('./users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const ReportsPage = lazy(() =>
  import('./reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
);
// Policies (issue 12)
const PoliciesPage = lazy(() =>
  import('./policies/PoliciesPage.tsx').then((m) => ({ default: m.PoliciesPage })),
);
const NewPolicyPage = lazy(() =>
  import('./policies/NewPolicyPage.tsx').then((m) => ({ default: m.NewPolicyPage })),
);
const PolicyPage = lazy(() =>
  import('./policies/PolicyPage.tsx').then((m) => ({ default: m.PolicyPage })),
);
// Identity providers (issue 12).
const IdpsPage = lazy(() => import('./idps/IdpsPage.tsx').then((m) => ({ default: m.IdpsPage })));
const NotFoundPage = lazy(() =>
  import('./common/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
);

/** Routes of the console; each page declares the permission it needs (AuthWall). */
export function App() {
  return (
    <BrowserRouter>
      <AppLayout>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route
              path="/"
              element={
                <AuthWall permission="device:read">
                  <DevicesPage />
                </AuthWall>
              }
            />
            <Route
              path="/assign-user/:username"
              element={
                <AuthWall permission="device:enroll">
                  <AssignUserPage />
                </AuthWall>
              }
            />
            <Route
              path="/inventory"
              element={
                <AuthWall permission="device:read">
                  <InventoryPage />
                </AuthWall>
              }
            />
            <Route
              path="/audit"
              element={
                <AuthWall permission="audit:read">
                  <AuditPage />
                </AuthWall>
              }
            />
            <Route
              path="/inventory/:serial"
              element={
                <AuthWall permission="device:read">
                  <KeyPage />
                </AuthWall>
              }
            />
            <Route
              path={toDashboard()}
              element={
                <AuthWall permission={DASHBOARD_PERMISSION}>
                  <DashboardPage />
                </AuthWall>
              }
            />
            {/* Users and Reports (issue 12) */}
            <Route
              path={toUsers()}
              element={
                <AuthWall permission={USERS_PERMISSION}>
                  <UsersPage />
                </AuthWall>
              }
            />
            <Route
              path={toReports()}
              element={
                <AuthWall permission={REPORTS_PERMISSION}>
                  <ReportsPage />
                </AuthWall>
              }
            />
            {/* Policies (issue 12) */}
            <Route
              path="/policies"
              element={
                <AuthWall permission={POLICIES_READ_PERMISSION}>
                  <PoliciesPage />
                </AuthWall>
              }
            />
            <Route
              path="/policies/new"
              element={
                <AuthWall permission={POLICIES_WRITE_PERMISSION}>
                  <NewPolicyPage />
                </AuthWall>
              }
            />
            <Route
              path="/policies/:id"
              element={
                <AuthWall permission={POLICIES_READ_PERMISSION}>
                  <PolicyPage />
                </AuthWall>
              }
            />
            <Route
              path={toIdps()}
              element={
                <AuthWall permission={IDPS_PERMISSION}>
                  <IdpsPage />
                </AuthWall>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AppLayout>
    </BrowserRouter>
  );
}
