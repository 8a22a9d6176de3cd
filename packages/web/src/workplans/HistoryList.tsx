import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { WorkplanStep } from "../api/types.ts";
import { type Formatter, useFormat } from "../ui/format.ts";
import { Loading } from "../ui/states.tsx";
import { useHistory } from "./queries.ts";

/** « Soumis par Awa Traoré le 6 décembre 2026 à 15:04 », « Importé depuis « PTBA 2022.xlsx » … ». */
type Translate = (key: string, options: Record<string, unknown>) => string;

function entryText(t: Translate, format: Formatter, step: WorkplanStep, year: number) {
  const copyKey = step.copiedFrom && step.copiedFrom.year !== year ? "copyYear" : "copy";
  const key = step.action === "copy" ? copyKey : step.action;
  return t(`history.${key}`, {
    ...format.instant(step.at),
    user: step.userName,
    context: step.userName === null ? "nobody" : undefined,
    file: step.fileName,
    version: step.copiedFrom?.planVersion,
    year: step.copiedFrom?.year,
  });
}

export function HistoryList({ planId, year }: { planId: string; year: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useHistory(planId);
  if (!history.data) return <Loading />;
  if (history.data.length === 0) return <Text c="dimmed">{t("common.none")}</Text>;
  return (
    <Table>
      <Table.Tbody>
        {history.data.map((step) => (
          <Table.Tr key={step.id}>
            <Table.Td>{entryText(t, format, step, year)}</Table.Td>
            <Table.Td>{step.comment}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
