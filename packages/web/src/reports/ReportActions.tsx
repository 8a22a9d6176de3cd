// A report's steps, each for those who may take it and confirmed first:
// submit a draft (its writers), approve a submitted report or return it for
// corrections (its approvers). Text not yet saved is saved before submitting.
import { type api, type ReportAction } from "@baara/core";
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { afterReportWrite } from "./queries.ts";

const STEPS: { action: ReportAction; from: api.Report["status"]; capability: string }[] = [
  { action: "submit", from: "draft", capability: "report.write" },
  { action: "approve", from: "submitted", capability: "report.approve" },
  { action: "return", from: "submitted", capability: "report.approve" },
];

interface ActionsProps {
  report: api.Report;
  can(capability: string): boolean;
  /** Unsaved text: saved first, answering the report as saved (its new version). */
  unsaved: boolean;
  save(): Promise<api.Report>;
  onDone(): void;
}

export function ReportActions({ report, can, unsaved, save, onDone }: ActionsProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [action, setAction] = useState<ReportAction | null>(null);
  const actions = STEPS.filter((s) => s.from === report.status && can(s.capability)).map((s) => s.action);
  const transition = useMutation({
    mutationFn: async (a: ReportAction) => {
      const current = a === "submit" && unsaved ? await save() : report;
      return send("transitionReport", { params: { id: report.id }, body: { action: a, version: current.version } });
    },
    onSuccess: (updated) => {
      void afterReportWrite(client, updated);
      setAction(null);
      onDone();
    },
  });
  if (actions.length === 0) return null;
  const close = () => {
    setAction(null);
    transition.reset();
  };
  return (
    <Group gap="xs">
      {actions.map((a) => (
        <Button
          key={a}
          size="sm"
          variant={a === "return" ? "default" : "filled"}
          color={a === "return" ? "gray" : "indigo"}
          onClick={() => setAction(a)}
        >
          {t(`reportAction.${a}`)}
        </Button>
      ))}
      {action && (
        <Modal
          opened
          onClose={close}
          title={t(`reportAction.${action}`)}
          closeButtonProps={{ "aria-label": t("common.close") }}
        >
          <Stack>
            <Text>{t(`reports.confirm.${action}`, { title: report.title })}</Text>
            {action === "submit" && unsaved && (
              <Text size="sm" fw={600}>
                {t("reports.confirm.saveFirst")}
              </Text>
            )}
            {transition.isError && (
              <Text c="red" role="alert">
                {errorText(transition.error)}
              </Text>
            )}
            <Group justify="end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button loading={transition.isPending} onClick={() => transition.mutate(action)} data-autofocus>
                {t("common.confirm")}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}
