// A committee: its members with their roles, its sessions, and a new session
// (whose agenda opens with the follow-up of the open recommendations).
import { MEMBER_ROLES, type MemberRole } from "@baara/core";
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorText, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { committeeKeys, useBody, useMeetings } from "./queries.ts";
import type { api } from "@baara/core";

export default function BodyPage() {
  const { bodyId = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const body = useBody(bodyId);
  const meetings = useMeetings(bodyId);
  if (body.isError) return <ErrorState error={body.error} retry={() => void body.refetch()} />;
  if (!body.data) return <Loading />;
  return (
    <Stack>
      <Title order={2}>{body.data.name}</Title>
      <Text c="dimmed">{`${t(`bodyKind.${body.data.kind}`)} — ${body.data.projectCode ?? body.data.organisationName}`}</Text>
      <section aria-labelledby="members-title">
        <Title order={3} size="h4" id="members-title" mb="xs">
          {t("committees.members")}
        </Title>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("committees.personName")}</Table.Th>
              <Table.Th>{t("committees.personFunction")}</Table.Th>
              <Table.Th>{t("committees.structure")}</Table.Th>
              <Table.Th>{t("committees.role")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.data.members.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.function}</Table.Td>
                <Table.Td>{m.structure}</Table.Td>
                <Table.Td>{t(`memberRole.${m.role}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <NewMember body={body.data} />
      </section>
      <section aria-labelledby="sessions-title">
        <Title order={3} size="h4" id="sessions-title" mb="xs">
          {t("committees.sessions")}
        </Title>
        {meetings.data?.length === 0 && <Text c="dimmed">{t("committees.noMeeting")}</Text>}
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {meetings.data?.map((m) => (
            <Group component="li" key={m.id} gap="sm">
              <Anchor component={Link} to={`/sessions/${m.id}`}>
                {m.title}
              </Anchor>
              <Text size="sm">{format.date(m.date)}</Text>
              <Badge variant="light">{t(`meetingStatus.${m.status}`)}</Badge>
            </Group>
          ))}
        </Stack>
      </section>
      <NewMeeting bodyId={bodyId} />
    </Stack>
  );
}

function NewMeeting({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [place, setPlace] = useState("");
  const create = useMutation({
    mutationFn: () => send("createMeeting", { params: { id: bodyId }, body: { title, date, place: place || null } }),
    onSuccess: async (meeting) => {
      await client.invalidateQueries({ queryKey: committeeKeys.all });
      void navigate(`/sessions/${meeting.id}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-meeting">
      <Title order={3} size="h5" id="new-meeting" mb="xs">
        {t("committees.newMeeting")}
      </Title>
      <Group align="end">
        <TextInput
          label={t("committees.meetingTitle")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t("committees.date")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          required
        />
        <TextInput label={t("committees.place")} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
        <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!title || !date}>
          {t("committees.create")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t("committees.followUpNote")}
      </Text>
      {create.isError && (
        <Text c="red" role="alert" size="sm">
          {errorText(create.error)}
        </Text>
      )}
    </Paper>
  );
}

/** A member added to the list (the whole list is sent with the committee's version). */
function NewMember({ body }: { body: api.Body }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [fn, setFn] = useState("");
  const [structure, setStructure] = useState("");
  const [role, setRole] = useState<MemberRole>("member");
  const add = useMutation({
    mutationFn: () =>
      send("replaceMembers", {
        params: { id: body.id },
        body: {
          members: [
            ...body.members.map(({ id: _id, ...m }) => m),
            { name, function: fn || null, structure: structure || null, role },
          ],
          version: body.version,
        },
      }),
    onSuccess: async () => {
      setName("");
      setFn("");
      setStructure("");
      await client.invalidateQueries({ queryKey: committeeKeys.all });
    },
  });
  return (
    <Group align="end" mt="xs">
      <TextInput label={t("committees.personName")} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <TextInput label={t("committees.personFunction")} value={fn} onChange={(e) => setFn(e.currentTarget.value)} />
      <TextInput label={t("committees.structure")} value={structure} onChange={(e) => setStructure(e.currentTarget.value)} />
      <Select
        label={t("committees.role")}
        value={role}
        allowDeselect={false}
        onChange={(v) => v && setRole(v as MemberRole)}
        data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
      />
      <Button variant="default" onClick={() => add.mutate()} loading={add.isPending} disabled={!name.trim()}>
        {t("committees.add")}
      </Button>
      {add.isError && (
        <Text c="red" role="alert" size="sm">
          {errorText(add.error)}
        </Text>
      )}
    </Group>
  );
}
