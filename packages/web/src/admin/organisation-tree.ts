// The organisations as a tree, built in the browser from the directory the
// server lists (GET /organisations), and the ancestor chains that core's
// access rule needs to say what the user may do on each.
import type { api } from "@baara/core";

type Organisation = api.Organisation;

export interface OrganisationNode {
  organisation: Organisation;
  depth: number;
  children: OrganisationNode[];
}

/** Roots and their children, each level by name; an organisation whose parent is not listed is shown as a root. */
export function organisationTree(list: readonly Organisation[], language: string): OrganisationNode[] {
  const ids = new Set(list.map((o) => o.id));
  const byParent = new Map<string | null, Organisation[]>();
  for (const o of list) {
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), o]);
  }
  const seen = new Set<string>();
  const build = (parentId: string | null, depth: number): OrganisationNode[] =>
    [...(byParent.get(parentId) ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name, language))
      .filter((o) => !seen.has(o.id) && seen.add(o.id))
      .map((organisation) => ({ organisation, depth, children: build(organisation.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in reading order, as one list. */
export function flatten(nodes: readonly OrganisationNode[]): OrganisationNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** An organisation and its ancestors, nearest first (what core's accessOn reads). */
export function chainOf(list: readonly Organisation[], id: string): string[] {
  const byId = new Map(list.map((o) => [o.id, o]));
  const chain: string[] = [];
  let current = byId.get(id);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The ids of an organisation and everything under it: where it may not be moved. */
export function subtreeIds(list: readonly Organisation[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of list) {
      if (o.parentId && result.has(o.parentId) && !result.has(o.id)) {
        result.add(o.id);
        grew = true;
      }
    }
  }
  return result;
}
