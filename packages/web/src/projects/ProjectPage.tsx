import { Badge, Button, Grid, Group, Modal, NumberInput, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { isOutsidePeriod, suggestPlanYear } from "@baara/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { errorText, send } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { useFormat } from "../ui/format.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { ErrorState, Loading } from "../ui/states.tsx";
import { FrameworkTree } from "./FrameworkTree.tsx";
import { IndicatorSummary } from "../indicators/IndicatorSummary.tsx";
import { ReportsSummary } from "../reports/ReportsSummary.tsx";
import { WorkplanList } from "./WorkplanList.tsx";
import { projectKeys, useNodes, useProject, useProjectAccess, useWorkplans } from "./queries.ts";

const ImportWizard = lazy(() => import("../imports/ImportWizard.tsx"));
const ProjectExecution = lazy(() => import("../execution-dashboards/ProjectExecution.tsx"));

export default function ProjectPage() {
  const { projectId } = useParams();
  const { t } = useTranslation();
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const nodes = useNodes(projectId);
  const workplans = useWorkplans(projectId);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  if (project.isError) return <ErrorState error={project.error} />;
  if (!project.data || !nodes.data) return <Loading />;
  const p = project.data;

  return (
    <Stack>
      <div>
        <Text c="dimmed" size="sm" ff="monospace">
          {p.code}
        </Text>
        <Title order={2}>{p.title}</Title>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Identity project={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4">
                {t("project.workplans")}
              </Title>
              {access.can("plan.create") && (
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setCreating(true)}>
                    {t("project.newPlan")}
                  </Button>
                  <Button size="xs" onClick={() => setImporting(true)}>
                    {t("project.import")}
                  </Button>
                </Group>
              )}
            </Group>
            {!access.can("plan.create") && (
              <Text size="xs" c="dimmed" mb="xs">
                {t("project.whoCreates")}
              </Text>
            )}
            <WorkplanList plans={workplans.data?.items ?? []} />
          </Paper>
        </Grid.Col>
      </Grid>
      {(workplans.data?.items ?? []).some((w) => w.status === "approved" || w.status === "endorsed") && (
        <Suspense fallback={<Loading />}>
          <ProjectExecution projectId={p.id} />
        </Suspense>
      )}
      <IndicatorSummary projectId={p.id} />
      <ReportsSummary projectId={p.id} />
      <Paper withBorder p="md">
        <FrameworkTree project={p} nodes={nodes.data} editable={access.can("project.manage")} />
      </Paper>
      {importing && (
        <Suspense fallback={<Loading />}>
          <ImportWizard project={p} onClose={() => setImporting(false)} />
        </Suspense>
      )}
      {creating && <NewPlan project={p} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function Identity({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, React.ReactNode][] = [
    [t("project.code"), project.code],
    [t("entity.organisation"), project.organisationName],
    [
      t("project.partners"),
      project.partners.map((p) => `${p.name} (${t(`partnerRole.${p.role}`)})`).join(", ") || t("common.none"),
    ],
    [t("project.dates"), [format.date(project.startDate), format.date(project.endDate)].filter(Boolean).join(" → ") || t("common.none")],
    [t("project.currency"), project.currency],
    [
      t("project.markers"),
      <Group gap="xs" key="markers">
        {project.genderMarker && <Badge variant="outline">{`${t("project.gender")} ${project.genderMarker}`}</Badge>}
        {project.riskMarker && <Badge variant="outline">{`${t("project.risk")} ${project.riskMarker}`}</Badge>}
        <Badge variant="light">{t(`projectStatus.${project.status}`)}</Badge>
      </Group>,
    ],
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t("project.identity")}
      </Title>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={130}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function NewPlan({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const format = useFormat();
  const [year, setYear] = useState<number | string>(() => suggestPlanYear(project, new Date()));
  const [title, setTitle] = useState("");
  const outside = typeof year === "number" && isOutsidePeriod(project, year);
  const create = useMutation({
    mutationFn: () => send("createWorkplan", { params: { id: project.id }, body: { year: Number(year), title: title.trim() || undefined } }),
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.workplans(project.id) });
      void navigate(`/workplans/${plan.id}`);
    },
  });
  return (
    <Modal opened onClose={onClose} title={t("project.newPlan")}>
      <Stack>
        {create.isError && (
          <Text c="red" role="alert">
            {errorText(create.error)}
          </Text>
        )}
        <NumberInput
          label={t("project.year")}
          value={year}
          onChange={setYear}
          min={2000}
          max={2100}
          data-autofocus
          description={outside ? t("project.yearOutsidePeriod", { start: format.date(project.startDate) || "…", end: format.date(project.endDate) || "…" }) : undefined}
        />
        <LimitedText
          limit="planTitle"
          label={t("limits.planTitle")}
          placeholder={t("limits.planTitleDefault", { year: typeof year === "number" ? year : "" })}
          value={title}
          onChange={setTitle}
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={create.isPending} onClick={() => create.mutate()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
