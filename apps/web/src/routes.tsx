import { Center, Loader } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { capabilitiesOf, useMe, useSession } from './auth/auth';
import { ErrorAlert } from './components/page';
import { AppLayout } from './layout/app-layout';
import * as access from './lib/access';
import { CycleProvider } from './lib/cycle-context';
import { BoardPage } from './pages/cluster/board-page';
import { ResultsPage } from './pages/cluster/results-page';
import { DashboardPage } from './pages/dashboard-page';
import { TasksPage } from './pages/tasks/tasks-page';
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

function Allow({ when, children }: { when: access.Access; children: ReactNode }) {
  const me = useMe();
  return when(capabilitiesOf(me.data)) ? <>{children}</> : <NotAllowedPage />;
}

/** A page only some may open: the others are shown the not-allowed page. */
function guarded(path: string, when: access.Access, page: ReactNode): RouteObject {
  return { path, element: <Allow when={when}>{page}</Allow> };
}

/** A page loaded on first use (its own chunk): `load` imports the module, `name` is its export. */
function lazyPage<M extends Record<K, ComponentType>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

/** A lazily loaded page at `path`. */
function lazyRoute<M extends Record<K, ComponentType>, K extends keyof M>(
  path: string,
  load: () => Promise<M>,
  name: K,
): RouteObject {
  return { path, ...lazyPage(load, name) };
}

/** A guarded section at `path` whose own page (the index) is loaded on first use. */
function guardedLazy<M extends Record<K, ComponentType>, K extends keyof M>(
  path: string,
  when: access.Access,
  load: () => Promise<M>,
  name: K,
  children: RouteObject[] = [],
): RouteObject {
  return {
    path,
    element: (
      <Allow when={when}>
        <Outlet />
      </Allow>
    ),
    children: [{ index: true, ...lazyPage(load, name) }, ...children],
  };
}

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/verify', element: <VerifyPage /> },
    { path: '/verify/:code', element: <VerifyPage /> },
    { path: '/postings', element: <PostingsPage /> },
    {
      element: <RequireSession />,
      children: [
        // The to-do list is the first page after login for every role; the overview stays.
        { index: true, element: <Navigate to="/tasks" replace /> },
        { path: 'tasks', element: <TasksPage /> },
        { path: 'dashboard', element: <DashboardPage /> },
        guarded('pledge', access.unitUsers, <PledgePage />),
        guarded('registration', access.unitUsers, <RegistrationPage />),
        guarded('review', access.unitUsers, <ReviewPage />),
        guarded('peer-review', access.unitUsers, <PeerReviewPage />),
        guarded('ballots', access.unitUsers, <BallotsPage />),
        guarded('cluster', access.signers, <BoardPage />),
        guarded('results', access.resultReaders, <ResultsPage />),
        guarded('nominations', access.officers, <NominationsPage />),
        guarded('nominations/new', access.officers, <NominationCreatePage />),
        { path: 'nominations/:id', element: <NominationDetailPage /> },
        guarded('approvals', access.approvers, <ApprovalsPage />),
        guarded('decisions', access.decisionReaders, <DecisionsPage />),
        guarded('decisions/new', access.authorities, <DecisionCreatePage />),
        guarded('decisions/:id', access.decisionReaders, <DecisionDetailPage />),
        guarded('awards', access.resultReaders, <AwardsPage />),
        // The charts library is loaded with the reports only.
        guardedLazy(
          'reports',
          access.reportReaders,
          () => import('./pages/commendation/reports-page'),
          'ReportsPage',
        ),
        // Tờ trình: an organisation's own lists (its office proposes; administrators read).
        guardedLazy(
          'proposals',
          access.proposalReaders,
          () => import('./pages/proposals/proposals-page'),
          'ProposalsPage',
          [
            guardedLazy(
              'new',
              access.unitUsers,
              () => import('./pages/proposals/proposal-create-page'),
              'ProposalCreatePage',
            ),
            lazyRoute(
              ':id',
              () => import('./pages/proposals/proposals-page'),
              'ProposalDetailPage',
            ),
          ],
        ),
        // The organisation tree: the administrator's whole, an organisation administrator's subtree.
        guardedLazy(
          'admin/organisations',
          access.importers,
          () => import('./pages/organisations/organisation-tree-page'),
          'OrganisationTreePage',
        ),
        // The signing round's audit trail (the API lets the cluster's members and oversight read).
        lazyRoute(
          'rounds/:roundId/audit',
          () => import('./pages/records/round-audit-page'),
          'RoundAuditPage',
        ),
        lazyRoute(
          'nominations/:id/minutes',
          () => import('./pages/records/minutes-page'),
          'MinutesPage',
        ),
        lazyRoute(
          'authorities',
          () => import('./pages/records/authorities-page'),
          'AuthoritiesPage',
        ),
        { path: 'inbox', element: <InboxPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'account/second-factor', element: <SecondFactorPage /> },
        lazyRoute(
          'models/:id',
          () => import('./pages/commendation/model-detail-page'),
          'ModelDetailPage',
        ),
        // Organisation administrators import their own data too.
        guardedLazy(
          'admin/import',
          access.importers,
          () => import('./pages/admin/import-page'),
          'ImportPage',
        ),
        {
          path: 'admin',
          element: (
            <Allow when={access.admins}>
              <Outlet />
            </Allow>
          ),
          // Administration is loaded on first use: most users never open it.
          children: [
            lazyRoute('cycles', () => import('./pages/admin/cycles-page'), 'CyclesPage'),
            lazyRoute(
              'cycles/new',
              () => import('./pages/admin/cycle-create-page'),
              'CycleCreatePage',
            ),
            lazyRoute('rule-sets', () => import('./pages/admin/rule-sets-page'), 'RuleSetsPage'),
            lazyRoute(
              'rule-sets/new',
              () => import('./pages/admin/rule-set-create-page'),
              'RuleSetCreatePage',
            ),
            lazyRoute(
              'award-forms',
              () => import('./pages/admin/award-forms-page'),
              'AwardFormsPage',
            ),
            lazyRoute(
              'award-forms/new',
              () => import('./pages/admin/award-forms-create-page'),
              'AwardFormsCreatePage',
            ),
            lazyRoute(
              'award-history',
              () => import('./pages/admin/past-award-page'),
              'PastAwardPage',
            ),
            lazyRoute('holidays', () => import('./pages/admin/holidays-page'), 'HolidaysPage'),
            lazyRoute('units', () => import('./pages/admin/units-page'), 'UnitsPage'),
            lazyRoute('clusters', () => import('./pages/admin/clusters-page'), 'ClustersPage'),
            lazyRoute('users', () => import('./pages/admin/users-page'), 'UsersPage'),
            lazyRoute('schedules', () => import('./pages/admin/schedules-page'), 'SchedulesPage'),
            lazyRoute('system', () => import('./pages/admin/system-page'), 'SystemPage'),
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/app' },
);
