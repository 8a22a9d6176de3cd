// Writes of the plan editor: optimistic, so totals move as soon as a cell is
// left; undoable; and safe with several editors: a stale write comes back as a
// conflict that shows both values and loses neither.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { ApiError, errorText, send } from "../api/client.ts";
import type { Activity, BudgetLine } from "../api/types.ts";
import { cachedActivities, planKeys, storeActivity, storeLines } from "./queries.ts";

export type LineChanges = Partial<Pick<BudgetLine, "description" | "accountCode" | "fundCode" | "quantity" | "unitCost" | "amount">>;
export type ActivityChanges = Partial<Pick<Activity, "code" | "title" | "outputIndicator" | "responsible" | "comments" | "months" | "position">>;

type UndoEntry =
  | { kind: "lines"; before: { id: string; changes: LineChanges }[] }
  | { kind: "activity"; id: string; changes: ActivityChanges };

export interface Conflict {
  entity: "line" | "activity";
  field: string;
  mine: unknown;
  current: BudgetLine | Activity;
  changes: LineChanges | ActivityChanges;
}

function previousValues<T extends object>(record: T, changes: object): Partial<T> {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, record[k as keyof T]])) as Partial<T>;
}

export function usePlanEditor(planId: string) {
  const client = useQueryClient();
  const undoStack = useRef<UndoEntry[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "info" | "error" } | null>(null);
  const [saving, setSaving] = useState(0);

  const activities = () => cachedActivities(client, planId);
  const findLine = (id: string) => activities().flatMap((a) => a.budgetLines).find((l) => l.id === id);
  const findActivity = (id: string) => activities().find((a) => a.id === id);
  const refreshSummary = () => client.invalidateQueries({ queryKey: planKeys.summary(planId) });

  const run = useCallback(
    async <T>(work: () => Promise<T>, rollback: () => void, onConflict: (current: unknown) => void): Promise<T | null> => {
      setSaving((n) => n + 1);
      try {
        const result = await work();
        void refreshSummary();
        return result;
      } catch (error) {
        rollback();
        const current = (error as ApiError).details as { current?: unknown } | null;
        if (error instanceof ApiError && error.code === "VERSION_CONFLICT" && current?.current) onConflict(current.current);
        else setMessage({ text: errorText(error), tone: "error" });
        return null;
      } finally {
        setSaving((n) => n - 1);
      }
    },
    [planId],
  );

  /** Several lines at once (one request, all or nothing). */
  const editLines = useCallback(
    async (edits: { id: string; changes: LineChanges }[], recordUndo = true): Promise<boolean> => {
      const before = edits.flatMap(({ id, changes }) => {
        const line = findLine(id);
        return line ? [{ line, changes }] : [];
      });
      if (before.length === 0) return false;
      storeLines(client, planId, before.map(({ line, changes }) => ({ ...line, ...changes })));
      const rollback = () => storeLines(client, planId, before.map(({ line }) => line));
      const result = await run(
        async () => {
          if (before.length === 1 && before[0]) {
            const { line, changes } = before[0];
            const body = { ...changes, version: line.version };
            return [await send("updateBudgetLine", { params: { id: line.id }, body })];
          }
          const lines = before.map(({ line, changes }) => ({ id: line.id, version: line.version, ...changes }));
          const response = await send("editLines", { params: { id: planId }, body: { lines } });
          return response.lines;
        },
        rollback,
        (current) => {
          const line = current as BudgetLine;
          const edit = before.find((b) => b.line.id === line.id) ?? before[0];
          const field = Object.keys(edit?.changes ?? {})[0] ?? "";
          storeLines(client, planId, [line]);
          setConflict({ entity: "line", field, mine: edit?.changes[field as keyof LineChanges], current: line, changes: edit?.changes ?? {} });
        },
      );
      if (!result) return false;
      storeLines(client, planId, result);
      if (recordUndo) {
        undoStack.current.push({
          kind: "lines",
          before: before.map(({ line, changes }) => ({ id: line.id, changes: previousValues(line, changes) })),
        });
      }
      return true;
    },
    [planId, run],
  );

  const editActivity = useCallback(
    async (id: string, changes: ActivityChanges, recordUndo = true): Promise<boolean> => {
      const activity = findActivity(id);
      if (!activity) return false;
      storeActivity(client, planId, { ...activity, ...changes });
      const result = await run(
        () => send("updateActivity", { params: { id }, body: { ...changes, version: activity.version } }),
        () => storeActivity(client, planId, activity),
        (current) => {
          storeActivity(client, planId, current as Activity);
          const field = Object.keys(changes)[0] ?? "";
          setConflict({ entity: "activity", field, mine: changes[field as keyof ActivityChanges], current: current as Activity, changes });
        },
      );
      if (!result) return false;
      storeActivity(client, planId, result);
      if (recordUndo) undoStack.current.push({ kind: "activity", id, changes: previousValues(activity, changes) });
      return true;
    },
    [planId, run],
  );

  const undo = useCallback(async (): Promise<boolean> => {
    const entry = undoStack.current.pop();
    if (!entry) return false;
    return entry.kind === "lines" ? editLines(entry.before, false) : editActivity(entry.id, entry.changes, false);
  }, [editLines, editActivity]);

  /** Re-applies the user's value on top of the other person's version. */
  const applyMine = useCallback(async () => {
    if (!conflict) return;
    setConflict(null);
    if (conflict.entity === "line") await editLines([{ id: conflict.current.id, changes: conflict.changes as LineChanges }]);
    else await editActivity(conflict.current.id, conflict.changes as ActivityChanges);
  }, [conflict, editLines, editActivity]);

  return {
    editLines,
    editLine: (id: string, changes: LineChanges) => editLines([{ id, changes }]),
    editActivity,
    undo,
    canUndo: () => undoStack.current.length > 0,
    pushUndo: (entry: UndoEntry) => undoStack.current.push(entry),
    conflict,
    keepTheirs: () => setConflict(null),
    applyMine,
    message,
    setMessage,
    saving: saving > 0,
  };
}

export type PlanEditor = ReturnType<typeof usePlanEditor>;
