// Who may do what, in words: one row per capability, one column per role,
// read from core's capability table (the one the server enforces), so the
// rules shown cannot drift from the rules applied.
import { CAPABILITIES, type Capability, ROLE_CAPABILITIES, ROLES } from "@baara/core";
import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLUMNS = ["viewer", "editor", "approver", "manager", "admin", "platformAdmin"] as const satisfies readonly (
  | (typeof ROLES)[number]
  | "platformAdmin"
)[];

/** The order a reader meets them in (reading, writing, approving, then managing); any capability added later comes last. */
const READING_ORDER = [
  "project.read",
  "plan.create",
  "plan.edit",
  "plan.submit",
  "plan.approve",
  "project.manage",
  "audit.read",
  "members.manage",
  "organisation.manage",
  "users.invite",
  "organisation.createRoot",
  "users.manage",
  "audit.readAll",
] as const satisfies readonly Capability[];
const ordered: readonly Capability[] = READING_ORDER;
const ROWS: readonly Capability[] = [...ordered, ...CAPABILITIES.filter((c) => !ordered.includes(c))];

export function RoleRules() {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="sm">{t("help.rolesScope")}</Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder aria-label={t("help.rolesTable")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="38%">
                {t("help.rolesMay")}
              </Table.Th>
              {COLUMNS.map((role) => (
                <Table.Th key={role} scope="col" ta="center">
                  {t(`role.${role}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ROWS.map((capability) => (
              <Table.Tr key={capability}>
                <Table.Th scope="row" fw={400}>
                  {t(`help.capability.${capability}`)}
                </Table.Th>
                {COLUMNS.map((role) => {
                  const holds = ROLE_CAPABILITIES[role].includes(capability);
                  return (
                    <Table.Td key={role} ta="center" aria-label={holds ? t("common.yes") : t("common.no")}>
                      {holds ? "✓" : ""}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed">
        {t("help.rolesServer")}
      </Text>
    </Stack>
  );
}
