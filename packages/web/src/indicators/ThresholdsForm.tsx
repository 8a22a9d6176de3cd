// The project's status thresholds: the share of the way to the milestone from
// which an indicator is on track, and from which it is at risk.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import { refreshIndicators } from "./queries.ts";

export default function ThresholdsForm({
  projectId,
  thresholds,
  onClose,
}: {
  projectId: string;
  thresholds: { onTrack: string; atRisk: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [onTrack, setOnTrack] = useState(thresholds.onTrack);
  const [atRisk, setAtRisk] = useState(thresholds.atRisk);
  const save = useMutation({
    mutationFn: () =>
      send("setIndicatorThresholds", {
        params: { id: projectId },
        body: { onTrack: onTrack.replace(",", "."), atRisk: atRisk.replace(",", ".") },
      }),
    onSuccess: async () => {
      await refreshIndicators(client, projectId);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t("indicators.setThresholds")}>
      <Stack>
        <Text size="sm">{t("indicatorRule.status", { onTrack, atRisk })}</Text>
        <TextInput
          label={t("indicators.onTrackThreshold")}
          value={onTrack}
          onChange={(e) => setOnTrack(e.currentTarget.value)}
          inputMode="decimal"
          data-autofocus
        />
        <TextInput
          label={t("indicators.atRiskThreshold")}
          value={atRisk}
          onChange={(e) => setAtRisk(e.currentTarget.value)}
          inputMode="decimal"
        />
        {save.isError && (
          <Text c="red" role="alert">
            {errorText(save.error)}
          </Text>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
