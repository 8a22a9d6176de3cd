// The home screen's reminders: the user's (and their structures') open action
// points, overdue or due within 30 days. The server decides what is there.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../ui/format.ts";
import { useDueRecommendations } from "./queries.ts";

export function DuePanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const due = useDueRecommendations();
  if (!due.data || due.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="due-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="due-title">
          {t("committees.dueTitle")}
        </Title>
        <Badge>{t("committees.count", { count: due.data.length })}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t("committees.dueHelp")}
      </Text>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {due.data.slice(0, 10).map((r) => (
          <Group component="li" key={r.id} gap="xs" wrap="wrap">
            {r.overdue && (
              <Badge color="red" variant="light">
                {t("committees.overdue")}
              </Badge>
            )}
            <Text size="sm">{format.date(r.dueDate)}</Text>
            {r.meeting ? (
              <Anchor component={Link} to={`/sessions/${r.meeting.id}`} size="sm">
                {r.text}
              </Anchor>
            ) : (
              <Text size="sm">{r.text}</Text>
            )}
            <Text size="sm" c="dimmed">
              {r.responsibleStructures.join(", ")}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
