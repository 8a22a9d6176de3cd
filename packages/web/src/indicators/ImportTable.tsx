// Bringing a donor's results table in: paste it (from Word or Excel) or pick
// a file, see what it reads as (nodes, indicators, figures, findings), then
// import it in one step.
import type { api } from "@baara/core";
import {
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, pathOf, send, upload } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { useFormat } from "../ui/format.ts";
import { refreshIndicators } from "./queries.ts";

export default function ImportTable({
  project,
  onClose,
  canValidate,
}: {
  project: Project;
  onClose: () => void;
  canValidate: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [year, setYear] = useState<number>(() => new Date().getFullYear() - 1);
  const [validated, setValidated] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const body = { text, year, validated };
  const preview = useMutation({ mutationFn: () => send("previewResultsTable", { params: { id: project.id }, body }) });
  const commit = useMutation({
    mutationFn: () => send("importResultsTable", { params: { id: project.id }, body }),
    onSuccess: () => refreshIndicators(client, project.id),
  });
  const readFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    const form = new FormData();
    form.append("file", file);
    try {
      const read = await upload<{ text: string }>(pathOf("readResultsSheet", { id: project.id }), form, () => {});
      setText(read.text);
      preview.reset();
    } catch (error) {
      setFileError(errorText(error));
    }
  };
  const result = commit.data;
  return (
    <Modal opened onClose={onClose} title={t("indicators.importTable")} size="xl">
      <Stack>
        <Textarea
          label={t("indicators.import.paste")}
          autosize
          minRows={4}
          maxRows={10}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            preview.reset();
          }}
          data-autofocus
        />
        <Group align="end">
          <FileButton onChange={(f) => void readFile(f)} accept=".xlsx,.csv,.tsv,.txt">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {t("indicators.import.file")}
              </Button>
            )}
          </FileButton>
          <NumberInput
            label={t("indicators.import.year")}
            value={year}
            min={1900}
            max={2100}
            w={260}
            onChange={(v) => typeof v === "number" && setYear(v)}
          />
          {canValidate && (
            <Checkbox
              label={t("indicators.import.validated")}
              checked={validated}
              onChange={(e) => setValidated(e.currentTarget.checked)}
            />
          )}
        </Group>
        {fileError && (
          <Text c="red" role="alert">
            {fileError}
          </Text>
        )}
        {(preview.isError || commit.isError) && (
          <Text c="red" role="alert">
            {errorText(preview.error ?? commit.error)}
          </Text>
        )}
        {preview.data && !result && <Preview data={preview.data} format={format} />}
        {result && (
          <Alert color="green" role="status">
            {t("indicators.import.done", result)}
          </Alert>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {result ? t("common.close") : t("common.cancel")}
          </Button>
          {!result && (
            <Button variant="light" disabled={!text.trim()} loading={preview.isPending} onClick={() => preview.mutate()}>
              {t("indicators.import.preview")}
            </Button>
          )}
          {!result && (
            <Button disabled={!preview.data} loading={commit.isPending} onClick={() => commit.mutate()}>
              {t("indicators.import.commit")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

function Preview({ data, format }: { data: api.ResultsTablePreview; format: ReturnType<typeof useFormat> }) {
  const { t } = useTranslation();
  const nodeTitle = new Map(data.nodes.map((n) => [n.code, n]));
  return (
    <Stack gap="xs">
      <Text size="sm">{t("indicators.import.what", { nodes: data.nodes.length, indicators: data.indicators.length })}</Text>
      {data.findings.map((f) => (
        <Text size="sm" c="orange.9" key={`${f.row}-${f.kind}`}>
          {f.message}
        </Text>
      ))}
      <ScrollArea.Autosize mah={320}>
        <Table verticalSpacing={4} fz="xs" aria-label={t("indicators.import.preview")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("tableColumn.indicator")}</Table.Th>
              <Table.Th>{t("tableColumn.baseline")}</Table.Th>
              <Table.Th>{t("tableColumn.target")}</Table.Th>
              <Table.Th>{t("tableColumn.milestone")}</Table.Th>
              <Table.Th>{t("indicators.col.current")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.indicators.map((i, index) => {
              const node = i.nodeCode ? nodeTitle.get(i.nodeCode) : undefined;
              const opens = node && data.indicators.findIndex((x) => x.nodeCode === i.nodeCode) === index;
              return [
                opens && (
                  <Table.Tr key={`n-${node.code}`} bg="gray.1">
                    <Table.Td colSpan={5}>
                      <Text size="xs" fw={700}>{`${node.code} — ${node.title}`}</Text>
                    </Table.Td>
                  </Table.Tr>
                ),
                <Table.Tr key={i.code}>
                  <Table.Td>
                    <Text size="xs" fw={600} span>
                      {i.code}
                    </Text>
                    {" "}
                    {i.name}
                    {" "}
                    <Text span size="xs" c={i.exists ? "blue" : "green"}>
                      (
                      {i.exists ? t("indicators.import.willUpdate") : t("indicators.import.willCreate")}
                      )
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.number(i.baseline) || "—"}</Table.Td>
                  <Table.Td>{format.number(i.endTarget) || "—"}</Table.Td>
                  <Table.Td>
                    {i.milestone?.value ? `${format.number(i.milestone.value)} (${i.milestone.year})` : ""}
                    {i.milestone?.comment && (
                      <Text size="xs" c="dimmed">
                        {i.milestone.comment}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {i.current?.value ? format.number(i.current.value) : t("indicators.import.noValue")}
                    {Object.entries(i.current?.breakdown ?? {}).map(([k, v]) => (
                      <Text size="xs" key={k} c="dimmed">
                        {t("indicators.ofWhich", {
                          value: format.number(v),
                          category: t(`category.${k.split(":")[1]}`).toLocaleLowerCase(),
                        })}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
