// One recommendation's story: its dated follow-ups, and its renewal thread
// across sessions (the ones it renews and its renewal), oldest first.
import { Drawer, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { send } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";

export function RecommendationDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useQuery({
    queryKey: ["committees", "recommendation", id],
    queryFn: () => send("getRecommendation", { params: { id: id ?? "" } }),
    enabled: id !== null,
  });
  const r = detail.data;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={t("entity.recommendation")}>
      {detail.isError ? (
        <ErrorState error={detail.error} retry={() => void detail.refetch()} />
      ) : !r ? (
        <Loading />
      ) : (
        <Stack>
          <Text fw={600}>{r.text}</Text>
          <Text size="sm">{`${t("committees.responsible")} : ${r.responsibleStructures.join(", ") || "—"}`}</Text>
          <section aria-labelledby="history-title">
            <Title order={3} size="h5" id="history-title" mb={4}>
              {t("committees.history")}
            </Title>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("committees.date")}</Table.Th>
                  <Table.Th>{t("committees.situation")}</Table.Th>
                  <Table.Th>{t("common.comment")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.history.map((h) => (
                  <Table.Tr key={h.id}>
                    <Table.Td>{[format.date(h.date), h.meetingTitle].filter(Boolean).join(" — ")}</Table.Td>
                    <Table.Td>{t(`recommendationStatus.${h.status}`)}</Table.Td>
                    <Table.Td>{h.comment}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
          {r.thread.length > 1 && (
            <section aria-labelledby="thread-title">
              <Title order={3} size="h5" id="thread-title" mb={4}>
                {t("committees.thread")}
              </Title>
              <Stack gap={4} component="ol" pl="md" m={0}>
                {r.thread.map((step) => (
                  <Text component="li" key={step.id} size="sm" fw={step.id === r.id ? 600 : undefined}>
                    {`${step.meeting ? `${step.meeting.title} (${format.date(step.meeting.date)})` : ""} — n° ${step.number} — ${t(`recommendationStatus.${step.status}`)}`}
                  </Text>
                ))}
              </Stack>
            </section>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
