import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { send } from "../api/client.ts";
import type { Comparison, Workplan } from "../api/types.ts";
import { RevisionRule } from "../committees/RevisionRule.tsx";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";

type LineField = Comparison["lines"][number]["changes"][number]["field"];

const KIND_COLOR = { added: "green", removed: "red", changed: "orange" } as const;

/** This version against another of the same project: lines added, removed, changed, and the budget per node. */
export default function ComparePanel({ plan, versions }: { plan: Workplan; versions: Workplan[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const others = versions.filter((v) => v.id !== plan.id);
  const [otherId, setOtherId] = useState<string | null>(
    others.find((v) => v.year === plan.year && v.planVersion === plan.planVersion - 1)?.id ?? others[0]?.id ?? null,
  );
  const comparison = useQuery({
    queryKey: ["comparison", otherId, plan.id],
    // The older version is the base, so a positive difference is an increase.
    queryFn: () => send("compareWorkplans", { params: { id: otherId ?? "" }, query: { with: plan.id } }),
    enabled: Boolean(otherId),
  });
  if (others.length === 0) return <Text c="dimmed">{t("compare.noOther")}</Text>;
  const data = comparison.data;
  const money = (v: string | null) => (v === null ? "" : format.amount(v, data?.currency ?? "XOF"));
  // A changed field's stored value in words: amounts and quantities formatted, funded as « Financé ».
  const shown = (field: LineField, value: string | null) => {
    if (value === null || value === "") return t("compare.empty");
    if (field === "funded") return t(value === "true" ? "plan.funded" : "plan.unfunded");
    if (field === "quantity") return format.number(value);
    if (field === "unitCost" || field === "amount") return money(value);
    return `« ${value} »`;
  };
  const signed = (v: string) => (v.startsWith("-") || v === "0" ? money(v) : `+${money(v)}`);

  return (
    <Stack>
      <Select
        label={t("compare.with")}
        placeholder={t("compare.pick")}
        w={320}
        value={otherId}
        onChange={setOtherId}
        data={others.map((v) => ({ value: v.id, label: `${v.year} · v${v.planVersion} · ${t(`planStatus.${v.status}`)}` }))}
      />
      {comparison.isPending && otherId && <Loading />}
      {comparison.isError && <ErrorState error={comparison.error} />}
      {data && (
        <>
          {/* Two versions of one year: a revision, which the budget-revision rule looks at. */}
          {otherId && data.base.year === data.other.year && (
            <RevisionRule revisedId={plan.id} earlierId={otherId} currency={data.currency} />
          )}
          <Group>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t("compare.base", { version: `${data.base.year} · v${data.base.planVersion}` })}
              </Text>
              <Text fw={700}>{format.money(data.total.base, data.currency)}</Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t("compare.base", { version: `${data.other.year} · v${data.other.planVersion}` })}
              </Text>
              <Text fw={700}>{format.money(data.total.other, data.currency)}</Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t("compare.difference")}
              </Text>
              <Text fw={700} data-testid="compare-difference">
                {signed(data.total.difference)}
              </Text>
            </Paper>
          </Group>
          <Title order={3} size="h5">
            {t("compare.node")}
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("compare.node")}</Table.Th>
                <Table.Th className="num">{`v${data.base.planVersion}`}</Table.Th>
                <Table.Th className="num">{`v${data.other.planVersion}`}</Table.Th>
                <Table.Th className="num">{t("compare.difference")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.nodes.map((n) => (
                <Table.Tr key={n.nodeId} fw={n.level <= 1 ? 700 : undefined}>
                  <Table.Td pl={8 + n.level * 14}>{`${n.code} ${n.title}`.slice(0, 110)}</Table.Td>
                  <Table.Td className="num">{money(n.base)}</Table.Td>
                  <Table.Td className="num">{money(n.other)}</Table.Td>
                  <Table.Td className="num" c={n.difference === "0" ? "dimmed" : n.difference.startsWith("-") ? "red.8" : "green.9"}>
                    {signed(n.difference)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5">
            {t("compare.lines")}
          </Title>
          {data.lines.length === 0 ? (
            <Text c="dimmed">{t("compare.same")}</Text>
          ) : (
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>{t("entity.activity")}</Table.Th>
                  <Table.Th>{t("compare.line")}</Table.Th>
                  <Table.Th>{t("compare.changes")}</Table.Th>
                  <Table.Th className="num">{`v${data.base.planVersion}`}</Table.Th>
                  <Table.Th className="num">{`v${data.other.planVersion}`}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Badge color={KIND_COLOR[l.kind]} variant="light">
                        {t(`compare.kind.${l.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm" lineClamp={2}>
                        {[l.activityCode, l.activityTitle].filter(Boolean).join(" ")}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={2}>
                        {[l.accountCode, l.description].filter(Boolean).join(" · ") || t("compare.noLabel")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {l.changes.map((c) => (
                        <Text size="sm" key={c.field} data-testid="compare-change">
                          {t("compare.change", { field: t(`compare.field.${c.field}`), before: shown(c.field, c.before), after: shown(c.field, c.after) })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td className="num" c={l.base === l.other ? "dimmed" : undefined}>{money(l.base)}</Table.Td>
                    <Table.Td className="num" c={l.base === l.other ? "dimmed" : undefined}>{money(l.other)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
