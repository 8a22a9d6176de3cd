import { useQuery } from "@tanstack/react-query";
import { send } from "../api/client.ts";

export const projectKeys = {
  project: (id: string) => ["project", id] as const,
  access: (id: string) => ["project", id, "access"] as const,
  nodes: (id: string) => ["project", id, "nodes"] as const,
  workplans: (id: string) => ["project", id, "workplans"] as const,
};

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.project(id ?? ""),
    queryFn: () => send("getProject", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

/** What the user may do here; the server enforces it again on every request. */
export function useProjectAccess(id: string | undefined) {
  const query = useQuery({
    queryKey: projectKeys.access(id ?? ""),
    queryFn: () => send("projectAccess", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
  const can = (capability: string) => query.data?.capabilities.includes(capability) ?? false;
  return { ...query, can };
}

export function useNodes(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.nodes(id ?? ""),
    queryFn: () => send("listNodes", { params: { id: id ?? "" } }),
    enabled: Boolean(id),
  });
}

export function useWorkplans(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.workplans(id ?? ""),
    queryFn: () => send("listWorkplans", { params: { id: id ?? "" }, query: { pageSize: 200 } }),
    enabled: Boolean(id),
  });
}
