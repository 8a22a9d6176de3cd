// The project page's view of its reports: how many, the latest with its
// status, and the way in. Hidden from those the project's reports are hidden
// from (a visitor of a published project).
import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReportStatusBadge } from "./parts.tsx";
import { useReports } from "./queries.ts";

export function ReportsSummary({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const reports = useReports(projectId);
  if (reports.isError) return null;
  const latest = reports.data?.[0];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4">
            {t("reports.title")}
          </Title>
          {reports.data && (
            <Group gap="xs" mt={4}>
              <Text size="sm">
                {reports.data.length === 0 ? t("reports.none") : t("reports.count", { count: reports.data.length })}
              </Text>
              {latest && (
                <Group gap={6}>
                  <Text size="sm" c="dimmed">
                    {t("reports.latest", { title: latest.title })}
                  </Text>
                  <ReportStatusBadge status={latest.status} />
                </Group>
              )}
            </Group>
          )}
        </div>
        <Button component={Link} to={`/projects/${projectId}/rapports`} size="xs">
          {t("reports.open")}
        </Button>
      </Group>
    </Paper>
  );
}
