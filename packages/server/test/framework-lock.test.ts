// A results node that a plan past its draft relies on does not change: the
// approved plan keeps the framework it was approved with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";

const V1 = "/api/v1";

describe.each(databaseKinds)("results framework of an approved plan on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let approver: Session;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    const organisationId = (await makeOrganisation(db)).id;
    const sessions: Session[] = [];
    for (const role of ["manager", "approver"] as const) {
      const user = await makeUser(db);
      await grant(db, user.id, role, { organisationId });
      sessions.push(await login(ctx.app, user.email, PASSWORD));
    }
    [manager, approver] = sessions as [Session, Session];
    const project = await makeProject(db, { organisationId });
    projectId = project.id;
  });
  afterAll(() => ctx.close());
  let projectId: string;

  async function send(session: Session, method: string, url: string, payload?: unknown) {
    return call(ctx.app, session, { method, url: `${V1}${url}`, payload });
  }
  async function ok(session: Session, method: string, url: string, payload?: unknown) {
    const response = await send(session, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json();
  }

  it("refuses to rename, move, re-parent or delete a node of an approved plan, and leaves the others editable", async () => {
    const component = await ok(manager, "POST", `/projects/${projectId}/nodes`, { code: "C1", title: "Composante 1" });
    const used = await ok(manager, "POST", `/projects/${projectId}/nodes`, { code: "C1.1", title: "Accès à l'eau", parentId: component.id });
    const free = await ok(manager, "POST", `/projects/${projectId}/nodes`, { code: "C2", title: "Composante 2" });
    const plan = await ok(manager, "POST", `/projects/${projectId}/workplans`, { year: 2025 });
    await ok(manager, "POST", `/workplans/${plan.id}/activities`, { title: "Forages", resultNodeId: used.id });

    // While the plan is a draft, its nodes change freely.
    const renamed = await ok(manager, "PATCH", `/nodes/${used.id}`, { title: "Accès à l'eau potable", version: used.version });
    let current = await ok(manager, "GET", `/workplans/${plan.id}`);
    current = await ok(manager, "POST", `/workplans/${plan.id}/transitions`, { action: "submit", version: current.version });
    await ok(approver, "POST", `/workplans/${plan.id}/transitions`, { action: "approve", version: current.version });

    const refusals = [
      await send(manager, "PATCH", `/nodes/${renamed.id}`, { title: "Autre titre", version: renamed.version }),
      await send(manager, "PATCH", `/nodes/${renamed.id}`, { parentId: free.id, version: renamed.version }),
      await send(manager, "POST", `/nodes/${renamed.id}/move`, { position: 0, version: renamed.version }),
      await send(manager, "DELETE", `/nodes/${renamed.id}`),
      // Its parent is part of what the plan was approved with, too.
      await send(manager, "PATCH", `/nodes/${component.id}`, { title: "Autre composante", version: component.version }),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error.code).toBe("NODE_LOCKED");
      expect(refused.json().error.message).toContain("approuvé");
      expect(refused.json().error.message).toContain("2025");
    }
    const english = await call(ctx.app, manager, {
      method: "PATCH",
      url: `${V1}/nodes/${renamed.id}`,
      payload: { title: "Other", version: renamed.version },
      headers: { "accept-language": "en" },
    });
    expect(english.json().error.message).toContain("approved");
    const after = (await ok(manager, "GET", `/projects/${projectId}/nodes`)) as { id: string; title: string }[];
    expect(after.find((n) => n.id === used.id)?.title).toBe("Accès à l'eau potable");

    // A node no approved plan uses stays editable; the revision attaches its activities to new nodes.
    await ok(manager, "PATCH", `/nodes/${free.id}`, { title: "Composante 2 révisée", version: free.version });
    const revision = await ok(manager, "POST", `/projects/${projectId}/workplans`, { year: 2025, copyFromId: plan.id });
    expect(revision.planVersion).toBe(2);
    const added = await ok(manager, "POST", `/projects/${projectId}/nodes`, { code: "C1.2", title: "Assainissement", parentId: free.id });
    const activities = await ok(manager, "GET", `/workplans/${revision.id}/activities`);
    const [copied] = activities.items as { id: string; version: number }[];
    if (!copied) throw new Error("the revision has no activity");
    await ok(manager, "PATCH", `/activities/${copied.id}`, { resultNodeId: added.id, version: copied.version });
  });
});
