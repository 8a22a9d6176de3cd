// The roles given on an organisation, or on one of its projects: who holds
// which, give one, take one away. A role on an organisation holds for its
// sub-organisations and their projects too (said under the list).
import type { api } from "@baara/core";
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { Loading } from "../ui/states.tsx";
import { GrantRoleDialog } from "./GrantRoleDialog.tsx";
import { type MembershipScope, useMemberships, useProjectsOf, useRefreshPeople } from "./queries.ts";

// Options of a Select need a value; ids are UUIDs, so a word cannot be one.
const HERE = "organisation";

export function MembersPanel({ organisation }: { organisation: api.Organisation }) {
  const { t } = useTranslation();
  const projects = useProjectsOf(organisation.id);
  const [where, setWhere] = useState(HERE);
  const [granting, setGranting] = useState(false);
  const scope: MembershipScope = where === HERE ? { organisationId: organisation.id } : { projectId: where };
  const members = useMemberships(scope);
  const whereLabel = where === HERE ? organisation.name : (projects.data?.items.find((p) => p.id === where)?.code ?? "");

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="end" mb="sm">
        <Title order={3} size="h5">
          {t("admin.members.title")}
        </Title>
        <Button size="xs" onClick={() => setGranting(true)}>
          {t("admin.members.grant")}
        </Button>
      </Group>
      <Select
        label={t("admin.members.where")}
        value={where}
        onChange={(v) => setWhere(v ?? HERE)}
        allowDeselect={false}
        searchable
        mb="sm"
        data={[
          { value: HERE, label: t("admin.members.onOrganisation", { name: organisation.name }) },
          ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: t("admin.members.onProject", { code: p.code, title: p.title }) })),
        ]}
      />
      {members.isPending ? <Loading /> : <MemberTable members={members.data ?? []} />}
      <Text size="xs" c="dimmed" mt="xs">
        {where === HERE ? t("admin.members.inheritsOrganisation") : t("admin.members.inheritsProject")}
      </Text>
      {granting && <GrantRoleDialog scope={scope} scopeLabel={whereLabel} onClose={() => setGranting(false)} />}
    </Paper>
  );
}

function MemberTable({ members }: { members: api.MembershipListItem[] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <Text c="dimmed" size="sm">{t("admin.members.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table aria-label={t("admin.members.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin.people.name")}</Table.Th>
            <Table.Th>{t("entity.membership")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <MemberRow key={m.id} member={m} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberRow({ member }: { member: api.MembershipListItem }) {
  const { t } = useTranslation();
  const refresh = useRefreshPeople();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({ mutationFn: () => send("deleteMembership", { params: { id: member.id } }), onSuccess: refresh });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{member.userName}</Text>
        <Text size="xs" c="dimmed">
          {member.userEmail}
        </Text>
        {!member.userActive && (
          <Badge size="xs" color="gray" variant="outline">
            {t("admin.people.inactive")}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{t(`role.${member.role}`)}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {confirming ? (
            <Group gap={4}>
              <Button
                size="compact-xs"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate()}
                aria-label={t("admin.members.confirmRemove", { name: member.userName, role: t(`role.${member.role}`) })}
              >
                {t("common.confirm")}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </Group>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => setConfirming(true)}
              aria-label={t("admin.members.remove", { name: member.userName, role: t(`role.${member.role}`) })}
            >
              {t("admin.members.removeShort")}
            </Button>
          )}
          {remove.isError && (
            <Text c="red" size="xs" role="alert">
              {errorText(remove.error)}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
