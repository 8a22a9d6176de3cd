import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

export const executionDashboardKeys = {
  project: (projectId: string, year: number | null) => ["project", projectId, "execution", year ?? "latest"] as const,
  portfolio: (year: number | null) => ["portfolio", "execution", year ?? "latest"] as const,
};

/** After an execution write: every project's dashboard and the portfolio's read the stored sums it changed. */
export function refreshExecutionDashboards(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "project" && q.queryKey[2] === "execution" }),
    client.invalidateQueries({ queryKey: ["portfolio", "execution"] }),
  ]).then(() => undefined);
}

/** A project's years of execution and one year (the latest when `year` is null) by quarter. */
export function useProjectExecution(projectId: string, year: number | null) {
  return useQuery({
    queryKey: executionDashboardKeys.project(projectId, year),
    queryFn: () => send("projectExecution", { params: { id: projectId }, query: year === null ? {} : { year } }),
    placeholderData: keepPreviousData,
  });
}

/** The portfolio's execution rates of a year (the latest with an approved plan when `year` is null). */
export function usePortfolioExecution(year: number | null) {
  return useQuery({
    queryKey: executionDashboardKeys.portfolio(year),
    queryFn: () => send("portfolioExecution", { query: year === null ? {} : { year } }),
    placeholderData: keepPreviousData,
  });
}
