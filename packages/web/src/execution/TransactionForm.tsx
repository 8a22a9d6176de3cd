// One commitment, liquidation or payment, entered on a budget line (or on the
// activity as a whole): date, amount, reference, supplier. An amount beyond its
// commitment or budget is accepted and flagged by the server, never refused.
import { type CurrencyCode, readPlanNumberCell, TRANSACTION_STAGES } from "@baara/core";
import { Button, Group, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import type { Execution, ExecutionActivity } from "./types.ts";

interface Props {
  execution: Execution;
  /** The activity the amount is for; without one, the form asks. */
  activity?: ExecutionActivity;
  onSaved: () => void;
}

export function TransactionForm({ execution, activity, onSaved }: Props) {
  const { t } = useTranslation();
  const [activityId, setActivityId] = useState<string | null>(activity?.activityId ?? null);
  const chosen = execution.activities.find((a) => a.activityId === activityId);
  const [lineId, setLineId] = useState<string | null>(null);
  const [stage, setStage] = useState<string>("commitment");
  const [date, setDate] = useState("");
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [supplier, setSupplier] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!activityId) return setError(t("execution.pickActivity"));
    // Read as the plan editor reads a cell: « 1 250 000 », « 4 000 FCFA », « 1 699 285,76 ».
    const reading = readPlanNumberCell("amount", amount, execution.currency as CurrencyCode);
    if (!reading.ok || reading.value === null) {
      return setError(
        t(reading.ok ? "execution.amountRequired" : `execution.amountRefused.${reading.reason}`, {
          value: amount,
          currency: execution.currency,
        }),
      );
    }
    const value = reading.value;
    if (/^0+(\.0+)?$/.test(value)) return setError(t("messages.AMOUNT_ZERO"));
    setBusy(true);
    setError(null);
    try {
      await send("createTransaction", {
        params: { id: execution.workplanId },
        body: {
          budgetLineId: lineId,
          activityId: lineId ? null : activityId,
          stage: stage as "commitment",
          date,
          amount: value,
          reference: reference || null,
          supplier: supplier || null,
        },
      });
      setAmount("");
      setReference("");
      setSupplier("");
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Group align="end" gap="xs" wrap="wrap">
        {!activity && (
          <Select
            label={t("entity.activity")}
            searchable
            w={260}
            value={activityId}
            onChange={(v) => {
              setActivityId(v);
              setLineId(null);
            }}
            data={execution.activities.map((a) => ({
              value: a.activityId,
              label: `${a.code ?? ""} ${a.title}`.trim().slice(0, 90),
            }))}
          />
        )}
        <Select
          label={t("entity.budgetLine")}
          w={220}
          clearable
          placeholder={t("execution.wholeActivity")}
          value={lineId}
          onChange={setLineId}
          data={(chosen?.lines.length ? chosen.lines : []).map((l) => ({
            value: l.lineId,
            label: `${l.accountCode ?? ""} ${l.description ?? ""}`.trim() || t("compare.noLabel"),
          }))}
          disabled={!chosen}
        />
        <Select
          label={t("execution.stage")}
          w={170}
          value={stage}
          allowDeselect={false}
          onChange={(v) => v && setStage(v)}
          data={TRANSACTION_STAGES.map((s) => ({ value: s, label: t(`transactionStage.${s}`) }))}
        />
        <TextInput
          label={t("execution.date")}
          type="date"
          required
          w={150}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <TextInput
          label={t("execution.amount")}
          required
          w={150}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          inputMode="decimal"
        />
        <TextInput
          label={t("execution.reference")}
          w={130}
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <TextInput
          label={t("execution.supplier")}
          w={180}
          maxLength={300}
          value={supplier}
          onChange={(e) => setSupplier(e.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {t("execution.addTransaction")}
        </Button>
      </Group>
      {error && (
        <Group role="alert" c="red.8" mt={4} fz="sm">
          {error}
        </Group>
      )}
    </form>
  );
}
