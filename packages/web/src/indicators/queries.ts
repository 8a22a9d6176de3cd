import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

export interface AsOf {
  year: number;
  period: string;
}

export const indicatorKeys = {
  project: (projectId: string, asOf: AsOf | null) =>
    ["project", projectId, "indicators", asOf ? `${asOf.year}-${asOf.period}` : "latest"] as const,
  one: (id: string) => ["indicator", id] as const,
  library: (organisationId: string) => ["indicator-library", organisationId] as const,
};

/** A project's results framework with where each indicator stands (at the end of `asOf`, or at its latest validated value). */
export function useIndicators(projectId: string | undefined, asOf: AsOf | null = null) {
  return useQuery({
    queryKey: indicatorKeys.project(projectId ?? "", asOf),
    queryFn: () => send("listIndicators", { params: { id: projectId ?? "" }, query: asOf ?? {} }),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(id: string | undefined) {
  return useQuery({
    queryKey: indicatorKeys.one(id ?? ""),
    queryFn: () => send("getIndicator", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

export function useLibrary(organisationId: string | undefined) {
  return useQuery({
    queryKey: indicatorKeys.library(organisationId ?? ""),
    queryFn: () => send("listLibraryIndicators", { params: { id: organisationId ?? "" } }),
    enabled: Boolean(organisationId),
  });
}

/** After a write: every view of the project's indicators and of each indicator reads it again. */
export function refreshIndicators(client: QueryClient, projectId: string): Promise<void> {
  return Promise.all([
    client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "project" && q.queryKey[1] === projectId && q.queryKey[2] === "indicators",
    }),
    client.invalidateQueries({ queryKey: ["indicator"] }),
  ]).then(() => undefined);
}
