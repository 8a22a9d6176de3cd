// One year quarter by quarter, cumulative: the physical rate as bars, the
// rates of committed and paid amounts as lines, for the plan (against its
// credit) or one top-level element of its framework (against its budget);
// the figures under the chart in a table.
import type { api } from "@baara/core";
import { CompositeChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Box, Group, Select, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import { chartValue, type Figures, rateOf, SERIES_COLORS, type Series, seriesRates } from "./rates.ts";

type Timeline = NonNullable<api.ProjectExecution["timeline"]>;
const SERIES: readonly Series[] = ["physical", "committed", "paid"];
const PLAN = "plan";

export function QuarterChart({ timeline, currency }: { timeline: Timeline; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [scope, setScope] = useState<string>(PLAN);
  const last = timeline.quarters.at(-1);
  // Elements without activities in this plan have nothing to follow.
  const nodes = timeline.nodes.filter((n) => {
    const figures = last?.nodes.find((f) => f.nodeId === n.nodeId);
    return figures && figures.physical.planned + figures.physical.cancelled > 0;
  });
  const node = nodes.find((n) => n.nodeId === scope);
  const rates = seriesRates(node ? "budget" : timeline.creditBasis);
  const points = timeline.quarters.map((q) => ({
    quarter: q,
    label: t("executionDashboard.quarter", { quarter: q.quarter }),
    figures: (node ? q.nodes.find((n) => n.nodeId === node.nodeId) : q) as Figures,
  }));
  const data = points.map((p) => ({
    label: p.label,
    physical: chartValue(rateOf(p.figures, rates.physical)),
    committed: chartValue(rateOf(p.figures, rates.committed)),
    paid: chartValue(rateOf(p.figures, rates.paid)),
  }));
  const highest = Math.max(100, ...data.flatMap((d) => [d.physical ?? 0, d.committed ?? 0, d.paid ?? 0]));
  const title = t("executionDashboard.byQuarter", { year: timeline.year });
  const tableLabel = t("executionDashboard.quarterFigures", { year: timeline.year });
  return (
    <Box>
      <Group justify="space-between" align="end" mb="xs">
        <Text fw={700}>{title}</Text>
        <Select
          label={t("executionDashboard.scope")}
          value={node ? node.nodeId : PLAN}
          onChange={(v) => setScope(v ?? PLAN)}
          allowDeselect={false}
          w={{ base: "100%", sm: 320 }}
          data={[
            { value: PLAN, label: t("execution.wholePlan") },
            ...nodes.map((n) => ({ value: n.nodeId, label: `${n.code} ${n.title}`.slice(0, 80) })),
          ]}
        />
      </Group>
      <div role="img" aria-label={title} data-testid="quarter-chart">
        <CompositeChart
          h={260}
          data={data}
          dataKey="label"
          series={SERIES.map((s) => ({
            name: s,
            label: t(`rate.${rates[s]}.name`),
            color: SERIES_COLORS[s],
            type: s === "physical" ? ("bar" as const) : ("line" as const),
          }))}
          curveType="linear"
          connectNulls={false}
          maxBarWidth={48}
          withLegend
          legendProps={{ verticalAlign: "bottom", height: 60 }}
          yAxisProps={{ domain: [0, Math.ceil(highest / 10) * 10], width: 70 }}
          valueFormatter={(v) => format.rate(v.toFixed(2))}
        />
      </div>
      {/* A table of figures only: its scrolling frame takes the focus, so that a keyboard scrolls it too. */}
      <Table.ScrollContainer
        minWidth={520}
        mt="sm"
        scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": tableLabel } }}
      >
        <Table withTableBorder fz="xs" aria-label={tableLabel} data-testid="quarter-figures">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("executionDashboard.quarterEnd")}</Table.Th>
              {SERIES.map((s) => (
                <Table.Th key={s} ta="right">
                  {t(`rate.${rates[s]}.name`)}
                </Table.Th>
              ))}
              <Table.Th className="num">{t("execution.committed")}</Table.Th>
              <Table.Th className="num">{t("execution.paid")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.quarter.quarter} data-quarter={p.quarter.quarter}>
                <Table.Td>
                  <Text size="xs" fw={600}>
                    {p.label}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {format.date(p.quarter.end)}
                  </Text>
                </Table.Td>
                {SERIES.map((s) => (
                  <Table.Td key={s} className="num">
                    {format.rate(rateOf(p.figures, rates[s]))}
                  </Table.Td>
                ))}
                <Table.Td className="num">{format.money(p.figures.financial.committed, currency)}</Table.Td>
                <Table.Td className="num">{format.money(p.figures.financial.paid, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        {[
          t("executionDashboard.cumulative"),
          ...SERIES.map((s) => t("executionDashboard.rateWithFormula", { name: t(`rate.${rates[s]}.name`), formula: t(`rate.${rates[s]}.formula`) })),
        ].join(" · ")}
      </Text>
    </Box>
  );
}
