// The report's documents: Word, PDF or Excel written in the background (a
// progress bar with its stage while it is written, then a link to download
// it), and the files written before with when, by whom and the report's
// status then.
import { type api, REPORT_FORMATS, type ReportFormat } from "@baara/core";
import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, hrefOf, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { byOn, ReportStatusBadge } from "./parts.tsx";
import { reportKeys } from "./queries.ts";

/** Files shown before « show all ». */
const FIRST = 5;
const STAGES = new Set(["data", "document", "pdf", "file"]);

export function ReportDocuments({ report, canWrite }: { report: api.Report; canWrite: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [all, setAll] = useState(false);
  const generate = useMutation({
    mutationFn: (format: ReportFormat) => send("generateReport", { params: { id: report.id }, body: { format } }),
    onSuccess: (file) => {
      // Shown at once, then followed: the report is read again while the file is being written.
      client.setQueryData<api.Report>(reportKeys.one(report.id), (current) =>
        current ? { ...current, files: [file, ...current.files.filter((f) => f.id !== file.id)] } : current,
      );
      void client.invalidateQueries({ queryKey: reportKeys.one(report.id) });
    },
  });
  const files = all ? report.files : report.files.slice(0, FIRST);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-documents">
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Title order={3} size="h4" id="report-documents">
          {t("reports.documents.title")}
        </Title>
        {canWrite && (
          <Group gap="xs" role="group" aria-label={t("reports.documents.write")}>
            <Text size="sm" c="dimmed" aria-hidden>
              {t("reports.documents.write")}
            </Text>
            {REPORT_FORMATS.map((format) => (
              <Button
                key={format}
                size="xs"
                variant="light"
                onClick={() => generate.mutate(format)}
                loading={generate.isPending && generate.variables === format}
              >
                {t(`reports.format.${format}`)}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      {generate.isError && (
        <Alert color="red" role="alert" mb="xs">
          {errorText(generate.error)}
        </Alert>
      )}
      {report.files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canWrite ? t("reports.documents.noneYet") : t("reports.documents.none")}
        </Text>
      ) : (
        <Stack gap="xs">
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing={6} aria-label={t("reports.documents.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t("reports.documents.col.format")}</Table.Th>
                  <Table.Th>{t("reports.documents.col.file")}</Table.Th>
                  <Table.Th>{t("reports.documents.col.written")}</Table.Th>
                  <Table.Th>{t("reports.documents.col.statusThen")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.map((file) => (
                  <FileRow key={file.id} report={report} file={file} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.files.length > FIRST && (
            <Anchor component="button" size="sm" onClick={() => setAll(!all)}>
              {all ? t("reports.documents.fewer") : t("reports.documents.all", { count: report.files.length })}
            </Anchor>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function FileRow({ report, file }: { report: api.Report; file: api.ReportFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = t(`reports.format.${file.format}`);
  return (
    <Table.Tr data-state={file.state}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {name}
        </Text>
      </Table.Td>
      <Table.Td>
        <FileState report={report} file={file} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{byOn(t, format, file.createdByName, file.createdAt, true)}</Text>
      </Table.Td>
      <Table.Td>
        <ReportStatusBadge status={file.reportStatus} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A file being written shows its stage; a written one, its link; a failed one, why. */
function FileState({ report, file }: { report: api.Report; file: api.ReportFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (file.state === "completed" && file.fileName) {
    return (
      <Anchor href={hrefOf("reportFile", { id: report.id, fileId: file.id })} download={file.fileName} size="sm">
        {t("reports.documents.download", { name: file.fileName })}
        {file.size !== null && (
          <Text span size="xs" c="dimmed">
            {` (${t("reports.documents.size", { size: format.number(Math.max(1, Math.round(file.size / 1024))) })})`}
          </Text>
        )}
      </Anchor>
    );
  }
  if (file.state === "failed" || file.state === "cancelled") {
    return (
      <Text size="sm" c="red.8">
        {t("reports.documents.failed", { error: file.error ?? t("errors.unexpected") })}
      </Text>
    );
  }
  // Before its first stage, the job's own state (waiting, retrying).
  const stage = file.stage && STAGES.has(file.stage) ? t(`reports.stage.${file.stage}`) : t(`jobState.${file.state}`);
  const percent = Math.round(file.progress * 100);
  const text = t("reports.documents.progress", { stage, percent });
  return (
    <Stack gap={2} miw={180}>
      <Text size="xs" role="status">
        {text}
      </Text>
      <Progress value={Math.max(percent, 3)} animated aria-label={text} />
    </Stack>
  );
}
