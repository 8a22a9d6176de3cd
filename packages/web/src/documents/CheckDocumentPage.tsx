// « Vérifier un document »: paste a report's text or give its .docx, and see every
// sentence whose words and figures disagree, whose rate or total is wrong.
import type { api } from "@baara/core";
import { Alert, Badge, Button, FileButton, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, pathOf, upload } from "../api/client.ts";

const ACCEPTED = ".docx,.txt,.text,.md";

export default function CheckDocumentPage() {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (file) form.append("file", file);
      else form.append("text", text);
      return upload<api.DocumentCheck>(pathOf("checkDocument"), form, () => undefined);
    },
  });
  const ready = file !== null || text.trim() !== "";
  return (
    <Stack maw={980}>
      <div>
        <Title order={2}>{t("documentCheckScreen.title")}</Title>
        <Text c="dimmed">{t("documentCheckScreen.intro")}</Text>
      </div>
      <Paper withBorder p="md">
        <Stack>
          <Textarea
            label={t("documentCheckScreen.pasteLabel")}
            autosize
            minRows={6}
            maxRows={16}
            value={text}
            disabled={file !== null}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Group>
            <FileButton onChange={setFile} accept={ACCEPTED}>
              {(props) => (
                <Button variant="light" {...props}>
                  {t("documentCheckScreen.chooseFile")}
                </Button>
              )}
            </FileButton>
            {file && (
              <Group gap="xs">
                <Text fw={600}>{file.name}</Text>
                <Button variant="subtle" size="xs" onClick={() => setFile(null)}>
                  {t("documentCheckScreen.removeFile")}
                </Button>
              </Group>
            )}
            <Button onClick={() => check.mutate()} disabled={!ready} loading={check.isPending}>
              {t("documentCheckScreen.check")}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {check.isError && <Alert color="red">{errorText(check.error)}</Alert>}
      {check.data && <Findings result={check.data} />}
    </Stack>
  );
}

function Findings({ result }: { result: api.DocumentCheck }) {
  const { t } = useTranslation();
  return (
    <Stack component="section" aria-label={t("documentCheckScreen.results")}>
      <Text fw={600} role="status">
        {result.findings.length === 0
          ? t("documentCheckScreen.none")
          : t("documentCheckScreen.counts", { errors: result.errors, warnings: result.warnings })}
      </Text>
      {result.findings.map((finding, index) => (
        <Paper key={index} withBorder p="sm" component="article">
          <Group gap="xs" mb={4}>
            <Badge color={finding.severity === "error" ? "red" : "orange"} variant="light" c="dark.7">
              {t(`documentCheck.severity.${finding.severity}`)}
            </Badge>
            <Text fw={600}>{t(`documentCheck.kind.${finding.kind}`)}</Text>
            <Text size="sm" c="dimmed">
              {t("documentCheckScreen.line", { line: finding.line })}
            </Text>
          </Group>
          <Text>{finding.message}</Text>
          <Text size="sm" c="dimmed" component="blockquote" m={0} mt={4}>
            {finding.sentence}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
