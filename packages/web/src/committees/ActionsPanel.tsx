// The session's own recommendations and action points, and a new one.
import { type api, PRIORITIES, type Priority } from "@baara/core";
import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { committeeKeys } from "./queries.ts";

export function ActionsPanel({ meeting, locked }: { meeting: api.Meeting; locked: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
      <Title order={3} size="h4" id="actions-title" mb="xs">
        {t("committees.actionsTitle")}
      </Title>
      {meeting.recommendations.length === 0 ? (
        <Text c="dimmed">{t("committees.noActions")}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("committees.number")}</Table.Th>
              <Table.Th>{t("entity.recommendation")}</Table.Th>
              <Table.Th>{t("committees.responsible")}</Table.Th>
              <Table.Th>{t("committees.dueDate")}</Table.Th>
              <Table.Th>{t("committees.situation")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.recommendations.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>{r.text}</Table.Td>
                <Table.Td>{r.responsibleStructures.join(", ")}</Table.Td>
                <Table.Td>{format.date(r.dueDate)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`recommendationStatus.${r.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!locked && <NewRecommendation meetingId={meeting.id} />}
    </Paper>
  );
}

function NewRecommendation({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [responsible, setResponsible] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [priority, setPriority] = useState<Priority>("medium");
  const add = useMutation({
    mutationFn: () =>
      send("createRecommendation", {
        body: {
          meetingId,
          text,
          dueDate: dueDate || null,
          priority,
          responsibles: responsible
            .split(/[;\n]/)
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => ({ name })),
        },
      }),
    onSuccess: async () => {
      setText("");
      setResponsible("");
      setDueDate("");
      await client.invalidateQueries({ queryKey: committeeKeys.all });
    },
  });
  return (
    <Group align="end" mt="sm">
      <LimitedText limit="recommendationText" label={t("committees.actionText")} value={text} onChange={setText} rows={1} />
      <TextInput
        label={t("committees.responsible")}
        value={responsible}
        onChange={(e) => setResponsible(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t("committees.dueDate")}
        value={dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
      />
      <Select
        label={t("committees.priorityLabel")}
        value={priority}
        allowDeselect={false}
        onChange={(v) => v && setPriority(v as Priority)}
        data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
      />
      <Button onClick={() => add.mutate()} loading={add.isPending} disabled={!text.trim()}>
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
