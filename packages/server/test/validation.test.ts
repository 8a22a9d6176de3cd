// Bad input gets a clear error naming the field, in the user's language
// (French by default, English with Accept-Language: en), and nothing is
// written: every rejected request leaves every table, the audit log included,
// exactly as it was.
import type { api } from "@baara/core";
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.ts";
import { type ApiError, call, createTestApp, type FieldProblem, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeNode, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";

interface Request {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface Expected {
  status: number;
  /** Top-level error code; any string when omitted. */
  code?: string;
  /** The field a detail must name, and the top-level message too. */
  field?: string;
  /** The code of that detail. */
  fieldCode?: string;
}

const MISSING = "00000000-0000-4000-8000-000000000000";
const V1 = "/api/v1";

/** The body of an error response, checked against {"error":{"code","message","details"}}. */
function errorOf(response: LightMyRequestResponse, status: number): ApiError {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { error: ApiError };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error.code).toBe("string");
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  if (body.error.details !== undefined && Array.isArray(body.error.details)) {
    for (const detail of body.error.details) {
      expect(detail).toEqual({
        field: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
      });
    }
  }
  return body.error;
}

function fieldProblems(error: ApiError): FieldProblem[] {
  expect(Array.isArray(error.details), JSON.stringify(error)).toBe(true);
  return error.details as FieldProblem[];
}

describe.each(databaseKinds)("request validation on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let organisationId: string;
  /** An XOF project with a work plan, an activity and one budget line. */
  let xof: { projectId: string; nodeId: string; workplanId: string; activityId: string; lineId: string };
  /** A USD project with a work plan and an activity. */
  let usd: { projectId: string; workplanId: string; activityId: string; lineId: string };
  /** Another project of the same organisation, with a results node and a plan. */
  let other: { projectId: string; nodeId: string; workplanId: string; activityId: string };

  /** Row counts of every table a rejected request could touch. */
  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await queryRows<Record<string, number>>(
      ctx.database.db,
      sql`select
        (select count(*) from projects)::int as projects,
        (select count(*) from project_partners)::int as project_partners,
        (select count(*) from result_nodes)::int as result_nodes,
        (select count(*) from workplans)::int as workplans,
        (select count(*) from workplan_declared_totals)::int as declared_totals,
        (select count(*) from workplan_steps)::int as workplan_steps,
        (select count(*) from activities)::int as activities,
        (select count(*) from budget_lines)::int as budget_lines,
        (select count(*) from audit_log)::int as audit_log`,
    );
    if (!row) throw new Error("no counts");
    return row;
  }

  /** Versions and amounts of the rows the rejected updates aim at: an update that is refused changes none. */
  async function rowStates(): Promise<unknown[]> {
    return queryRows(
      ctx.database.db,
      sql`select 'p' as t, id::text, version, currency::text as v from projects
          union all select 'w', id::text, version, coalesce(declared_total::text, '') || title from workplans
          union all select 'a', id::text, version, title from activities
          union all select 'l', id::text, version, coalesce(amount::text, '') || '|' || coalesce(quantity::text, '') from budget_lines
          order by 1, 2`,
    );
  }

  /**
   * Sends `request` in French (default) then in English and checks both are
   * refused the same way, name the field, and write nothing.
   */
  async function reject(request: Request, expected: Expected): Promise<{ fr: ApiError; en: ApiError }> {
    const counts = await rowCounts();
    const states = await rowStates();
    const frResponse = await call(ctx.app, manager, request);
    const enResponse = await call(ctx.app, manager, {
      ...request,
      headers: { ...request.headers, "accept-language": "en" },
    });
    expect(await rowCounts()).toEqual(counts);
    expect(await rowStates()).toEqual(states);

    const fr = errorOf(frResponse, expected.status);
    const en = errorOf(enResponse, expected.status);
    expect(en.code).toBe(fr.code);
    if (expected.code) expect(fr.code).toBe(expected.code);
    // The message is translated, not the same text for everyone.
    expect(fr.message).not.toBe(en.message);
    if (expected.field) {
      for (const [error, head] of [
        [fr, "Données invalides."],
        [en, "Invalid data."],
      ] as const) {
        expect(error.message.startsWith(head), error.message).toBe(true);
        expect(error.message).toContain(expected.field);
        const problems = fieldProblems(error);
        const problem = problems.find((p) => p.field === expected.field);
        expect(problem, `no detail for ${expected.field} in ${JSON.stringify(problems)}`).toBeDefined();
        if (expected.fieldCode) expect(problem?.code).toBe(expected.fieldCode);
      }
      const frProblem = fieldProblems(fr).find((p) => p.field === expected.field);
      const enProblem = fieldProblems(en).find((p) => p.field === expected.field);
      expect(frProblem?.message).not.toBe(enProblem?.message);
    }
    return { fr, en };
  }

  async function created<T>(request: Request): Promise<T> {
    const response = await call(ctx.app, manager, request);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as T;
  }

  async function planWithActivity(projectId: string, line: Record<string, unknown>) {
    const plan = await created<api.Workplan>({
      method: "POST",
      url: `${V1}/projects/${projectId}/workplans`,
      payload: { year: 2024 },
    });
    const activity = await created<api.Activity>({
      method: "POST",
      url: `${V1}/workplans/${plan.id}/activities`,
      payload: { title: "Atelier de validation", budgetLines: [line] },
    });
    const [first] = activity.budgetLines;
    if (!first) throw new Error("no budget line");
    return { workplanId: plan.id, activityId: activity.id, lineId: first.id };
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    organisationId = organisation.id;
    const user = await makeUser(db);
    await grant(db, user.id, "manager", { organisationId });
    manager = await login(ctx.app, user.email, PASSWORD);

    const xofProject = await makeProject(db, { organisationId, currency: "XOF" });
    const xofNode = await makeNode(db, { projectId: xofProject.id, code: "A" });
    xof = {
      projectId: xofProject.id,
      nodeId: xofNode.id,
      ...(await planWithActivity(xofProject.id, { quantity: "3", unitCost: "1000" })),
    };
    const usdProject = await makeProject(db, { organisationId, currency: "USD" });
    usd = { projectId: usdProject.id, ...(await planWithActivity(usdProject.id, { amount: "100.50" })) };
    const otherProject = await makeProject(db, { organisationId, currency: "XOF" });
    const otherNode = await makeNode(db, { projectId: otherProject.id, code: "Z" });
    const otherPlan = await planWithActivity(otherProject.id, { amount: "1" });
    other = {
      projectId: otherProject.id,
      nodeId: otherNode.id,
      workplanId: otherPlan.workplanId,
      activityId: otherPlan.activityId,
    };
  });
  afterAll(() => ctx.close());

  describe("wrong types and missing fields", () => {
    it("refuses a string for year, naming year", async () => {
      await reject(
        { method: "POST", url: `${V1}/projects/${xof.projectId}/workplans`, payload: { year: "2025" } },
        { status: 400, code: "VALIDATION_ERROR", field: "year", fieldCode: "invalid_type" },
      );
    });

    it("refuses a number for title, naming title", async () => {
      const { fr, en } = await reject(
        { method: "POST", url: `${V1}/workplans/${xof.workplanId}/activities`, payload: { title: 42 } },
        { status: 400, code: "VALIDATION_ERROR", field: "title", fieldCode: "invalid_type" },
      );
      expect(fr.message).toMatch(/chaîne/);
      expect(en.message).toMatch(/string/);
      await reject(
        { method: "PATCH", url: `${V1}/workplans/${xof.workplanId}`, payload: { version: 1, title: 42 } },
        { status: 400, code: "VALIDATION_ERROR", field: "title", fieldCode: "invalid_type" },
      );
    });

    it("refuses a missing required field, naming it", async () => {
      await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { code: "A.1", budgetLines: [{ amount: "1000" }] },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "title" },
      );
      await reject(
        { method: "POST", url: `${V1}/projects/${xof.projectId}/workplans`, payload: { title: "PTBA" } },
        { status: 400, code: "VALIDATION_ERROR", field: "year" },
      );
      await reject(
        { method: "PATCH", url: `${V1}/budget-lines/${xof.lineId}`, payload: { amount: "1000" } },
        { status: 400, code: "VALIDATION_ERROR", field: "version" },
      );
      await reject(
        {
          method: "POST",
          url: `${V1}/projects`,
          payload: { code: "NEW-1", title: "Nouveau", organisationId, currency: "XOF" },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "levelLabels" },
      );
    });

    it("refuses a blank title as missing", async () => {
      await reject(
        { method: "POST", url: `${V1}/workplans/${xof.workplanId}/activities`, payload: { title: "   " } },
        { status: 400, code: "VALIDATION_ERROR", field: "title" },
      );
    });
  });

  describe("unknown ids", () => {
    it("answers 404 for a missing work plan, activity, budget line or project", async () => {
      const plan = await reject(
        { method: "POST", url: `${V1}/workplans/${MISSING}/activities`, payload: { title: "Activité" } },
        { status: 404, code: "NOT_FOUND" },
      );
      expect(plan.fr.message).toBe("Plan de travail introuvable.");
      expect(plan.en.message).toBe("Work plan not found.");

      const activity = await reject(
        { method: "PATCH", url: `${V1}/activities/${MISSING}`, payload: { version: 1, title: "Autre" } },
        { status: 404, code: "NOT_FOUND" },
      );
      expect(activity.fr.message).toBe("Activité introuvable.");
      expect(activity.en.message).toBe("Activity not found.");

      const line = await reject(
        { method: "PATCH", url: `${V1}/budget-lines/${MISSING}`, payload: { version: 1, amount: "5" } },
        { status: 404, code: "NOT_FOUND" },
      );
      expect(line.fr.message).toBe("Ligne budgétaire introuvable.");

      const project = await reject(
        { method: "POST", url: `${V1}/projects/${MISSING}/workplans`, payload: { year: 2024 } },
        { status: 404, code: "NOT_FOUND" },
      );
      expect(project.fr.message).toBe("Projet introuvable.");
      expect(project.en.message).toBe("Project not found.");
    });

    it("refuses a results node of another project, naming resultNodeId, on create and update", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", resultNodeId: other.nodeId, budgetLines: [{ amount: "1000" }] },
        },
        { status: 422, code: "INVALID_FIELDS", field: "resultNodeId", fieldCode: "NODE_OTHER_PROJECT" },
      );
      expect(fr.message).toContain("autre projet");
      expect(en.message).toContain("another project");
      await reject(
        {
          method: "PATCH",
          url: `${V1}/activities/${xof.activityId}`,
          payload: { version: 1, resultNodeId: other.nodeId },
        },
        { status: 422, code: "INVALID_FIELDS", field: "resultNodeId", fieldCode: "NODE_OTHER_PROJECT" },
      );
    });

    it("refuses a results node that does not exist, saying it was not found (not 'another project')", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", resultNodeId: MISSING },
        },
        { status: 422, code: "INVALID_FIELDS", field: "resultNodeId", fieldCode: "NOT_FOUND" },
      );
      expect(fr.message).not.toContain("autre projet");
      expect(en.message).not.toContain("another project");
    });

    it("refuses a declared sub-total on a node of another project, naming nodeId", async () => {
      await reject(
        {
          method: "PUT",
          url: `${V1}/workplans/${xof.workplanId}/declared-totals`,
          payload: { nodeId: other.nodeId, amount: "1000" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "nodeId", fieldCode: "NODE_OTHER_PROJECT" },
      );
    });

    it("refuses to copy a plan of another project, naming copyFromId", async () => {
      await reject(
        {
          method: "POST",
          url: `${V1}/projects/${xof.projectId}/workplans`,
          payload: { year: 2025, copyFromId: other.workplanId },
        },
        { status: 422, code: "INVALID_FIELDS", field: "copyFromId", fieldCode: "NOT_FOUND" },
      );
    });

    it("refuses an activity continuing an activity that does not exist or is another project's", async () => {
      for (const continuesActivityId of [MISSING, other.activityId]) {
        await reject(
          {
            method: "POST",
            url: `${V1}/workplans/${xof.workplanId}/activities`,
            payload: { title: "Suite", continuesActivityId },
          },
          { status: 422, code: "INVALID_FIELDS", field: "continuesActivityId" },
        );
      }
    });

    it("refuses a malformed uuid in the path, naming it", async () => {
      const { fr } = await reject(
        { method: "GET", url: `${V1}/workplans/not-a-uuid` },
        { status: 400, code: "VALIDATION_ERROR", field: "params.id" },
      );
      expect(fr.message).toContain("UUID");
      await reject(
        { method: "PATCH", url: `${V1}/activities/1234`, payload: { version: 1, title: "X" } },
        { status: 400, code: "VALIDATION_ERROR", field: "params.id" },
      );
    });
  });

  describe("amounts and quantities", () => {
    it("refuses a negative quantity and a negative amount, naming both fields", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: {
            title: "Activité",
            budgetLines: [{ quantity: "-2", unitCost: "1000", amount: "-2000" }],
          },
        },
        {
          status: 400,
          code: "VALIDATION_ERROR",
          field: "budgetLines.0.quantity",
          fieldCode: "QUANTITY_INVALID",
        },
      );
      for (const error of [fr, en]) {
        expect(fieldProblems(error).find((p) => p.field === "budgetLines.0.amount")?.code).toBe(
          "AMOUNT_NEGATIVE",
        );
      }
      expect(fieldProblems(fr).find((p) => p.field === "budgetLines.0.amount")?.message).toBe(
        "Le montant ne peut pas être négatif.",
      );
      expect(fieldProblems(en).find((p) => p.field === "budgetLines.0.amount")?.message).toBe(
        "The amount cannot be negative.",
      );
      await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: "-2000" }] },
        },
        {
          status: 400,
          code: "VALIDATION_ERROR",
          field: "budgetLines.0.amount",
          fieldCode: "AMOUNT_NEGATIVE",
        },
      );
      await reject(
        { method: "PATCH", url: `${V1}/budget-lines/${xof.lineId}`, payload: { version: 1, unitCost: "-1" } },
        { status: 400, code: "VALIDATION_ERROR", field: "unitCost", fieldCode: "AMOUNT_NEGATIVE" },
      );
    });

    it("refuses decimals in an XOF project (100.123 and 12.5), naming the field", async () => {
      for (const amount of ["100.123", "12.5"]) {
        const { fr, en } = await reject(
          {
            method: "POST",
            url: `${V1}/workplans/${xof.workplanId}/activities`,
            payload: { title: "Activité", budgetLines: [{ amount: "1000" }, { amount }] },
          },
          {
            status: 422,
            code: "INVALID_FIELDS",
            field: "budgetLines.1.amount",
            fieldCode: "AMOUNT_NO_DECIMALS",
          },
        );
        expect(fr.message).toContain("budgetLines.1.amount");
        expect(fr.message).toContain("XOF");
        expect(en.message).toContain("XOF");
      }
      await reject(
        {
          method: "PATCH",
          url: `${V1}/budget-lines/${xof.lineId}`,
          payload: { version: 1, unitCost: "999.5" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "unitCost", fieldCode: "AMOUNT_NO_DECIMALS" },
      );
      await reject(
        {
          method: "PATCH",
          url: `${V1}/workplans/${xof.workplanId}`,
          payload: { version: 1, declaredTotal: "10.5" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "declaredTotal", fieldCode: "AMOUNT_NO_DECIMALS" },
      );
      await reject(
        {
          method: "PUT",
          url: `${V1}/workplans/${xof.workplanId}/declared-totals`,
          payload: { nodeId: xof.nodeId, amount: "3000.25" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "amount", fieldCode: "AMOUNT_NO_DECIMALS" },
      );
      await reject(
        {
          method: "POST",
          url: `${V1}/projects/${xof.projectId}/workplans`,
          payload: { year: 2030, declaredTotal: "1.5" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "declaredTotal", fieldCode: "AMOUNT_NO_DECIMALS" },
      );
    });

    it("accepts cents in a USD project and echoes them canonically", async () => {
      const response = await call(ctx.app, manager, {
        method: "POST",
        url: `${V1}/workplans/${usd.workplanId}/activities`,
        payload: {
          title: "Appui aux comités",
          budgetLines: [
            { amount: "1699285.76" },
            { amount: "1699285.7" },
            { quantity: "2.5", unitCost: "12.5" },
            { amount: "15.000" },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const activity = response.json() as api.Activity;
      expect(activity.budgetLines.map((l) => l.amount)).toEqual(["1699285.76", "1699285.70", null, "15.00"]);
      expect(activity.budgetLines[2]).toMatchObject({
        quantity: "2.5",
        unitCost: "12.50",
        computedAmount: "31.25",
      });
      expect(activity.total).toBe("3398617.71");
      const read = await call(ctx.app, manager, { method: "GET", url: `${V1}/activities/${activity.id}` });
      expect((read.json() as api.Activity).budgetLines[0]?.amount).toBe("1699285.76");
    });

    it("refuses three decimals in a USD project, naming the field", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${usd.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: "1699285.765" }] },
        },
        {
          status: 422,
          code: "INVALID_FIELDS",
          field: "budgetLines.0.amount",
          fieldCode: "AMOUNT_PRECISION",
        },
      );
      expect(fr.message).toContain("USD");
      expect(en.message).toContain("2 decimal");
      await reject(
        {
          method: "PATCH",
          url: `${V1}/budget-lines/${usd.lineId}`,
          payload: { version: 1, amount: "100.505" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "amount", fieldCode: "AMOUNT_PRECISION" },
      );
    });

    it("refuses a budget line in a currency the project does not use, naming the field", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${usd.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: "1000", currency: "XOF" }] },
        },
        {
          status: 422,
          code: "INVALID_FIELDS",
          field: "budgetLines.0.currency",
          fieldCode: "CURRENCY_MISMATCH",
        },
      );
      expect(fr.message).toContain("Le projet est en USD");
      expect(en.message).toContain("The project uses USD");
      await reject(
        {
          method: "PATCH",
          url: `${V1}/budget-lines/${usd.lineId}`,
          payload: { version: 1, amount: "5", currency: "EUR" },
        },
        { status: 422, code: "INVALID_FIELDS", field: "currency", fieldCode: "CURRENCY_MISMATCH" },
      );
      const same = await call(ctx.app, manager, {
        method: "POST",
        url: `${V1}/activities/${usd.activityId}/budget-lines`,
        payload: { amount: "12.50", currency: "USD" },
      });
      expect(same.statusCode).toBe(201);
      expect(same.json()).toMatchObject({ amount: "12.50" });
      await call(ctx.app, manager, { method: "DELETE", url: `${V1}/budget-lines/${same.json().id}` });
    });

    it("refuses an amount that is not a decimal number", async () => {
      for (const amount of ["1e5", "12,5", "abc", "1 000"]) {
        await reject(
          {
            method: "POST",
            url: `${V1}/workplans/${xof.workplanId}/activities`,
            payload: { title: "Activité", budgetLines: [{ amount }] },
          },
          {
            status: 400,
            code: "VALIDATION_ERROR",
            field: "budgetLines.0.amount",
            fieldCode: "AMOUNT_FORMAT",
          },
        );
      }
      await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: 1000 }] },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "budgetLines.0.amount", fieldCode: "invalid_type" },
      );
    });

    it("refuses quantity × unit cost beyond what can be counted exactly, naming the line, and writes nothing", async () => {
      const huge = { quantity: "999999999999", unitCost: "9007199254740991" };
      const create = await call(ctx.app, manager, {
        method: "POST",
        url: `${V1}/workplans/${xof.workplanId}/activities`,
        payload: { title: "Activité", budgetLines: [huge] },
      });
      expect(create.statusCode, create.body).toBe(422);
      const createError = errorOf(create, 422);
      expect(fieldProblems(createError).some((p) => p.field.startsWith("budgetLines.0."))).toBe(true);
      expect(createError.message).toContain("budgetLines.0.");

      const before = await rowCounts();
      const states = await rowStates();
      const update = await call(ctx.app, manager, {
        method: "PATCH",
        url: `${V1}/budget-lines/${xof.lineId}`,
        payload: { version: 1, ...huge },
      });
      expect(update.statusCode, update.body).toBe(422);
      expect(await rowCounts()).toEqual(before);
      expect(await rowStates()).toEqual(states);
      // The plan stays readable.
      const read = await call(ctx.app, manager, { method: "GET", url: `${V1}/activities/${xof.activityId}` });
      expect(read.statusCode, read.body).toBe(200);
      const summary = await call(ctx.app, manager, {
        method: "GET",
        url: `${V1}/workplans/${xof.workplanId}/summary`,
      });
      expect(summary.statusCode, summary.body).toBe(200);
    });

    it("refuses a gender share above 100 % with a readable message, not a regular expression", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: "1000", genderSharePercent: "150" }] },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "budgetLines.0.genderSharePercent" },
      );
      for (const error of [fr, en]) {
        expect(error.message).not.toMatch(/[\\^$]|\/\^/);
      }
    });
  });

  describe("other fields", () => {
    it("refuses a month 13, naming the month", async () => {
      const { fr } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", months: [1, 2, 13] },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "months.2", fieldCode: "too_big" },
      );
      expect(fr.message).toContain("12");
      await reject(
        { method: "PATCH", url: `${V1}/activities/${xof.activityId}`, payload: { version: 1, months: [13] } },
        { status: 400, code: "VALIDATION_ERROR", field: "months.0" },
      );
    });

    it("refuses a code that is too long, naming it", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", code: "A".repeat(41) },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "code", fieldCode: "too_big" },
      );
      expect(fr.message).toContain("40");
      expect(en.message).toContain("40");
      await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", budgetLines: [{ amount: "1", accountCode: "6".repeat(41) }] },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "budgetLines.0.accountCode", fieldCode: "too_big" },
      );
      await reject(
        {
          method: "POST",
          url: `${V1}/projects`,
          payload: {
            code: "P".repeat(61),
            title: "Nouveau",
            organisationId,
            currency: "XOF",
            levelLabels: ["Composante"],
          },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "code", fieldCode: "too_big" },
      );
    });

    it("refuses an impossible date, naming it", async () => {
      await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: { title: "Activité", deadline: "2024-02-30" },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "deadline" },
      );
    });

    it("refuses a currency the application does not know on project create", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/projects`,
          payload: {
            code: "NEW-CUR",
            title: "Nouveau",
            organisationId,
            currency: "ABC",
            levelLabels: ["Résultat"],
          },
        },
        { status: 400, code: "VALIDATION_ERROR", field: "currency" },
      );
      expect(fr.message).toContain("XOF");
      expect(en.message).toContain("XOF");
    });

    it("refuses to change the currency of a project that has budget lines (CURRENCY_LOCKED)", async () => {
      const { fr, en } = await reject(
        { method: "PATCH", url: `${V1}/projects/${xof.projectId}`, payload: { version: 1, currency: "EUR" } },
        { status: 422, code: "INVALID_FIELDS", field: "currency", fieldCode: "CURRENCY_LOCKED" },
      );
      expect(fr.message).toContain("La devise ne peut plus changer");
      expect(en.message).toContain("can no longer change");

      // Without budget lines the currency may still change.
      const empty = await makeProject(ctx.database.db, { organisationId, currency: "XOF" });
      const response = await call(ctx.app, manager, {
        method: "PATCH",
        url: `${V1}/projects/${empty.id}`,
        payload: { version: 1, currency: "EUR" },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect((response.json() as api.Project).currency).toBe("EUR");
    });

    it("refuses a body that is not valid JSON, in the user's language", async () => {
      const { fr, en } = await reject(
        {
          method: "POST",
          url: `${V1}/workplans/${xof.workplanId}/activities`,
          payload: "{\"title\": \"Activité\", ",
          headers: { "content-type": "application/json" },
        },
        { status: 400 },
      );
      expect(fr.message).toContain("JSON");
      expect(en.message).toContain("JSON");
    });

    it("refuses a missing body, naming it", async () => {
      await reject(
        { method: "POST", url: `${V1}/workplans/${xof.workplanId}/activities` },
        { status: 400, code: "VALIDATION_ERROR", field: "body" },
      );
    });
  });
});
