// The agenda in order, each item with its discussion points and decisions
// (one paragraph per line; a line starting with « - » is a bullet in the minutes).
import type { api } from "@baara/core";
import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { afterMeetingWrite, committeeKeys } from "./queries.ts";

export function AgendaPanel({ meeting, locked }: { meeting: api.Meeting; locked: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agenda-title">
      <Title order={3} size="h4" id="agenda-title" mb="xs">
        {t("committees.agendaTitle")}
      </Title>
      <Stack>
        {meeting.agenda.map((item, i) => (
          <AgendaItem key={item.id} item={item} number={i + 1} meetingId={meeting.id} locked={locked} />
        ))}
        {!locked && <NewAgendaItem meeting={meeting} />}
      </Stack>
    </Paper>
  );
}

/** A point added at the end of the agenda (the whole agenda is sent, in order, with the session's version). */
function NewAgendaItem({ meeting }: { meeting: api.Meeting }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState("");
  const add = useMutation({
    mutationFn: () =>
      send("setAgenda", {
        params: { id: meeting.id },
        body: { items: [...meeting.agenda.map((a) => ({ id: a.id, title: a.title })), { title }], version: meeting.version },
      }),
    onSuccess: async (m) => {
      setTitle("");
      await afterMeetingWrite(client, m);
    },
  });
  return (
    <Group align="end">
      <TextInput label={t("committees.newPoint")} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <Button variant="default" onClick={() => add.mutate()} loading={add.isPending} disabled={!title.trim()}>
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

function AgendaItem({
  item,
  number,
  meetingId,
  locked,
}: {
  item: api.Meeting["agenda"][number];
  number: number;
  meetingId: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [minutes, setMinutes] = useState(item.minutes ?? "");
  const [decisions, setDecisions] = useState(item.decisions ?? "");
  const save = useMutation({
    mutationFn: () =>
      send("updateAgendaItem", {
        params: { id: item.id },
        body: { minutes: minutes || null, decisions: decisions || null, version: item.version },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeKeys.meeting(meetingId) }),
  });
  const changed = minutes !== (item.minutes ?? "") || decisions !== (item.decisions ?? "");
  return (
    <section aria-labelledby={`agenda-${item.id}`}>
      <Title order={4} size="h6" id={`agenda-${item.id}`}>
        {`${String(number).padStart(2, "0")}. ${item.title}`}
      </Title>
      {locked ? (
        <Text style={{ whiteSpace: "pre-line" }}>{[item.minutes, item.decisions].filter(Boolean).join("\n")}</Text>
      ) : (
        <>
          <LimitedText limit="minutes" label={t("committees.discussion")} value={minutes} onChange={setMinutes} rows={3} />
          <LimitedText
            limit="minutes"
            label={t("committees.decisions")}
            value={decisions}
            onChange={setDecisions}
            rows={1}
          />
          <Group mt={4}>
            <Button size="xs" variant="default" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
              {t("committees.saveItem")}
            </Button>
            {save.isSuccess && !changed && <Text size="sm">{t("committees.saved")}</Text>}
            {save.isError && (
              <Text c="red" role="alert" size="sm">
                {errorText(save.error)}
              </Text>
            )}
          </Group>
        </>
      )}
    </section>
  );
}
