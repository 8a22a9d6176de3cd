import { type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";
import type { Activity, BudgetLine } from "../api/types.ts";

export const planKeys = {
  plan: (id: string) => ["workplan", id] as const,
  activities: (id: string) => ["workplan", id, "activities"] as const,
  summary: (id: string) => ["workplan", id, "summary"] as const,
  history: (id: string) => ["workplan", id, "history"] as const,
};

export function useWorkplan(id: string | undefined) {
  return useQuery({ queryKey: planKeys.plan(id ?? ""), queryFn: () => send("getWorkplan", { params: { id: id ?? "" } }), enabled: Boolean(id) });
}

/** Every activity of the plan with its budget lines, page after page. */
async function allActivities(id: string): Promise<Activity[]> {
  const items: Activity[] = [];
  for (let page = 1; ; page++) {
    const result = await send("listActivities", { params: { id }, query: { pageSize: 500, page } });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

export function useActivities(id: string | undefined) {
  return useQuery({ queryKey: planKeys.activities(id ?? ""), queryFn: () => allActivities(id ?? ""), enabled: Boolean(id) });
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
  client.setQueryData<Activity[]>(planKeys.activities(planId), (list) =>
    list?.map((a) =>
      a.budgetLines.some((l) => byId.has(l.id))
        ? { ...a, budgetLines: a.budgetLines.map((l) => byId.get(l.id) ?? l) }
        : a,
    ),
  );
}

export function storeActivity(client: QueryClient, planId: string, activity: Activity): void {
  client.setQueryData<Activity[]>(planKeys.activities(planId), (list) => {
    if (!list) return list;
    return list.some((a) => a.id === activity.id)
      ? list.map((a) => (a.id === activity.id ? activity : a))
      : [...list, activity];
  });
}

export function removeActivity(client: QueryClient, planId: string, activityId: string): void {
  client.setQueryData<Activity[]>(planKeys.activities(planId), (list) => list?.filter((a) => a.id !== activityId));
}

export function removeLine(client: QueryClient, planId: string, lineId: string): void {
  client.setQueryData<Activity[]>(planKeys.activities(planId), (list) =>
    list?.map((a) => ({ ...a, budgetLines: a.budgetLines.filter((l) => l.id !== lineId) })),
  );
}
