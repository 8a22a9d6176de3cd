import { describe, expect, it } from "vitest";
import { portfolioRows, type OrganisationItem, type ProjectItem } from "./portfolio-rows.ts";

const rates = (committed: string | null) =>
  Object.fromEntries(["committedOfBudget", "paidOfBudget"].map((k) => [k, committed])) as OrganisationItem["financial"][number]["rates"];
const physical = (rate: string | null) => ({ planned: 10, done: 5, cancelled: 0, rate, byBudget: null, averageProgress: null });
const financial = (currency: string, committed: string | null) => ({
  currency,
  plans: 1,
  budget: "100",
  allocated: null,
  notified: null,
  paymentCredit: null,
  disbursed: null,
  committed: "0",
  liquidated: "0",
  paid: "0",
  rates: rates(committed),
});
const organisation = (id: string, parentId: string | null, level: number, rate: string | null, currencies = ["XOF"]): OrganisationItem => ({
  organisationId: id,
  parentId,
  code: id,
  name: id,
  level,
  plans: 1,
  physical: physical(rate),
  financial: currencies.map((c) => financial(c, rate)),
});
const project = (code: string, organisationId: string, rate: string | null): ProjectItem => ({
  year: 2023,
  workplanId: code,
  planVersion: 1,
  status: "approved",
  projectId: code,
  code,
  title: code,
  organisationId,
  organisationName: organisationId,
  currency: "XOF",
  physical: physical(rate),
  financial: financial("XOF", rate),
});

const view = {
  year: 2023,
  years: [2023],
  organisations: [
    organisation("MLI", null, 0, "40.00", ["USD", "XOF"]),
    organisation("MAECI", "MLI", 1, "30.00"),
    organisation("MMG", "MLI", 1, "60.00"),
    organisation("DONOR", null, 0, "90.00"),
  ],
  projects: [project("P1", "MAECI", "10.00"), project("P2", "MAECI", "50.00"), project("P3", "MMG", null), project("P4", "MLI", "20.00")],
  total: { plans: 4, physical: physical("40.00"), financial: [] },
};
const names = (rows: ReturnType<typeof portfolioRows>) =>
  rows.map((r) => (r.kind === "organisation" ? `${"  ".repeat(r.level)}${r.organisation.code}` : `${"  ".repeat(r.level)}${r.project.code}`));

describe("portfolioRows", () => {
  it("lays out organisations depth first, each with its own projects before its sub-organisations", () => {
    expect(names(portfolioRows(view, "tree"))).toEqual(["MLI", "  P4", "  MAECI", "    P1", "    P2", "  MMG", "    P3", "DONOR"]);
  });

  it("sorts siblings by a rate, highest first, those without one last", () => {
    expect(names(portfolioRows(view, "physical"))).toEqual(["DONOR", "MLI", "  P4", "  MMG", "    P3", "  MAECI", "    P2", "    P1"]);
  });

  it("sorts a roll-up of several currencies after the others on a money rate", () => {
    // MLI holds USD and XOF plans: its committed rate has no single value.
    expect(names(portfolioRows(view, "committed")).filter((n) => !n.startsWith(" "))).toEqual(["DONOR", "MLI"]);
    expect(names(portfolioRows({ ...view, organisations: [view.organisations[0]!, organisation("X", null, 0, "1.00")] }, "committed"))
      .filter((n) => !n.startsWith(" "))).toEqual(["X", "MLI"]);
  });
});
