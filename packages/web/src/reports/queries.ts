// The report screens' server state: a project's list and each report, read
// again every second while one of its documents is being written.
import type { api } from "@baara/core";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

export const reportKeys = {
  list: (projectId: string) => ["project", projectId, "reports"] as const,
  one: (id: string) => ["report", id] as const,
};

/** How often a report is read again while a document of it is being written. */
export const FOLLOW_MS = 1000;

/** A document the background job has not finished (or given up on) yet. */
export const isPending = (file: api.ReportFile): boolean => !["completed", "failed", "cancelled"].includes(file.state);

export function useReports(projectId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.list(projectId ?? ""),
    queryFn: () => send("listReports", { params: { id: projectId ?? "" } }),
    enabled: Boolean(projectId),
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.one(id ?? ""),
    queryFn: () => send("getReport", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
    // Following a document being written: its progress and stage come with the report.
    refetchInterval: (query) => (query.state.data?.files.some(isPending) ? FOLLOW_MS : false),
  });
}

/** After a write: the report as the server answered it, and the project's list. */
export async function afterReportWrite(client: QueryClient, report: api.Report): Promise<void> {
  client.setQueryData(reportKeys.one(report.id), report);
  await client.invalidateQueries({ queryKey: reportKeys.list(report.projectId) });
}
