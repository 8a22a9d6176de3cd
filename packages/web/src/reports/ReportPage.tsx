// A report on one screen: on the left the fields its writers fill (saved with
// the report's version; Ctrl+S saves), read only once submitted with the
// reason said; on the right its document as it will be written; above, its
// status, its steps, and its documents in Word, PDF or Excel.
import type { api } from "@baara/core";
import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, send } from "../api/client.ts";
import { useProject, useProjectAccess } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { byOn, fieldErrors, ReportStatusBadge } from "./parts.tsx";
import { ReportActions } from "./ReportActions.tsx";
import { ReportDocuments } from "./ReportDocuments.tsx";
import { amountProblem, ReportFields } from "./ReportFields.tsx";
import { asDocument, ReportPreview } from "./ReportPreview.tsx";
import { afterReportWrite, useReport } from "./queries.ts";
import "./reports.css";

export default function ReportPage() {
  const { reportId } = useParams();
  const report = useReport(reportId);
  if (report.isError) return <ErrorState error={report.error} retry={() => void report.refetch()} />;
  if (!report.data) return <Loading />;
  return <ReportScreen report={report.data} refetch={() => void report.refetch()} />;
}

type Problem = { kind: "conflict" } | { kind: "refused"; messages: { field: string | null; text: string }[] };

