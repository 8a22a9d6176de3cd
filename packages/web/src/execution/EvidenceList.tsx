// The documents that show an activity was done: listed with who added them,
// downloadable by whoever reads the plan, added and removed while its
// execution is open.
import { Anchor, Button, FileInput, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, hrefOf, pathOf, send, upload } from "../api/client.ts";
import { useFormat } from "../ui/format.ts";
import { DeleteButton } from "./DeleteButton.tsx";

export function EvidenceList({ activityId, editable }: { activityId: string; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documents = useQuery({
    queryKey: ["activity", activityId, "documents"],
    queryFn: () => send("listEvidence", { params: { id: activityId } }),
  });
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!file) return setError(t("evidence.pickFile"));
    const form = new FormData();
    form.append("title", title);
    form.append("file", file);
    setBusy(true);
    try {
      await upload(pathOf("addEvidence", { id: activityId }), form, () => undefined);
      setFile(null);
      setTitle("");
      setError(null);
      await documents.refetch();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await send("deleteEvidence", { params: { id } });
      await documents.refetch();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Stack gap="xs">
      {documents.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("evidence.none")}
        </Text>
      )}
      {(documents.data?.length ?? 0) > 0 && (
        <Table aria-label={t("evidence.title")}>
          <Table.Tbody>
            {documents.data?.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor href={hrefOf("evidenceFile", { id: d.id })} download>
                    {d.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">{`${d.fileName} · ${format.number(Math.ceil(d.size / 1024))} Ko`}</Text>
                </Table.Td>
                <Table.Td c="dimmed" fz="xs">
                  {t("evidence.addedBy", { name: d.createdByName ?? t("common.none"), ...format.instant(d.createdAt) })}
                </Table.Td>
                <Table.Td w={40}>
                  {editable && (
                    <DeleteButton
                      label={t("evidence.remove", { title: d.title })}
                      question={t("execution.removeQuestion", { title: d.title })}
                      onConfirm={() => void remove(d.id)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group align="end" gap="xs">
          <FileInput
            label={t("evidence.file")}
            placeholder={t("evidence.browse")}
            w={240}
            value={file}
            onChange={setFile}
            clearable
          />
          <TextInput
            label={t("evidence.name")}
            w={240}
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Button variant="light" loading={busy} onClick={() => void add()}>
            {t("evidence.add")}
          </Button>
        </Group>
      )}
      {error && (
        <Text c="red.8" role="alert" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}
