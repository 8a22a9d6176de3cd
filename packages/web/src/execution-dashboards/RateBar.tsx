// A rate as a short bar and its value, in the colour of its series.
import { Group, Progress, Text } from "@mantine/core";
import { useFormat } from "../ui/format.ts";
import { SERIES_COLORS, type Series } from "./rates.ts";

export function RateBar({ rate, label, series }: { rate: string | null; label: string; series: Series }) {
  const format = useFormat();
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Progress
        value={rate === null ? 0 : Math.min(100, Number(rate))}
        w={60}
        size="sm"
        color={SERIES_COLORS[series]}
        aria-label={label}
      />
      <Text size="sm" w={72} ta="right">
        {format.rate(rate)}
      </Text>
    </Group>
  );
}
