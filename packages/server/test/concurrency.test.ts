// Many people acting on one plan at once: every answer is a success or a 409
// with a message, never a 500, and plan version numbers stay distinct.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";
import { uploadImport, waitForImport } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";

const V1 = "/api/v1";

describe.each(databaseKinds)("simultaneous writes on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let editor: Session;
  let approver: Session;
  let organisationId: string;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    organisationId = (await makeOrganisation(db)).id;
    const sessions: Session[] = [];
    for (const role of ["manager", "editor", "approver"] as const) {
      const user = await makeUser(db);
      await grant(db, user.id, role, { organisationId });
      sessions.push(await login(ctx.app, user.email, PASSWORD));
    }
    [manager, editor, approver] = sessions as [Session, Session, Session];
  });
  afterAll(() => ctx.close());

  async function versionsOf(projectId: string, year: number): Promise<number[]> {
    const list = await call(ctx.app, manager, { method: "GET", url: `${V1}/projects/${projectId}/workplans?year=${year}&pageSize=100` });
    return (list.json().items as { planVersion: number }[]).map((p) => p.planVersion).sort((a, b) => a - b);
  }

  it("20 imports into one project at once: all uploaded, all committed, 20 distinct versions", async () => {
    const project = await makeProject(ctx.database.db, { organisationId });
    const file = { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") };
    const uploads = await Promise.all(Array.from({ length: 20 }, () => uploadImport(ctx.app, manager, project.id, file, { year: "2022" })));
    expect(uploads.map((u) => u.statusCode)).toEqual(uploads.map(() => 202));
    const read = await Promise.all(uploads.map((u) => waitForImport(ctx.app, manager, u.json().id, ["ready", "failed"], 60_000)));
    expect(read.map((r) => r.status)).toEqual(read.map(() => "ready"));

    const commits = await Promise.all(read.map((r) => call(ctx.app, manager, { method: "POST", url: `${V1}/imports/${r.id}/commit`, payload: {} })));
    for (const commit of commits) expect([202, 409], commit.body).toContain(commit.statusCode);
    const done = await Promise.all(read.map((r) => waitForImport(ctx.app, manager, r.id, ["committed", "ready"], 60_000)));
    // A commit that lost the race for a version number says so; none is lost silently.
    for (const record of done) {
      if (record.status !== "committed") expect(record.error?.code).toBe("PLAN_VERSION_TAKEN");
    }
    const committed = done.filter((r) => r.status === "committed");
    expect(committed.length).toBeGreaterThan(0);
    const versions = await versionsOf(project.id, 2022);
    expect(versions).toHaveLength(committed.length);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  }, 120_000);

  it("one import committed 10 times at once is written once; the other requests get 409", async () => {
    const project = await makeProject(ctx.database.db, { organisationId });
    const file = { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") };
    const upload = await uploadImport(ctx.app, manager, project.id, file, { year: "2022" });
    const read = await waitForImport(ctx.app, manager, upload.json().id, ["ready", "failed"]);
    const commits = await Promise.all(
      Array.from({ length: 10 }, () => call(ctx.app, manager, { method: "POST", url: `${V1}/imports/${read.id}/commit`, payload: {} })),
    );
    const statuses = commits.map((c) => c.statusCode).sort();
    expect(statuses).toEqual([202, ...Array.from({ length: 9 }, () => 409)]);
    for (const refused of commits.filter((c) => c.statusCode === 409)) expect(refused.json().error.code).toBe("IMPORT_NOT_READY");
    expect((await waitForImport(ctx.app, manager, read.id, ["committed", "ready"])).status).toBe("committed");
    expect(await versionsOf(project.id, 2022)).toEqual([1]);
  });

  it("submit, approve and two copies of one plan at once: 2xx or 409 only, and a consistent plan", async () => {
    const project = await makeProject(ctx.database.db, { organisationId });
    const created = await call(ctx.app, manager, { method: "POST", url: `${V1}/projects/${project.id}/workplans`, payload: { year: 2025 } });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as { id: string; version: number };
    const submitted = await call(ctx.app, editor, {
      method: "POST",
      url: `${V1}/workplans/${plan.id}/transitions`,
      payload: { action: "submit", version: plan.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const version = submitted.json().version as number;

    const responses = await Promise.all([
      call(ctx.app, editor, { method: "POST", url: `${V1}/workplans/${plan.id}/transitions`, payload: { action: "submit", version } }),
      call(ctx.app, approver, { method: "POST", url: `${V1}/workplans/${plan.id}/transitions`, payload: { action: "approve", version } }),
      call(ctx.app, approver, { method: "POST", url: `${V1}/workplans/${plan.id}/transitions`, payload: { action: "return", version } }),
      call(ctx.app, manager, { method: "POST", url: `${V1}/projects/${project.id}/workplans`, payload: { year: 2025, copyFromId: plan.id } }),
      call(ctx.app, manager, { method: "POST", url: `${V1}/projects/${project.id}/workplans`, payload: { year: 2025, copyFromId: plan.id } }),
    ]);
    for (const response of responses) {
      expect([200, 201, 409], response.body).toContain(response.statusCode);
      if (response.statusCode === 409) expect(response.json().error.message).not.toBe("");
    }
    // One workflow step wins: the plan is approved or returned to draft, not both.
    const [, approve, giveBack] = responses;
    expect([approve?.statusCode, giveBack?.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const final = (await call(ctx.app, manager, { method: "GET", url: `${V1}/workplans/${plan.id}` })).json();
    expect(final.status).toBe(approve?.statusCode === 200 ? "approved" : "draft");
    const copies = responses.slice(3).filter((r) => r.statusCode === 201).length;
    const versions = await versionsOf(project.id, 2025);
    expect(versions).toEqual(Array.from({ length: 1 + copies }, (_, i) => i + 1));
  });
});
