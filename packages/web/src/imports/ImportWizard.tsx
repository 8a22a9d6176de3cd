import { COLUMN_FIELDS, type ColumnField, type ColumnRole, type ImportReport } from "@baara/core";
import { Alert, Button, FileInput, Group, Modal, NumberInput, Progress, Select, Stack, Stepper, Table, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorText, upload } from "../api/client.ts";
import type { Project, Workplan } from "../api/types.ts";
import { projectKeys } from "../projects/queries.ts";
import { useFormat } from "../ui/format.ts";

interface Preview {
  sheets: string[];
  sheet: string;
  mapping: { headers: string[]; roles: ColumnRole[] };
  report: ImportReport;
}

function roleValue(role: ColumnRole): string {
  if (role.kind === "field") return `field:${role.field}`;
  if (role.kind === "month") return `month:${role.month}`;
  if (role.kind === "quarter") return `quarter:${role.quarter}`;
  return "ignored";
}

function roleOf(value: string): ColumnRole {
  const [kind, arg] = value.split(":");
  if (kind === "field") return { kind: "field", field: arg as ColumnField };
  if (kind === "month") return { kind: "month", month: Number(arg) };
  if (kind === "quarter") return { kind: "quarter", quarter: Number(arg) as 1 | 2 | 3 | 4 };
  return { kind: "ignored" };
}

/** Upload or paste → column mapping → preview with findings → commit as a new plan version. */
export default function ImportWizard({ project, onClose }: { project: Project; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [sheet, setSheet] = useState<string | null>(null);
  const [roles, setRoles] = useState<ColumnRole[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const monthNames = t("months.long", { returnObjects: true }) as string[];

  const form = (withRoles: ColumnRole[] | null) => {
    const data = new FormData();
    if (typeof year === "number") data.set("year", String(year));
    if (sheet) data.set("sheet", sheet);
    if (withRoles) data.set("roles", JSON.stringify(withRoles));
    if (file) data.set("file", file);
    else data.set("text", text);
    return data;
  };

  async function read(withRoles: ColumnRole[] | null) {
    setError(null);
    setProgress(0);
    try {
      const result = await upload<Preview>(`/projects/${project.id}/imports/preview`, form(withRoles), setProgress);
      setPreview(result);
      setRoles(result.mapping.roles);
      setSheet(result.sheet);
      setStep(withRoles ? 2 : 1);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setProgress(null);
    }
  }

  async function commit() {
    setError(null);
    setProgress(0);
    try {
      const result = await upload<{ workplan: Workplan }>(`/projects/${project.id}/imports`, form(roles), setProgress);
      void queryClient.invalidateQueries({ queryKey: projectKeys.workplans(project.id) });
      onClose();
      void navigate(`/workplans/${result.workplan.id}`);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setProgress(null);
    }
  }

  const roleOptions = [
    { value: "ignored", label: t("imports.ignored") },
    ...COLUMN_FIELDS.map((f) => ({ value: `field:${f}`, label: t(`imports.field.${f}`) })),
    ...monthNames.map((m, i) => ({ value: `month:${i + 1}`, label: t("imports.monthRole", { month: m }) })),
    ...[1, 2, 3, 4].map((q) => ({ value: `quarter:${q}`, label: t("imports.quarterRole", { quarter: q }) })),
  ];

  return (
    <Modal opened onClose={onClose} title={t("imports.title")} size="xl">
      <Stack>
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
          <Stepper.Step label={t("imports.stepFile")} />
          <Stepper.Step label={t("imports.stepMapping")} />
          <Stepper.Step label={t("imports.stepPreview")} />
        </Stepper>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {progress !== null && (
          <Stack gap={2}>
            <Text size="sm">{t("imports.reading", { percent: Math.round(progress * 100) })}</Text>
            <Progress value={progress * 100} aria-label={t("imports.reading", { percent: Math.round(progress * 100) })} />
          </Stack>
        )}
        {step === 0 && (
          <Stack>
            <FileInput label={t("imports.file")} accept=".xlsx,.csv,.tsv,.txt" value={file} onChange={setFile} clearable />
            <Textarea label={t("imports.orPaste")} value={text} onChange={(e) => setText(e.currentTarget.value)} minRows={4} autosize maxRows={10} disabled={Boolean(file)} />
            <NumberInput label={t("imports.year")} value={year} onChange={setYear} min={2000} max={2100} w={160} />
            <Group justify="end">
              <Button disabled={!file && !text.trim()} loading={progress !== null} onClick={() => void read(null)}>
                {t("imports.read")}
              </Button>
            </Group>
          </Stack>
        )}
        {step === 1 && preview && roles && (
          <Stack>
            {preview.sheets.length > 1 && (
              <Select label={t("imports.sheet")} data={preview.sheets} value={sheet} onChange={setSheet} w={260} />
            )}
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.column")}</Table.Th>
                  <Table.Th>{t("imports.role")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.mapping.headers.map((header, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{header || `#${i + 1}`}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t("imports.role")} : ${header || `#${i + 1}`}`}
                        data={roleOptions}
                        value={roleValue(roles[i] ?? { kind: "ignored" })}
                        onChange={(v) => setRoles(roles.map((r, j) => (j === i ? roleOf(v ?? "ignored") : r)))}
                        allowDeselect={false}
                        searchable
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="end">
              <Button onClick={() => void read(roles)} loading={progress !== null}>
                {t("imports.reread")}
              </Button>
            </Group>
          </Stack>
        )}
        {step === 2 && preview && (
          <Stack>
            <Text fw={600}>
              {t("imports.summary", {
                activities: preview.report.activities,
                lines: preview.report.budgetLines,
                total: format.money(preview.report.total.computed, project.currency),
              })}
            </Text>
            {preview.report.total.declared && (
              <Text size="sm">{t("imports.declaredTotal", { total: format.money(preview.report.total.declared, project.currency) })}</Text>
            )}
            <Text fw={600}>{`${t("imports.issues")} (${preview.report.issues.length})`}</Text>
            <Table.ScrollContainer minWidth={600} mah={300}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("imports.row")}</Table.Th>
                    <Table.Th>{t("imports.code")}</Table.Th>
                    <Table.Th>{t("imports.message")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.report.issues.map((issue, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{issue.row}</Table.Td>
                      <Table.Td>{issue.code}</Table.Td>
                      <Table.Td>{issue.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button onClick={() => void commit()} loading={progress !== null}>
                {t("imports.commit")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}
