// A session, on one screen: the follow-up of earlier recommendations, the
// agenda with its minutes, the attendance list, the session's own
// recommendations, and the documents to download.
import { Anchor, Badge, Button, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { errorText, hrefOf, send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { ActionsPanel } from "./ActionsPanel.tsx";
import { AgendaPanel } from "./AgendaPanel.tsx";
import { AttendancePanel } from "./AttendancePanel.tsx";
import { FollowUpPanel } from "./FollowUpPanel.tsx";
import { afterMeetingWrite, useMeeting } from "./queries.ts";

export default function MeetingPage() {
  const { meetingId = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const meeting = useMeeting(meetingId);
  const step = useMutation({
    mutationFn: (to: "held" | "approved") => {
      const version = meeting.data?.version ?? 0;
      return to === "held"
        ? send("updateMeeting", { params: { id: meetingId }, body: { status: "held", version } })
        : send("approveMinutes", { params: { id: meetingId }, body: { version } });
    },
    onSuccess: (m) => afterMeetingWrite(client, m),
  });
  if (meeting.isError) return <ErrorState error={meeting.error} retry={() => void meeting.refetch()} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  const locked = m.status === "minutes_approved";
  return (
    <Stack>
      <Anchor component={Link} to={`/comites/${m.bodyId}`} size="sm">
        {t("committees.back")}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{m.title}</Title>
          <Text>{[m.bodyName, format.date(m.date), m.place].filter(Boolean).join(" — ")}</Text>
        </div>
        <Group>
          <Badge size="lg" variant="light">
            {t(`meetingStatus.${m.status}`)}
          </Badge>
          {m.status === "planned" && (
            <Button variant="default" onClick={() => step.mutate("held")} loading={step.isPending}>
              {t("committees.markHeld")}
            </Button>
          )}
          {!locked && (
            <Button variant="default" onClick={() => step.mutate("approved")} loading={step.isPending}>
              {t("committees.approve")}
            </Button>
          )}
          <Menu>
            <Menu.Target>
              <Button>{t("committees.exports")}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={hrefOf("exportMinutes", { id: m.id }, { format: "docx" })}>
                {t("committees.minutesDocx")}
              </Menu.Item>
              <Menu.Item component="a" href={hrefOf("exportMinutes", { id: m.id }, { format: "pdf" })}>
                {t("committees.minutesPdf")}
              </Menu.Item>
              <Menu.Item component="a" href={hrefOf("exportFollowUpTable", { id: m.id }, { format: "xlsx" })}>
                {t("committees.followUpXlsx")}
              </Menu.Item>
              <Menu.Item component="a" href={hrefOf("exportFollowUpTable", { id: m.id }, { format: "docx" })}>
                {t("committees.followUpDocx")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {step.isError && (
        <Text c="red" role="alert">
          {errorText(step.error)}
        </Text>
      )}
      {locked && m.approvedAt && (
        <Text c="dimmed">
          {t("committees.approvedOn", { date: format.date(m.approvedAt.slice(0, 10)), name: m.approvedBy ?? "" })}
        </Text>
      )}
      <FollowUpPanel meeting={m} locked={locked} />
      <AgendaPanel meeting={m} locked={locked} />
      <ActionsPanel meeting={m} locked={locked} />
      <AttendancePanel meeting={m} locked={locked} />
    </Stack>
  );
}
