// Physical and financial execution per element of the results framework, on
// one row, with bars: what was done and what was spent, side by side.
import { Group, Progress, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import type { Execution } from "./types.ts";

function RateBar({ rate, label }: { rate: string | null; label: string }) {
  const format = useFormat();
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Progress value={rate === null ? 0 : Math.min(100, Number(rate))} w={70} size="sm" aria-label={label} />
      <Text size="sm" w={68} ta="right">
        {format.rate(rate)}
      </Text>
    </Group>
  );
}

export function NodeRates({ execution }: { execution: Execution }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (v: string) => format.amount(v, execution.currency);
  const nodes = execution.nodes.filter((n) => n.physical.planned > 0 || n.physical.cancelled > 0);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table withTableBorder aria-label={t("execution.byNode")} data-testid="node-rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("execution.node")}</Table.Th>
            <Table.Th className="num">{t("execution.done")}</Table.Th>
            <Table.Th className="num">{t("rate.byCount.name")}</Table.Th>
            <Table.Th className="num">{t("execution.budget")}</Table.Th>
            <Table.Th className="num">{t("execution.committed")}</Table.Th>
            <Table.Th className="num">{t("execution.paid")}</Table.Th>
            <Table.Th className="num">{t("rate.committedOfBudget.name")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((n) => (
            <Table.Tr key={n.nodeId} fw={n.level === 0 ? 700 : undefined} data-node={n.code}>
              <Table.Td pl={8 + n.level * 16} maw={420}>
                <Text size="sm" lineClamp={2} fw="inherit">
                  {`${n.code} ${n.title}`}
                </Text>
              </Table.Td>
              <Table.Td className="num">{`${n.physical.done} / ${n.physical.planned}`}</Table.Td>
              <Table.Td>
                <RateBar rate={n.physical.rate} label={`${n.code} ${t("rate.byCount.name")}`} />
              </Table.Td>
              <Table.Td className="num">{money(n.financial.budget)}</Table.Td>
              <Table.Td className="num">{money(n.financial.committed)}</Table.Td>
              <Table.Td className="num">{money(n.financial.paid)}</Table.Td>
              <Table.Td>
                <RateBar
                  rate={n.financial.rates.committedOfBudget}
                  label={`${n.code} ${t("rate.committedOfBudget.name")}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t("execution.wholePlan")}</Table.Td>
            <Table.Td className="num">{`${execution.plan.physical.done} / ${execution.plan.physical.planned}`}</Table.Td>
            <Table.Td>
              <RateBar rate={execution.plan.physical.rate} label={t("rate.byCount.name")} />
            </Table.Td>
            <Table.Td className="num">{money(execution.plan.financial.budget)}</Table.Td>
            <Table.Td className="num">{money(execution.plan.financial.committed)}</Table.Td>
            <Table.Td className="num">{money(execution.plan.financial.paid)}</Table.Td>
            <Table.Td>
              <RateBar rate={execution.plan.financial.rates.committedOfBudget} label={t("rate.committedOfBudget.name")} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
