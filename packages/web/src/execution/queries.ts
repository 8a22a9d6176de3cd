import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { send } from "../api/client.ts";
import { refreshExecutionDashboards } from "../execution-dashboards/queries.ts";

export const executionKeys = {
  execution: (planId: string) => ["workplan", planId, "execution"] as const,
  transactions: (planId: string, activityId?: string) => ["workplan", planId, "transactions", activityId ?? "all"] as const,
  unplanned: (planId: string) => ["workplan", planId, "unplanned"] as const,
};

/** Rates, activities with their records and spending, credits and flags of an approved plan. */
export function useExecution(planId: string) {
  return useQuery({
    queryKey: executionKeys.execution(planId),
    queryFn: () => send("workplanExecution", { params: { id: planId } }),
  });
}

export function useTransactions(planId: string, activityId?: string) {
  return useQuery({
    queryKey: executionKeys.transactions(planId, activityId),
    queryFn: () =>
      send("listTransactions", { params: { id: planId }, query: { pageSize: 500, ...(activityId ? { activityId } : {}) } }),
  });
}

export function useUnplanned(planId: string) {
  return useQuery({
    queryKey: executionKeys.unplanned(planId),
    queryFn: () => send("listUnplanned", { params: { id: planId } }),
  });
}

/** After any execution write: the rates, the lists and the plan's history move together. */
export function refreshExecution(client: QueryClient, planId: string): Promise<void> {
  return Promise.all([client.invalidateQueries({ queryKey: ["workplan", planId] }), refreshExecutionDashboards(client)]).then(
    () => undefined,
  );
}

export function useRefreshExecution(planId: string) {
  const client = useQueryClient();
  return () => refreshExecution(client, planId);
}
