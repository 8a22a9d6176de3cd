// Give someone a role on an organisation or a project: pick the person (by
// name or e-mail among those the administrator may see) and the role, with
// what that role may do said beside it.
import { ROLES, type Role } from "@baara/core";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { type MembershipScope, useRefreshPeople, useUsers } from "./queries.ts";

export function GrantRoleDialog(props: { scope: MembershipScope; scopeLabel: string; onClose(): void }) {
  const { t } = useTranslation();
  const refresh = useRefreshPeople();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  // Once someone is picked the field shows their label: that is no new search.
  const [q] = useDebouncedValue(search === picked?.label ? "" : search, 250);
  const users = useUsers(q);
  const userId = picked?.value ?? null;
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} — ${u.email}` }));
  const [role, setRole] = useState<Role>("viewer");
  const grant = useMutation({
    mutationFn: () => send("createMembership", { body: { userId: userId ?? "", role, ...props.scope } }),
    onSuccess: () => {
      refresh();
      props.onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId) grant.mutate();
  };
  return (
    <Modal opened onClose={props.onClose} title={t("admin.members.grantOn", { where: props.scopeLabel })}>
      <form onSubmit={submit}>
        <Stack>
          {grant.isError && (
            <Text c="red" size="sm" role="alert">
              {errorText(grant.error)}
            </Text>
          )}
          <Select
            label={t("admin.members.person")}
            required
            searchable
            data-autofocus
            searchValue={search}
            onSearchChange={setSearch}
            value={userId}
            onChange={(_value, option) => setPicked(option ? { value: option.value, label: option.label } : null)}
            // The server searched already (names and e-mails); every answer it gives is a match.
            filter={({ options: all }) => all}
            nothingFoundMessage={t("admin.members.nobody")}
            data={picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options}
            description={t("admin.members.personHelp")}
          />
          <Select
            label={t("entity.membership")}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            description={t(`admin.roleSummary.${role}`)}
          />
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={!userId} loading={grant.isPending}>
              {t("admin.members.grant")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
