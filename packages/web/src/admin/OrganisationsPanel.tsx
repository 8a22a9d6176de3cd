// Organisations as a tree: pick one to see it, change it where the user may
// (add under it, rename, move, delete) and manage the roles given on it.
import type { api } from "@baara/core";
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorState, Loading } from "../ui/states.tsx";
import { MembersPanel } from "./MembersPanel.tsx";
import { OrganisationDialog } from "./OrganisationDialog.tsx";
import { chainOf, flatten, organisationTree } from "./organisation-tree.ts";
import { adminKeys, mayOnOrganisation, mayOnPlatform, ORGANISATION_PAGE, useOrganisations } from "./queries.ts";

type Organisation = api.Organisation;
type Editing = { mode: "create"; parentId: string | null } | { mode: "edit"; organisation: Organisation };

export function OrganisationsPanel() {
  const { t, i18n } = useTranslation();
  const { grants } = useSession();
  const organisations = useOrganisations();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const list = useMemo(() => organisations.data?.items ?? [], [organisations.data]);
  const rows = useMemo(() => flatten(organisationTree(list, i18n.language)), [list, i18n.language]);

  if (organisations.isError) return <ErrorState error={organisations.error} retry={() => void organisations.refetch()} />;
  if (!organisations.data) return <Loading />;
  const selected = list.find((o) => o.id === selectedId) ?? null;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t("admin.organisations.tree")}
            </Title>
            {mayOnPlatform(grants, "organisation.createRoot") && (
              <Button size="xs" variant="light" onClick={() => setEditing({ mode: "create", parentId: null })}>
                {t("admin.organisations.addRoot")}
              </Button>
            )}
          </Group>
          {organisations.data.total > ORGANISATION_PAGE && (
            <Alert color="yellow" mb="xs">
              {t("admin.organisations.truncated", { shown: ORGANISATION_PAGE, count: organisations.data.total })}
            </Alert>
          )}
          <ul aria-label={t("admin.organisations.tree")} className="org-tree">
            {rows.map(({ organisation, depth }) => (
              <li key={organisation.id}>
                <UnstyledButton
                  className="org-row"
                  aria-current={organisation.id === selectedId || undefined}
                  style={{ paddingInlineStart: 8 + depth * 18 }}
                  onClick={() => setSelectedId(organisation.id)}
                >
                  <Text size="sm" span fw={organisation.id === selectedId ? 700 : 400}>
                    {organisation.name}
                  </Text>
                  <Text size="xs" c="dimmed" span ff="monospace" ml={6}>
                    {organisation.code}
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </ul>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {selected ? (
          <OrganisationDetail
            key={selected.id}
            organisation={selected}
            list={list}
            onEdit={(e) => setEditing(e)}
            onDeleted={() => setSelectedId(null)}
          />
        ) : (
          <Text c="dimmed">{t("admin.organisations.pick")}</Text>
        )}
      </Grid.Col>
      {editing && (
        <OrganisationDialog
          list={list}
          organisation={editing.mode === "edit" ? editing.organisation : null}
          parentId={editing.mode === "create" ? editing.parentId : (editing.organisation.parentId ?? null)}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setSelectedId(saved.id);
          }}
        />
      )}
    </Grid>
  );
}

function OrganisationDetail(props: {
  organisation: Organisation;
  list: Organisation[];
  onEdit(editing: Editing): void;
  onDeleted(): void;
}) {
  const { organisation, list } = props;
  const { t } = useTranslation();
  const { grants } = useSession();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const chain = chainOf(list, organisation.id);
  const manages = mayOnOrganisation(grants, chain, "organisation.manage");
  const parent = list.find((o) => o.id === organisation.parentId);
  const remove = useMutation({
    mutationFn: () => send("deleteOrganisation", { params: { id: organisation.id } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
      props.onDeleted();
    },
  });
  return (
    <Stack>
      <Paper withBorder p="md">
        <Group justify="space-between" align="start">
          <div>
            <Title order={3} size="h4">
              {organisation.name}
            </Title>
            <Group gap="xs" mt={4}>
              <Text size="sm" ff="monospace">
                {organisation.code}
              </Text>
              <Badge variant="light" c="dark.7">
                {t(`organisationKind.${organisation.kind}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {parent ? t("admin.organisations.under", { parent: parent.name }) : t("admin.organisations.root")}
            </Text>
          </div>
        </Group>
        {manages ? (
          <Group gap="xs" mt="sm">
            <Button size="xs" variant="light" onClick={() => props.onEdit({ mode: "create", parentId: organisation.id })}>
              {t("admin.organisations.addChild")}
            </Button>
            <Button size="xs" variant="default" onClick={() => props.onEdit({ mode: "edit", organisation })}>
              {t("admin.organisations.edit")}
            </Button>
            {confirming ? (
              <Group gap={6}>
                <Text size="sm">{t("admin.organisations.confirmDelete")}</Text>
                <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                  {t("common.confirm")}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                  {t("common.cancel")}
                </Button>
              </Group>
            ) : (
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t("admin.organisations.delete")}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed" mt="sm">
            {t("admin.organisations.readOnly")}
          </Text>
        )}
        {remove.isError && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {errorText(remove.error)}
          </Text>
        )}
      </Paper>
      {mayOnOrganisation(grants, chain, "members.manage") && <MembersPanel organisation={organisation} />}
    </Stack>
  );
}
