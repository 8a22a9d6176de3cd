import { fiscalMonthIndex, quartersOfMonths } from "@baara/core";
import { SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Activity, ResultNode } from "../api/types.ts";
import { activitiesInTreeOrder } from "./plan-model.ts";
import type { PlanEditor } from "./use-plan-editor.ts";

/** The timeframe of every activity, by month (click to toggle) or by quarter, in the fiscal year's order. */
interface ChronogramProps {
  nodes: ResultNode[];
  activities: Activity[];
  fiscalYearStartMonth: number;
  editable: boolean;
  editor: PlanEditor;
}

export function Chronogram(props: ChronogramProps) {
  const { activities, fiscalYearStartMonth, editable, editor } = props;
  const { t } = useTranslation();
  const [view, setView] = useState<"months" | "quarters">("months");
  const months = Array.from({ length: 12 }, (_, i) => ((fiscalYearStartMonth - 1 + i) % 12) + 1);
  const shortNames = t("months.short", { returnObjects: true }) as string[];
  const longNames = t("months.long", { returnObjects: true }) as string[];
  const ordered = activitiesInTreeOrder(props.nodes, activities);

  const toggle = (activity: Activity, month: number) => {
    const next = activity.months.includes(month) ? activity.months.filter((m) => m !== month) : [...activity.months, month];
    next.sort((a, b) => fiscalMonthIndex(a, fiscalYearStartMonth) - fiscalMonthIndex(b, fiscalYearStartMonth));
    void editor.editActivity(activity.id, { months: next });
  };

  return (
    <Stack>
      <SegmentedControl
        w={260}
        value={view}
        onChange={(v) => setView(v as "months" | "quarters")}
        data={[
          { value: "months", label: t("plan.months") },
          { value: "quarters", label: t("plan.quarters") },
        ]}
      />
      <Table.ScrollContainer minWidth={900}>
        <Table className="chronogram" withTableBorder withColumnBorders stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("plan.col.code")}</Table.Th>
              <Table.Th>{t("plan.col.label")}</Table.Th>
              {view === "months"
                ? months.map((m) => (
                    <Table.Th key={m} ta="center" title={longNames[m - 1]} w={34}>
                      {shortNames[m - 1]}
                    </Table.Th>
                  ))
                : [1, 2, 3, 4].map((q) => (
                    <Table.Th key={q} ta="center" w={60}>{`T${q}`}</Table.Th>
                  ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map(({ activity, node }) => {
              const quarters = quartersOfMonths(activity.months, fiscalYearStartMonth);
              return (
                <Table.Tr key={activity.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {/* An activity without a code of its own is known by its element of the framework (B.1.1). */}
                    {activity.code ?? (
                      <Text span size="sm" c="dimmed" title={node ? `${node.levelLabel} ${node.code}` : undefined}>
                        {node?.code}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text size="sm" lineClamp={1} title={activity.title}>
                      {activity.title}
                    </Text>
                  </Table.Td>
                  {view === "months"
                    ? months.map((m) => {
                        const on = activity.months.includes(m);
                        return (
                          <Table.Td key={m} p={2}>
                            <button
                              type="button"
                              aria-pressed={on}
                              disabled={!editable}
                              aria-label={t("plan.toggleMonth", { activity: activity.code ?? activity.title, month: longNames[m - 1] })}
                              onClick={() => toggle(activity, m)}
                            >
                              {on ? "X" : ""}
                            </button>
                          </Table.Td>
                        );
                      })
                    : [1, 2, 3, 4].map((q) => (
                        <Table.Td key={q} ta="center" bg={quarters.includes(q) ? "indigo.7" : undefined} c="white">
                          {quarters.includes(q) ? "X" : ""}
                        </Table.Td>
                      ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
