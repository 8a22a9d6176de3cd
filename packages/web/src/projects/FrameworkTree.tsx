import { ActionIcon, Button, Group, Modal, Select, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import type { Project, ResultNode } from "../api/types.ts";
import { LimitedText } from "../ui/LimitedText.tsx";
import { projectKeys } from "./queries.ts";

interface Editing {
  node: ResultNode | null;
  parentId: string | null;
}

function ordered(nodes: ResultNode[], parentId: string | null): ResultNode[] {
  return nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.position - b.position);
}

/** The results framework as an indented, editable tree. */
export function FrameworkTree({ project, nodes, editable }: { project: Project; nodes: ResultNode[]; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: projectKeys.nodes(project.id) });

  const move = useMutation({
    mutationFn: async ({ node, delta }: { node: ResultNode; delta: -1 | 1 }) => {
      const siblings = ordered(nodes, node.parentId);
      const index = siblings.findIndex((s) => s.id === node.id);
      const other = siblings[index + delta];
      if (!other) return;
      // One request: the server renumbers the siblings in one transaction.
      await send("moveNode", { params: { id: node.id }, body: { position: index + delta, version: node.version } });
    },
    onSettled: refresh,
    onError: (e) => setError(errorText(e)),
  });

  const renderLevel = (parentId: string | null, depth: number): React.ReactNode =>
    ordered(nodes, parentId).map((node, i, siblings) => (
      <div key={node.id} role="treeitem" aria-level={depth + 1} aria-selected={false}>
        <Group gap="xs" wrap="nowrap" pl={depth * 20} py={2}>
          <Text size="sm" fw={depth === 0 ? 700 : 500} ff="monospace">
            {node.code}
          </Text>
          <Text size="sm" lineClamp={1} style={{ flex: 1 }}>
            {node.title}
          </Text>
          <Text size="xs" c="dimmed">
            {node.levelLabel}
          </Text>
          {editable && (
            <Group gap={2} wrap="nowrap">
              <Tooltip label={t("project.rename")}>
                <ActionIcon variant="subtle" aria-label={`${t("project.rename")} ${node.code}`} onClick={() => setEditing({ node, parentId: node.parentId })}>
                  ✎
                </ActionIcon>
              </Tooltip>
              {depth < project.levelLabels.length - 1 && (
                <Tooltip label={t("project.addChild")}>
                  <ActionIcon variant="subtle" aria-label={`${t("project.addChild")} ${node.code}`} onClick={() => setEditing({ node: null, parentId: node.id })}>
                    +
                  </ActionIcon>
                </Tooltip>
              )}
              <ActionIcon variant="subtle" disabled={i === 0} aria-label={`${t("project.moveUp")} ${node.code}`} onClick={() => move.mutate({ node, delta: -1 })}>
                ↑
              </ActionIcon>
              <ActionIcon variant="subtle" disabled={i === siblings.length - 1} aria-label={`${t("project.moveDown")} ${node.code}`} onClick={() => move.mutate({ node, delta: 1 })}>
                ↓
              </ActionIcon>
            </Group>
          )}
        </Group>
        {nodes.some((n) => n.parentId === node.id) && <div role="group">{renderLevel(node.id, depth + 1)}</div>}
      </div>
    ));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t("project.framework")}
        </Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => setEditing({ node: null, parentId: null })}>
            {t("project.addNode")}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {`${t("project.levels")} : ${project.levelLabels.join(" › ")}`}
      </Text>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <div role="tree" aria-label={t("project.framework")}>
        {renderLevel(null, 0)}
      </div>
      {editing && (
        <NodeForm
          project={project}
          nodes={nodes}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

function NodeForm(props: {
  project: Project;
  nodes: ResultNode[];
  editing: Editing;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { node, parentId: initialParent } = props.editing;
  const [code, setCode] = useState(node?.code ?? "");
  const [title, setTitle] = useState(node?.title ?? "");
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      node
        ? send("updateNode", { params: { id: node.id }, body: { code, title, parentId, version: node.version } })
        : send("createNode", { params: { id: props.project.id }, body: { code, title, parentId } }),
    onSuccess: props.onSaved,
    onError: (e) => setError(errorText(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const parents = props.nodes
    .filter((n) => n.id !== node?.id && n.level < props.project.levelLabels.length)
    .map((n) => ({ value: n.id, label: `${n.code} ${n.title}`.slice(0, 90) }));
  return (
    <Modal opened onClose={props.onClose} title={node ? t("project.rename") : t("project.addNode")}>
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <LimitedText limit="nodeCode" label={t("project.nodeCode")} required value={code} onChange={setCode} data-autofocus />
          <LimitedText limit="nodeTitle" label={t("project.nodeTitle")} required value={title} onChange={setTitle} rows={2} />
          <Select
            label={t("project.parent")}
            data={parents}
            value={parentId}
            onChange={setParentId}
            clearable
            searchable
            placeholder={t("project.noParent")}
          />
          <Group justify="end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
