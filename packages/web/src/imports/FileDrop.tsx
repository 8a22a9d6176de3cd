import { Button, CloseButton, FileButton, Group, Paper, Stack, Text } from "@mantine/core";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../ui/format.ts";

export const ACCEPTED_FILES = ".xlsx,.csv,.tsv,.txt";

/** A zone to drop a work-plan file on, with « Parcourir… » for those who'd rather pick it, and the file once chosen. */
export function FileDrop({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChange(dropped);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(true);
  };
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="drop-zone"
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      style={{ borderStyle: "dashed", borderWidth: 2, background: over ? "var(--mantine-color-indigo-0)" : undefined }}
    >
      {file ? (
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {t("editorUx.import.chosenFile", { name: file.name, size: format.number(Math.max(1, Math.round(file.size / 1024))) })}
          </Text>
          <CloseButton aria-label={t("editorUx.import.removeFile")} onClick={() => onChange(null)} />
        </Group>
      ) : (
        <Stack align="center" gap={6}>
          <Text fw={600}>{t("editorUx.import.dropHere")}</Text>
          <Text size="sm" c="dimmed">
            {t("editorUx.import.formats")}
          </Text>
          <FileButton onChange={onChange} accept={ACCEPTED_FILES}>
            {(props) => (
              <Button variant="light" {...props}>
                {t("imports.browse")}
              </Button>
            )}
          </FileButton>
        </Stack>
      )}
    </Paper>
  );
}
