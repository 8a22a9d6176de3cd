// One indicator: where it stands (current value, achievement, status against
// its milestone, with the rules in words), its trend against milestones and
// target, the breakdown of its current value, every value entered with its
// review, the entry of a period's value, and its metadata.
import { type api, periodOrder } from "@baara/core";
import { LineChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorText, send } from "../api/client.ts";
import { useProject, useProjectAccess } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { CurrentValue, IndicatorStatusBadge, PeriodPicker, periodText } from "./parts.tsx";
import { type AsOf, refreshIndicators, useIndicator, useIndicators } from "./queries.ts";
import { ValueForm } from "./ValueForm.tsx";

const IndicatorForm = lazy(() => import("./IndicatorForm.tsx"));

export default function IndicatorPage() {
  const { indicatorId } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const indicator = useIndicator(indicatorId);
  const projectId = indicator.data?.projectId;
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const framework = useIndicators(projectId);
  const [editing, setEditing] = useState(false);
  const [picked, setEntry] = useState<AsOf | null>(null);
  if (indicator.isError) return <ErrorState error={indicator.error} />;
  if (!indicator.data || !project.data || !framework.data) return <Loading />;
  const i = indicator.data;
  const unit = i.measure === "percentage" ? " %" : i.unit ? ` ${i.unit}` : "";
  const figure = (v: string | null) => (v === null ? "—" : `${format.number(v)}${unit}`);
  const note = i.progress.achievementNote;
  // A project that has ended reports on its last year; one under way on this year.
  const entry = picked ?? {
    year: Math.min(new Date().getFullYear(), Number(project.data.endDate?.slice(0, 4)) || 9999),
    period: "Y",
  };
  const existing = i.values.find((v) => v.year === entry.year && v.period === entry.period) ?? null;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/projects/${i.projectId}/indicators`} size="sm">
          ←
          {" "}
          {t("indicators.back")}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={2}>{`${i.code} — ${i.name}`}</Title>
          <IndicatorStatusBadge status={i.progress.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {[
            project.data.title,
            t(`indicatorLevel.${i.level}`),
            t(`indicatorMeasure.${i.measure}`),
            t(`indicatorDirection.${i.direction}`),
          ].join(" · ")}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label={t("tableColumn.baseline")} value={figure(i.baselineValue)} />
        <Figure label={t("tableColumn.target")} value={figure(i.endTarget)} />
        <Paper withBorder p="sm">
          <Text size="xs" c="dimmed">
            {t("indicators.col.current")}
          </Text>
          <CurrentValue indicator={i} />
        </Paper>
        <Figure
          label={t("indicators.col.achievement")}
          value={format.rate(i.progress.achievement)}
          hint={note ? t(`achievementNote.${note}`) : undefined}
        />
        <Figure
          label={t("tableColumn.milestone")}
          value={i.progress.milestone ? figure(i.progress.milestone.value) : "—"}
          hint={
            i.progress.milestoneProgress
              ? `${format.rate(i.progress.milestoneProgress)} · ${i.progress.milestone?.year ?? ""}`
              : undefined
          }
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t("indicatorRule.achievement")}
        {" "}
        ·
        {t(i.cumulative ? "indicatorRule.cumulative" : "indicatorRule.notCumulative")}
        {" "}
        ·
        {" "}
        {t("indicatorRule.status", framework.data.thresholds)}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Text fw={700} mb="xs">
              {t("indicators.trend")}
            </Text>
            <Trend indicator={i} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <Text fw={700} mb="xs">
              {t("indicators.breakdown")}
            </Text>
            <Breakdown indicator={i} />
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md">
        <Text fw={700} mb="xs">
          {t("indicators.entry")}
        </Text>
        <PeriodPicker value={entry} onChange={setEntry} />
        <div style={{ marginTop: 8 }}>
          <ValueForm
            key={`${entry.year}-${entry.period}-${existing?.version ?? 0}`}
            indicator={i}
            locations={framework.data.locations}
            year={entry.year}
            period={entry.period}
            existing={existing}
            canRecord={access.can("indicators.record")}
            canValidate={access.can("indicators.validate")}
          />
        </div>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={700} mb="xs">
          {t("indicators.values")}
        </Text>
        <Values values={i.values} unit={unit} onPick={setEntry} />
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t("indicators.metadata")}</Text>
          {access.can("indicators.define") && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {t("indicators.edit")}
              </Button>
              <DeleteIndicator indicator={i} />
            </Group>
          )}
        </Group>
        <Metadata indicator={i} />
      </Paper>
      {editing && (
        <Suspense fallback={null}>
          <IndicatorForm
            project={project.data}
            nodes={framework.data.nodes}
            indicator={i}
            onClose={() => setEditing(false)}
          />
        </Suspense>
      )}
    </Stack>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Trend({ indicator: i }: { indicator: api.IndicatorDetail }) {
  const { t } = useTranslation();
  const points = new Map<string, { order: number; label: string; value?: number; milestone?: number }>();
  const at = (year: number, period: string) => {
    const key = `${year}-${period}`;
    const point = points.get(key) ?? { order: periodOrder({ year, period }), label: periodText(t, year, period) };
    points.set(key, point);
    return point;
  };
  for (const s of i.series) at(s.year, s.period).value = Number(s.value);
  for (const x of i.targets) if (x.value !== null) at(x.year, x.period).milestone = Number(x.value);
  const data = [...points.values()].sort((a, b) => a.order - b.order);
  if (i.series.length === 0) return <Text size="sm">{t("indicators.noTrend")}</Text>;
  // The line starts from the baseline, and the axis reaches the end target so that its line shows.
  if (i.baselineValue !== null)
    data.unshift({ order: 0, label: t("tableColumn.baseline"), value: Number(i.baselineValue) });
  const figures = [...data.flatMap((d) => [d.value ?? 0, d.milestone ?? 0]), Number(i.endTarget ?? 0)];
  const domain = [Math.min(0, ...figures), Math.max(...figures) * 1.1 || 1];
  return (
    <LineChart
      h={240}
      data={data}
      dataKey="label"
      connectNulls
      series={[
        { name: "value", label: t("indicators.trendValue"), color: "blue.6" },
        { name: "milestone", label: t("tableColumn.milestone"), color: "orange.6", strokeDasharray: "5 5" },
      ]}
      referenceLines={
        i.endTarget === null ? [] : [{ y: Number(i.endTarget), label: t("tableColumn.target"), color: "green.7" }]
      }
      withLegend
      yAxisProps={{ domain }}
      aria-label={t("indicators.trend")}
    />
  );
}

function Breakdown({ indicator: i }: { indicator: api.IndicatorDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (i.progress.breakdown.length === 0) return <Text size="sm">—</Text>;
  return (
    <Table verticalSpacing={4} aria-label={t("indicators.breakdown")}>
      <Table.Tbody>
        {i.progress.breakdown.flatMap((d) => [
          <Table.Tr key={d.dimension}>
            <Table.Th colSpan={3}>{t(`dimension.${d.dimension}`)}</Table.Th>
          </Table.Tr>,
          ...d.rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{t(`category.${r.category}`, { defaultValue: r.category })}</Table.Td>
              <Table.Td>{format.number(r.value)}</Table.Td>
              <Table.Td>{r.share ? format.rate(r.share) : ""}</Table.Td>
            </Table.Tr>
          )),
          d.unspecified ? (
            <Table.Tr key={`${d.dimension}-rest`}>
              <Table.Td colSpan={3}>
                <Text size="xs" c="dimmed">
                  {t("indicators.unspecified", { value: format.number(d.unspecified) })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null,
          d.mismatch ? (
            <Table.Tr key={`${d.dimension}-mismatch`}>
              <Table.Td colSpan={3}>
                <Text size="xs" c="red">
                  {t("indicators.mismatch")}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null,
        ])}
      </Table.Tbody>
    </Table>
  );
}

function Values({ values, unit, onPick }: { values: api.IndicatorValue[]; unit: string; onPick: (p: AsOf) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (values.length === 0) return <Text size="sm">—</Text>;
  return (
    <Table verticalSpacing={4} aria-label={t("indicators.values")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("indicators.period")}</Table.Th>
          <Table.Th>{t("indicators.field.value")}</Table.Th>
          <Table.Th>{t("indicators.field.comment")}</Table.Th>
          <Table.Th>{t("indicators.field.varianceReason")}</Table.Th>
          <Table.Th>{t("indicators.col.status")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...values].reverse().map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Anchor component="button" size="sm" onClick={() => onPick({ year: v.year, period: v.period })}>
                {periodText(t, v.year, v.period)}
              </Anchor>
            </Table.Td>
            <Table.Td>{v.value === null ? (v.textValue ?? "—") : `${format.number(v.value)}${unit}`}</Table.Td>
            <Table.Td>{v.comment ?? ""}</Table.Td>
            <Table.Td>{v.varianceReason ?? ""}</Table.Td>
            <Table.Td>
              {t(`indicatorValueStatus.${v.status}`)}
              {v.reviewComment ? ` — ${v.reviewComment}` : ""}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Metadata({ indicator: i }: { indicator: api.IndicatorDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string | null][] = [
    [t("indicators.field.definition"), i.definition],
    [t("indicators.field.calculationMethod"), i.calculationMethod],
    [t("indicators.field.dataSource"), i.dataSource],
    [t("indicators.field.verificationMeans"), i.verificationMeans],
    [
      t("indicators.field.collectionFrequency"),
      i.collectionFrequency ? t(`collectionFrequency.${i.collectionFrequency}`) : null,
    ],
    [t("indicators.field.responsible"), i.responsible],
    [t("indicators.field.dimensions"), i.dimensions.map((d) => t(`dimension.${d}`)).join(", ") || null],
    [t("indicators.field.baselineDate"), i.baselineDate ? format.date(i.baselineDate) : null],
    [
      t("indicators.field.targets"),
      i.targets
        .map(
          (x) =>
            `${periodText(t, x.year, x.period)} : ${x.value === null ? "—" : format.number(x.value)}${x.comment ? ` (${x.comment})` : ""}`,
        )
        .join(" ; ") || null,
    ],
  ];
  return (
    <Table variant="vertical" layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function DeleteIndicator({ indicator }: { indicator: api.IndicatorDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => send("deleteIndicator", { params: { id: indicator.id } }),
    onSuccess: async () => {
      await refreshIndicators(client, indicator.projectId);
      void navigate(`/projects/${indicator.projectId}/indicators`);
    },
  });
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        loading={remove.isPending}
        onClick={() => window.confirm(t("indicators.deleteConfirm")) && remove.mutate()}
      >
        {t("indicators.delete")}
      </Button>
      {remove.isError && (
        <Text size="xs" c="red" role="alert">
          {errorText(remove.error)}
        </Text>
      )}
    </>
  );
}
