// One current plan per project-year: once a later version is approved, the
// earlier ones are superseded. They stay readable, say which version replaced
// them, refuse every edit and workflow step (409 PLAN_SUPERSEDED, nothing
// written), and a superseded draft may still be deleted. Returning the
// approved version to draft reopens them. Titles carry no version number.
import type { api } from "@baara/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";
import { importPlan } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";

const V1 = "/api/v1";
type Plan = api.Workplan;

describe("one current plan per project-year", () => {
  let ctx: TestContext;
  let editor: Session;
  let approver: Session;
  let projectId: string;

  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    const { db } = ctx.database;
    const organisationId = (await makeOrganisation(db)).id;
    const people = { editor: await makeUser(db), approver: await makeUser(db) };
    await grant(db, people.editor.id, "editor", { organisationId });
    await grant(db, people.approver.id, "approver", { organisationId });
    projectId = (await makeProject(db, { organisationId })).id;
    editor = await login(ctx.app, people.editor.email, PASSWORD);
    approver = await login(ctx.app, people.approver.email, PASSWORD);
  });
  afterAll(() => ctx.close());

  const ok = async <T>(who: Session, method: string, url: string, payload?: unknown, status = 200): Promise<T> => {
    const response = await call(ctx.app, who, { method, url: `${V1}${url}`, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    return (status === 204 ? null : response.json()) as T;
  };
  const newPlan = (year: number, copyFromId?: string) =>
    ok<Plan>(editor, "POST", `/projects/${projectId}/workplans`, { year, ...(copyFromId ? { copyFromId } : {}) }, 201);
  const step = async (who: Session, plan: Plan, action: string) => {
    const current = await ok<Plan>(who, "GET", `/workplans/${plan.id}`);
    return ok<Plan>(who, "POST", `/workplans/${plan.id}/transitions`, { action, version: current.version });
  };
  const listed = async (year: number) =>
    (await ok<{ items: Plan[] }>(editor, "GET", `/projects/${projectId}/workplans?year=${year}`)).items;

  it("marks the earlier versions of a year superseded once a later one is approved, and refuses to change them", async () => {
    const v1 = await newPlan(2025);
    const activity = await ok<api.Activity>(editor, "POST", `/workplans/${v1.id}/activities`, {
      title: "Atelier de validation",
      budgetLines: [{ description: "Salle", quantity: "2", unitCost: "50000" }],
    }, 201);
    const v2 = await newPlan(2025, v1.id);
    expect([v1.title, v2.title]).toEqual(["PTBA 2025", "PTBA 2025"]);
    expect((await listed(2025)).map((p) => p.versionInForce)).toEqual([null, null]);

    await step(editor, v2, "submit");
    await step(approver, v2, "approve");
    expect((await listed(2025)).map((p) => [p.planVersion, p.versionInForce])).toEqual([[2, 2], [1, 2]]);
    expect((await ok<Plan>(editor, "GET", `/workplans/${v1.id}`)).versionInForce).toBe(2);
    expect((await ok<api.WorkplanSummary>(editor, "GET", `/workplans/${v1.id}/summary`)).workplan.versionInForce).toBe(2);

    const line = activity.budgetLines[0];
    const before = await ok<Plan>(editor, "GET", `/workplans/${v1.id}`);
    const edits = [
      { method: "PATCH", url: `/workplans/${v1.id}`, payload: { title: "Autre titre", version: before.version } },
      { method: "POST", url: `/workplans/${v1.id}/activities`, payload: { title: "Nouvelle" } },
      { method: "PATCH", url: `/activities/${activity.id}`, payload: { title: "Renommée", version: activity.version } },
      { method: "PATCH", url: `/budget-lines/${line?.id}`, payload: { quantity: "3", version: line?.version } },
      { method: "POST", url: `/activities/${activity.id}/budget-lines`, payload: {} },
      { method: "POST", url: `/workplans/${v1.id}/line-edits`, payload: { lines: [{ id: line?.id, version: line?.version, quantity: "4" }] } },
      { method: "POST", url: `/workplans/${v1.id}/transitions`, payload: { action: "submit", version: before.version } },
    ];
    for (const edit of edits) {
      const response = await call(ctx.app, editor, { ...edit, url: `${V1}${edit.url}` });
      expect(response.statusCode, `${edit.method} ${edit.url}`).toBe(409);
      expect(response.json().error).toMatchObject({ code: "PLAN_SUPERSEDED", message: expect.stringContaining("version 2") });
    }
    const after = await ok<Plan>(editor, "GET", `/workplans/${v1.id}`);
    expect(after).toEqual(before);
    const content = await ok<api.WorkplanContent>(editor, "GET", `/workplans/${v1.id}/content`);
    expect(content.activities.map((a) => [a.title, a.budgetLines.map((l) => l.quantity)])).toEqual([["Atelier de validation", ["2"]]]);

    // Tidying up: a superseded draft may be deleted.
    await ok(editor, "DELETE", `/workplans/${v1.id}`, undefined, 204);
  });

  it("refuses to approve or endorse a version older than the one in force", async () => {
    const v1 = await newPlan(2026);
    const v2 = await newPlan(2026, v1.id);
    await step(editor, v1, "submit");
    await step(editor, v2, "submit");
    await step(approver, v2, "approve");
    for (const action of ["approve", "return"]) {
      const current = await ok<Plan>(approver, "GET", `/workplans/${v1.id}`);
      const response = await call(ctx.app, approver, { method: "POST", url: `${V1}/workplans/${v1.id}/transitions`, payload: { action, version: current.version } });
      expect(response.statusCode, action).toBe(409);
      expect(response.json().error.code).toBe("PLAN_SUPERSEDED");
    }
    expect((await ok<Plan>(editor, "GET", `/workplans/${v1.id}`)).status).toBe("submitted");

    // v3 approved: v2, approved before, is superseded in turn and can no longer be endorsed.
    const v3 = await newPlan(2026, v2.id);
    await step(editor, v3, "submit");
    await step(approver, v3, "approve");
    const v2now = await ok<Plan>(approver, "GET", `/workplans/${v2.id}`);
    expect(v2now.versionInForce).toBe(3);
    const endorse = await call(ctx.app, approver, { method: "POST", url: `${V1}/workplans/${v2.id}/transitions`, payload: { action: "endorse", version: v2now.version } });
    expect(endorse.json().error?.code).toBe("PLAN_SUPERSEDED");
    await step(approver, v3, "endorse");
    expect((await listed(2026)).map((p) => [p.planVersion, p.status, p.versionInForce])).toEqual([
      [3, "endorsed", 3],
      [2, "approved", 3],
      [1, "submitted", 3],
    ]);
  });

  it("reopens the earlier drafts when the approved version is returned to draft", async () => {
    const v1 = await newPlan(2027);
    const v2 = await newPlan(2027, v1.id);
    await step(editor, v2, "submit");
    await step(approver, v2, "approve");
    expect((await ok<Plan>(editor, "GET", `/workplans/${v1.id}`)).versionInForce).toBe(2);
    await step(approver, v2, "return");
    const reopened = await ok<Plan>(editor, "GET", `/workplans/${v1.id}`);
    expect(reopened.versionInForce).toBeNull();
    await ok<Plan>(editor, "PATCH", `/workplans/${v1.id}`, { title: "PTBA 2027 révisé", version: reopened.version });
  });

  it("names an imported plan after its file, without a version marker; pasted cells get the default title", async () => {
    const file = { name: "PTBA 2022 v2.txt", bytes: Buffer.from(pgsmSampleText()) };
    const { workplanId } = await importPlan(ctx.app, editor, projectId, file, { year: "2022" });
    expect((await ok<Plan>(editor, "GET", `/workplans/${workplanId}`)).title).toBe("PTBA 2022");
    const pasted = await importPlan(ctx.app, editor, projectId, { name: "texte collé.tsv", bytes: Buffer.from(pgsmSampleText()) }, { year: "2022" });
    const second = await ok<Plan>(editor, "GET", `/workplans/${pasted.workplanId}`);
    expect([second.title, second.planVersion]).toEqual(["PTBA 2022", 2]);
  });
});
