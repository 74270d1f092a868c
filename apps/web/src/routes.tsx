import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { capabilitiesOf, useMe, useSession, type Capabilities } from './auth/auth';
import { ErrorAlert } from './components/page';
import { AppLayout } from './layout/app-layout';
import { CycleProvider } from './lib/cycle-context';
import { BoardPage } from './pages/cluster/board-page';
import { ResultsPage } from './pages/cluster/results-page';
import { DashboardPage } from './pages/dashboard-page';
import { InboxPage } from './pages/inbox-page';
import { LoginPage } from './pages/login-page';
import { SecondFactorGate, SecondFactorPage } from './pages/account/second-factor-page';
import { NotFoundPage, NotAllowedPage } from './pages/not-found-page';
import { SettingsPage } from './pages/settings-page';
import { BallotsPage } from './pages/unit/ballots-page';
import { PeerReviewPage } from './pages/unit/peer-review-page';
import { PledgePage } from './pages/unit/pledge-page';
import { RegistrationPage } from './pages/unit/registration-page';
import { ReviewPage } from './pages/unit/review-page';
import { NominationCreatePage } from './pages/commendation/nomination-create-page';
import { NominationDetailPage } from './pages/commendation/nomination-detail-page';
import { AwardsPage } from './pages/commendation/awards-page';
import { DecisionDetailPage } from './pages/commendation/decision-detail-page';
import { DecisionCreatePage, DecisionsPage } from './pages/commendation/decisions-page';
import { ApprovalsPage, NominationsPage } from './pages/commendation/nominations-page';
import { PostingsPage, VerifyPage } from './pages/commendation/public-pages';

/** Signed-in pages only: without a session, to the login page (and back here afterwards). */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const me = useMe();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return (
      <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
    );
  }
  if (me.isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  if (me.error) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} />
      </Center>
    );
  }
  // The API answers SECOND_FACTOR_REQUIRED to everything else until the account has enrolled.
  if (me.data?.secondFactor.mustEnrol) return <SecondFactorGate />;
  return (
    <CycleProvider>
      <AppLayout />
    </CycleProvider>
  );
}

function Allow({ when, children }: { when: (caps: Capabilities) => boolean; children: ReactNode }) {
  const me = useMe();
  return when(capabilitiesOf(me.data)) ? <>{children}</> : <NotAllowedPage />;
}

