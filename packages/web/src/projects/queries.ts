import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import type { Page, Project, ProjectAccess, ResultNode, Workplan } from "../api/types.ts";

export const projectKeys = {
  project: (id: string) => ["project", id] as const,
  access: (id: string) => ["project", id, "access"] as const,
  nodes: (id: string) => ["project", id, "nodes"] as const,
  workplans: (id: string) => ["project", id, "workplans"] as const,
};

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.project(id ?? ""),
    queryFn: () => api.get<Project>(`/projects/${id}`),
    enabled: Boolean(id),
  });
}

/** What the user may do here; the server enforces it again on every request. */
export function useProjectAccess(id: string | undefined) {
  const query = useQuery({
    queryKey: projectKeys.access(id ?? ""),
    queryFn: () => api.get<ProjectAccess>(`/projects/${id}/access`),
    enabled: Boolean(id),
  });
  const can = (capability: string) => query.data?.capabilities.includes(capability) ?? false;
  return { ...query, can };
}

export function useNodes(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.nodes(id ?? ""),
    queryFn: () => api.get<ResultNode[]>(`/projects/${id}/nodes`),
    enabled: Boolean(id),
  });
}

export function useWorkplans(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.workplans(id ?? ""),
    queryFn: () => api.get<Page<Workplan>>(`/projects/${id}/workplans?pageSize=200`),
    enabled: Boolean(id),
  });
}
