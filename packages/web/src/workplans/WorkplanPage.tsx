import { type CurrencyCode, isPlanEditable, planTree } from "@baara/core";
import { Alert, Anchor, Button, Grid, Group, Modal, Paper, ScrollArea, Stack, Tabs, Text, Title, UnstyledButton } from "@mantine/core";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { DataGridHandle } from "react-data-grid";
import { useTranslation } from "react-i18next";
import { HelpLink } from "../help/HelpLink.tsx";
import { findingKind } from "../i18n/i18n.ts";
import { Link, useParams, useSearchParams } from "react-router";
import type { Finding } from "../api/types.ts";
import { useProject, useProjectAccess, useWorkplans } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { PlanStatusBadge } from "../ui/StatusBadge.tsx";
import { Chronogram } from "./Chronogram.tsx";
import { GridToolbar } from "./GridToolbar.tsx";
import { HistoryList } from "./HistoryList.tsx";
import { ancestorsOf, buildRows, type GridRow, planInputOf } from "./plan-model.ts";
import { PlanGrid } from "./PlanGrid.tsx";
import { gridText } from "./range.ts";
import { useContent, useSummary, useWorkplan } from "./queries.ts";
import { usePlanEditor } from "./use-plan-editor.ts";
import { WorkflowBar } from "./WorkflowBar.tsx";
import { planHeading, PlanStandingBadge, replacedBy } from "./plan-standing.tsx";

const TotalsPanel = lazy(() => import("./TotalsPanel.tsx"));
const ComparePanel = lazy(() => import("./ComparePanel.tsx"));
const ExecutionPanel = lazy(() => import("../execution/ExecutionPanel.tsx"));

