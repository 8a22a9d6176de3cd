// The committees of the user's organisations and projects.
import { BODY_KINDS, type BodyKind } from "@baara/core";
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { errorText, send } from "../api/client.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { committeeKeys, useBodies } from "./queries.ts";

export default function BodiesPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  if (bodies.isError) return <ErrorState error={bodies.error} retry={() => void bodies.refetch()} />;
  if (!bodies.data) return <Loading />;
  return (
    <Stack>
      <Title order={2}>{t("committees.title")}</Title>
      {bodies.data.items.length === 0 ? (
        <Text c="dimmed">{t("committees.none")}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("committees.name")}</Table.Th>
              <Table.Th>{t("committees.kind")}</Table.Th>
              <Table.Th>{t("committees.owner")}</Table.Th>
              <Table.Th>{t("committees.sessions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bodies.data.items.map((body) => (
              <Table.Tr key={body.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/comites/${body.id}`}>
                    {body.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`bodyKind.${body.kind}`)}</Table.Td>
                <Table.Td>
                  {body.projectCode ? `${body.projectCode} — ${body.organisationName}` : body.organisationName}
                </Table.Td>
                <Table.Td>{body.meetingCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewBody />
    </Stack>
  );
}

/** A committee of an organisation (the server says whether the user may make one there). */
function NewBody() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const organisations = useQuery({
    queryKey: ["organisations", "all"],
    queryFn: () => send("listOrganisations", { query: { pageSize: 500 } }),
  });
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [kind, setKind] = useState<BodyKind>("steering");
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => send("createBody", { body: { organisationId: organisationId ?? "", kind, name } }),
    onSuccess: async (body) => {
      await client.invalidateQueries({ queryKey: committeeKeys.all });
      void navigate(`/comites/${body.id}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-body">
      <Title order={3} size="h5" id="new-body" mb="xs">
        {t("committees.newBody")}
      </Title>
      <Group align="end">
        <Select
          label={t("committees.owner")}
          searchable
          value={organisationId}
          onChange={setOrganisationId}
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          label={t("committees.kind")}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as BodyKind)}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
        />
        <TextInput label={t("committees.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!organisationId || !name.trim()}>
          {t("committees.add")}
        </Button>
      </Group>
      {create.isError && (
        <Text c="red" role="alert" size="sm">
          {errorText(create.error)}
        </Text>
      )}
    </Paper>
  );
}
