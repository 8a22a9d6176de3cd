// Every commitment, liquidation and payment of the plan, latest first, with the
// form to add one; each can be deleted (a correction is a delete and a new entry).
import { Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { DeleteButton } from "./DeleteButton.tsx";
import { useTransactions } from "./queries.ts";
import { TransactionForm } from "./TransactionForm.tsx";
import type { Execution } from "./types.ts";

export function TransactionsPanel({
  execution,
  editable,
  onSaved,
}: {
  execution: Execution;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useTransactions(execution.workplanId);
  const [error, setError] = useState<string | null>(null);
  const activity = new Map(execution.activities.map((a) => [a.activityId, a]));
  const saved = async () => {
    await list.refetch();
    onSaved();
  };
  const remove = async (id: string) => {
    try {
      await send("deleteTransaction", { params: { id } });
      setError(null);
      await saved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap="xs">
      {editable && <TransactionForm execution={execution} onSaved={() => void saved()} />}
      {error && (
        <Text c="red.8" role="alert" size="sm">
          {error}
        </Text>
      )}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("execution.noTransaction")}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t("execution.transactions")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("execution.date")}</Table.Th>
                <Table.Th>{t("execution.stage")}</Table.Th>
                <Table.Th>{t("entity.activity")}</Table.Th>
                <Table.Th className="num">{t("execution.amount")}</Table.Th>
                <Table.Th>{t("execution.reference")}</Table.Th>
                <Table.Th>{t("execution.supplier")}</Table.Th>
                <Table.Th>{t("execution.category")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((tx) => {
                const of = activity.get(tx.activityId);
                return (
                  <Table.Tr key={tx.id}>
                    <Table.Td>{format.date(tx.date)}</Table.Td>
                    <Table.Td>{t(`transactionStage.${tx.stage}`)}</Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={1}>
                        {[of?.code, of?.title].filter(Boolean).join(" ")}
                      </Text>
                    </Table.Td>
                    <Table.Td className="num">{format.money(tx.amount, execution.currency)}</Table.Td>
                    <Table.Td>{tx.reference}</Table.Td>
                    <Table.Td>{tx.supplier}</Table.Td>
                    <Table.Td>{tx.category}</Table.Td>
                    <Table.Td w={40}>
                      {editable && (
                        <DeleteButton
                          label={t("execution.removeTransaction", { reference: tx.reference ?? format.date(tx.date) })}
                          question={t("execution.removeTransactionQuestion", {
                            stage: t(`transactionStage.${tx.stage}`),
                            amount: format.money(tx.amount, execution.currency),
                            date: format.date(tx.date),
                          })}
                          onConfirm={() => void remove(tx.id)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > list.data.items.length && (
        <Text size="xs" c="dimmed">
          {t("execution.moreTransactions", { shown: list.data.items.length, total: list.data.total })}
        </Text>
      )}
    </Stack>
  );
}
