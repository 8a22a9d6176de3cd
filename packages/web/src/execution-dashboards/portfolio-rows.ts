// The portfolio's execution table as rows: each organisation (its subtotal),
// then its own projects, then its sub-organisations, depth first; siblings in
// the server's order (names, codes) or by a rate, highest first.
import type { api } from "@baara/core";
import { PORTFOLIO_RATES, rateOf, type Series } from "./rates.ts";

type View = api.PortfolioExecution;
export type ProjectItem = View["projects"][number];
export type OrganisationItem = View["organisations"][number];
export type SortKey = "tree" | Series;
export type Row =
  | { kind: "organisation"; level: number; organisation: OrganisationItem }
  | { kind: "project"; level: number; project: ProjectItem };

/** A roll-up's rate for sorting: its money rates only when all its plans share one currency. */
function rollUpRate(item: Pick<OrganisationItem, "physical" | "financial">, series: Series): number | null {
  if (series === "physical") return item.physical.rate === null ? null : Number(item.physical.rate);
  const [only, ...others] = item.financial;
  const rate = only && others.length === 0 ? only.rates[PORTFOLIO_RATES[series]] : null;
  return rate === null || rate === undefined ? null : Number(rate);
}

function projectRate(project: ProjectItem, series: Series): number | null {
  const rate = rateOf(project, PORTFOLIO_RATES[series]);
  return rate === null ? null : Number(rate);
}

/** Highest first, those without a rate last; the given order otherwise. */
function byRate<T>(items: T[], rate: (item: T) => number | null): T[] {
  return items
    .map((item, index) => ({ item, index, rate: rate(item) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.index - b.index)
    .map((e) => e.item);
}

export function portfolioRows(view: View, sort: SortKey): Row[] {
  const ids = new Set(view.organisations.map((o) => o.organisationId));
  const children = new Map<string | null, OrganisationItem[]>();
  for (const o of view.organisations) {
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const projectsOf = new Map<string, ProjectItem[]>();
  for (const p of view.projects) projectsOf.set(p.organisationId, [...(projectsOf.get(p.organisationId) ?? []), p]);
  const order = <T>(items: T[], rate: (item: T, series: Series) => number | null) =>
    sort === "tree" ? items : byRate(items, (item) => rate(item, sort));

  const rows: Row[] = [];
  const walk = (organisation: OrganisationItem) => {
    rows.push({ kind: "organisation", level: organisation.level, organisation });
    for (const project of order(projectsOf.get(organisation.organisationId) ?? [], projectRate)) {
      rows.push({ kind: "project", level: organisation.level + 1, project });
    }
    for (const child of order(children.get(organisation.organisationId) ?? [], rollUpRate)) walk(child);
  };
  for (const root of order(children.get(null) ?? [], rollUpRate)) walk(root);
  return rows;
}
