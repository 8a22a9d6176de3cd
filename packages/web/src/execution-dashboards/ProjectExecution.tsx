// The project page's « Exécution » section: every year's approved plan side by
// side (rates with their formulas, the change from the year before, links to
// each plan's execution), and one year by quarter and by element of the framework.
import { Grid, Group, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../ui/states.tsx";
import { NodeChart } from "./NodeChart.tsx";
import { QuarterChart } from "./QuarterChart.tsx";
import { useProjectExecution } from "./queries.ts";
import { YearTable } from "./YearTable.tsx";

export default function ProjectExecution({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const query = useProjectExecution(projectId, year);
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  if (!query.data) return <Loading />;
  const view = query.data;
  if (view.years.length === 0) return null;
  const timeline = view.timeline;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="project-execution-title" data-testid="project-execution">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="project-execution-title">
            {t("executionDashboard.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("executionDashboard.intro")}
          </Text>
        </div>
        <YearTable years={view.years} currency={view.currency} />
        <Group gap="sm">
          <Text size="sm" fw={600} id="project-execution-year">
            {t("executionDashboard.yearPick")}
          </Text>
          <SegmentedControl
            aria-labelledby="project-execution-year"
            value={String(timeline?.year ?? "")}
            onChange={(v) => setYear(Number(v))}
            data={view.years.map((y) => String(y.year))}
          />
        </Group>
        {timeline ? (
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <QuarterChart key={timeline.workplanId} timeline={timeline} currency={view.currency} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <NodeChart timeline={timeline} />
            </Grid.Col>
          </Grid>
        ) : (
          <Text c="dimmed">{t("executionDashboard.noYear")}</Text>
        )}
      </Stack>
    </Paper>
  );
}
