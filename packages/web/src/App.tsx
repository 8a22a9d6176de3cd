import { Center, Loader } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, Route, Routes } from "react-router";
import { LoginPage } from "./auth/LoginPage.tsx";
import { useSession } from "./auth/session.tsx";
import { Layout } from "./layout/Layout.tsx";
import { ScreenBoundary } from "./ui/ScreenBoundary.tsx";
import { NotFound } from "./ui/states.tsx";

// Each screen is its own chunk: the first visit downloads only the shell and the screen it opens.
const PortfolioPage = lazy(() => import("./portfolio/PortfolioPage.tsx"));
const ProjectPage = lazy(() => import("./projects/ProjectPage.tsx"));
const WorkplanPage = lazy(() => import("./workplans/WorkplanPage.tsx"));
const IndicatorsPage = lazy(() => import("./indicators/IndicatorsPage.tsx"));
const IndicatorPage = lazy(() => import("./indicators/IndicatorPage.tsx"));
const EntryPage = lazy(() => import("./indicators/EntryPage.tsx"));
const AdminPage = lazy(() => import("./admin/AdminPage.tsx"));
const HelpPage = lazy(() => import("./help/HelpPage.tsx"));
const CheckDocumentPage = lazy(() => import("./documents/CheckDocumentPage.tsx"));
const BodiesPage = lazy(() => import("./committees/BodiesPage.tsx"));
const BodyPage = lazy(() => import("./committees/BodyPage.tsx"));
const MeetingPage = lazy(() => import("./committees/MeetingPage.tsx"));
const RecommendationsPage = lazy(() => import("./committees/RecommendationsPage.tsx"));
const ReportsPage = lazy(() => import("./reports/ReportsPage.tsx"));
const ReportPage = lazy(() => import("./reports/ReportPage.tsx"));

/** The signed-in part of the app: the sign-in screen until there is a session. */
function SignedIn() {
  const { user } = useSession();
  const { t } = useTranslation();
  if (user === undefined) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (user === null) return <LoginPage />;
  return (
    <Layout>
      <ScreenBoundary>
        <Suspense fallback={<Loader m="xl" role="status" aria-label={t("common.loading")} />}>
          <Outlet />
        </Suspense>
      </ScreenBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <Routes>
      {/* Pages that anonymous visitors may see (a public portal) go here, beside SignedIn rather than in it. */}
      <Route element={<SignedIn />}>
        <Route path="/" element={<PortfolioPage />} />
        <Route path="/projects/:projectId" element={<ProjectPage />} />
        <Route path="/projects/:projectId/indicators" element={<IndicatorsPage />} />
        <Route path="/projects/:projectId/indicators/saisie" element={<EntryPage />} />
        <Route path="/indicators/:indicatorId" element={<IndicatorPage />} />
        <Route path="/projects/:projectId/rapports" element={<ReportsPage />} />
        <Route path="/rapports/:reportId" element={<ReportPage />} />
        <Route path="/workplans/:workplanId" element={<WorkplanPage />} />
        <Route path="/comites" element={<BodiesPage />} />
        <Route path="/comites/:bodyId" element={<BodyPage />} />
        <Route path="/sessions/:meetingId" element={<MeetingPage />} />
        <Route path="/recommandations" element={<RecommendationsPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/aide" element={<HelpPage />} />
        <Route path="/verifier-un-document" element={<CheckDocumentPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
