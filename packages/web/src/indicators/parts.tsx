// Pieces the indicator screens share: the status badge, the period picker,
// the current value with its breakdown in words.
import type { api, IndicatorStatus } from "@baara/core";
import { Badge, Group, NumberInput, Select, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { periodLabel, periodOptions } from "../execution/periods.ts";
import { useFormat } from "../ui/format.ts";
import type { AsOf } from "./queries.ts";

const STATUS_COLORS: Record<IndicatorStatus, string> = {
  on_track: "green",
  at_risk: "yellow",
  off_track: "red",
  no_data: "gray",
  no_milestone: "gray",
  not_measured: "gray",
};

export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useTranslation();
  const measured = status === "on_track" || status === "at_risk" || status === "off_track";
  // Light tints with dark text: the colour says the status, the text stays readable (contrast AA).
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={measured ? "light" : "outline"}
      c={measured ? "dark.7" : undefined}
      styles={{ root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } }}
    >
      {t(`indicatorStatus.${status}`)}
    </Badge>
  );
}

const KINDS = ["year", "semester", "quarter", "month"] as const;

/** A year and a reporting period of it (calendar year). */
export function PeriodPicker({ value, onChange, label }: { value: AsOf; onChange: (v: AsOf) => void; label?: string }) {
  const { t } = useTranslation();
  const options = KINDS.flatMap((kind) => periodOptions(t, kind, value.year, 1));
  return (
    <Group gap="xs" align="end">
      <NumberInput
        label={label ?? t("indicators.year")}
        value={value.year}
        min={1900}
        max={2100}
        w={100}
        onChange={(v) => typeof v === "number" && v >= 1900 && v <= 2100 && onChange({ ...value, year: v })}
      />
      <Select
        label={t("indicators.period")}
        data={options}
        value={value.period}
        allowDeselect={false}
        w={200}
        onChange={(p) => p && onChange({ ...value, period: p })}
      />
    </Group>
  );
}

export function periodText(t: ReturnType<typeof useTranslation>["t"], year: number, period: string): string {
  return periodLabel(t, period, year, 1);
}

/** « 15 dont 6 femmes (40,00 %) » with what is not broken down. */
export function CurrentValue({ indicator }: { indicator: api.Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { progress } = indicator;
  if (progress.current === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const unit = indicator.measure === "percentage" ? " %" : "";
  return (
    <div>
      <Text size="sm" fw={600}>
        {format.number(progress.current)}
        {unit}
      </Text>
      {progress.breakdown.flatMap((d) =>
        d.rows.map((r) => (
          <Text size="xs" key={r.key} c={d.mismatch ? "red" : "dimmed"}>
            {t("indicators.ofWhich", {
              value: format.number(r.value),
              category: t(`category.${r.category}`, { defaultValue: r.category }).toLocaleLowerCase(),
            })}
            {r.share ? ` (${format.rate(r.share)})` : ""}
          </Text>
        )),
      )}
    </div>
  );
}
