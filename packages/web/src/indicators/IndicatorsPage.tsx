// The results framework as donors read it (the PBF table): for each outcome
// and output, its indicators with baseline, end target, milestone, current
// value and its breakdown, achievement, status colour and reason for delay.
import type { api } from "@baara/core";
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { hrefOf } from "../api/client.ts";
import { useProject, useProjectAccess } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { CurrentValue, IndicatorStatusBadge, PeriodPicker, periodText } from "./parts.tsx";
import { type AsOf, useIndicators } from "./queries.ts";

const ImportTable = lazy(() => import("./ImportTable.tsx"));
const IndicatorForm = lazy(() => import("./IndicatorForm.tsx"));
const LibraryPicker = lazy(() => import("./LibraryPicker.tsx"));
const ThresholdsForm = lazy(() => import("./ThresholdsForm.tsx"));

type Framework = api.ProjectIndicators;
type Node = Framework["nodes"][number];

/** The framework's nodes in reading order (each followed by its children). */
export function nodesInOrder(nodes: Node[]): Node[] {
  const out: Node[] = [];
  const visit = (parentId: string | null) => {
    for (const n of nodes.filter((x) => x.parentId === parentId)) {
      out.push(n);
      visit(n.id);
    }
  };
  visit(null);
  return out;
}

