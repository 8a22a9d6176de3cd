// Invite someone: their account (name, e-mail, a first password to pass on
// to them, their language) and their first role, created together. An
// organisation's administrator must give a role (without one, the person
// would be invisible to them); the platform administrator may leave it out.
import { type api, PASSWORD_MIN_LENGTH, ROLES, type Role, TEXT_LIMITS } from "@baara/core";
import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { LimitedText } from "../ui/LimitedText.tsx";
import { chainOf, flatten, organisationTree } from "./organisation-tree.ts";
import { mayOnOrganisation, mayOnPlatform, useOrganisations, useRefreshPeople } from "./queries.ts";

// Options of a Select need a value; ids are UUIDs, so a word cannot be one.
const NO_ROLE = "none";

export function InviteDialog(props: { onClose(): void; onInvited(user: api.User): void }) {
  const { t, i18n } = useTranslation();
  const { grants } = useSession();
  const refresh = useRefreshPeople();
  const organisations = useOrganisations();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [locale, setLocale] = useState<"fr" | "en">("fr");
  const [organisationId, setOrganisationId] = useState<string>(NO_ROLE);
  const [role, setRole] = useState<Role>("viewer");
  const [tried, setTried] = useState(false);
  const roleOptional = mayOnPlatform(grants, "users.manage");

  const places = useMemo(() => {
    const list = organisations.data?.items ?? [];
    return flatten(organisationTree(list, i18n.language))
      .filter(({ organisation }) => mayOnOrganisation(grants, chainOf(list, organisation.id), "members.manage"))
      .map(({ organisation, depth }) => ({ value: organisation.id, label: `${"· ".repeat(depth)}${organisation.name}` }));
  }, [organisations.data, grants, i18n.language]);

  const invite = useMutation({
    mutationFn: () =>
      send("createUser", {
        body: {
          name,
          email,
          password,
          locale,
          ...(organisationId === NO_ROLE ? {} : { membership: { organisationId, role } }),
        },
      }),
    onSuccess: (user) => {
      refresh();
      props.onInvited(user);
    },
  });
  const shortPassword = password.length < PASSWORD_MIN_LENGTH;
  const missingRole = !roleOptional && organisationId === NO_ROLE;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!shortPassword && !missingRole) invite.mutate();
  };

  return (
    <Modal opened onClose={props.onClose} title={t("admin.people.invite")} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {invite.isError && (
            <Text c="red" size="sm" role="alert">
              {errorText(invite.error)}
            </Text>
          )}
          <LimitedText limit="personName" label={t("admin.people.name")} required value={name} onChange={setName} data-autofocus />
          <LimitedText limit="email" type="email" label={t("admin.people.email")} required value={email} onChange={setEmail} autoComplete="off" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t("admin.people.firstPassword")}
              required
              autoComplete="new-password"
              value={password}
              maxLength={TEXT_LIMITS.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              description={t("admin.people.passwordHelp", { min: PASSWORD_MIN_LENGTH })}
              error={tried && shortPassword ? t("admin.people.passwordShort", { min: PASSWORD_MIN_LENGTH }) : undefined}
            />
            <Select
              label={t("admin.people.language")}
              value={locale}
              onChange={(v) => setLocale(v === "en" ? "en" : "fr")}
              allowDeselect={false}
              data={[
                { value: "fr", label: t("admin.people.french") },
                { value: "en", label: t("admin.people.english") },
              ]}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("admin.people.firstRoleWhere")}
              // Not `required`: the browser would stop the form silently; the missing role is said in the field.
              withAsterisk={!roleOptional}
              searchable
              value={organisationId}
              onChange={(v) => setOrganisationId(v ?? NO_ROLE)}
              allowDeselect={false}
              data={[...(roleOptional ? [{ value: NO_ROLE, label: t("admin.people.noRoleYet") }] : []), ...places]}
              error={tried && missingRole ? t("admin.people.roleNeeded") : undefined}
            />
            <Select
              label={t("entity.membership")}
              value={role}
              disabled={organisationId === NO_ROLE}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {organisationId === NO_ROLE ? t("admin.people.noRoleEffect") : t(`admin.roleSummary.${role}`)}
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t("admin.people.inviteSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
