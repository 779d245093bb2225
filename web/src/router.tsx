import {
  Outlet,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { Center, Loader } from '@mantine/core';
import { ApiError } from './platform/api';
import { queryClient } from './platform/queryClient';
import { sessionQueryOptions } from './modules/accounts/useSession';
import { AppLayout } from './shell/AppLayout';
import { RouteError } from './shell/RouteError';

const rootRoute = createRootRoute({ component: Outlet });

interface LoginSearch {
  redirect?: string;
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch =>
    typeof search['redirect'] === 'string' ? { redirect: search['redirect'] } : {},
  component: lazyRouteComponent(() => import('./pages/LoginPage')),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ location }) => {
    try {
      await queryClient.ensureQueryData(sessionQueryOptions);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./pages/HomePage')),
});

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts',
  component: lazyRouteComponent(() => import('./pages/ContactsPage')),
});

const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$id',
  component: lazyRouteComponent(() => import('./pages/ContactPage')),
});

const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies',
  component: lazyRouteComponent(() => import('./pages/CompaniesPage')),
});

const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/$id',
  component: lazyRouteComponent(() => import('./pages/CompanyPage')),
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  component: lazyRouteComponent(() => import('./pages/TasksPage')),
});

const trashRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/trash',
  component: lazyRouteComponent(() => import('./pages/TrashPage')),
});

const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/jobs',
  component: lazyRouteComponent(() => import('./pages/JobsPage')),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data/import',
  component: lazyRouteComponent(() => import('./pages/ImportPage')),
});

const importBatchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data/imports/$id',
  component: lazyRouteComponent(() => import('./pages/ImportBatchPage')),
});

const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data/duplicates',
  component: lazyRouteComponent(() => import('./pages/DuplicatesPage')),
});

const dataQualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/data/quality',
  component: lazyRouteComponent(() => import('./pages/DataQualityPage')),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./pages/settings/SettingsPage')),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/workspace' });
  },
});

const workspaceSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/workspace',
  component: lazyRouteComponent(() => import('./pages/settings/WorkspaceSettingsPage')),
});

const usersSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./pages/settings/UsersSettingsPage')),
});

const departmentsSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/departments',
  component: lazyRouteComponent(() => import('./pages/settings/DepartmentsSettingsPage')),
});

const rolesSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/roles',
  component: lazyRouteComponent(() => import('./pages/settings/RolesSettingsPage')),
});

const apiKeysSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/api-keys',
  component: lazyRouteComponent(() => import('./pages/settings/ApiKeysSettingsPage')),
});

const customFieldsSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/custom-fields',
  component: lazyRouteComponent(() => import('./pages/settings/CustomFieldsSettingsPage')),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    contactsRoute,
    contactRoute,
    companiesRoute,
    companyRoute,
    tasksRoute,
    trashRoute,
    jobsRoute,
    importRoute,
    importBatchRoute,
    duplicatesRoute,
    dataQualityRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      workspaceSettingsRoute,
      usersSettingsRoute,
      departmentsSettingsRoute,
      rolesSettingsRoute,
      apiKeysSettingsRoute,
      customFieldsSettingsRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: {},
  defaultPreload: 'intent',
  defaultPendingComponent: () => (
    <Center p="xl">
      <Loader size="sm" />
    </Center>
  ),
  defaultErrorComponent: RouteError,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
