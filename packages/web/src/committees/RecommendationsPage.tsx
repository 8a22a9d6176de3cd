// Every recommendation and action item the user may read, with filters and
// the shares executed / in progress / not executed of what the filters keep.
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from "@baara/core";
import { Anchor, Badge, Group, Select, Stack, Table, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../ui/format.ts";
import { ErrorState, Loading } from "../ui/states.tsx";
import { type RecommendationFilters, useRecommendationRates, useRecommendations } from "./queries.ts";
import { RecommendationDrawer } from "./RecommendationDrawer.tsx";

export default function RecommendationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<RecommendationStatus | null>(null);
  const [responsible, setResponsible] = useState("");
  const [dueBefore, setDueBefore] = useState("");
  const [typed] = useDebouncedValue(responsible.trim(), 300);
  const filters: RecommendationFilters = {
    ...(status ? { status } : {}),
    ...(typed ? { responsible: typed } : {}),
    ...(dueBefore ? { dueBefore } : {}),
  };
  const list = useRecommendations(filters);
  const [opened, setOpened] = useState<string | null>(null);
  const rates = useRecommendationRates(filters);
  return (
    <Stack>
      <Title order={2}>{t("committees.listTitle")}</Title>
      <Group align="end" role="search" aria-label={t("committees.filters")}>
        <Select
          label={t("committees.situation")}
          placeholder={t("committees.allStatuses")}
          clearable
          value={status}
          onChange={(v) => setStatus(v as RecommendationStatus | null)}
          data={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`recommendationStatus.${s}`) }))}
        />
        <TextInput
          label={t("committees.responsible")}
          value={responsible}
          onChange={(e) => setResponsible(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("committees.dueBefore")}
          value={dueBefore}
          onChange={(e) => setDueBefore(e.currentTarget.value)}
        />
      </Group>
      {rates.data && rates.data.overall.total > 0 && (
        <Text>
          {`${t("committees.summary")} : ${t("committees.rates", rates.data.overall)} (${format.rate(rates.data.overall.executedRate)})`}
        </Text>
      )}
      {list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t("committees.listEmpty")}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("committees.number")}</Table.Th>
              <Table.Th>{t("entity.recommendation")}</Table.Th>
              <Table.Th>{t("committees.origin")}</Table.Th>
              <Table.Th>{t("committees.responsible")}</Table.Th>
              <Table.Th>{t("committees.dueDate")}</Table.Th>
              <Table.Th>{t("committees.situation")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.number}</Table.Td>
                <Table.Td>
                  <UnstyledButton onClick={() => setOpened(r.id)} td="underline" ta="left">
                    {r.text}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  {r.meeting ? (
                    <Anchor component={Link} to={`/sessions/${r.meeting.id}`}>
                      {`${r.meeting.bodyName} — ${r.meeting.title}`}
                    </Anchor>
                  ) : (
                    t(`recommendationOrigin.${r.origin}`)
                  )}
                </Table.Td>
                <Table.Td>{r.responsibleStructures.join(", ")}</Table.Td>
                <Table.Td>
                  {format.date(r.dueDate)}
                  {r.overdue && (
                    <Badge color="red" variant="light" ml={4}>
                      {t("committees.overdue")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`recommendationStatus.${r.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RecommendationDrawer id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
