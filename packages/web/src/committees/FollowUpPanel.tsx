// The follow-up of the previous sessions' recommendations: the secretary sets
// each one's new situation and comment, and saves them all in one request. A
// recommendation not done can be renewed into this session.
import { type api, RECOMMENDATION_STATUSES, type RecommendationStatus } from "@baara/core";
import { Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { afterMeetingWrite, committeeKeys } from "./queries.ts";

type Entry = { status: RecommendationStatus; comment: string };

export function FollowUpPanel({ meeting, locked }: { meeting: api.Meeting; locked: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [edits, setEdits] = useState<Record<string, Entry>>({});
  const entryOf = (r: api.Meeting["followUps"][number]): Entry =>
    edits[r.id] ?? { status: r.status, comment: r.followedHere?.comment ?? "" };
  const save = useMutation({
    mutationFn: () =>
      send("recordFollowUps", {
        params: { id: meeting.id },
        body: {
          items: meeting.followUps
            .filter((r) => edits[r.id])
            .map((r) => ({
              recommendationId: r.id,
              status: entryOf(r).status,
              comment: entryOf(r).comment || null,
              version: r.version,
            })),
        },
      }),
    onSuccess: async (m) => {
      setEdits({});
      await afterMeetingWrite(client, m);
    },
  });
  const renew = useMutation({
    mutationFn: (r: api.Recommendation) =>
      send("renewRecommendation", { params: { id: r.id }, body: { meetingId: meeting.id, version: r.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: committeeKeys.all }),
  });
  const r = meeting.followUpRates;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-up-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="follow-up-title">
          {t("committees.followUpTitle")}
        </Title>
        {r.total > 0 && <Badge variant="outline">{t("committees.rates", r)}</Badge>}
      </Group>
      {meeting.followUps.length === 0 ? (
        <Text c="dimmed">{t("committees.followUpNone")}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {t("committees.followUpHelp")}
          </Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("committees.number")}</Table.Th>
                <Table.Th>{t("entity.recommendation")}</Table.Th>
                <Table.Th>{t("committees.responsible")}</Table.Th>
                <Table.Th>{t("committees.newSituation")}</Table.Th>
                <Table.Th>{t("common.comment")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.followUps.map((rec, i) => {
                const entry = entryOf(rec);
                const set = (change: Partial<Entry>) => setEdits({ ...edits, [rec.id]: { ...entry, ...change } });
                const label = `${t("committees.number")} ${i + 1}`;
                return (
                  <Table.Tr key={rec.id}>
                    <Table.Td>{i + 1}</Table.Td>
                    <Table.Td>{rec.text}</Table.Td>
                    <Table.Td>{rec.responsibleStructures.join(", ")}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t("committees.newSituation")} — ${label}`}
                        disabled={locked}
                        value={entry.status}
                        allowDeselect={false}
                        onChange={(v) => v && set({ status: v as RecommendationStatus })}
                        data={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`recommendationStatus.${s}`) }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t("common.comment")} — ${label}`}
                        disabled={locked}
                        value={entry.comment}
                        onChange={(e) => set({ comment: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {rec.renewedIntoId ? (
                        <Badge variant="light">{t("committees.renewed")}</Badge>
                      ) : (
                        !locked
                        && (rec.status === "not_started" || rec.status === "in_progress") && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => renew.mutate(rec)}
                            aria-label={`${t("committees.renew")} — ${label}`}
                          >
                            {t("committees.renew")}
                          </Button>
                        )
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {!locked && (
            <Button
              mt="sm"
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={Object.keys(edits).length === 0}
            >
              {t("committees.saveFollowUp")}
            </Button>
          )}
          {(save.isError || renew.isError) && (
            <Text c="red" role="alert" size="sm">
              {errorText(save.error ?? renew.error)}
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
