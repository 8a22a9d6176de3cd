// All of one person's roles, where each applies: for those who manage
// accounts (an organisation's administrator sees roles per organisation).
import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Loading } from "../ui/states.tsx";
import { useMemberships } from "./queries.ts";

export function UserRoles({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const roles = useMemberships({ userId });
  if (roles.isPending) return <Loading />;
  if (!roles.data || roles.data.length === 0) return <Text size="sm" c="dimmed">{t("admin.people.noRoles")}</Text>;
  return (
    <Table withRowBorders={false} aria-label={t("admin.people.rolesOf")}>
      <Table.Tbody>
        {roles.data.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{t(`role.${m.role}`)}</Table.Td>
            <Table.Td>
              {m.projectCode
                ? t("admin.members.onProject", { code: m.projectCode, title: m.projectTitle ?? "" })
                : t("admin.members.onOrganisation", { name: m.organisationName ?? "" })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
