// Client-side routes. Every path lives under a prefix the server hands to the web app
// (src/web-app.ts: sign-in, portal, console, shopper), never under an API route.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { prefetchDashboard } from './client/prefetch';
import { RequireAuth } from './shared/auth/RequireAuth';
import { AppLayout } from './shared/layout/AppLayout';
import { RouteError } from './shared/layout/states';
import { SignInPage } from './shared/pages/SignInPage';
import { readSession } from './shared/auth/session';
import { homeFor, ShopperLayout, ShoppersToTheirApp } from './shopper/ShopperLayout';

import './console/strings';

// Pages load on demand: the sign-in page never pays for the dashboard's charts.
const CampaignListPage = lazy(() => import('./client/pages/CampaignListPage'));
const DashboardPage = lazy(() => import('./client/pages/DashboardPage'));
const VisitListPage = lazy(() => import('./client/pages/VisitListPage'));
const VisitPage = lazy(() => import('./client/pages/VisitPage'));
const ProgramWavePage = lazy(() => import('./client/programs/ProgramWavePage'));
const ConsoleFrame = lazy(() => import('./console/ConsoleFrame'));
const ReviewQueuePage = lazy(() => import('./console/pages/ReviewQueuePage'));
const ReportPage = lazy(() => import('./console/pages/ReportPage'));
const QuestionnaireListPage = lazy(() => import('./console/pages/QuestionnaireListPage'));
const QuestionnaireEditorPage = lazy(() => import('./console/pages/QuestionnaireEditorPage'));
const ConsoleCampaignListPage = lazy(() => import('./console/pages/CampaignListPage'));
const CampaignWizardPage = lazy(() => import('./console/pages/CampaignWizardPage'));
const CampaignPage = lazy(() => import('./console/pages/CampaignPage'));
const ProgramListPage = lazy(() => import('./console/programs/ProgramListPage'));
const ProgramSetupPage = lazy(() => import('./console/programs/ProgramPage'));
const FieldworkPage = lazy(() => import('./console/pages/FieldworkPage'));
const InboxPage = lazy(() => import('./console/pages/InboxPage'));
const PeoplePage = lazy(() => import('./console/pages/PeoplePage'));
const ClientsPage = lazy(() => import('./console/pages/ClientsPage'));
const PayablesPage = lazy(() => import('./console/admin/PayablesPage'));
const AuditPage = lazy(() => import('./console/admin/AuditPage'));
const JobBoardPage = lazy(() => import('./shopper/pages/JobBoardPage'));
const MyVisitsPage = lazy(() => import('./shopper/pages/MyVisitsPage'));
const VisitFormPage = lazy(() => import('./shopper/pages/VisitFormPage'));

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to={readSession() ? homeFor(readSession()?.user.role) : '/sign-in'} replace /> },
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/portal',
    element: (
      <RequireAuth>
        <ShoppersToTheirApp>
          <AppLayout />
        </ShoppersToTheirApp>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <CampaignListPage /> },
      { path: 'campaigns/:campaignId', element: <DashboardPage />, loader: prefetchDashboard },
      { path: 'campaigns/:campaignId/visits', element: <VisitListPage /> },
      { path: 'visits/:visitId', element: <VisitPage /> },
      { path: 'programs/:programId/waves/:waveId', element: <ProgramWavePage /> },
    ],
  },
  {
    path: '/shopper',
    element: (
      <RequireAuth>
        <ShopperLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <JobBoardPage /> },
      { path: 'visits', element: <MyVisitsPage /> },
      { path: 'visits/:assignmentId', element: <VisitFormPage /> },
    ],
  },
  {
    path: '/console',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      {
        element: <ConsoleFrame />,
        children: [
          { index: true, element: <ReviewQueuePage /> },
          { path: 'reports/:reportId', element: <ReportPage /> },
          { path: 'questionnaires', element: <QuestionnaireListPage /> },
          { path: 'questionnaires/new', element: <QuestionnaireEditorPage /> },
          { path: 'questionnaires/:questionnaireId', element: <QuestionnaireEditorPage /> },
          { path: 'campaigns', element: <ConsoleCampaignListPage /> },
          { path: 'campaigns/new', element: <CampaignWizardPage /> },
          { path: 'campaigns/:campaignId', element: <CampaignPage /> },
          { path: 'campaigns/:campaignId/edit', element: <CampaignWizardPage /> },
          { path: 'programs', element: <ProgramListPage /> },
          { path: 'programs/:programId', element: <ProgramSetupPage /> },
          { path: 'fieldwork', element: <FieldworkPage /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'clients', element: <ClientsPage /> },
          { path: 'payables', element: <PayablesPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
