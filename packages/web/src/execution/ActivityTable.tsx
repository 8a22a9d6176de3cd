// The execution grid: each activity of the plan under its results node, with
// its status, percent complete, period and observations for the reporting
// period being entered, and what was committed and paid. A change is saved at
// once for that period; what changed since the previous period is marked.
import { ACTIVITY_STATUSES, type ActivityStatus, readPercentCell } from "@baara/core";
import { ActionIcon, Badge, Select, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";
import { periodLabel } from "./periods.ts";
import { type PeriodView, periodView } from "./progress.ts";
import type { Execution, ExecutionActivity, ProgressRecord } from "./types.ts";

export type Filter = "all" | "missing" | "changed";

interface Props {
  execution: Execution;
  period: string;
  filter: Filter;
  editable: boolean;
  onRecord: (activity: ExecutionActivity, view: PeriodView, change: Partial<ProgressRecord>) => Promise<boolean>;
  onOpen: (activity: ExecutionActivity) => void;
  /** A value refused in the browser, with the reason. */
  onRefuse: (message: string) => void;
}

const STATUS_COLOR: Record<ActivityStatus, string> = {
  not_started: "gray",
  in_progress: "blue",
  done: "teal",
  postponed: "yellow",
  cancelled: "dark",
  reprogrammed: "grape",
};

/**
 * A cell saved when the user leaves it (or presses Enter), if it changed;
 * Escape puts the saved value back. `read` checks the text first: a refusal
 * says why and the cell goes back to the saved value, as it does when the
 * server refuses the save.
 */
function TextCell({
  value,
  label,
  disabled,
  maxLength = 4000,
  width,
  read = (text) => ({ ok: true, value: text }),
  onSave,
  onRefuse,
}: {
  value: string;
  label: string;
  disabled: boolean;
  maxLength?: number;
  width?: number;
  read?: (text: string) => { ok: true; value: string } | { ok: false; message: string };
  onSave: (text: string) => Promise<boolean>;
  onRefuse: (message: string) => void;
}) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const commit = async () => {
    if (text.trim() === value.trim()) return;
    const reading = read(text.trim());
    if (!reading.ok) {
      onRefuse(reading.message);
      setText(value);
      return;
    }
    if (!(await onSave(reading.value))) setText(value);
  };
  return (
    <TextInput
      size="xs"
      w={width}
      aria-label={label}
      value={text}
      disabled={disabled}
      maxLength={maxLength}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") {
          setText(value);
          e.currentTarget.blur();
        }
      }}
    />
  );
}

function Row({
  activity,
  execution,
  period,
  editable,
  onRecord,
  onOpen,
  onRefuse,
}: Omit<Props, "filter"> & { activity: ExecutionActivity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const view = periodView(activity, period, execution.fiscalYearStartMonth);
  const base = view.base;
  const status = (base?.status ?? "not_started") as ActivityStatus;
  const name = activity.code ?? activity.title.slice(0, 30);
  const record = (change: Partial<ProgressRecord>) => onRecord(activity, view, change);
  const previous = view.before
    ? `${periodLabel(t, view.before.period, execution.year, execution.fiscalYearStartMonth)} : ${t(`activityStatus.${view.before.status}`)}${view.before.percent && view.before.status !== "done" ? ` ${format.rate(view.before.percent)}` : ""}`
    : null;
  return (
    <Table.Tr
      data-activity={activity.code ?? activity.title}
      data-testid="execution-row"
      c={view.record ? undefined : "dimmed"}
    >
      <Table.Td maw={380}>
        <Text size="sm" lineClamp={2} c="inherit">
          {[activity.code, activity.title].filter(Boolean).join(" ")}
        </Text>
        {activity.noCost && (
          <Badge size="xs" variant="outline" ml={4}>
            {t("execution.pm")}
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={150}>
        <Select
          size="xs"
          aria-label={t("execution.statusOf", { activity: name })}
          value={status}
          disabled={!editable}
          allowDeselect={false}
          data={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`activityStatus.${s}`) }))}
          onChange={(value) => value && value !== status && void record({ status: value as ActivityStatus })}
          styles={{ input: { color: `var(--mantine-color-${STATUS_COLOR[status]}-8)`, fontWeight: 600 } }}
        />
        {view.changed && previous && (
          <Tooltip label={t("execution.changedSince", { previous })}>
            <Badge size="xs" color="orange" variant="light" mt={2} data-testid="changed">
              {t("execution.changed")}
            </Badge>
          </Tooltip>
        )}
        {!view.record && previous && (
          <Text size="xs" c="dimmed">
            {t("execution.carried", { previous })}
          </Text>
        )}
      </Table.Td>
      <Table.Td w={90}>
        <TextCell
          width={80}
          maxLength={10}
          label={t("execution.percentOf", { activity: name })}
          value={status === "done" ? format.rate("100") : base?.percent ? format.rate(base.percent) : ""}
          disabled={!editable || status === "done"}
          read={(text) => {
            const reading = readPercentCell(text);
            return reading.ok ? reading : { ok: false, message: t("execution.percentRefused", { value: text }) };
          }}
          onSave={(percent) => onRecord(activity, view, { percent: percent || null })}
          onRefuse={onRefuse}
        />
      </Table.Td>
      <Table.Td miw={170}>
        <TextCell
          value={base?.periodText ?? ""}
          label={t("execution.periodTextOf", { activity: name })}
          disabled={!editable}
          maxLength={300}
          onSave={(text) => record({ periodText: text || null })}
          onRefuse={onRefuse}
        />
      </Table.Td>
      <Table.Td miw={220}>
        <TextCell
          value={base?.observations ?? ""}
          label={t("execution.observationsOf", { activity: name })}
          disabled={!editable}
          onSave={(text) => record({ observations: text || null })}
          onRefuse={onRefuse}
        />
      </Table.Td>
      <Table.Td className="num">{format.amount(activity.committed, execution.currency)}</Table.Td>
      <Table.Td className="num">{format.amount(activity.paid, execution.currency)}</Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          aria-label={t("execution.detailsOf", { activity: name })}
          onClick={() => onOpen(activity)}
        >
          ⋯
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

export function ActivityTable(props: Props) {
  const { t } = useTranslation();
  const { execution, period, filter } = props;
  const shown = execution.activities.filter((a) => {
    if (filter === "all") return true;
    const view = periodView(a, period, execution.fiscalYearStartMonth);
    return filter === "missing" ? view.record === null : view.changed;
  });
  const groups = [...execution.nodes.filter((n) => shown.some((a) => a.nodeId === n.nodeId)), null];
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table aria-label={t("execution.activities")} stickyHeader verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("entity.activity")}</Table.Th>
            <Table.Th>{t("execution.status")}</Table.Th>
            <Table.Th>{t("execution.percent")}</Table.Th>
            <Table.Th>{t("execution.periodText")}</Table.Th>
            <Table.Th>{t("execution.observations")}</Table.Th>
            <Table.Th className="num">{t("execution.committed")}</Table.Th>
            <Table.Th className="num">{t("execution.paid")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((node) => {
            const members = shown.filter((a) => a.nodeId === (node?.nodeId ?? null));
            if (members.length === 0) return null;
            return [
              <Table.Tr key={`node-${node?.nodeId ?? "none"}`} bg="gray.0">
                <Table.Td colSpan={8} fw={700} pl={8 + (node?.level ?? 0) * 12}>
                  {node ? `${node.code} ${node.title}` : t("plan.unassigned")}
                </Table.Td>
              </Table.Tr>,
              ...members.map((a) => <Row key={a.activityId} {...props} activity={a} />),
            ];
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
