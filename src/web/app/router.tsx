import { createElement, lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { UnderConstruction } from '../components/ui/under-construction';
import { useI18n } from '../lib/i18n';
import { AppLayout } from './layout';
import { appModules, type AppModule, type ModulePage } from './modules';

const LoginPage = lazy(() => import('../features/auth/login-page'));
const MePage = lazy(() => import('../features/auth/me-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const NotFoundPage = lazy(() => import('../features/home/not-found-page'));

function BuildingPage({ module, page }: { module: AppModule; page: ModulePage }) {
  const { label } = useI18n();
  return <UnderConstruction title={`${label(module.label)} · ${label(page.label)}`} description={label(module.description)} />;
}

const moduleRoutes: RouteObject[] = appModules.flatMap((module) =>
  module.pages.map((page) => ({
    path: page.path.replace(/^\//, ''),
    element: page.element ? createElement(page.element) : <BuildingPage module={module} page={page} />,
  })),
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [{ index: true, element: <HomePage /> }, { path: 'me', element: <MePage /> }, ...moduleRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);
