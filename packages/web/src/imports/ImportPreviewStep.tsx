import { type api, ISSUES_SHOWN_PER_KIND, newVersionOutlook } from "@baara/core";
import { Alert, Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Project, Workplan } from "../api/types.ts";
import { findingKind } from "../i18n/i18n.ts";
import { useFormat } from "../ui/format.ts";
import { ImportTree } from "./ImportTree.tsx";

type Interpretation = NonNullable<api.ImportRecord["interpretation"]>;

interface Props {
  project: Project;
  interpretation: Interpretation;
  year: number | null;
  /** The project's plans, to say what the new version does to those of its year. */
  plans: Workplan[];
  title: string;
  onTitle: (title: string) => void;
  busy: boolean;
  onCancel: () => void;
  onCommit: () => void;
}

/** The last step: what the import will create, where each finding is, what happens to the year's versions; then commit. */
export function ImportPreviewStep(props: Props) {
  const { project, interpretation, year, plans } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { report } = interpretation;
  const shownKeys = new Set(interpretation.preview.rows.map((r) => r.key));
  const elsewhere = report.issues.filter((i) => i.target === null || !shownKeys.has(i.target));
  return (
    <Stack>
      <Text fw={600}>
        {t("imports.summary", {
          activities: report.activities,
          lines: report.budgetLines,
          total: format.money(report.total.computed, project.currency),
        })}
      </Text>
      {report.total.declared && <Text size="sm">{t("imports.declaredTotal", { total: format.money(report.total.declared, project.currency) })}</Text>}
      {year !== null && <VersionOutlook year={year} plans={plans} />}
      <TextInput
        label={t("editorUx.import.planTitle")}
        description={t("editorUx.import.planTitleHelp")}
        placeholder={year === null ? undefined : `PTBA ${year}`}
        value={props.title}
        onChange={(e) => props.onTitle(e.currentTarget.value)}
        maxLength={300}
        maw={520}
      />
      <ImportTree interpretation={interpretation} currency={project.currency} />
      {elsewhere.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{`${t("editorUx.import.sheetFindings")} (${elsewhere.length})`}</Text>
          <Table.ScrollContainer minWidth={560} mah={200}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.row")}</Table.Th>
                  <Table.Th>{t("imports.code")}</Table.Th>
                  <Table.Th>{t("imports.message")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {elsewhere.map((issue, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{issue.row}</Table.Td>
                    <Table.Td>{findingKind(t, issue.code)}</Table.Td>
                    <Table.Td>{issue.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {report.issueCounts
        .filter((kind) => kind.count > ISSUES_SHOWN_PER_KIND)
        .map((kind) => (
          <Text key={kind.code} size="sm" c="dimmed">
            {t("imports.issuesNotShown", { hidden: kind.count - ISSUES_SHOWN_PER_KIND, count: kind.count, code: findingKind(t, kind.code) })}
          </Text>
        ))}
      <Group justify="end">
        <Button variant="default" onClick={props.onCancel}>
          {t("common.cancel")}
        </Button>
        <Button onClick={props.onCommit} loading={props.busy}>
          {t("imports.commit")}
        </Button>
      </Group>
    </Stack>
  );
}

/** « Le plan sera importé comme version 3 de 2022, en brouillon. Les versions 1 (approuvée, en vigueur) et 2 … restent inchangées ». */
function VersionOutlook({ year, plans }: { year: number; plans: Workplan[] }) {
  const { t, i18n } = useTranslation();
  const outlook = newVersionOutlook(plans.filter((p) => p.year === year));
  const items = outlook.existing.map(({ planVersion, status, standing }) => {
    const key = standing === "superseded" ? "superseded" : standing === "inForce" ? `${status}InForce` : status;
    return t(`editorUx.outlook.item.${key}`, { version: planVersion });
  });
  const list = new Intl.ListFormat(i18n.language === "en" ? "en" : "fr", { type: "conjunction" }).format(items);
  return (
    <Alert color="blue" variant="light" data-testid="version-outlook">
      {t("editorUx.outlook.importAs", { next: outlook.next, year })}
      {" "}
      {items.length === 0
        ? t("editorUx.outlook.firstOfYear", { year })
        : t("editorUx.outlook.unchanged", { count: items.length, list, next: outlook.next })}
    </Alert>
  );
}
