import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { FEATURES } from '../features/registry-of-features';
import { areaOf } from './feature';
import { BusinessLayout, FeatureRoute, NotFound, PublicLayout, RequireKind, WorkspaceLayout } from './layouts';
import { PageSpinner } from '../components/PageSpinner';
import { FeaturesContext } from './features-context';

const LoginPage = lazy(() => import('./LoginPage'));

/** The router: every FEATURES entry becomes a route inside its area's layout. */
export function App() {
  const byArea = (area: ReturnType<typeof areaOf>) =>
    FEATURES.filter((f) => areaOf(f.path) === area).map((f) => <Route key={f.key} path={f.path} element={<FeatureRoute feature={f} />} />);
  return (
    <FeaturesContext.Provider value={FEATURES}>
      <Routes>
        <Route element={<WorkspaceLayout />}>
          {byArea('staff')}
          <Route path="/staff/*" element={<NotFound />} />
          <Route path="/admin" element={<Navigate to="/admin/audit" replace />} />
          <Route path="/admin/*" element={<NotFound />} />
        </Route>
        <Route element={<BusinessLayout />}>
          {byArea('business')}
          <Route path="/business/*" element={<NotFound />} />
        </Route>
        <Route element={<PublicLayout />}>
          <Route
            path="/login"
            element={
              <Suspense fallback={<PageSpinner />}>
                <LoginPage />
              </Suspense>
            }
          />
          {FEATURES.filter((f) => areaOf(f.path) === 'citizen').map((f) => (
            <Route
              key={f.key}
              path={f.path}
              element={
                <RequireKind kind="citizen">
                  <FeatureRoute feature={f} />
                </RequireKind>
              }
            />
          ))}
          {byArea('public')}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </FeaturesContext.Provider>
  );
}
