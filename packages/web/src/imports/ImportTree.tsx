// The tree an import will create: groups > activities > budget lines, each
// with its total, and each finding on the row it is about. Groups and
// activities fold; a large preview opens with its activities folded.
import type { api } from "@baara/core";
import { Badge, Button, Group, ScrollArea, Stack, Table, Text } from "@mantine/core";
import { Fragment, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { findingKind } from "../i18n/i18n.ts";
import { useFormat } from "../ui/format.ts";

type Interpretation = NonNullable<api.ImportRecord["interpretation"]>;
type Row = Interpretation["preview"]["rows"][number];
type Issue = Interpretation["report"]["issues"][number];

/** Past this many rows the preview opens with activities folded, showing groups and activities with their totals. */
const OPEN_ROWS = 150;

export function ImportTree({ interpretation, currency }: { interpretation: Interpretation; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rows, omitted } = interpretation.preview;
  const issuesOf = useMemo(() => {
    const map = new Map<string, Issue[]>();
    for (const issue of interpretation.report.issues) {
      if (issue.target) map.set(issue.target, [...(map.get(issue.target) ?? []), issue]);
    }
    return map;
  }, [interpretation.report.issues]);
  const parents = useMemo(() => new Map(rows.map((r) => [r.key, r.parentKey])), [rows]);
  const withChildren = useMemo(() => new Set(rows.map((r) => r.parentKey).filter((k): k is string => k !== null)), [rows]);
  const [folded, setFolded] = useState<ReadonlySet<string>>(
    () => new Set(rows.length > OPEN_ROWS ? rows.filter((r) => r.kind === "activity").map((r) => r.key) : []),
  );
  const hidden = (row: Row) => {
    for (let parent = row.parentKey; parent; parent = parents.get(parent) ?? null) if (folded.has(parent)) return true;
    return false;
  };
  const toggle = (key: string) =>
    setFolded((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const label = (row: Row) => (row.kind === "node" && row.levelLabel ? `${row.levelLabel} · ${row.label}` : row.label);

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={600}>{t("editorUx.import.treeTitle")}</Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setFolded(new Set())}>
            {t("editorUx.import.expandAll")}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => setFolded(new Set(withChildren))}>
            {t("editorUx.import.collapseAll")}
          </Button>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table verticalSpacing={3} fz="sm" aria-label={t("editorUx.import.treeTitle")} data-testid="import-tree">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("plan.col.code")}</Table.Th>
              <Table.Th>{t("plan.col.label")}</Table.Th>
              <Table.Th ta="end">{t("plan.col.quantity")}</Table.Th>
              <Table.Th ta="end">{t("plan.col.unitCost")}</Table.Th>
              <Table.Th ta="end">{t("plan.col.amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.filter((row) => !hidden(row)).map((row) => {
              const issues = issuesOf.get(row.key) ?? [];
              const open = !folded.has(row.key);
              const error = issues.some((i) => i.severity === "error");
              return (
                <Fragment key={row.key}>
                  <Table.Tr
                    data-kind={row.kind}
                    fw={row.kind === "line" ? 400 : 600}
                    bg={row.kind === "node" ? "indigo.0" : undefined}
                    style={issues.length > 0 ? { boxShadow: `inset 3px 0 0 ${error ? "#e03131" : "#f08c00"}` } : undefined}
                  >
                    <Table.Td style={{ whiteSpace: "nowrap" }} pl={8 + row.depth * 12}>
                      {withChildren.has(row.key) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          px={2}
                          aria-expanded={open}
                          aria-label={t(open ? "plan.collapse" : "plan.expand", { code: row.code ?? row.label })}
                          onClick={() => toggle(row.key)}
                        >
                          {open ? "▾" : "▸"}
                        </Button>
                      )}
                      {row.code}
                    </Table.Td>
                    <Table.Td pl={8 + row.depth * 12}>
                      <Text size="sm" fw="inherit" lineClamp={2} title={row.label}>
                        {label(row)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="end">{format.number(row.quantity)}</Table.Td>
                    <Table.Td ta="end">{format.amount(row.unitCost, currency)}</Table.Td>
                    <Table.Td ta="end" style={{ whiteSpace: "nowrap" }}>
                      {row.noCost ? t("editorUx.import.noCost") : format.amount(row.amount, currency)}
                      {row.declared !== null && row.declared !== row.amount && (
                        <Text size="xs" c="red.8">
                          {t("plan.declared", { amount: format.amount(row.declared, currency) })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {issues.length > 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5} pl={8 + (row.depth + 1) * 12} py={2}>
                        {issues.map((issue, i) => (
                          <Group key={i} gap={6} wrap="nowrap" align="baseline">
                            <Badge size="xs" color={issue.severity === "error" ? "red" : "orange"} variant="light" c="dark.7">
                              {findingKind(t, issue.code)}
                            </Badge>
                            <Text size="xs">{issue.message}</Text>
                          </Group>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {(omitted.activities > 0 || omitted.lines > 0) && (
        <Text size="sm" c="dimmed">
          {t("editorUx.import.omitted", { activities: omitted.activities, lines: omitted.lines })}
        </Text>
      )}
    </Stack>
  );
}
