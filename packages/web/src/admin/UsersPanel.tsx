// People: the accounts the administrator may see, found by name or e-mail;
// invite someone; and, for the platform administrator who manages accounts,
// deactivate or reactivate one, set a new password, sign someone out
// everywhere, and see all of a person's roles.
import type { api } from "@baara/core";
import { Alert, Badge, Button, Group, Menu, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorState, Loading } from "../ui/states.tsx";
import { InviteDialog } from "./InviteDialog.tsx";
import { PasswordDialog } from "./PasswordDialog.tsx";
import { UserRoles } from "./UserRoles.tsx";
import { mayOnPlatform, useRefreshPeople, useUsers } from "./queries.ts";

type User = api.User;

export function UsersPanel() {
  const { t } = useTranslation();
  const { grants, user: me } = useSession();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const users = useUsers(q);
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const managesAccounts = mayOnPlatform(grants, "users.manage");

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <TextInput label={t("admin.people.search")} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: "100%", sm: 420 }} />
        <Button onClick={() => setInviting(true)}>{t("admin.people.invite")}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {managesAccounts ? t("admin.people.scopePlatform") : t("admin.people.scopeOrganisation")}
      </Text>
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="teal" withCloseButton closeButtonLabel={t("common.close")} onClose={() => setNotice(null)} py={6}>
            {notice}
          </Alert>
        )}
      </div>
      {users.isError && <ErrorState error={users.error} retry={() => void users.refetch()} />}
      {users.isPending && <Loading />}
      {users.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t("admin.tabs.people")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("admin.people.name")}</Table.Th>
                <Table.Th>{t("admin.people.email")}</Table.Th>
                <Table.Th>{t("admin.people.state")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <UserRow key={u.id} user={u} self={u.id === me?.id} managesAccounts={managesAccounts} onNotice={setNotice} />
              ))}
            </Table.Tbody>
          </Table>
          {users.data.total > users.data.items.length && (
            <Text size="xs" c="dimmed">
              {t("admin.people.more", { shown: users.data.items.length, count: users.data.total })}
            </Text>
          )}
          {users.data.items.length === 0 && <Text c="dimmed">{t("admin.people.none")}</Text>}
        </Table.ScrollContainer>
      )}
      {inviting && (
        <InviteDialog
          onClose={() => setInviting(false)}
          onInvited={(u) => {
            setInviting(false);
            setNotice(t("admin.people.invited", { name: u.name, email: u.email }));
          }}
        />
      )}
    </Stack>
  );
}

function UserRow(props: { user: User; self: boolean; managesAccounts: boolean; onNotice(text: string): void }) {
  const { user, self, managesAccounts } = props;
  const { t } = useTranslation();
  const refresh = useRefreshPeople();
  const [resetting, setResetting] = useState(false);
  const [showRoles, setShowRoles] = useState(false);
  const setActive = useMutation({
    mutationFn: (active: boolean) => send("updateUser", { params: { id: user.id }, body: { active, version: user.version } }),
    onSuccess: (updated) => {
      refresh();
      props.onNotice(t(updated.active ? "admin.people.reactivated" : "admin.people.deactivated", { name: updated.name }));
    },
  });
  const signOut = useMutation({
    mutationFn: () => send("endUserSessions", { params: { id: user.id } }),
    onSuccess: () => props.onNotice(t("admin.people.signedOut", { name: user.name })),
  });
  const error = setActive.error ?? signOut.error;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm">{user.name}</Text>
          {user.isPlatformAdmin && (
            <Badge size="xs" variant="light" c="dark.7">
              {t("role.platformAdmin")}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>{user.email}</Table.Td>
        <Table.Td>
          <Badge color={user.active ? "teal" : "gray"} variant={user.active ? "light" : "outline"} c="dark.7">
            {user.active ? t("admin.people.active") : t("admin.people.inactive")}
          </Badge>
        </Table.Td>
        <Table.Td>
          {managesAccounts || self ? (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button size="compact-sm" variant="default" aria-label={t("admin.people.actionsFor", { name: user.name })}>
                  {t("common.actions")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setShowRoles((v) => !v)}>{t(showRoles ? "admin.people.hideRoles" : "admin.people.showRoles")}</Menu.Item>
                {managesAccounts && !self && (
                  <Menu.Item onClick={() => setActive.mutate(!user.active)}>
                    {user.active ? t("admin.people.deactivate") : t("admin.people.reactivate")}
                  </Menu.Item>
                )}
                {managesAccounts && !self && <Menu.Item onClick={() => setResetting(true)}>{t("admin.people.resetPassword")}</Menu.Item>}
                <Menu.Item onClick={() => signOut.mutate()}>{self ? t("admin.people.signOutOthers") : t("admin.people.signOut")}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : (
            <Text size="xs" c="dimmed">
              {t("admin.people.platformOnly")}
            </Text>
          )}
          {error && (
            <Text c="red" size="xs" role="alert">
              {errorText(error)}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {showRoles && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <UserRoles userId={user.id} />
          </Table.Td>
        </Table.Tr>
      )}
      {resetting && (
        <PasswordDialog
          user={user}
          onClose={() => setResetting(false)}
          onDone={() => {
            setResetting(false);
            props.onNotice(t("admin.people.passwordSet", { name: user.name }));
          }}
        />
      )}
    </>
  );
}