export default function WorkplanPage() {
  const { workplanId = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const plan = useWorkplan(workplanId);
  const projectId = plan.data?.projectId;
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const versions = useWorkplans(projectId);
  const content = useContent(workplanId);
  const summary = useSummary(workplanId);
  const editor = usePlanEditor(workplanId);
  const gridRef = useRef<DataGridHandle>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [activeRow, setActiveRow] = useState<GridRow | null>(null);
  // A link may open a tab (the project's execution dashboard opens « Exécution »).
  const [searchParams] = useSearchParams();
  const [tab, setTab] = useState<string | null>(() => searchParams.get("tab") ?? "grid");

  const input = useMemo(() => (content.data ? planInputOf(content.data) : null), [content.data]);
  // Totals are recomputed here with the same rules as the server, so they follow every keystroke committed.
  const rollup = useMemo(() => (input ? planTree(input) : null), [input]);
  const rows = useMemo(
    () => (rollup && content.data ? buildRows(content.data.nodes, content.data.activities, rollup, collapsed) : []),
    [rollup, content.data, collapsed],
  );
  const toggle = useCallback((nodeId: string) => {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(nodeId)) next.add(nodeId);
      return next;
    });
  }, []);

  // A new activity is shown once its row exists, with its title's editor open.
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!pendingFocus) return;
    const rowIdx = rows.findIndex((r) => r.key === `a:${pendingFocus}`);
    if (rowIdx < 0) return;
    setPendingFocus(null);
    requestAnimationFrame(() => {
      gridRef.current?.scrollToCell({ rowIdx, idx: 1 });
      gridRef.current?.setActivePosition({ rowIdx, idx: 1 }, { shouldFocus: true, enableEditor: true });
    });
  }, [rows, pendingFocus]);
  const showNewActivity = useCallback(
    (activityId: string, nodeId: string | null) => {
      const hidden = ancestorsOf(content.data?.nodes ?? [], nodeId);
      setCollapsed((previous) => new Set([...previous].filter((c) => !hidden.includes(c))));
      setPendingFocus(activityId);
    },
    [content.data?.nodes],
  );

  const error = plan.error ?? project.error ?? content.error ?? summary.error;
  if (error) return <ErrorState error={error} />;
  if (!plan.data || !project.data || !rollup || !summary.data || !content.data) return <Loading />;
  const { nodes, activities } = content.data;

  const currency = project.data.currency;
  const canEdit = access.can("plan.edit");
  const superseded = replacedBy(plan.data);
  const editable = canEdit && isPlanEditable(plan.data.status, superseded);
  const replacement = versions.data?.items.find((v) => v.year === plan.data?.year && v.planVersion === superseded);
  const findings = summary.data.findings;
  // An approved plan's execution is followed beside it.
  const followed = plan.data.status === "approved" || plan.data.status === "endorsed";

  const jumpTo = (finding: Finding) => {
    const { entity, id } = finding.location;
    if (!id) return;
    const activity = entity === "activity" ? activities.find((a) => a.id === id) : activities.find((a) => a.budgetLines.some((l) => l.id === id));
    const nodeId = entity === "node" ? id : (activity?.resultNodeId ?? null);
    const hidden = ancestorsOf(nodes, entity === "node" ? (nodes.find((n) => n.id === id)?.parentId ?? null) : nodeId);
    const reveal = new Set([...collapsed].filter((c) => !hidden.includes(c)));
    setCollapsed(reveal);
    const target = buildRows(nodes, activities, rollup, reveal).findIndex((r) => r.id === id);
    if (target >= 0) {
      setTab("grid");
      requestAnimationFrame(() => {
        gridRef.current?.scrollToCell({ rowIdx: target, idx: 6 });
        gridRef.current?.setActivePosition({ rowIdx: target, idx: 6 }, { shouldFocus: true });
      });
    }
  };

  const copyText = () => gridText(rows, currency as CurrencyCode);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="start">
        <div>
          <Anchor component={Link} to={`/projects/${project.data.id}`} size="sm">
            {`${project.data.code} — ${project.data.title}`.slice(0, 120)}
          </Anchor>
          <Group gap="sm">
            <Title order={2}>{planHeading(t, plan.data)}</Title>
            <PlanStatusBadge status={plan.data.status} />
            <PlanStandingBadge plan={plan.data} />
          </Group>
        </div>
        <Paper withBorder px="md" py="xs">
          <Text size="xs" c="dimmed">
            {t("plan.total")}
          </Text>
          <Text fw={700} size="xl" data-testid="plan-total">
            {format.money(rollup.total.computed, currency)}
          </Text>
          {rollup.total.declared !== null && rollup.total.declared !== rollup.total.computed && (
            <Text size="xs" c="red.8">
              {t("plan.declared", { amount: format.money(rollup.total.declared, currency) })}
            </Text>
          )}
        </Paper>
      </Group>
      <WorkflowBar plan={plan.data} can={access.can} />
      {superseded !== null && (
        <Alert color="gray" variant="light" data-testid="superseded">
          <Text size="sm">{t("editorUx.supersededAlert", { version: superseded })}</Text>
          {replacement && (
            <Anchor component={Link} to={`/workplans/${replacement.id}`} size="sm">
              {t("editorUx.openVersion", { version: superseded })}
            </Anchor>
          )}
        </Alert>
      )}
      {superseded === null && !isPlanEditable(plan.data.status) && (
        <Alert color="blue" variant="light">
          {t("plan.readOnly", { status: t(`planStatus.${plan.data.status}`).toLowerCase() })}
        </Alert>
      )}
      {isPlanEditable(plan.data.status, superseded) && !canEdit && access.data && (
        <Alert color="gray" variant="light">
          {t("plan.viewOnly")}
        </Alert>
      )}
      <div role="status" aria-live="polite">
        {editor.message && (
          <Alert color={editor.message.tone === "error" ? "red" : "teal"} withCloseButton onClose={() => editor.setMessage(null)} py={6}>
            {editor.message.text}
          </Alert>
        )}
      </div>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="grid">{t("plan.grid")}</Tabs.Tab>
          {followed && <Tabs.Tab value="execution">{t("execution.tab")}</Tabs.Tab>}
          <Tabs.Tab value="chronogram">{t("plan.chronogram")}</Tabs.Tab>
          <Tabs.Tab value="totals">{t("plan.totals")}</Tabs.Tab>
          <Tabs.Tab value="compare">{t("plan.compare")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("plan.history")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="grid" pt="sm">
          <Grid>
            <Grid.Col span={{ base: 12, xl: 9 }}>
              <Stack gap="xs">
                <GridToolbar
                  planId={workplanId}
                  row={activeRow}
                  editable={editable}
                  editor={editor}
                  copyText={copyText}
                  nodes={nodes}
                  onActivityCreated={showNewActivity}
                />
                <Text size="xs" c="dimmed" data-testid="grid-hint">
                  {t(editable ? "editorUx.gridHint" : "editorUx.gridHintReadOnly")}
                </Text>
                <PlanGrid
                  rows={rows}
                  currency={currency}
                  editable={editable}
                  findings={findings}
                  collapsed={collapsed}
                  onToggle={toggle}
                  editor={editor}
                  gridRef={gridRef}
                  onActiveRowChange={setActiveRow}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, xl: 3 }}>
              <FindingsList findings={findings} onJump={jumpTo} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        {followed && (
          <Tabs.Panel value="execution" pt="sm">
            <Suspense fallback={<Loading />}>
              <ExecutionPanel planId={workplanId} can={access.can} />
            </Suspense>
          </Tabs.Panel>
        )}
        <Tabs.Panel value="chronogram" pt="sm">
          <Chronogram
            nodes={nodes}
            activities={activities}
            fiscalYearStartMonth={project.data.fiscalYearStartMonth}
            editable={editable}
            editor={editor}
          />
        </Tabs.Panel>
        <Tabs.Panel value="totals" pt="sm">
          <Suspense fallback={<Loading />}>
            <TotalsPanel rollup={rollup} currency={currency} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="compare" pt="sm">
          <Suspense fallback={<Loading />}>
            <ComparePanel plan={plan.data} versions={versions.data?.items ?? []} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <HistoryList planId={workplanId} year={plan.data.year} />
        </Tabs.Panel>
      </Tabs>
      {editor.conflict && (
        <Modal opened onClose={editor.keepTheirs} title={t("plan.conflictTitle")}>
          <Stack>
            <Text role="alert">
              {t("plan.conflict", {
                field: editor.conflict.field,
                theirs: String((editor.conflict.current as unknown as Record<string, unknown>)[editor.conflict.field] ?? t("common.none")),
                mine: String(editor.conflict.mine ?? t("common.none")),
              })}
            </Text>
            <Group justify="end">
              <Button variant="default" onClick={editor.keepTheirs}>
                {t("plan.keepTheirs")}
              </Button>
              <Button onClick={() => void editor.applyMine()}>{t("plan.applyMine")}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

function FindingsList({ findings, onJump }: { findings: Finding[]; onJump: (f: Finding) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Group gap={4} mb="xs">
        <Title order={3} size="h5">
          {`${t("plan.findings")} (${findings.length})`}
        </Title>
        <HelpLink id="finding" term={t("plan.findings")} />
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("plan.noFindings")}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 340px)">
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {findings.map((f, i) => (
              <li key={i}>
                <UnstyledButton onClick={() => onJump(f)} p={6} w="100%" style={{ borderInlineStart: `3px solid ${f.severity === "error" ? "#e03131" : "#f08c00"}` }}>
                  <Text size="xs" fw={700}>
                    {findingKind(t, f.code)}
                  </Text>
                  <Text size="sm">{f.message}</Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
