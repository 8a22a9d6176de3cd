import { type api, COLUMN_FIELDS, type ColumnField, type ColumnRole } from "@baara/core";
import { Select, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Mapping = NonNullable<api.ImportRecord["interpretation"]>["mapping"];

function roleValue(role: ColumnRole): string {
  if (role.kind === "field") return `field:${role.field}`;
  if (role.kind === "month") return `month:${role.month}`;
  if (role.kind === "quarter") return `quarter:${role.quarter}`;
  return "ignored";
}

function roleOf(value: string): ColumnRole {
  const [kind, arg] = value.split(":");
  if (kind === "field") return { kind: "field", field: arg as ColumnField };
  if (kind === "month") return { kind: "month", month: Number(arg) };
  if (kind === "quarter") return { kind: "quarter", quarter: Number(arg) as 1 | 2 | 3 | 4 };
  return { kind: "ignored" };
}

/** Each column of the file with what it holds (its first values) and the meaning the reading gave it, to correct. */
export function ColumnMapping(props: { mapping: Mapping; roles: ColumnRole[]; onChange: (roles: ColumnRole[]) => void }) {
  const { mapping, roles, onChange } = props;
  const { t } = useTranslation();
  const monthNames = t("months.long", { returnObjects: true }) as string[];
  const options = [
    { value: "ignored", label: t("imports.ignored") },
    ...COLUMN_FIELDS.map((f) => ({ value: `field:${f}`, label: t(`imports.field.${f}`) })),
    ...monthNames.map((m, i) => ({ value: `month:${i + 1}`, label: t("imports.monthRole", { month: m }) })),
    ...[1, 2, 3, 4].map((q) => ({ value: `quarter:${q}`, label: t("imports.quarterRole", { quarter: q }) })),
  ];
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table stickyHeader verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t("imports.column")}</Table.Th>
            <Table.Th>{t("imports.role")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mapping.headers.map((header, i) => {
            const name = header || `#${i + 1}`;
            const samples = mapping.samples[i] ?? [];
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t("imports.role")} : ${name}`}
                    data={options}
                    value={roleValue(roles[i] ?? { kind: "ignored" })}
                    onChange={(v) => onChange(roles.map((r, j) => (j === i ? roleOf(v ?? "ignored") : r)))}
                    allowDeselect={false}
                    searchable
                  />
                  <Text size="xs" c="dimmed" mt={4} lineClamp={2} data-testid="column-samples">
                    {samples.length > 0 ? t("editorUx.import.samples", { values: samples.join(" · ") }) : t("editorUx.import.noSamples")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
