import { type Breakdown, type PlanTree, sumMinor } from "@baara/core";
import { BarChart, DonutChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Paper, SimpleGrid, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";

type Rows = { label: string; amount: number }[];

function BreakdownTable({ title, rows, currency }: { title: string; rows: Rows; currency: string }) {
  const format = useFormat();
  const { t } = useTranslation();
  const total = sumMinor(rows.map((r) => r.amount));
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <BarChart
        h={Math.max(120, rows.length * 28)}
        data={rows.map((r) => ({ label: r.label, amount: r.amount }))}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 140 }}
        series={[{ name: "amount", label: title, color: "indigo.6" }]}
        valueFormatter={(v) => format.amount(v, currency)}
        gridAxis="none"
        withXAxis={false}
      />
      <Table mt="xs" aria-label={title}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td className="num">{format.money(r.amount, currency)}</Table.Td>
              <Table.Td className="num" c="dimmed">
                {total > 0 ? format.percent(r.amount / total) : ""}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t("common.total")}</Table.Td>
            <Table.Td className="num">{format.money(total, currency)}</Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Totals by account, fund, responsible party, quarter and funding, from the same roll-up as the grid. */
export default function TotalsPanel({ rollup, currency }: { rollup: PlanTree; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const named = (list: Breakdown[]) =>
    list.map((b) => ({ label: [b.key, b.label].filter(Boolean).join(" ") || t("plan.noValue"), amount: b.amount }));
  const quarters = [
    { label: "T1", amount: rollup.byQuarter.q1 },
    { label: "T2", amount: rollup.byQuarter.q2 },
    { label: "T3", amount: rollup.byQuarter.q3 },
    { label: "T4", amount: rollup.byQuarter.q4 },
    { label: t("plan.unscheduled"), amount: rollup.byQuarter.unscheduled },
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <BreakdownTable title={t("plan.byAccount")} rows={named(rollup.byAccount)} currency={currency} />
      <BreakdownTable title={t("plan.byFund")} rows={named(rollup.byFund)} currency={currency} />
      <BreakdownTable title={t("plan.byResponsible")} rows={named(rollup.byResponsible)} currency={currency} />
      <BreakdownTable title={t("plan.byQuarter")} rows={quarters} currency={currency} />
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t("plan.fundedSplit")}
        </Title>
        <DonutChart
          withLabelsLine
          valueFormatter={(v) => format.amount(v, currency)}
          data={[
            { name: t("plan.funded"), value: rollup.funded, color: "indigo.6" },
            { name: t("plan.unfunded"), value: rollup.unfunded, color: "orange.6" },
          ]}
        />
        <Table mt="xs">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t("plan.funded")}</Table.Td>
              <Table.Td className="num">{format.money(rollup.funded, currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t("plan.unfunded")}</Table.Td>
              <Table.Td className="num">{format.money(rollup.unfunded, currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t("plan.genderTagged")}</Table.Td>
              <Table.Td className="num">{format.money(rollup.genderTagged, currency)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </SimpleGrid>
  );
}
