// The project page's view of its indicators: how many stand where, and the way in.
import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { IndicatorStatusBadge } from "./parts.tsx";
import { useIndicators } from "./queries.ts";

export function IndicatorSummary({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const framework = useIndicators(projectId);
  const f = framework.data;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <div>
          <Title order={3} size="h4">
            {t("indicators.title")}
          </Title>
          {f && (
            <Group gap="xs" mt={4}>
              <Text size="sm">{t("indicators.summary", { count: f.indicators.length })}</Text>
              {(["on_track", "at_risk", "off_track", "no_data"] as const)
                .filter((s) => f.counts[s] > 0)
                .map((s) => (
                  <Group gap={4} key={s}>
                    <IndicatorStatusBadge status={s} />
                    <Text size="sm">{f.counts[s]}</Text>
                  </Group>
                ))}
            </Group>
          )}
        </div>
        <Button component={Link} to={`/projects/${projectId}/indicators`} size="xs">
          {t("indicators.open")}
        </Button>
      </Group>
    </Paper>
  );
}
