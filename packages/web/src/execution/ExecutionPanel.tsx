// The execution of an approved plan, beside the plan: the rates (each with its
// formula), the grid of activities for a reporting period, the rates per
// element of the framework, the spending along the expenditure chain, the
// activities done without being planned, and the flags.
import { type PeriodKind, periodEnd } from "@baara/core";
import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, hrefOf, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { ActivityDrawer } from "./ActivityDrawer.tsx";
import { ActivityTable, type Filter } from "./ActivityTable.tsx";
import { CreditsModal } from "./CreditsModal.tsx";
import { FinanceImportModal } from "./FinanceImportModal.tsx";
import { NodeRates } from "./NodeRates.tsx";
import { defaultPeriod, kindOf, periodLabel, periodOptions } from "./periods.ts";
import type { PeriodView } from "./progress.ts";
import { useProgressSaves } from "./use-progress-saves.ts";
import { useExecution, useRefreshExecution } from "./queries.ts";
import { RateCards } from "./RateCards.tsx";
import { TransactionsPanel } from "./TransactionsPanel.tsx";
import type { Execution, ExecutionActivity, ProgressRecord } from "./types.ts";
import { UnplannedPanel } from "./UnplannedPanel.tsx";

interface Props {
  planId: string;
  can: (capability: string) => boolean;
}

export default function ExecutionPanel({ planId, can }: Props) {
  const execution = useExecution(planId);
  if (execution.error) return <ErrorState error={execution.error} retry={() => void execution.refetch()} />;
  if (!execution.data) return <Loading />;
  return <Loaded execution={execution.data} can={can} />;
}

