// The data-entry screen of a period: every indicator of the project, its value
// for that period to enter or correct, its breakdown; approvers validate or
// return each value on the same screen.
import { isDue } from "@baara/core";
import { Anchor, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useProject, useProjectAccess } from "../projects/queries.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { nodesInOrder } from "./IndicatorsPage.tsx";
import { IndicatorStatusBadge, PeriodPicker, periodText } from "./parts.tsx";
import { useIndicators } from "./queries.ts";
import { ValueForm } from "./ValueForm.tsx";

export default function EntryPage() {
  const { projectId } = useParams();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get("year")) || new Date().getFullYear();
  const period = search.get("period") || "Y";
  const asOf = { year, period };
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const framework = useIndicators(projectId, asOf);
  const [all, setAll] = useState(false);
  if (project.isError) return <ErrorState error={project.error} />;
  if (framework.isError) return <ErrorState error={framework.error} />;
  if (!project.data || !framework.data) return <Loading />;
  const f = framework.data;
  const order = new Map([...nodesInOrder(f.nodes).map((n, i) => [n.id, i] as const)]);
  const indicators = [...f.indicators].sort(
    (a, b) => (order.get(a.resultNodeId ?? "") ?? -1) - (order.get(b.resultNodeId ?? "") ?? -1),
  );
  // Indicators collected less often than this period are not due; those with a value for it stay in view.
  const shown = indicators.filter((i) => all || i.periodValue || isDue(i.collectionFrequency, period));
  const canRecord = access.can("indicators.record");
  const canValidate = access.can("indicators.validate");
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/projects/${project.data.id}/indicators`} size="sm">
          ←
          {" "}
          {t("indicators.back")}
        </Anchor>
        <Title order={2}>{t("indicators.entryTitle", { period: periodText(t, year, period) })}</Title>
        <Text size="sm">{project.data.title}</Text>
      </div>
      <PeriodPicker
        value={asOf}
        onChange={(v) => setSearch({ year: String(v.year), period: v.period }, { replace: true })}
      />
      <Text size="sm" c="dimmed">
        {t("indicators.entryHint")}
        {" "}
        {!canRecord && t("indicators.whoEnters")}
      </Text>
      {shown.length < indicators.length || all ? (
        <Switch
          label={t("indicators.showNotDue", {
            count:
              indicators.length - indicators.filter((i) => i.periodValue || isDue(i.collectionFrequency, period)).length,
          })}
          checked={all}
          onChange={(e) => setAll(e.currentTarget.checked)}
        />
      ) : null}
      {shown.length === 0 && <Text>{t("indicators.entryNothing")}</Text>}
      {shown.map((i) => (
        <Paper withBorder p="sm" key={`${i.id}-${year}-${period}`} data-indicator={i.code}>
          <Group justify="space-between" mb={4}>
            <Anchor component={Link} to={`/indicators/${i.id}`} size="sm" fw={600}>
              {`${i.code} — ${i.name}`}
            </Anchor>
            <IndicatorStatusBadge status={i.progress.status} />
          </Group>
          <ValueForm
            indicator={i}
            locations={f.locations}
            year={year}
            period={period}
            existing={i.periodValue}
            canRecord={canRecord}
            canValidate={canValidate}
            compact
          />
        </Paper>
      ))}
    </Stack>
  );
}
