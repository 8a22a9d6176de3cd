// The participant list: shown as the minutes' annex, replaced at once by a
// table pasted from Word or Excel (read by core's parseParticipantTable).
import { type api, ATTENDANCE_STATUSES, type AttendanceStatus, parseParticipantTable } from "@baara/core";
import { Button, Paper, Select, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { afterMeetingWrite } from "./queries.ts";

export function AttendancePanel({ meeting, locked }: { meeting: api.Meeting; locked: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [pasted, setPasted] = useState("");
  const read = parseParticipantTable(pasted);
  /** One person's attendance changed: the whole list goes back with the session's version. */
  const mark = useMutation({
    mutationFn: ({ index, status }: { index: number; status: AttendanceStatus }) =>
      send("setAttendance", {
        params: { id: meeting.id },
        body: {
          participants: meeting.participants.map(({ id: _id, ...p }, i) => (i === index ? { ...p, status } : p)),
          version: meeting.version,
        },
      }),
    onSuccess: (m) => afterMeetingWrite(client, m),
  });
  const replace = useMutation({
    mutationFn: () =>
      send("setAttendance", {
        params: { id: meeting.id },
        body: { participants: read.map((p) => ({ ...p, status: "present" as const })), version: meeting.version },
      }),
    onSuccess: async (m) => {
      setPasted("");
      await afterMeetingWrite(client, m);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attendance-title">
      <Title order={3} size="h4" id="attendance-title" mb="xs">
        {t("committees.attendanceTitle")}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("committees.number")}</Table.Th>
            <Table.Th>{t("committees.personName")}</Table.Th>
            <Table.Th>{t("committees.personFunction")}</Table.Th>
            <Table.Th>{t("committees.structure")}</Table.Th>
            <Table.Th>{t("committees.phone")}</Table.Th>
            <Table.Th>{t("committees.email")}</Table.Th>
            <Table.Th>{t("committees.attendance")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meeting.participants.map((p, i) => (
            <Table.Tr key={p.id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.function}</Table.Td>
              <Table.Td>{p.structure}</Table.Td>
              <Table.Td>{p.phone}</Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>
                {locked ? (
                  t(`attendanceStatus.${p.status}`) + (p.representedBy ? ` (${p.representedBy})` : "")
                ) : (
                  <Select
                    aria-label={`${t("committees.attendance")} — ${p.name}`}
                    value={p.status}
                    allowDeselect={false}
                    disabled={mark.isPending}
                    onChange={(v) => v && mark.mutate({ index: i, status: v as AttendanceStatus })}
                    data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`attendanceStatus.${s}`) }))}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!locked && (
        <>
          <Textarea
            mt="sm"
            label={t("committees.paste")}
            description={t("committees.pasteHelp")}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {read.length > 0 && (
            <>
              <Text size="sm">{t("committees.pasteRead", { count: read.length })}</Text>
              <Button mt={4} size="xs" onClick={() => replace.mutate()} loading={replace.isPending}>
                {t("committees.pasteApply")}
              </Button>
            </>
          )}
          {(replace.isError || mark.isError) && (
            <Text c="red" role="alert" size="sm">
              {errorText(replace.error ?? mark.error)}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
