// The top-level elements of the framework at the end of the chosen year:
// what was done and what was committed and paid of their budget, side by side.
import type { api } from "@baara/core";
import { BarChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Box, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import { chartValue, rateOf, SERIES_COLORS, type Series, seriesRates } from "./rates.ts";

type Timeline = NonNullable<api.ProjectExecution["timeline"]>;
const SERIES: readonly Series[] = ["physical", "committed", "paid"];

export function NodeChart({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const last = timeline.quarters.at(-1);
  const rates = seriesRates("budget");
  const data = timeline.nodes.flatMap((n) => {
    const figures = last?.nodes.find((f) => f.nodeId === n.nodeId);
    if (!figures || figures.physical.planned + figures.physical.cancelled === 0) return [];
    return [
      {
        label: n.code,
        title: n.title,
        physical: chartValue(rateOf(figures, rates.physical)),
        committed: chartValue(rateOf(figures, rates.committed)),
        paid: chartValue(rateOf(figures, rates.paid)),
      },
    ];
  });
  if (data.length === 0) return null;
  const title = t("executionDashboard.byNode", { year: timeline.year });
  return (
    <Box>
      <Text fw={700} mb="xs">
        {title}
      </Text>
      <div role="img" aria-label={title} data-testid="node-chart">
        <BarChart
          h={Math.max(160, data.length * 70)}
          data={data}
          dataKey="label"
          orientation="vertical"
          yAxisProps={{ width: 48 }}
          xAxisProps={{ domain: [0, 100] }}
          series={SERIES.map((s) => ({ name: s, label: t(`rate.${rates[s]}.name`), color: SERIES_COLORS[s] }))}
          valueFormatter={(v) => format.rate(v.toFixed(2))}
          withLegend
          legendProps={{ verticalAlign: "bottom", height: 60 }}
          maxBarWidth={16}
        />
      </div>
      <Text size="xs" c="dimmed" mt={4}>
        {data.map((d) => `${d.label} ${d.title}`).join(" · ")}
      </Text>
    </Box>
  );
}
