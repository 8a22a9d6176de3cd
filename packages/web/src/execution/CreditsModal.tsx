// The plan's credits (allocated at arbitration, notified, payment credit), by
// budget category (BSI, fonctionnement…), and whether cancelled activities
// count among the planned ones.
import { CREDIT_KINDS, type CurrencyCode, readPlanNumberCell } from "@baara/core";
import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import type { Execution } from "./types.ts";

interface Line {
  kind: string;
  category: string;
  amount: string;
}

export function CreditsModal({
  execution,
  onClose,
  onSaved,
}: {
  execution: Execution;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const currency = execution.currency as CurrencyCode;
  const [lines, setLines] = useState<Line[]>(
    execution.credits.length > 0
      ? execution.credits.map((c) => ({
          kind: c.kind,
          category: c.category ?? "",
          amount: format.amount(c.amount, currency),
        }))
      : [{ kind: "payment", category: "", amount: "" }],
  );
  const [excludeCancelled, setExcludeCancelled] = useState(execution.excludeCancelled);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (i: number, field: keyof Line, value: string) =>
    setLines((all) => all.map((l, j) => (j === i ? { ...l, [field]: value } : l)));

  const save = async () => {
    const credits = [];
    for (const [i, line] of lines.entries()) {
      if (line.amount.trim() === "" && line.category.trim() === "") continue;
      const reading = readPlanNumberCell("amount", line.amount, currency);
      if (!reading.ok || reading.value === null) {
        const reason = reading.ok ? t("execution.amountRequired") : t(`execution.amountRefused.${reading.reason}`, { value: line.amount, currency });
        setError(t("execution.creditRefused", { row: i + 1, reason }));
        return;
      }
      credits.push({ kind: line.kind as "payment", category: line.category.trim() || null, amount: reading.value });
    }
    setError(null);
    setBusy(true);
    try {
      await send("setExecutionSettings", {
        params: { id: execution.workplanId },
        body: { excludeCancelled, credits, version: execution.version },
      });
      onSaved();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t("execution.creditsTitle")}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("execution.creditsHint")}
        </Text>
        <Table aria-label={t("execution.creditsTitle")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("execution.creditKind")}</Table.Th>
              <Table.Th>{t("execution.category")}</Table.Th>
              <Table.Th>{t("execution.amount")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Select
                    aria-label={`${t("execution.creditKind")} ${i + 1}`}
                    value={line.kind}
                    allowDeselect={false}
                    data={CREDIT_KINDS.map((k) => ({ value: k, label: t(`creditKind.${k}`) }))}
                    onChange={(v) => v && change(i, "kind", v)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t("execution.category")} ${i + 1}`}
                    placeholder={t("execution.categoryExample")}
                    maxLength={100}
                    value={line.category}
                    onChange={(e) => change(i, "category", e.currentTarget.value)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t("execution.amount")} ${i + 1}`}
                    value={line.amount}
                    onChange={(e) => change(i, "amount", e.currentTarget.value)}
                    inputMode="decimal"
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("execution.removeCredit", { row: i + 1 })}
                    onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button
            variant="light"
            onClick={() => setLines((all) => [...all, { kind: all.at(-1)?.kind ?? "payment", category: "", amount: "" }])}
          >
            {t("execution.addCredit")}
          </Button>
        </Group>
        <Checkbox
          label={t("execution.excludeCancelled")}
          checked={excludeCancelled}
          onChange={(e) => setExcludeCancelled(e.currentTarget.checked)}
        />
        {error && (
          <Text c="red.8" role="alert" size="sm">
            {error}
          </Text>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
