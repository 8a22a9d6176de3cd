import type { api } from "@baara/core";
import { describe, expect, it } from "vitest";
import { chainOf, flatten, organisationTree, subtreeIds } from "./organisation-tree.ts";

const org = (id: string, name: string, parentId: string | null = null): api.Organisation => ({
  id,
  name,
  parentId,
  code: id.toUpperCase(),
  kind: "unit",
  createdAt: "",
  updatedAt: "",
  version: 1,
});

const LIST = [
  org("mli", "République du Mali"),
  org("mmg", "Ministère des Mines", "mli"),
  org("maeci", "Ministère des Affaires étrangères", "mli"),
  org("cps", "CPS/SCI", "maeci"),
  org("bm", "Banque mondiale"),
  org("lost", "Unité orpheline", "gone"),
];

describe("the organisation tree", () => {
  it("nests children under their parent, each level by name, orphans as roots", () => {
    const tree = organisationTree(LIST, "fr");
    expect(tree.map((n) => n.organisation.id)).toEqual(["bm", "mli", "lost"]);
    expect(flatten(tree).map((n) => `${n.depth}:${n.organisation.id}`)).toEqual(["0:bm", "0:mli", "1:maeci", "2:cps", "1:mmg", "0:lost"]);
  });

  it("gives each organisation's ancestors nearest first, and what lies under it", () => {
    expect(chainOf(LIST, "cps")).toEqual(["cps", "maeci", "mli"]);
    expect(chainOf(LIST, "lost")).toEqual(["lost"]);
    expect([...subtreeIds(LIST, "mli")].sort()).toEqual(["cps", "maeci", "mli", "mmg"]);
  });

  it("survives a cycle written by hand in the database", () => {
    const cycle = [org("a", "A", "b"), org("b", "B", "a")];
    expect(chainOf(cycle, "a")).toEqual(["a", "b"]);
    expect(flatten(organisationTree(cycle, "fr"))).toEqual([]);
  });
});