export default function IndicatorsPage() {
  const { projectId } = useParams();
  const { t } = useTranslation();
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const [asOf, setAsOf] = useState<AsOf | null>(null);
  const framework = useIndicators(projectId, asOf);
  const [dialog, setDialog] = useState<"import" | "add" | "library" | "thresholds" | null>(null);
  if (project.isError) return <ErrorState error={project.error} />;
  if (framework.isError) return <ErrorState error={framework.error} />;
  if (!project.data || !framework.data) return <Loading />;
  const p = project.data;
  const f = framework.data;
  const close = () => setDialog(null);
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/projects/${p.id}`} size="sm">
          ←
          {" "}
          {t("indicators.backToProject")}
        </Anchor>
        <Text c="dimmed" size="sm" ff="monospace">
          {p.code}
        </Text>
        <Title order={2}>{t("indicators.title")}</Title>
        <Text size="sm">{p.title}</Text>
      </div>
      <Group justify="space-between" align="end">
        <Group align="end">
          {asOf ? (
            <PeriodPicker value={asOf} onChange={setAsOf} label={t("indicators.asOf")} />
          ) : (
            <Button variant="default" size="xs" onClick={() => setAsOf({ year: new Date().getFullYear(), period: "Y" })}>
              {t("indicators.asOf")}
              …
            </Button>
          )}
          {asOf && (
            <Button variant="subtle" size="xs" onClick={() => setAsOf(null)}>
              {t("indicators.latest")}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button component={Link} to={`/projects/${p.id}/indicators/saisie`} size="xs">
            {t("indicators.entry")}
          </Button>
          {access.can("indicators.define") && (
            <>
              <Button size="xs" variant="light" onClick={() => setDialog("add")}>
                {t("indicators.add")}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog("library")}>
                {t("indicators.fromLibrary")}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog("import")}>
                {t("indicators.importTable")}
              </Button>
            </>
          )}
          <Button
            component="a"
            href={hrefOf("exportIndicators", { id: p.id }, asOf ? { ...asOf } : {})}
            size="xs"
            variant="default"
          >
            {t("indicators.export")}
          </Button>
        </Group>
      </Group>
      <Group gap="xs">
        {(["on_track", "at_risk", "off_track", "no_data", "no_milestone"] as const)
          .filter((s) => f.counts[s] > 0)
          .map((s) => (
            <Group gap={4} key={s}>
              <IndicatorStatusBadge status={s} />
              <Text size="sm">{f.counts[s]}</Text>
            </Group>
          ))}
        <Text size="xs" c="dimmed">
          {t("indicators.thresholds", { onTrack: f.thresholds.onTrack, atRisk: f.thresholds.atRisk })}
        </Text>
        {access.can("indicators.validate") && (
          <Anchor size="xs" component="button" onClick={() => setDialog("thresholds")}>
            {t("indicators.setThresholds")}
          </Anchor>
        )}
      </Group>
      {f.indicators.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t("indicators.none")}</Text>
        </Paper>
      ) : (
        <FrameworkTable framework={f} asOf={asOf} />
      )}
      <Suspense fallback={null}>
        {dialog === "import" && <ImportTable project={p} onClose={close} canValidate={access.can("indicators.validate")} />}
        {dialog === "add" && <IndicatorForm project={p} nodes={f.nodes} onClose={close} />}
        {dialog === "library" && <LibraryPicker project={p} nodes={f.nodes} onClose={close} />}
        {dialog === "thresholds" && <ThresholdsForm projectId={p.id} thresholds={f.thresholds} onClose={close} />}
      </Suspense>
    </Stack>
  );
}

function FrameworkTable({ framework, asOf }: { framework: Framework; asOf: AsOf | null }) {
  const { t } = useTranslation();
  const groups = [
    { node: null as Node | null, indicators: framework.indicators.filter((i) => !i.resultNodeId) },
    ...nodesInOrder(framework.nodes).map((node) => ({
      node,
      indicators: framework.indicators.filter((i) => i.resultNodeId === node.id),
    })),
  ].filter((g) => g.indicators.length > 0);
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1000}>
        <Table striped={false} verticalSpacing="xs" aria-label={t("indicators.title")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t("tableColumn.indicator")}</Table.Th>
              <Table.Th>{t("tableColumn.baseline")}</Table.Th>
              <Table.Th>{t("tableColumn.target")}</Table.Th>
              <Table.Th>{t("tableColumn.milestone")}</Table.Th>
              <Table.Th>{t("indicators.col.current")}</Table.Th>
              <Table.Th>{t("indicators.col.achievement")}</Table.Th>
              <Table.Th>{t("indicators.col.status")}</Table.Th>
              <Table.Th w="20%">{t("indicators.col.reason")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => [
              <Table.Tr key={g.node?.id ?? "project"} bg="gray.1">
                <Table.Td colSpan={8}>
                  <Text fw={700} size="sm">
                    {g.node ? `${g.node.code} — ${g.node.title}` : t("indicators.projectLevel")}
                  </Text>
                </Table.Td>
              </Table.Tr>,
              ...g.indicators.map((i) => <IndicatorRow key={i.id} indicator={i} asOf={asOf} />),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function IndicatorRow({ indicator: i, asOf }: { indicator: api.Indicator; asOf: AsOf | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = i.measure === "percentage" ? " %" : "";
  const milestone = i.progress.milestone;
  const milestoneRow = i.targets.find((x) => x.year === milestone?.year && x.period === milestone.period);
  const commentOnly = i.targets.filter((x) => x.value === null && x.comment);
  return (
    <Table.Tr data-status={i.progress.status}>
      <Table.Td>
        <Anchor component={Link} to={`/indicators/${i.id}`} size="sm" fw={600}>
          {i.code}
        </Anchor>
        {" "}
        <Text span size="sm">
          {i.name}
        </Text>
        {i.pendingValue && (
          <Badge ml="xs" size="xs" variant="outline" color={i.pendingValue.status === "returned" ? "red" : "blue"}>
            {i.pendingValue.status === "returned"
              ? t("indicatorValueStatus.returned")
              : t("indicators.pending", { value: `${format.number(i.pendingValue.value ?? "")}${unit}` })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{i.baselineValue === null ? "—" : `${format.number(i.baselineValue)}${unit}`}</Table.Td>
      <Table.Td>{i.endTarget === null ? "—" : `${format.number(i.endTarget)}${unit}`}</Table.Td>
      <Table.Td>
        {milestone ? (
          <>
            <Text size="sm">{`${format.number(milestone.value)}${unit}`}</Text>
            <Text size="xs" c="dimmed">
              {milestone.year === null ? t("tableColumn.target") : periodText(t, milestone.year, milestone.period ?? "Y")}
            </Text>
          </>
        ) : (
          "—"
        )}
        {(milestoneRow?.comment ? [milestoneRow] : commentOnly).slice(0, 1).map((x) => (
          <Text size="xs" c="dimmed" key="comment" fs="italic">
            {x.comment}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <CurrentValue indicator={i} />
        {i.progress.asOf && !asOf && (
          <Text size="xs" c="dimmed">
            {periodText(t, i.progress.asOf.year, i.progress.asOf.period)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{format.rate(i.progress.achievement)}</Table.Td>
      <Table.Td>
        <IndicatorStatusBadge status={i.progress.status} />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{i.latestValue?.varianceReason ?? ""}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
