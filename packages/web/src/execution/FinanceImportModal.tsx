// Importing an export of the finance system: choose the file (and its stage,
// when the export holds one kind of operation only), see what will be written
// — rows matched, rows already imported, rows matching nothing with their
// reason — then write it in one step. Importing the same export twice writes
// nothing twice.
import { type api, TRANSACTION_STAGES } from "@baara/core";
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, pathOf, send, upload } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";

type FinanceImport = api.FinanceImport;

export function FinanceImportModal({
  planId,
  currency,
  onClose,
  onSaved,
}: {
  planId: string;
  currency: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<FinanceImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async () => {
    if (!file) return setError(t("financeImport.pickFile"));
    const form = new FormData();
    if (stage) form.append("stage", stage);
    form.append("file", file);
    setError(null);
    setProgress(0);
    try {
      setPreview(await upload<FinanceImport>(pathOf("createFinanceImport", { id: planId }), form, setProgress));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      setPreview(await send("commitFinanceImport", { params: { id: preview.id }, body: { version: preview.version } }));
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const money = (v: string) => format.money(v, currency);

  return (
    <Modal opened onClose={onClose} size="90rem" title={t("financeImport.title")}>
      <Stack>
        {!preview && (
          <>
            <Text size="sm" c="dimmed">
              {t("financeImport.hint")}
            </Text>
            <Group align="end">
              <FileInput
                label={t("financeImport.file")}
                placeholder={t("financeImport.browse")}
                accept=".xlsx,.csv,.tsv,.txt"
                w={360}
                value={file}
                onChange={setFile}
                clearable
              />
              <Select
                label={t("financeImport.stage")}
                w={300}
                clearable
                placeholder={t("financeImport.stageFromFile")}
                value={stage}
                onChange={setStage}
                data={TRANSACTION_STAGES.map((s) => ({ value: s, label: t(`transactionStage.${s}`) }))}
              />
              <Button onClick={() => void read()} disabled={progress !== null}>
                {t("financeImport.read")}
              </Button>
            </Group>
            {progress !== null && <Progress value={progress * 100} aria-label={t("financeImport.sending")} />}
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {preview && (
          <>
            <Text size="sm">
              {t("financeImport.readAs", {
                file: preview.fileName,
                sheet: preview.sheet,
                row: preview.headerRow,
                rows: preview.rows,
              })}
              {" "}
              {preview.columns
                .map((c) => `${c.column} « ${c.header} » → ${t(`financeImport.field.${c.field}`)}`)
                .join(" ; ")}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              <Figure label={t("financeImport.toWrite")} value={String(preview.toWrite)} testId="finance-to-write" />
              <Figure label={t("financeImport.already")} value={String(preview.alreadyImported)} testId="finance-already" />
              <Figure label={t("financeImport.notWritten")} value={String(preview.findingCount)} testId="finance-findings" />
              <Figure label={t("transactionStage.commitment")} value={money(preview.totals.commitment)} />
              <Figure label={t("transactionStage.payment")} value={money(preview.totals.payment)} />
            </SimpleGrid>
            {preview.outsideYear > 0 && (
              <Alert color="yellow" variant="light">
                {t("financeImport.outsideYear", { count: preview.outsideYear })}
              </Alert>
            )}
            {preview.status === "committed" && (
              <Alert color="teal" role="status">
                {t("financeImport.done", { written: preview.written ?? 0, skipped: preview.skipped ?? 0 })}
              </Alert>
            )}
            {preview.findings.length > 0 && (
              <Stack gap={4}>
                <Text fw={700} size="sm">
                  {t("financeImport.findings")}
                </Text>
                <ScrollArea.Autosize mah={180}>
                  {preview.findings.map((f) => (
                    <Text
                      key={`${f.row}-${f.code}`}
                      size="sm"
                      style={{ borderInlineStart: "3px solid #f08c00", paddingInlineStart: 8 }}
                    >
                      {`${t("financeImport.row", { row: f.row })} — ${f.message}`}
                    </Text>
                  ))}
                </ScrollArea.Autosize>
              </Stack>
            )}
            <ScrollArea.Autosize mah={320}>
              <Table aria-label={t("financeImport.preview")} stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("financeImport.row", { row: "" })}</Table.Th>
                    <Table.Th>{t("execution.date")}</Table.Th>
                    <Table.Th>{t("execution.stage")}</Table.Th>
                    <Table.Th>{t("entity.activity")}</Table.Th>
                    <Table.Th className="num">{t("execution.amount")}</Table.Th>
                    <Table.Th>{t("execution.reference")}</Table.Th>
                    <Table.Th>{t("execution.supplier")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.transactions.map((tx, i) => (
                    <Table.Tr key={i} c={tx.alreadyImported ? "dimmed" : undefined}>
                      <Table.Td>{tx.row}</Table.Td>
                      <Table.Td>{format.date(tx.date)}</Table.Td>
                      <Table.Td>{t(`transactionStage.${tx.stage}`)}</Table.Td>
                      <Table.Td maw={360}>
                        <Text size="sm" lineClamp={1} c="inherit">
                          {[tx.activity, tx.line].filter(Boolean).join(" — ")}
                        </Text>
                        {tx.outsideYear && (
                          <Badge size="xs" variant="light" color="yellow" mr={4}>
                            {t("financeImport.outsideYearBadge")}
                          </Badge>
                        )}
                        {tx.alreadyImported && (
                          <Badge size="xs" variant="light">
                            {t("financeImport.alreadyBadge")}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td className="num">{format.amount(tx.amount, currency)}</Table.Td>
                      <Table.Td>{tx.reference}</Table.Td>
                      <Table.Td>{tx.supplier}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            <Group justify="end">
              <Button variant="default" onClick={onClose}>
                {preview.status === "committed" ? t("common.close") : t("common.cancel")}
              </Button>
              {preview.status === "ready" && (
                <Button loading={busy} disabled={preview.toWrite === 0} onClick={() => void commit()}>
                  {t("financeImport.commit", { count: preview.toWrite })}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
