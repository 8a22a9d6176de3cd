import { Button, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, send } from "../api/client.ts";
import type { ResultNode } from "../api/types.ts";
import { NodeChooser } from "./NodeChooser.tsx";
import type { GridRow } from "./plan-model.ts";
import { cachedActivities, planKeys, removeActivity, removeLine, storeActivity } from "./queries.ts";
import type { PlanEditor } from "./use-plan-editor.ts";

/** Row operations on the active row: add, insert, delete, move; undo; copy the grid for Excel. */
interface GridToolbarProps {
  planId: string;
  row: GridRow | null;
  editable: boolean;
  editor: PlanEditor;
  copyText: () => string;
  /** The results framework, to place a new activity in. */
  nodes: ResultNode[];
  /** Shows a new activity under its node, its title ready to type. */
  onActivityCreated: (activityId: string, nodeId: string | null) => void;
}

export function GridToolbar(props: GridToolbarProps) {
  const { planId, row, editable, editor } = props;
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  const client = useQueryClient();
  const activities = () => cachedActivities(client, planId);
  /** Runs a row operation, says why it failed, and reloads what it changed (the content too, unless the operation stored it). */
  const guard = async (work: () => Promise<unknown>, stored = false) => {
    let failed = false;
    try {
      await work();
    } catch (error) {
      failed = true;
      editor.setMessage({ text: errorText(error), tone: "error" });
    } finally {
      // Reloading the content a new activity is already in would close the editor just opened on its title.
      if (!stored || failed) void client.invalidateQueries({ queryKey: planKeys.content(planId) });
      void client.invalidateQueries({ queryKey: planKeys.summary(planId) });
    }
  };

  const addLine = () =>
    guard(async () => {
      if (!row || row.kind === "node") return;
      await send("createBudgetLine", { params: { id: row.activity.id }, body: {} });
    });
  /** A new activity goes under the selected result (or the selected activity's); with nothing selected, the user says where. */
  const addActivity = (nodeId: string | null) =>
    guard(async () => {
      const created = await send("createActivity", {
        params: { id: planId },
        body: { title: t("plan.newActivity"), resultNodeId: nodeId, budgetLines: [{}] },
      });
      storeActivity(client, planId, created);
      props.onActivityCreated(created.id, nodeId);
    }, true);
  const placeActivity = () => {
    if (row) void addActivity(row.kind === "node" ? row.id : row.activity.resultNodeId);
    else if (props.nodes.length === 0) void addActivity(null);
    else setChoosing(true);
  };
  const remove = () =>
    guard(async () => {
      if (!row || row.kind === "node" || !window.confirm(t("plan.confirmDelete"))) return;
      if (row.kind === "line") {
        const { line } = row;
        await send("deleteBudgetLine", { params: { id: line.id } });
        removeLine(client, planId, line.id);
      } else {
        await send("deleteActivity", { params: { id: row.activity.id } });
        removeActivity(client, planId, row.activity.id);
      }
    });
  const move = (delta: -1 | 1) =>
    guard(async () => {
      if (!row || row.kind === "node") return;
      if (row.kind === "activity") {
        const siblings = activities()
          .filter((a) => a.resultNodeId === row.activity.resultNodeId)
          .sort((a, b) => a.position - b.position);
        const index = siblings.findIndex((a) => a.id === row.activity.id);
        const other = siblings[index + delta];
        if (!other) return;
        // One request: the server renumbers the siblings in one transaction.
        await send("moveActivity", {
          params: { id: row.activity.id },
          body: { position: index + delta, version: row.activity.version },
        });
      } else {
        const lines = [...row.activity.budgetLines].sort((a, b) => a.position - b.position);
        const other = lines[row.index + delta];
        if (!other) return;
        await send("moveBudgetLine", {
          params: { id: row.line.id },
          body: { position: row.index + delta, version: row.line.version },
        });
      }
    });

  const onLine = Boolean(row && row.kind !== "node");
  return (
    <Group gap="xs">
      {editable && (
        <>
          <Button size="xs" variant="light" disabled={!onLine} onClick={() => void addLine()}>
            {t("plan.addLine")}
          </Button>
          <Button size="xs" variant="light" onClick={placeActivity}>
            {t("plan.addActivity")}
          </Button>
          <Button size="xs" variant="light" color="red" disabled={!onLine} onClick={() => void remove()}>
            {t("plan.deleteRow")}
          </Button>
          <Button size="xs" variant="default" disabled={!onLine} onClick={() => void move(-1)}>
            {t("plan.moveUp")}
          </Button>
          <Button size="xs" variant="default" disabled={!onLine} onClick={() => void move(1)}>
            {t("plan.moveDown")}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void editor.undo().then((done) => editor.setMessage({ text: t(done ? "plan.undone" : "plan.nothingToUndo"), tone: "info" }))}
          >
            {t("plan.undo")}
          </Button>
        </>
      )}
      <Button
        size="xs"
        variant="default"
        onClick={() =>
          void navigator.clipboard.writeText(props.copyText()).then(() => editor.setMessage({ text: t("plan.copied"), tone: "info" }))}
      >
        {t("plan.copyAll")}
      </Button>
      {choosing && (
        <NodeChooser
          nodes={props.nodes}
          onCancel={() => setChoosing(false)}
          onChoose={(nodeId) => {
            setChoosing(false);
            void addActivity(nodeId);
          }}
        />
      )}
    </Group>
  );
}
