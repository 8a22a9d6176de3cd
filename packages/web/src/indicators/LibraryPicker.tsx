// Picking standard indicators of the organisation's library for the project.
import type { api } from "@baara/core";
import { Button, Checkbox, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import type { Project } from "../api/types.ts";
import { Loading } from "../ui/states.tsx";
import { refreshIndicators, useLibrary } from "./queries.ts";

export default function LibraryPicker({
  project,
  nodes,
  onClose,
}: {
  project: Project;
  nodes: api.ProjectIndicators["nodes"];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const library = useLibrary(project.organisationId);
  const [picked, setPicked] = useState<string[]>([]);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      send("addLibraryIndicators", {
        params: { id: project.id },
        body: { libraryIndicatorIds: picked, resultNodeId: nodeId },
      }),
    onSuccess: async () => {
      await refreshIndicators(client, project.id);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t("indicators.library.title")} size="lg">
      <Stack>
        {!library.data ? (
          <Loading />
        ) : library.data.length === 0 ? (
          <Text>{t("indicators.library.empty")}</Text>
        ) : (
          library.data.map((i) => (
            <Checkbox
              key={i.id}
              label={`${i.code} — ${i.name}`}
              description={[
                t(`indicatorLevel.${i.level}`),
                i.dataSource,
                i.dimensions.map((d) => t(`dimension.${d}`)).join(", "),
              ]
                .filter(Boolean)
                .join(" · ")}
              checked={picked.includes(i.id)}
              onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, i.id] : picked.filter((p) => p !== i.id))}
            />
          ))
        )}
        <Select
          label={t("entity.resultNode")}
          data={[
            { value: "", label: t("indicators.noNode") },
            ...nodes.map((n) => ({ value: n.id, label: `${n.code} ${n.title}`.slice(0, 90) })),
          ]}
          value={nodeId ?? ""}
          onChange={(v) => setNodeId(v || null)}
        />
        {add.isError && (
          <Text c="red" role="alert">
            {errorText(add.error)}
          </Text>
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button disabled={picked.length === 0} loading={add.isPending} onClick={() => add.mutate()}>
            {t("indicators.library.pick")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