const unit = (c: Capabilities) => c.isUnitUser;
const admin = (c: Capabilities) => c.isAdmin;
const importer = (c: Capabilities) => c.isAdmin || c.isOrgAdmin;
const officer = (c: Capabilities) => c.isOfficer;
const approver = (c: Capabilities) => c.isSigner || c.isOversight;

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/verify', element: <VerifyPage /> },
    { path: '/verify/:code', element: <VerifyPage /> },
    { path: '/postings', element: <PostingsPage /> },
    {
      element: <RequireSession />,
      children: [
        { index: true, element: <DashboardPage /> },
        {
          path: 'pledge',
          element: (
            <Allow when={unit}>
              <PledgePage />
            </Allow>
          ),
        },
        {
          path: 'registration',
          element: (
            <Allow when={unit}>
              <RegistrationPage />
            </Allow>
          ),
        },
        {
          path: 'review',
          element: (
            <Allow when={unit}>
              <ReviewPage />
            </Allow>
          ),
        },
        {
          path: 'peer-review',
          element: (
            <Allow when={unit}>
              <PeerReviewPage />
            </Allow>
          ),
        },
        {
          path: 'ballots',
          element: (
            <Allow when={unit}>
              <BallotsPage />
            </Allow>
          ),
        },
        {
          path: 'cluster',
          element: (
            <Allow when={(c) => c.isSigner}>
              <BoardPage />
            </Allow>
          ),
        },
        {
          path: 'results',
          element: (
            <Allow when={(c) => c.isUnitUser || c.isOversight || c.isAdmin}>
              <ResultsPage />
            </Allow>
          ),
        },
        {
          path: 'nominations',
          element: (
            <Allow when={officer}>
              <NominationsPage />
            </Allow>
          ),
        },
        {
          path: 'nominations/new',
          element: (
            <Allow when={officer}>
              <NominationCreatePage />
            </Allow>
          ),
        },
        { path: 'nominations/:id', element: <NominationDetailPage /> },
        {
          path: 'approvals',
          element: (
            <Allow when={approver}>
              <ApprovalsPage />
            </Allow>
          ),
        },
        {
          path: 'decisions',
          element: (
            <Allow when={(c) => c.isOversight || c.isAdmin}>
              <DecisionsPage />
            </Allow>
          ),
        },
        {
          path: 'decisions/new',
          element: (
            <Allow when={(c) => c.isAuthority}>
              <DecisionCreatePage />
            </Allow>
          ),
        },
        {
          path: 'decisions/:id',
          element: (
            <Allow when={(c) => c.isOversight || c.isAdmin}>
              <DecisionDetailPage />
            </Allow>
          ),
        },
        {
          path: 'awards',
          element: (
            <Allow when={(c) => c.isUnitUser || c.isOversight || c.isAdmin}>
              <AwardsPage />
            </Allow>
          ),
        },
        {
          path: 'reports',
          element: (
            <Allow when={(c) => c.isOversight || c.isAdmin || c.isOrgAdmin || c.isUnitUser}>
              <Outlet />
            </Allow>
          ),
          // The charts library is loaded with the reports only.
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('./pages/commendation/reports-page')).ReportsPage,
              }),
            },
          ],
        },
        {
          // Tờ trình: an organisation's own lists (its office proposes; administrators read).
          path: 'proposals',
          element: (
            <Allow when={(c) => c.isUnitUser || c.isOrgAdmin || c.isAdmin}>
              <Outlet />
            </Allow>
          ),
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('./pages/proposals/proposals-page')).ProposalsPage,
              }),
            },
            {
              path: 'new',
              element: (
                <Allow when={unit}>
                  <Outlet />
                </Allow>
              ),
              children: [
                {
                  index: true,
                  lazy: async () => ({
                    Component: (await import('./pages/proposals/proposal-create-page'))
                      .ProposalCreatePage,
                  }),
                },
              ],
            },
            {
              path: ':id',
              lazy: async () => ({
                Component: (await import('./pages/proposals/proposals-page')).ProposalDetailPage,
              }),
            },
          ],
        },
        {
          // The organisation tree: the administrator's whole, an organisation administrator's subtree.
          path: 'admin/organisations',
          element: (
            <Allow when={importer}>
              <Outlet />
            </Allow>
          ),
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('./pages/organisations/organisation-tree-page'))
                  .OrganisationTreePage,
              }),
            },
          ],
        },
        { path: 'inbox', element: <InboxPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'account/second-factor', element: <SecondFactorPage /> },
        {
          path: 'models/:id',
          lazy: async () => ({
            Component: (await import('./pages/commendation/model-detail-page')).ModelDetailPage,
          }),
        },
        {
          // Organisation administrators import their own data too.
          path: 'admin/import',
          element: (
            <Allow when={importer}>
              <Outlet />
            </Allow>
          ),
          children: [
            {
              index: true,
              lazy: async () => ({
                Component: (await import('./pages/admin/import-page')).ImportPage,
              }),
            },
          ],
        },
        {
          path: 'admin',
          element: (
            <Allow when={admin}>
              <Outlet />
            </Allow>
          ),
          // Administration is loaded on first use: most users never open it.
          children: [
            {
              path: 'cycles',
              lazy: async () => ({
                Component: (await import('./pages/admin/cycles-page')).CyclesPage,
              }),
            },
            {
              path: 'cycles/new',
              lazy: async () => ({
                Component: (await import('./pages/admin/cycle-create-page')).CycleCreatePage,
              }),
            },
            {
              path: 'rule-sets',
              lazy: async () => ({
                Component: (await import('./pages/admin/rule-sets-page')).RuleSetsPage,
              }),
            },
            {
              path: 'rule-sets/new',
              lazy: async () => ({
                Component: (await import('./pages/admin/rule-set-create-page')).RuleSetCreatePage,
              }),
            },
            {
              path: 'award-forms',
              lazy: async () => ({
                Component: (await import('./pages/admin/award-forms-page')).AwardFormsPage,
              }),
            },
            {
              path: 'award-forms/new',
              lazy: async () => ({
                Component: (await import('./pages/admin/award-forms-create-page'))
                  .AwardFormsCreatePage,
              }),
            },
            {
              path: 'holidays',
              lazy: async () => ({
                Component: (await import('./pages/admin/holidays-page')).HolidaysPage,
              }),
            },
            {
              path: 'units',
              lazy: async () => ({
                Component: (await import('./pages/admin/units-page')).UnitsPage,
              }),
            },
            {
              path: 'clusters',
              lazy: async () => ({
                Component: (await import('./pages/admin/clusters-page')).ClustersPage,
              }),
            },
            {
              path: 'users',
              lazy: async () => ({
                Component: (await import('./pages/admin/users-page')).UsersPage,
              }),
            },
            {
              path: 'schedules',
              lazy: async () => ({
                Component: (await import('./pages/admin/schedules-page')).SchedulesPage,
              }),
            },
            {
              path: 'system',
              lazy: async () => ({
                Component: (await import('./pages/admin/system-page')).SystemPage,
              }),
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
