// A project's reports: each with its template, year or period, status and who
// submitted and approved it when; and, for those who write them, a form to
// start one (template, year, the PBF's period).
import { type api, REPORT_PERIODS, STORED_REPORT_TEMPLATES, type StoredReportTemplate } from "@baara/core";
import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type * as z from "zod";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, send } from "../api/client.ts";
import { useProject, useProjectAccess } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { byOn, fieldErrors, reportPeriodText, ReportStatusBadge } from "./parts.tsx";
import { afterReportWrite, useReports } from "./queries.ts";

export default function ReportsPage() {
  const { projectId } = useParams();
  const { t } = useTranslation();
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const reports = useReports(projectId);
  if (project.isError) return <ErrorState error={project.error} />;
  if (reports.isError) return <ErrorState error={reports.error} retry={() => void reports.refetch()} />;
  if (!project.data || !reports.data) return <Loading />;
  const p = project.data;
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/projects/${p.id}`} size="sm">
          ←
          {" "}
          {t("reports.backToProject")}
        </Anchor>
        <Text c="dimmed" size="sm" ff="monospace">
          {p.code}
        </Text>
        <Title order={2}>{t("reports.title")}</Title>
        <Text size="sm">{p.title}</Text>
      </div>
      {access.can("report.write") ? (
        <StartReport projectId={p.id} reports={reports.data} />
      ) : (
        access.data && (
          <Text size="sm" c="dimmed">
            {t("reports.whoWrites")}
          </Text>
        )
      )}
      <ReportList reports={reports.data} />
    </Stack>
  );
}

function ReportList({ reports }: { reports: api.ReportSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (reports.length === 0) {
    return (
      <Paper withBorder p="md">
        <Text>{t("reports.none")}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" aria-label={t("reports.listLabel")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("reports.col.title")}</Table.Th>
              <Table.Th>{t("reports.col.template")}</Table.Th>
              <Table.Th>{t("reports.col.period")}</Table.Th>
              <Table.Th>{t("reports.col.status")}</Table.Th>
              <Table.Th>{t("reports.col.submitted")}</Table.Th>
              <Table.Th>{t("reports.col.approved")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/rapports/${r.id}`} fw={600} size="sm">
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`reportTemplate.${r.template}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{reportPeriodText(t, r)}</Text>
                </Table.Td>
                <Table.Td>
                  <ReportStatusBadge status={r.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{byOn(t, format, r.submittedByName, r.submittedAt) || t("common.none")}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{byOn(t, format, r.approvedByName, r.approvedAt) || t("common.none")}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

type Period = NonNullable<z.input<typeof api.createReport>["period"]>;

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function StartReport({ projectId, reports }: { projectId: string; reports: api.ReportSummary[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [template, setTemplate] = useState<StoredReportTemplate>("cps-annual");
  // An annual report is written on the year just ended.
  const [year, setYear] = useState<number | string>(() => new Date().getFullYear() - 1);
  const [period, setPeriod] = useState<Period>("year");
  const [yearError, setYearError] = useState<string | null>(null);
  const periods: readonly Period[] = REPORT_PERIODS[template];
  const labels = { template: t("reports.start.template"), year: t("reports.start.year"), period: t("reports.start.period") };
  const create = useMutation({
    mutationFn: () =>
      send("createReport", {
        params: { id: projectId },
        body: { template, year: Number(year), period: periods.includes(period) ? period : (periods[0] ?? "year") },
      }),
    onSuccess: (report) => {
      void afterReportWrite(client, report);
      void navigate(`/rapports/${report.id}`);
    },
  });
  const chooseTemplate = (value: string | null) => {
    if (!value) return;
    const next = value as StoredReportTemplate;
    setTemplate(next);
    const nextPeriods: readonly Period[] = REPORT_PERIODS[next];
    if (!nextPeriods.includes(period)) setPeriod(nextPeriods[0] ?? "year");
  };
  const start = () => {
    const n = typeof year === "number" ? year : Number.NaN;
    if (!Number.isInteger(n) || n < FIRST_YEAR || n > LAST_YEAR) {
      setYearError(t("reports.start.yearRange", { label: labels.year, first: FIRST_YEAR, last: LAST_YEAR }));
      return;
    }
    setYearError(null);
    create.mutate();
  };
  // The report asked for exists already: say which, and open it.
  const existing =
    create.error instanceof ApiError && create.error.code === "DUPLICATE"
      ? reports.find(
          (r) => r.template === template && r.year === Number(year) && (periods.length === 1 || r.period === period),
        )
      : undefined;
  const problems = create.isError && !existing ? fieldErrors(t, create.error, labels) : [];
  const at = (field: string) => problems.find((p) => p.field === field)?.text;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="start-report">
      <Title order={3} size="h4" mb="sm" id="start-report">
        {t("reports.start.title")}
      </Title>
      <Group align="start" gap="sm">
        <Select
          label={labels.template}
          data={STORED_REPORT_TEMPLATES.map((value) => ({ value, label: t(`reportTemplate.${value}`) }))}
          value={template}
          onChange={chooseTemplate}
          allowDeselect={false}
          error={at("template")}
          w={{ base: "100%", sm: 500 }}
        />
        <NumberInput
          label={labels.year}
          value={year}
          onChange={(v) => {
            setYear(v);
            setYearError(null);
          }}
          min={FIRST_YEAR}
          max={LAST_YEAR}
          allowDecimal={false}
          // A year out of range is said, never silently changed into another.
          clampBehavior="none"
          error={yearError ?? at("year")}
          w={{ base: "100%", sm: 150 }}
        />
        {periods.length > 1 && (
          <Select
            label={labels.period}
            data={periods.map((value) => ({ value, label: t(`reportPeriod.${value}`) }))}
            value={period}
            onChange={(v) => v && setPeriod(v as Period)}
            allowDeselect={false}
            error={at("period")}
            w={{ base: "100%", sm: 220 }}
          />
        )}
        <Button mt={{ base: 0, sm: 25 }} loading={create.isPending} onClick={start}>
          {t("reports.start.submit")}
        </Button>
      </Group>
      {existing && (
        <Alert color="yellow" role="alert" mt="sm">
          {t("reports.start.exists", { title: existing.title })}
          {" "}
          <Anchor component={Link} to={`/rapports/${existing.id}`}>
            {t("reports.start.openExisting")}
          </Anchor>
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert color="red" role="alert" mt="sm">
          {problems.map((p) => (
            <div key={`${p.field}-${p.text}`}>{p.text}</div>
          ))}
        </Alert>
      )}
    </Paper>
  );
}
