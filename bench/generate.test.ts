// The bench's data set: the same seed gives the same portfolio, the generated
// plans hold together (amounts are quantity × unit cost, codes are unique), the
// loader writes exactly the model through the app's writers, and the import's
// file reads back as the model it was written from.
import { lineAmount, parseAmount, parseQuantity } from "@baara/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../packages/server/src/db/client.ts";
import { interpretFile } from "../packages/server/src/imports/interpret-file.ts";
import {
  generateDirectory,
  generatePlanContent,
  generateProject,
  type GeneratedProject,
  type Scale,
  SMALL_SCALE,
} from "./generate.ts";
import { loadPortfolio } from "./load.ts";
import { planWorkbook } from "./workbooks.ts";

function portfolio(seed: number, scale: Scale): GeneratedProject[] {
  const directory = generateDirectory(seed, scale);
  return Array.from({ length: scale.projects }, (_, i) => generateProject(seed, scale, i, directory));
}

describe("the bench's generator", () => {
  it("gives the same portfolio for the same seed, and another for another seed", () => {
    expect(generateDirectory(3, SMALL_SCALE)).toEqual(generateDirectory(3, SMALL_SCALE));
    expect(JSON.stringify(portfolio(3, SMALL_SCALE))).toBe(JSON.stringify(portfolio(3, SMALL_SCALE)));
    expect(JSON.stringify(portfolio(4, SMALL_SCALE))).not.toBe(JSON.stringify(portfolio(3, SMALL_SCALE)));
  });

  it("makes a few large projects and many small ones, with amounts equal to quantity × unit cost", () => {
    const projects = portfolio(5, { ...SMALL_SCALE, projects: 20, largestPlanLines: 400 });
    const lines = projects.map((p) => p.plans[0]?.versions[0].lines.length ?? 0);
    expect(lines[0]).toBeGreaterThan(300);
    expect(lines.filter((n) => n < 60).length).toBeGreaterThan(10);
    for (const project of projects) {
      for (const plan of project.plans) {
        for (const version of plan.versions) {
          const codes = version.activities.map((a) => a.code);
          expect(new Set(codes).size).toBe(codes.length);
          const keys = new Set(version.activities.map((a) => a.key));
          for (const line of version.lines) {
            expect(keys.has(line.activityKey)).toBe(true);
            const cost = parseAmount(line.unitCost ?? "", project.currency);
            const quantity = parseQuantity(line.quantity ?? "");
            const amount = parseAmount(line.amount ?? "", project.currency);
            if (!cost.ok || !quantity.ok || !amount.ok) throw new Error(`line ${line.key} is not well formed`);
            expect(lineAmount(cost.value, quantity.value)).toBe(amount.value);
          }
        }
      }
    }
  });

  it("writes exactly the model into the database, with the version in force executed", async () => {
    const database = await openDatabase({ memory: true });
    try {
      await database.migrate();
      const { counts } = await loadPortfolio(database.db, 9, SMALL_SCALE);
      const model = portfolio(9, SMALL_SCALE);
      const plans = model.flatMap((p) => p.plans.map((plan) => ({ project: p, plan })));
      expect(counts).toMatchObject({
        projects: SMALL_SCALE.projects,
        workplans: plans.length * 2,
        lines: plans.reduce((n, { plan }) => n + plan.versions[0].lines.length + plan.versions[1].lines.length, 0),
        transactions: plans.reduce((n, { plan }) => n + plan.transactions.length, 0),
      });
      const minor = (amount: string, currency: "XOF" | "USD") => {
        const parsed = parseAmount(amount, currency);
        if (!parsed.ok) throw new Error(`${amount} is not an amount`);
        return parsed.value;
      };
      const stored = await queryRows<{
        code: string;
        currency: "XOF" | "USD";
        year: number;
        plan_version: number;
        status: string;
        total: string;
      }>(
        database.db,
        sql`select p.code, p.currency, w.year, w.plan_version, w.status, w.total_computed::text as total
            from workplans w join projects p on p.id = w.project_id order by p.code, w.year, w.plan_version`,
      );
      const expected = plans
        .flatMap(({ project, plan }) =>
          plan.versions.map((version, i) => ({
            code: project.code,
            year: plan.year,
            planVersion: i + 1,
            status: i === 0 ? "approved" : plan.inForce === 2 ? "endorsed" : "draft",
            total: version.lines.reduce((sum, l) => sum + minor(l.amount ?? "0", project.currency), 0),
          })),
        )
        .sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year || a.planVersion - b.planVersion);
      expect(
        stored.map((s) => ({
          code: s.code,
          year: s.year,
          planVersion: s.plan_version,
          status: s.status,
          total: minor(s.total, s.currency),
        })),
      ).toEqual(expected);
      const [executed] = await queryRows<{ paid: string; payments: string }>(
        database.db,
        sql`select (select coalesce(sum(paid), 0)::text from plan_executions) as paid,
                   (select coalesce(sum(amount), 0)::text from execution_transactions where stage = 'payment') as payments`,
      );
      expect(Number(executed?.paid)).toBe(Number(executed?.payments));
    } finally {
      await database.close();
    }
  });

  it("writes an import file that the import reads back as the model", async () => {
    const content = generatePlanContent(2, 300, "XOF", 2027);
    const { plan } = await interpretFile(await planWorkbook(content, 2027, 300), { year: 2027, currency: "XOF" });
    expect(plan.issues).toEqual([]);
    // The sheet lists activities under their result, the model in the order it drew them: compared as sets.
    const linesOf = (p: {
      activities: { key: string; code: string | null; title: string }[];
      lines: { activityKey: string; amount: string | null }[];
    }) => {
      const code = new Map(p.activities.map((a) => [a.key, a.code]));
      return p.lines.map((l) => `${code.get(l.activityKey)} ${l.amount}`).sort();
    };
    expect(linesOf(plan)).toEqual(linesOf(content));
    expect(plan.activities.map((a) => `${a.code} ${a.title}`).sort()).toEqual(
      content.activities.map((a) => `${a.code} ${a.title}`).sort(),
    );
    expect(plan.nodes.map((n) => n.code)).toEqual(content.nodes.map((n) => n.code));
  });
});
