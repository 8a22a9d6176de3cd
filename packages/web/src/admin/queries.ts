// The administration screens' server state: the organisation directory, the
// people an administrator may see, and the roles of an organisation, a
// project or a person. Every change invalidates what it can have changed.
import { accessOn, type Capability, type Grants } from "@baara/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { send } from "../api/client.ts";

/** The directory is read whole to draw the tree; the server allows 500 a page. */
export const ORGANISATION_PAGE = 500;

export const adminKeys = {
  organisations: ["admin", "organisations"] as const,
  users: (q: string) => ["admin", "users", q] as const,
  allUsers: ["admin", "users"] as const,
  memberships: (scope: MembershipScope) => ["admin", "memberships", scope] as const,
  allMemberships: ["admin", "memberships"] as const,
  projects: (organisationId: string) => ["admin", "projects", organisationId] as const,
};

export type MembershipScope = { organisationId: string } | { projectId: string } | { userId: string };

export function useOrganisations() {
  return useQuery({
    queryKey: adminKeys.organisations,
    queryFn: () => send("listOrganisations", { query: { pageSize: ORGANISATION_PAGE } }),
  });
}

export function useUsers(q: string) {
  return useQuery({
    queryKey: adminKeys.users(q),
    queryFn: () => send("listUsers", { query: { q: q || undefined, pageSize: 100 } }),
    placeholderData: keepPreviousData,
  });
}

export function useMemberships(scope: MembershipScope | null) {
  return useQuery({
    queryKey: adminKeys.memberships(scope ?? { userId: "" }),
    queryFn: () => send("listMemberships", { query: scope ?? {} }),
    enabled: scope !== null,
  });
}

/** The projects of one organisation (not of those under it), to give a role on one of them. */
export function useProjectsOf(organisationId: string) {
  return useQuery({
    queryKey: adminKeys.projects(organisationId),
    queryFn: () => send("listProjects", { query: { organisationId, pageSize: 500 } }),
  });
}

/** After a change of people or roles: every list that shows them. */
export function useRefreshPeople() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: adminKeys.allUsers });
    void client.invalidateQueries({ queryKey: adminKeys.allMemberships });
  };
}

/** What the user may do on an organisation (its chain: itself and its ancestors, nearest first). */
export function mayOnOrganisation(grants: Grants | null, chain: readonly string[], capability: Capability): boolean {
  return chain.length > 0 && accessOn(grants, { kind: "organisation", chain }).capabilities.has(capability);
}

/** What the user may do across the platform (create a root organisation, manage accounts). */
export function mayOnPlatform(grants: Grants | null, capability: Capability): boolean {
  return accessOn(grants, { kind: "platform" }).capabilities.has(capability);
}
