// Everything about one activity's execution: the entry for the reporting
// period (status, percent, actual dates, period in words, observations, reason
// for delay), its history period by period, and its commitments and payments.
import { ACTIVITY_STATUSES, type ActivityStatus } from "@baara/core";
import { Button, Drawer, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import { EvidenceList } from "./EvidenceList.tsx";
import { periodLabel } from "./periods.ts";
import { type PeriodView, periodView } from "./progress.ts";
import { useTransactions } from "./queries.ts";
import { TransactionForm } from "./TransactionForm.tsx";
import type { Execution, ExecutionActivity, ProgressRecord } from "./types.ts";

interface Props {
  execution: Execution;
  activity: ExecutionActivity;
  period: string;
  editable: boolean;
  onClose: () => void;
  onRecord: (activity: ExecutionActivity, view: PeriodView, change: Partial<ProgressRecord>) => Promise<boolean>;
  onSaved: () => void;
}

export function ActivityDrawer({ execution, activity, period, editable, onClose, onRecord, onSaved }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = periodView(activity, period, execution.fiscalYearStartMonth);
  const base = view.base;
  const [form, setForm] = useState({
    status: (base?.status ?? "not_started") as ActivityStatus,
    percent: base?.percent ?? "",
    actualStart: base?.actualStart ?? "",
    actualEnd: base?.actualEnd ?? "",
    periodText: base?.periodText ?? "",
    observations: base?.observations ?? "",
    delayReason: base?.delayReason ?? "",
  });
  const transactions = useTransactions(execution.workplanId, activity.activityId);
  const label = (key: string) => periodLabel(t, key, execution.year, execution.fiscalYearStartMonth);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const save = async () => {
    const saved = await onRecord(activity, view, {
      status: form.status,
      percent: form.percent === "" ? null : String(form.percent),
      actualStart: form.actualStart || null,
      actualEnd: form.actualEnd || null,
      periodText: form.periodText || null,
      observations: form.observations || null,
      delayReason: form.delayReason || null,
    });
    if (saved) onClose();
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={(
        <Title order={3} size="h4">
          {[activity.code, activity.title].filter(Boolean).join(" ")}
        </Title>
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t("execution.entryFor", { period: label(period) })}
        </Text>
        <Group grow align="start">
          <Select
            label={t("execution.status")}
            value={form.status}
            allowDeselect={false}
            disabled={!editable}
            data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
            onChange={(v) => v && set("status")(v)}
          />
          <NumberInput
            label={t("execution.percent")}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            disabled={!editable || form.status === "done"}
            value={form.status === "done" ? 100 : form.percent === "" ? "" : Number(form.percent)}
            onChange={(v) => set("percent")(v === "" ? "" : String(v))}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t("execution.actualStart")}
            type="date"
            disabled={!editable}
            value={form.actualStart}
            onChange={(e) => set("actualStart")(e.currentTarget.value)}
          />
          <TextInput
            label={t("execution.actualEnd")}
            type="date"
            disabled={!editable}
            value={form.actualEnd}
            onChange={(e) => set("actualEnd")(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={t("execution.periodText")}
          description={t("execution.periodTextHint")}
          maxLength={300}
          disabled={!editable}
          value={form.periodText}
          onChange={(e) => set("periodText")(e.currentTarget.value)}
        />
        <Textarea
          label={t("execution.observations")}
          autosize
          minRows={2}
          maxLength={4000}
          disabled={!editable}
          value={form.observations}
          onChange={(e) => set("observations")(e.currentTarget.value)}
        />
        <Textarea
          label={t("execution.delayReason")}
          autosize
          minRows={1}
          maxLength={2000}
          disabled={!editable}
          value={form.delayReason}
          onChange={(e) => set("delayReason")(e.currentTarget.value)}
        />
        {editable && (
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button onClick={() => void save()}>{t("execution.saveFor", { period: label(period) })}</Button>
          </Group>
        )}

        <Title order={4} size="h5">
          {t("execution.history")}
        </Title>
        {activity.records.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("execution.noRecord")}
          </Text>
        ) : (
          <Table aria-label={t("execution.history")}>
            <Table.Tbody>
              {activity.records.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{label(r.period)}</Table.Td>
                  <Table.Td>
                    {t(`activityStatus.${r.status}`)}
                    {r.percent && r.status !== "done" ? ` · ${format.rate(r.percent)}` : ""}
                  </Table.Td>
                  <Table.Td>{[r.periodText, r.observations, r.delayReason].filter(Boolean).join(" — ")}</Table.Td>
                  <Table.Td c="dimmed" fz="xs">
                    {r.recordedByName
                      ? t("execution.recordedBy", { name: r.recordedByName, ...format.instant(r.recordedAt) })
                      : ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        <Title order={4} size="h5">
          {t("evidence.title")}
        </Title>
        <EvidenceList activityId={activity.activityId} editable={editable} />

        <Title order={4} size="h5">
          {t("execution.spending")}
        </Title>
        <Text size="sm">
          {t("execution.spendingLine", {
            budget: format.money(activity.budget, execution.currency),
            committed: format.money(activity.committed, execution.currency),
            liquidated: format.money(activity.liquidated, execution.currency),
            paid: format.money(activity.paid, execution.currency),
          })}
        </Text>
        {(transactions.data?.items.length ?? 0) > 0 && (
          <Table aria-label={t("execution.spending")}>
            <Table.Tbody>
              {transactions.data?.items.map((tx) => (
                <Table.Tr key={tx.id}>
                  <Table.Td>{format.date(tx.date)}</Table.Td>
                  <Table.Td>{t(`transactionStage.${tx.stage}`)}</Table.Td>
                  <Table.Td className="num">{format.money(tx.amount, execution.currency)}</Table.Td>
                  <Table.Td>{[tx.reference, tx.supplier].filter(Boolean).join(" · ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && (
          <TransactionForm
            execution={execution}
            activity={activity}
            onSaved={() => {
              void transactions.refetch();
              onSaved();
            }}
          />
        )}
      </Stack>
    </Drawer>
  );
}
