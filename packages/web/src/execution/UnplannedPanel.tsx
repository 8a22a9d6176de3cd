// « Autres activités réalisées »: activities carried out without being in the
// plan, recorded beside it; they appear in the execution table, never in its rates.
import { Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { DeleteButton } from "./DeleteButton.tsx";
import { useUnplanned } from "./queries.ts";

export function UnplannedPanel({ planId, editable, onSaved }: { planId: string; editable: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const list = useUnplanned(planId);
  const [title, setTitle] = useState("");
  const [periodText, setPeriodText] = useState("");
  const [observations, setObservations] = useState("");
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!title.trim()) return setError(t("execution.titleRequired"));
    try {
      await send("createUnplanned", {
        params: { id: planId },
        body: { title, periodText: periodText || null, observations: observations || null },
      });
      setTitle("");
      setPeriodText("");
      setObservations("");
      setError(null);
      await list.refetch();
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const remove = async (id: string) => {
    try {
      await send("deleteUnplanned", { params: { id } });
      await list.refetch();
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("execution.unplannedHint")}
      </Text>
      {(list.data?.length ?? 0) > 0 && (
        <Table aria-label={t("execution.unplanned")}>
          <Table.Tbody>
            {list.data?.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.title}</Table.Td>
                <Table.Td>{u.periodText}</Table.Td>
                <Table.Td>{u.observations}</Table.Td>
                <Table.Td w={40}>
                  {editable && (
                    <DeleteButton
                      label={t("execution.removeUnplanned", { title: u.title.slice(0, 40) })}
                      question={t("execution.removeQuestion", { title: u.title.slice(0, 80) })}
                      onConfirm={() => void remove(u.id)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="end" gap="xs">
            <TextInput
              label={t("entity.activity")}
              w={360}
              maxLength={1000}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label={t("execution.periodText")}
              w={200}
              maxLength={300}
              value={periodText}
              onChange={(e) => setPeriodText(e.currentTarget.value)}
            />
            <TextInput
              label={t("execution.observations")}
              w={260}
              maxLength={4000}
              value={observations}
              onChange={(e) => setObservations(e.currentTarget.value)}
            />
            <Button type="submit" variant="light">
              {t("execution.addUnplanned")}
            </Button>
          </Group>
        </form>
      )}
      {error && (
        <Text c="red.8" role="alert" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}
