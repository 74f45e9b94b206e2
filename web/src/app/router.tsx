/**
 * The route tree. Every page is a lazy chunk (lazyRouteComponent); the authenticated layout is one
 * too, so the login page loads none of it. The `app` layout route checks the session first.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { Loading } from '../components/loading.js';
import { sessionQueryOptions } from '../features/auth/api/get-session.js';
import { isApiError } from '../lib/api.js';
import { RouteError } from './route-error.js';
import {
  activitiesSearch,
  assessmentsSearch,
  valueImportSearch,
  assignmentsSearch,
  communeSearch,
  plansSearch,
  planSearch,
  targetListSearch,
  resourcesSearch,
  maintenanceSearch,
  reportSearch,
  mapSearch,
  dashboardSearch,
  dashboardCommunesSearch,
  notificationsSearch,
  inboxSearch,
  obstaclesSearch,
  signalsSearch,
  agenciesSearch,
  auditSearch,
  criteriaCompareSearch,
  criteriaEvaluateSearch,
  criteriaSearch,
  criteriaSetSearch,
  isUuid,
  loginSearch,
  parseSearch,
  stringifySearch,
  unitSearch,
  unitsSearch,
  usersSearch,
} from './search.js';

export interface RouterContext {
  queryClient: QueryClient;
}

const NotFoundPage = lazy(() => import('./pages/not-found-page.js').then((m) => ({ default: m.NotFoundPage })));

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  errorComponent: RouteError,
  notFoundComponent: () => (
    <Suspense fallback={<Loading />}>
      <NotFoundPage />
    </Suspense>
  ),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: loginSearch,
  component: lazyRouteComponent(() => import('./pages/login-page.js'), 'LoginPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(sessionQueryOptions());
    } catch (e) {
      if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw e;
    }
  },
  component: lazyRouteComponent(() => import('./layout/app-layout.js'), 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  // Leaders who only read (viewers) land on the dashboard.
  beforeLoad: ({ context }) => {
    const session = context.queryClient.getQueryData(sessionQueryOptions().queryKey);
    if (session && session.user.roles.length > 0 && session.user.roles.every((r) => r === 'viewer') && session.abilities.nav.dashboard) {
      throw redirect({ to: '/dashboard', search: {} });
    }
  },
  component: lazyRouteComponent(() => import('./pages/home-page.js'), 'HomePage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: unitsSearch,
  component: lazyRouteComponent(() => import('./pages/units-page.js'), 'UnitsPage'),
});

/** An id that cannot exist is a missing page, not a server validation error. */
const requireUuid = ({ params }: { params: { id: string } }) => {
  if (!isUuid(params.id)) throw notFound();
};

const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$id',
  validateSearch: unitSearch,
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/unit-page.js'), 'UnitPage'),
});

const agenciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agencies',
  validateSearch: agenciesSearch,
  component: lazyRouteComponent(() => import('./pages/agencies-page.js'), 'AgenciesPage'),
});

const agencyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agencies/$id',
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/agency-page.js'), 'AgencyPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  validateSearch: usersSearch,
  component: lazyRouteComponent(() => import('./pages/users-page.js'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: auditSearch,
  component: lazyRouteComponent(() => import('./pages/audit-page.js'), 'AuditPage'),
});

const criteriaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/criteria',
  validateSearch: criteriaSearch,
  component: lazyRouteComponent(() => import('./pages/criteria-page.js'), 'CriteriaPage'),
});

const criteriaCompareRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/criteria/compare',
  validateSearch: criteriaCompareSearch,
  component: lazyRouteComponent(() => import('./pages/criteria-compare-page.js'), 'CriteriaComparePage'),
});

const criteriaImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/criteria/import',
  component: lazyRouteComponent(() => import('./pages/criteria-import-page.js'), 'CriteriaImportPage'),
});

const criteriaSetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/criteria/$id',
  validateSearch: criteriaSetSearch,
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/criteria-set-page.js'), 'CriteriaSetPage'),
});

const criteriaEvaluateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/criteria/$id/evaluate',
  validateSearch: criteriaEvaluateSearch,
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/criteria-evaluate-page.js'), 'CriteriaEvaluatePage'),
});

// Helping communes (issue 5).
const assistanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assistance',
  validateSearch: assignmentsSearch,
  component: lazyRouteComponent(() => import('./pages/assistance-page.js'), 'AssistancePage'),
});

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assistance/activities',
  validateSearch: activitiesSearch,
  component: lazyRouteComponent(() => import('./pages/activities-page.js'), 'ActivitiesPage'),
});

const obstaclesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assistance/obstacles',
  validateSearch: obstaclesSearch,
  component: lazyRouteComponent(() => import('./pages/obstacles-page.js'), 'ObstaclesPage'),
});

const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$id',
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/activity-page.js'), 'ActivityPage'),
});

const obstacleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/obstacles/$id',
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/obstacle-page.js'), 'ObstaclePage'),
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inbox',
  validateSearch: inboxSearch,
  component: lazyRouteComponent(() => import('./pages/inbox-page.js'), 'InboxPage'),
});

const signalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/signals',
  validateSearch: signalsSearch,
  component: lazyRouteComponent(() => import('./pages/signals-page.js'), 'SignalsPage'),
});

// Assessments (issue 4).
const assessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments',
  validateSearch: assessmentsSearch,
  component: lazyRouteComponent(() => import('./pages/assessments-page.js'), 'AssessmentsPage'),
});

const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/$id',
  beforeLoad: requireUuid,
  component: lazyRouteComponent(() => import('./pages/assessment-page.js'), 'AssessmentPage'),
});

const valueImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cycles/$id/import',
  beforeLoad: requireUuid,
  validateSearch: valueImportSearch,
  component: lazyRouteComponent(() => import('./pages/value-import-page.js'), 'ValueImportPage'),
});

const maintenanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/maintenance',
  validateSearch: maintenanceSearch,
  component: lazyRouteComponent(() => import('./pages/maintenance-page.js'), 'MaintenancePage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: notificationsSearch,
  component: lazyRouteComponent(() => import('./pages/notifications-page.js'), 'NotificationsPage'),
});

// Resources and the programme catalog (issue 6).
const resourcesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/resources',
  validateSearch: resourcesSearch,
  component: lazyRouteComponent(() => import('./pages/resources-page.js'), 'ResourcesPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('./pages/reports-page.js'), 'ReportsPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/$key',
  validateSearch: reportSearch,
  component: lazyRouteComponent(() => import('./pages/report-page.js'), 'ReportPage'),
});

const communeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communes/$unitId',
  validateSearch: communeSearch,
  beforeLoad: ({ params }) => {
    if (!isUuid(params.unitId)) throw notFound();
  },
  component: lazyRouteComponent(() => import('./pages/commune-page.js'), 'CommunePage'),
});

// Maps (issue 7).
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: dashboardSearch,
  component: lazyRouteComponent(() => import('./pages/dashboard-page.js'), 'DashboardPage'),
});

const dashboardCommunesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard/communes',
  validateSearch: dashboardCommunesSearch,
  component: lazyRouteComponent(() => import('./pages/dashboard-communes-page.js'), 'DashboardCommunesPage'),
});

const mapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/map',
  validateSearch: mapSearch,
  component: lazyRouteComponent(() => import('./pages/map-page.js'), 'MapPage'),
});

// Plans and targets (issue 6).
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: plansSearch,
  component: lazyRouteComponent(() => import('./pages/plans-page.js'), 'PlansPage'),
});

const targetListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/targets/$id',
  validateSearch: targetListSearch,
  beforeLoad: ({ params }) => {
    if (!isUuid(params.id)) throw notFound();
  },
  component: lazyRouteComponent(() => import('./pages/target-list-page.js'), 'TargetListPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$id',
  validateSearch: planSearch,
  beforeLoad: ({ params }) => {
    if (!isUuid(params.id)) throw notFound();
  },
  component: lazyRouteComponent(() => import('./pages/plan-page.js'), 'PlanPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    unitsRoute,
    unitRoute,
    criteriaRoute,
    criteriaCompareRoute,
    criteriaImportRoute,
    criteriaSetRoute,
    criteriaEvaluateRoute,
    agenciesRoute,
    agencyRoute,
    usersRoute,
    auditRoute,
    assistanceRoute,
    activitiesRoute,
    obstaclesRoute,
    activityRoute,
    obstacleRoute,
    inboxRoute,
    signalsRoute,
    assessmentsRoute,
    assessmentRoute,
    valueImportRoute,
    maintenanceRoute,
    notificationsRoute,
    communeRoute,
    plansRoute,
    targetListRoute,
    planRoute,
    reportsRoute,
    reportRoute,
    mapRoute,
    dashboardRoute,
    dashboardCommunesRoute,
    resourcesRoute,
  ]),
]);

/** The app's router, with the query client in its context for route guards. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    // TanStack Query owns freshness; the router only preloads the chunks and the guard.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
