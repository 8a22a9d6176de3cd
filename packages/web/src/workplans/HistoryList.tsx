import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import { Loading } from "../ui/states.tsx";
import { useHistory } from "./queries.ts";

export function HistoryList({ planId }: { planId: string }) {
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
            <Table.Td>{t("workflow.step", { action: t(`planAction.${step.action}`), user: step.userName, date: format.date(step.at.slice(0, 10)) })}</Table.Td>
            <Table.Td>{step.comment}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
