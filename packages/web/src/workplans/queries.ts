import { type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";
import type { Activity, BudgetLine, WorkplanContent } from "../api/types.ts";

export const planKeys = {
  plan: (id: string) => ["workplan", id] as const,
  content: (id: string) => ["workplan", id, "content"] as const,
  summary: (id: string) => ["workplan", id, "summary"] as const,
  history: (id: string) => ["workplan", id, "history"] as const,
};

export function useWorkplan(id: string | undefined) {
  return useQuery({ queryKey: planKeys.plan(id ?? ""), queryFn: () => send("getWorkplan", { params: { id: id ?? "" } }), enabled: Boolean(id) });
}

/** The whole plan as the editor works on it: framework, activities with their lines, declared figures. */
export function useContent(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.content(id ?? ""),
    queryFn: () => send("workplanContent", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

/** The activities of the plan as cached now (edits land there before the server answers). */
export function cachedActivities(client: QueryClient, planId: string): Activity[] {
  return client.getQueryData<WorkplanContent>(planKeys.content(planId))?.activities ?? [];
}

function updateActivities(client: QueryClient, planId: string, change: (list: Activity[]) => Activity[]): void {
  client.setQueryData<WorkplanContent>(planKeys.content(planId), (content) =>
    content ? { ...content, activities: change(content.activities) } : content,
  );
}

export function useSummary(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.summary(id ?? ""),
    queryFn: () => send("workplanSummary", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

export function useHistory(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.history(id ?? ""),
    queryFn: () => send("workplanHistory", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

/** Puts lines or an activity as the server returned them into the cached plan. */
export function storeLines(client: QueryClient, planId: string, lines: BudgetLine[]): void {
  const byId = new Map(lines.map((l) => [l.id, l]));
  updateActivities(client, planId, (list) =>
    list.map((a) =>
      a.budgetLines.some((l) => byId.has(l.id))
        ? { ...a, budgetLines: a.budgetLines.map((l) => byId.get(l.id) ?? l) }
        : a,
    ),
  );
}

export function storeActivity(client: QueryClient, planId: string, activity: Activity): void {
  updateActivities(client, planId, (list) =>
    list.some((a) => a.id === activity.id) ? list.map((a) => (a.id === activity.id ? activity : a)) : [...list, activity],
  );
}

export function removeActivity(client: QueryClient, planId: string, activityId: string): void {
  updateActivities(client, planId, (list) => list.filter((a) => a.id !== activityId));
}

export function removeLine(client: QueryClient, planId: string, lineId: string): void {
  updateActivities(client, planId, (list) =>
    list.map((a) => ({ ...a, budgetLines: a.budgetLines.filter((l) => l.id !== lineId) })),
  );
}