function ReportScreen({ report, refetch }: { report: api.Report; refetch: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const project = useProject(report.projectId);
  const access = useProjectAccess(report.projectId);
  const canWrite = access.can("report.write");
  const editable = report.status === "draft" && canWrite;
  const currency = project.data?.currency ?? "";

  /** What was typed and not saved yet, by field key. */
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const saved = (key: string) => report.narrative[key] ?? "";
  const value = (key: string) => edits[key] ?? saved(key);
  const changes = Object.fromEntries(Object.entries(edits).filter(([key, text]) => text !== saved(key)));
  const unsaved = Object.keys(changes).length > 0;
  const labels = Object.fromEntries(report.fields.map((f) => [f.key, f.label]));

  const save = useMutation({
    mutationFn: async () => {
      const invalid = report.fields.flatMap((f) => amountProblem(t, f, value(f.key), currency) ?? []);
      if (invalid.length > 0) throw new RefusedHere(invalid);
      const sent = changes;
      const updated = await send("updateReport", {
        params: { id: report.id },
        body: { narrative: sent, version: report.version },
      });
      return { updated, sent };
    },
    onSuccess: ({ updated, sent }) => {
      void afterReportWrite(client, updated);
      // What was typed while saving stays to be saved.
      setEdits((current) => Object.fromEntries(Object.entries(current).filter(([key, text]) => sent[key] !== text)));
      setProblem(null);
      setSavedAt(format.instant(new Date().toISOString()).time);
    },
    onError: (error) => {
      setSavedAt(null);
      if (error instanceof RefusedHere)
        setProblem({ kind: "refused", messages: error.messages.map((text) => ({ field: null, text })) });
      else if (error instanceof ApiError && error.code === "VERSION_CONFLICT") {
        // Someone else saved: their version is read, what was typed here stays on top of it.
        setProblem({ kind: "conflict" });
        refetch();
      } else {
        setProblem({ kind: "refused", messages: fieldErrors(t, error, labels) });
        if (error instanceof ApiError && error.status === 409) refetch();
      }
    },
  });
  const saveNow = () => {
    if (editable && unsaved && !save.isPending) save.mutate();
  };
  /** Saves before a step; the step goes on with the report as saved. */
  const saveForStep = async () => (await save.mutateAsync()).updated;

  // Ctrl+S (Cmd+S) saves, wherever the focus is: the browser's own « save page » is never what is meant here.
  const saveRef = useRef(saveNow);
  saveRef.current = saveNow;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  // Leaving with text not saved: the browser asks first.
  useEffect(() => {
    if (!unsaved) return;
    const onLeave = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [unsaved]);

  const fieldErrorsByKey: Record<string, string> = {};
  if (problem?.kind === "refused") for (const m of problem.messages) if (m.field) fieldErrorsByKey[m.field] = m.text;
  const document = asDocument(report.preview);

  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/projects/${report.projectId}/rapports`} size="sm">
          ←
          {" "}
          {t("reports.backToList")}
        </Anchor>
        <Group justify="space-between" align="start" gap="sm">
          <div>
            {project.data && (
              <Text c="dimmed" size="sm" ff="monospace">
                {project.data.code}
              </Text>
            )}
            <Title order={2}>{report.title}</Title>
            {project.data && <Text size="sm">{project.data.title}</Text>}
          </div>
          <Group gap="sm">
            <ReportStatusBadge status={report.status} size="lg" />
            <ReportActions
              report={report}
              can={access.can}
              unsaved={editable && unsaved}
              save={saveForStep}
              onDone={() => {
                setEdits({});
                setProblem(null);
              }}
            />
          </Group>
        </Group>
      </div>
      <StatusSentence report={report} canWrite={canWrite} known={Boolean(access.data)} />
      <ReportDocuments report={report} canWrite={canWrite} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="report-fields">
            <div className="report-savebar">
              <Group justify="space-between" gap="xs">
                <Title order={3} size="h4" id="report-fields">
                  {t("reports.fieldsTitle")}
                </Title>
                {editable && (
                  <Group gap="xs">
                    <Text size="xs" c="dimmed" role="status">
                      {unsaved ? t("reports.unsaved") : savedAt ? t("reports.savedAt", { time: savedAt }) : ""}
                    </Text>
                    <Button
                      size="xs"
                      onClick={saveNow}
                      loading={save.isPending}
                      disabled={!unsaved}
                      title={t("reports.saveKey")}
                    >
                      {t("common.save")}
                    </Button>
                  </Group>
                )}
              </Group>
              {problem && (
                <Alert color={problem.kind === "conflict" ? "yellow" : "red"} role="alert" mt="xs" p="xs">
                  {problem.kind === "conflict"
                    ? t("reports.conflict")
                    : problem.messages.map((m) => <div key={`${m.field}-${m.text}`}>{m.text}</div>)}
                </Alert>
              )}
            </div>
            {editable && (
              <Text size="xs" c="dimmed" mb="sm">
                {t("reports.fieldsHint")}
              </Text>
            )}
            <ReportFields
              fields={report.fields}
              value={value}
              onChange={(key, text) => setEdits((current) => ({ ...current, [key]: text }))}
              readOnly={!editable}
              currency={currency}
              errors={fieldErrorsByKey}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder className="report-preview" component="section" aria-labelledby="report-preview" tabIndex={0}>
            <Group justify="space-between" className="report-preview-head" gap="xs">
              <Title order={3} size="h4" id="report-preview">
                {t("reports.previewTitle")}
              </Title>
              <Text size="xs" c={unsaved ? "orange.9" : "dimmed"}>
                {unsaved ? t("reports.previewUnsaved") : t("reports.previewHint")}
              </Text>
            </Group>
            {document ? (
              <ReportPreview document={document} />
            ) : (
              <Text size="sm" c="dimmed" p="md">
                {t("reports.noPreview")}
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Fields this screen refuses before sending (an amount that is not one). */
class RefusedHere extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(" "));
  }
}

/** Why the fields are read only, or what the figures are: the report's status in a sentence. */
function StatusSentence({ report, canWrite, known }: { report: api.Report; canWrite: boolean; known: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  let text: string;
  if (report.status === "approved")
    text = t("reports.locked.approved", { who: byOn(t, format, report.approvedByName, report.approvedAt) });
  else if (report.status === "submitted")
    text = t("reports.locked.submitted", { who: byOn(t, format, report.submittedByName, report.submittedAt) });
  else if (known && !canWrite) text = t("reports.locked.reader");
  else text = t("reports.live");
  return (
    <Alert color={report.status === "draft" ? "gray" : report.status === "approved" ? "green" : "yellow"} p="xs">
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