function Loaded({ execution, can }: { execution: Execution; can: (capability: string) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshExecution(execution.workplanId);
  const recorded = [...new Set(execution.activities.flatMap((a) => a.records.map((r) => r.period)))].sort(
    (a, b) => periodEnd(a, execution.fiscalYearStartMonth) - periodEnd(b, execution.fiscalYearStartMonth),
  );
  const [period, setPeriod] = useState(() => defaultPeriod(recorded, execution.fiscalYearStartMonth, execution.year));
  const [kind, setKind] = useState<PeriodKind>(kindOf(period));
  const [filter, setFilter] = useState<Filter>("all");
  const [opened, setOpened] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"credits" | "reprogram" | "close" | "import" | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const editable = execution.open && can("execution.record");
  const label = (key: string) => periodLabel(t, key, execution.year, execution.fiscalYearStartMonth);

  const save = useProgressSaves();
  const record = async (activity: ExecutionActivity, view: PeriodView, change: Partial<ProgressRecord>): Promise<boolean> => {
    try {
      await save(activity, view, period, change);
      // A success does not hide an earlier refusal: that one stays until it is closed.
      setMessage((shown) =>
        shown?.tone === "error"
          ? shown
          : { tone: "ok", text: t("execution.recorded", { activity: activity.code ?? activity.title.slice(0, 40), period: label(period) }) },
      );
      await refresh();
      return true;
    } catch (e) {
      setMessage({ tone: "error", text: errorText(e) });
      await refresh();
      return false;
    }
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ tone: "ok", text: done });
    } catch (e) {
      setMessage({ tone: "error", text: errorText(e) });
    } finally {
      setDialog(null);
      await refresh();
    }
  };
  const openedActivity = execution.activities.find((a) => a.activityId === opened);

  return (
    <Stack gap="sm">
      {execution.lockedBecause && (
        <Alert color={execution.lockedBecause === "EXECUTION_CLOSED" ? "gray" : "blue"} variant="light">
          {t(`execution.locked.${execution.lockedBecause}`, {
            date: execution.closedAt ? format.date(execution.closedAt.slice(0, 10)) : "",
          })}
        </Alert>
      )}
      <Group justify="space-between" align="end">
        <Group align="end" gap="xs">
          <SegmentedControl
            aria-label={t("execution.periodKind")}
            value={kind}
            onChange={(value) => {
              const next = value as PeriodKind;
              setKind(next);
              setPeriod(periodOptions(t, next, execution.year, execution.fiscalYearStartMonth)[0]?.value ?? "Y");
            }}
            data={(["year", "semester", "quarter", "month"] as const).map((k) => ({
              value: k,
              label: t(`execution.kind.${k}`),
            }))}
          />
          {kind !== "year" && (
            <Select
              aria-label={t("execution.periodPick")}
              w={220}
              value={period}
              allowDeselect={false}
              onChange={(v) => v && setPeriod(v)}
              data={periodOptions(t, kind, execution.year, execution.fiscalYearStartMonth)}
            />
          )}
        </Group>
        <Group gap="xs">
          <Button component="a" variant="default" href={hrefOf("exportExecution", { id: execution.workplanId })} download>
            {t("execution.export")}
          </Button>
          {editable && (
            <Button variant="default" onClick={() => setDialog("credits")}>
              {t("execution.credits")}
            </Button>
          )}
          {execution.open && can("plan.create") && (
            <Button variant="default" onClick={() => setDialog("reprogram")}>
              {t("execution.reprogram", { year: execution.year + 1 })}
            </Button>
          )}
          {can("execution.close") && (execution.open || execution.lockedBecause === "EXECUTION_CLOSED") && (
            <Button variant="default" onClick={() => setDialog("close")}>
              {execution.open
                ? t("execution.close", { year: execution.year })
                : t("execution.reopen", { year: execution.year })}
            </Button>
          )}
        </Group>
      </Group>
      <div role="status" aria-live="polite">
        {message && (
          <Alert color={message.tone === "error" ? "red" : "teal"} withCloseButton onClose={() => setMessage(null)} py={6}>
            {message.text}
          </Alert>
        )}
      </div>
      <RateCards execution={execution} />
      <Text size="xs" c="dimmed">
        {t(execution.excludeCancelled ? "execution.cancelledExcluded" : "execution.cancelledCounted", {
          count: execution.plan.physical.cancelled,
        })}
      </Text>
      <Tabs defaultValue="activities" variant="pills" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="activities">{t("execution.activities")}</Tabs.Tab>
          <Tabs.Tab value="nodes">{t("execution.byNode")}</Tabs.Tab>
          <Tabs.Tab value="spending">{t("execution.spending")}</Tabs.Tab>
          <Tabs.Tab value="unplanned">{t("execution.unplannedTab", { count: execution.unplannedCount })}</Tabs.Tab>
          <Tabs.Tab value="flags">{t("execution.flags", { count: execution.flags.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="activities" pt="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm">
                {editable
                  ? t("execution.entryHint", { period: label(period) })
                  : t("execution.readHint", { period: label(period) })}
              </Text>
              <SegmentedControl
                size="xs"
                aria-label={t("execution.filter")}
                value={filter}
                onChange={(v) => setFilter(v as Filter)}
                data={(["all", "missing", "changed"] as const).map((f) => ({ value: f, label: t(`execution.show.${f}`) }))}
              />
            </Group>
            <ActivityTable
              execution={execution}
              period={period}
              filter={filter}
              editable={editable}
              onRecord={record}
              onRefuse={(text) => setMessage({ tone: "error", text })}
              onOpen={(a) => setOpened(a.activityId)}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="nodes" pt="sm">
          <NodeRates execution={execution} />
        </Tabs.Panel>
        <Tabs.Panel value="spending" pt="sm">
          <Stack>
            {editable && (
              <Group>
                <Button variant="light" onClick={() => setDialog("import")}>
                  {t("financeImport.open")}
                </Button>
              </Group>
            )}
            <CategoryTable execution={execution} />
            <TransactionsPanel execution={execution} editable={editable} onSaved={() => void refresh()} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="unplanned" pt="sm">
          <UnplannedPanel planId={execution.workplanId} editable={editable} onSaved={() => void refresh()} />
        </Tabs.Panel>
        <Tabs.Panel value="flags" pt="sm">
          {execution.flags.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("execution.noFlag")}
            </Text>
          ) : (
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {execution.flags.map((f, i) => (
                <Text
                  component="li"
                  key={i}
                  size="sm"
                  style={{ borderInlineStart: "3px solid #f08c00", paddingInlineStart: 8 }}
                >
                  <b>{t(`execution.flagKind.${f.code}`)}</b>
                  {` — ${f.message}`}
                </Text>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
      {openedActivity && (
        <ActivityDrawer
          key={`${openedActivity.activityId}-${period}`}
          execution={execution}
          activity={openedActivity}
          period={period}
          editable={editable}
          onClose={() => setOpened(null)}
          onRecord={record}
          onSaved={() => void refresh()}
        />
      )}
      {dialog === "import" && (
        <FinanceImportModal
          planId={execution.workplanId}
          currency={execution.currency}
          onClose={() => setDialog(null)}
          onSaved={() => void refresh()}
        />
      )}
      {dialog === "credits" && (
        <CreditsModal execution={execution} onClose={() => setDialog(null)} onSaved={() => void refresh()} />
      )}
      {dialog === "reprogram" && (
        <Confirm
          title={t("execution.reprogram", { year: execution.year + 1 })}
          text={t("execution.reprogramText", {
            count: execution.activities.filter((a) => a.status !== "done" && a.status !== "cancelled").length,
            year: execution.year + 1,
          })}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            void act(async () => {
              const result = await send("reprogramActivities", { params: { id: execution.workplanId }, body: {} });
              setMessage({
                tone: "ok",
                text: t("execution.reprogrammed", {
                  count: result.carried,
                  already: result.alreadyCarried,
                  year: result.year,
                  version: result.planVersion,
                }),
              });
            }, t("execution.reprogrammedShort"))}
        />
      )}
      {dialog === "close" && (
        <Confirm
          title={
            execution.open ? t("execution.close", { year: execution.year }) : t("execution.reopen", { year: execution.year })
          }
          text={execution.open ? t("execution.closeText") : t("execution.reopenText")}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            void act(
              () =>
                send("closeExecution", {
                  params: { id: execution.workplanId },
                  body: { closed: execution.open, version: execution.version },
                }),
              execution.open
                ? t("execution.closed", { year: execution.year })
                : t("execution.reopened", { year: execution.year }),
            )}
        />
      )}
    </Stack>
  );
}

function Confirm({
  title,
  text,
  onCancel,
  onConfirm,
}: {
  title: string;
  text: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onCancel} title={title}>
      <Stack>
        <Text size="sm">{text}</Text>
        <Group justify="end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onConfirm}>{t("common.confirm")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Credits and spending per budget category (BSI, fonctionnement…). */
function CategoryTable({ execution }: { execution: Execution }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (execution.byCategory.length === 0) return null;
  const money = (v: string) => format.amount(v, execution.currency);
  // The donor's disbursements only for the projects that record them.
  const donor = execution.byCategory.some((c) => !/^0+(\.0+)?$/.test(c.disbursed));
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table withTableBorder aria-label={t("execution.byCategory")} data-testid="by-category">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("execution.category")}</Table.Th>
            <Table.Th className="num">{t("creditKind.allocated")}</Table.Th>
            <Table.Th className="num">{t("creditKind.notified")}</Table.Th>
            <Table.Th className="num">{t("creditKind.payment")}</Table.Th>
            {donor && <Table.Th className="num">{t("creditKind.disbursed")}</Table.Th>}
            <Table.Th className="num">{t("execution.committed")}</Table.Th>
            <Table.Th className="num">{t("execution.liquidated")}</Table.Th>
            <Table.Th className="num">{t("execution.paid")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {execution.byCategory.map((c) => (
            <Table.Tr key={c.category ?? "none"}>
              <Table.Td>{c.category ?? t("plan.noValue")}</Table.Td>
              <Table.Td className="num">{money(c.allocated)}</Table.Td>
              <Table.Td className="num">{money(c.notified)}</Table.Td>
              <Table.Td className="num">{money(c.paymentCredit)}</Table.Td>
              {donor && <Table.Td className="num">{money(c.disbursed)}</Table.Td>}
              <Table.Td className="num">{money(c.committed)}</Table.Td>
              <Table.Td className="num">{money(c.liquidated)}</Table.Td>
              <Table.Td className="num">{money(c.paid)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Anchor component="span" size="xs" c="dimmed">
        {t("execution.byCategoryHint")}
      </Anchor>
    </Table.ScrollContainer>
  );
}
