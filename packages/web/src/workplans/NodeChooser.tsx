import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResultNode } from "../api/types.ts";

/** The results framework in reading order, each node indented under its parent. */
function inTreeOrder(nodes: ResultNode[]): { node: ResultNode; depth: number }[] {
  const children = (parentId: string | null) =>
    nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.position - b.position);
  const ordered: { node: ResultNode; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const node of children(parentId)) {
      ordered.push({ node, depth });
      walk(node.id, depth + 1);
    }
  };
  walk(null, 0);
  return ordered;
}

/** Asks under which element of the results framework a new activity goes, when no row says it. */
export function NodeChooser(props: { nodes: ResultNode[]; onChoose: (nodeId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ordered = inTreeOrder(props.nodes);
  const depthOf = new Map(ordered.map(({ node, depth }) => [node.id, depth]));
  const leaves = ordered.filter(({ node }) => !props.nodes.some((n) => n.parentId === node.id));
  const [nodeId, setNodeId] = useState<string | null>(leaves.length === 1 ? (leaves[0]?.node.id ?? null) : null);
  return (
    // Focus does not go back to the button: it goes to the new activity's title, in the grid.
    <Modal
      opened
      onClose={props.onCancel}
      title={t("editorUx.addActivity.title")}
      returnFocus={false}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("editorUx.addActivity.help")}</Text>
        <Select
          label={t("editorUx.addActivity.under")}
          data={ordered.map(({ node }) => ({ value: node.id, label: `${node.code} — ${node.title}`.slice(0, 160) }))}
          renderOption={({ option }) => <Text size="sm" pl={(depthOf.get(option.value) ?? 0) * 16}>{option.label}</Text>}
          value={nodeId}
          onChange={setNodeId}
          searchable
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="end">
          <Button variant="default" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
          <Button disabled={!nodeId} onClick={() => nodeId && props.onChoose(nodeId)}>
            {t("plan.addActivity")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
