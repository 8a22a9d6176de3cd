// GET /inbox on PGlite (and PostgreSQL when configured): who sees which plans
// waiting for approval or endorsement, and which drafts come back to whom.
import { api } from "@baara/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, makeWorkplan, PASSWORD } from "./helpers/factories.ts";

type Inbox = api.Inbox;
type Kind = Inbox["items"][number]["kind"];

describe.each(databaseKinds)("the inbox on %s", (kind) => {
  let ctx: TestContext;
  const who = {} as Record<"approverA" | "approverB" | "viewerA" | "editorA" | "editorB" | "projectEditor" | "managerA" | "admin", Session>;
  const plans = {} as Record<"submittedA" | "submittedB" | "approvedA" | "supersededA" | "replacingA" | "returnedA" | "draftA", string>;
  let projectA: { id: string; code: string };
  /** Statements sent while `recording` is on. */
  let recording = false;
  let statements: string[] = [];

  const inboxOf = async (session: Session | null): Promise<Inbox> => {
    const response = await call(ctx.app, session, { method: "GET", url: "/api/v1/inbox" });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Inbox;
  };
  const idsOf = (inbox: Inbox, kind: Kind) => inbox.items.filter((i) => i.kind === kind).map((i) => i.workplan.id);
  const step = async (session: Session, planId: string, action: string, comment?: string) => {
    const plan = await call(ctx.app, session, { method: "GET", url: `/api/v1/workplans/${planId}` });
    const response = await call(ctx.app, session, {
      method: "POST",
      url: `/api/v1/workplans/${planId}/transitions`,
      payload: { action, comment, version: (plan.json() as { version: number }).version },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, { onQuery: (query) => recording && statements.push(query) });
    const { db } = ctx.database;
    const A = await makeOrganisation(db, { name: "Org A" });
    const A1 = await makeOrganisation(db, { parentId: A.id });
    const B = await makeOrganisation(db, { name: "Org B" });
    projectA = await makeProject(db, { organisationId: A1.id });
    const projectA2 = await makeProject(db, { organisationId: A1.id });
    const projectB = await makeProject(db, { organisationId: B.id });
    const roles = {
      approverA: ["approver", { organisationId: A.id }],
      approverB: ["approver", { organisationId: B.id }],
      viewerA: ["viewer", { organisationId: A.id }],
      editorA: ["editor", { organisationId: A1.id }],
      editorB: ["editor", { organisationId: B.id }],
      projectEditor: ["editor", { projectId: projectA2.id }],
      managerA: ["manager", { organisationId: A.id }],
    } as const;
    for (const [name, [role, scope]] of Object.entries(roles)) {
      const user = await makeUser(db, { name: `Personne ${name}` });
      await grant(db, user.id, role, scope);
      who[name as keyof typeof roles] = await login(ctx.app, user.email, PASSWORD);
    }
    const admin = await makeUser(db, { isPlatformAdmin: true });
    who.admin = await login(ctx.app, admin.email, PASSWORD);

    const draft = async (projectId: string, year: number, planVersion = 1) =>
      (await makeWorkplan(db, { projectId, year, planVersion })).id;
    plans.submittedA = await draft(projectA.id, 2024);
    await step(who.editorA, plans.submittedA, "submit", "Pour approbation");
    plans.submittedB = await draft(projectB.id, 2024);
    await step(who.editorB, plans.submittedB, "submit");
    plans.approvedA = await draft(projectA.id, 2023);
    await step(who.editorA, plans.approvedA, "submit");
    await step(who.approverA, plans.approvedA, "approve");
    // 2022: version 1 approved, then version 2 approved: only version 2 waits for its endorsement.
    plans.supersededA = await draft(projectA.id, 2022, 1);
    await step(who.editorA, plans.supersededA, "submit");
    await step(who.approverA, plans.supersededA, "approve");
    plans.replacingA = await draft(projectA.id, 2022, 2);
    await step(who.editorA, plans.replacingA, "submit");
    await step(who.approverA, plans.replacingA, "approve");
    plans.returnedA = await draft(projectA.id, 2025);
    await step(who.editorA, plans.returnedA, "submit");
    await step(who.approverA, plans.returnedA, "return", "Revoir les coûts unitaires");
    plans.draftA = await draft(projectA.id, 2026);
  }, 60_000);
  afterAll(() => ctx.close());

  it("shows an approver of A the plans of A to approve and to endorse, with counts, and none of B", async () => {
    const inbox = await inboxOf(who.approverA);
    expect(idsOf(inbox, "approve")).toEqual([plans.submittedA]);
    expect(idsOf(inbox, "endorse").sort()).toEqual([plans.approvedA, plans.replacingA].sort());
    expect(idsOf(inbox, "returned")).toEqual([]);
    expect(inbox.counts).toEqual({ approve: 1, endorse: 2, returned: 0 });
    const item = inbox.items.find((i) => i.workplan.id === plans.submittedA);
    expect(item).toMatchObject({
      project: { id: projectA.id, code: projectA.code },
      workplan: { year: 2024, planVersion: 1, status: "submitted" },
      submitted: { action: "submit", userName: "Personne editorA", comment: "Pour approbation" },
      lastStep: { action: "submit", userName: "Personne editorA" },
    });
    expect(Date.parse(item?.submitted?.at ?? "")).toBeGreaterThan(Date.now() - 600_000);
    const endorse = inbox.items.find((i) => i.workplan.id === plans.approvedA);
    expect(endorse?.lastStep).toMatchObject({ action: "approve", userName: "Personne approverA" });
  });

  it("shows an approver of B the plan of B only", async () => {
    const inbox = await inboxOf(who.approverB);
    expect(idsOf(inbox, "approve")).toEqual([plans.submittedB]);
    expect(inbox.counts).toEqual({ approve: 1, endorse: 0, returned: 0 });
  });

  it("gives a viewer nothing to approve, endorse or correct", async () => {
    expect(await inboxOf(who.viewerA)).toEqual({ counts: { approve: 0, endorse: 0, returned: 0 }, items: [] });
  });

  it("returns a draft to its submitter and to those who may edit it, with the reason, not to others", async () => {
    for (const session of [who.editorA, who.managerA]) {
      const inbox = await inboxOf(session);
      expect(idsOf(inbox, "returned")).toEqual([plans.returnedA]);
      expect(inbox.counts).toEqual({ approve: 0, endorse: 0, returned: 1 });
      expect(inbox.items[0]?.lastStep).toMatchObject({ action: "return", userName: "Personne approverA", comment: "Revoir les coûts unitaires" });
      expect(inbox.items[0]?.submitted?.userName).toBe("Personne editorA");
    }
    // An editor of another project of A, and an editor of B, have nothing returned.
    expect((await inboxOf(who.projectEditor)).counts.returned).toBe(0);
    expect((await inboxOf(who.editorB)).counts.returned).toBe(0);
  });

  it("gives the platform administrator no approvals (approving stays with approvers) but the drafts returned anywhere", async () => {
    const inbox = await inboxOf(who.admin);
    expect(inbox.counts.approve).toBe(0);
    expect(inbox.counts.endorse).toBe(0);
    expect(idsOf(inbox, "returned")).toContain(plans.returnedA);
  });

  it("drops a plan from the inbox once its step is taken", async () => {
    await step(who.editorA, plans.returnedA, "submit", "Coûts revus");
    expect((await inboxOf(who.editorA)).counts.returned).toBe(0);
    const approver = await inboxOf(who.approverA);
    expect(idsOf(approver, "approve").sort()).toEqual([plans.submittedA, plans.returnedA].sort());
    // Newest step first.
    expect(idsOf(approver, "approve")[0]).toBe(plans.returnedA);
    await step(who.approverA, plans.approvedA, "endorse");
    expect(idsOf(await inboxOf(who.approverA), "endorse")).toEqual([plans.replacingA]);
  });

  it("lists at most INBOX_LIMIT plans of a kind and counts them all", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const project = await makeProject(db, { organisationId: organisation.id });
    const approver = await makeUser(db);
    await grant(db, approver.id, "approver", { organisationId: organisation.id });
    for (let i = 0; i < api.INBOX_LIMIT + 3; i++) await makeWorkplan(db, { projectId: project.id, year: 2024, planVersion: i + 1, status: "submitted" });
    const inbox = await inboxOf(await login(ctx.app, approver.email, PASSWORD));
    expect(inbox.counts.approve).toBe(api.INBOX_LIMIT + 3);
    expect(idsOf(inbox, "approve")).toHaveLength(api.INBOX_LIMIT);
    expect(inbox.items[0]?.submitted).toBeNull();
  });

  it("answers in the same number of statements for 1 and for 12 projects with waiting plans", async () => {
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const approver = await makeUser(db);
    await grant(db, approver.id, "approver", { organisationId: organisation.id });
    const session = await login(ctx.app, approver.email, PASSWORD);
    const addProjects = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const project = await makeProject(db, { organisationId: organisation.id });
        await makeWorkplan(db, { projectId: project.id, status: "submitted" });
        await makeWorkplan(db, { projectId: project.id, year: 2023, status: "approved" });
      }
    };
    const recorded = async () => {
      statements = [];
      recording = true;
      try {
        return { inbox: await inboxOf(session), statements };
      } finally {
        recording = false;
      }
    };
    await addProjects(1);
    const small = await recorded();
    expect(small.inbox.counts).toEqual({ approve: 1, endorse: 1, returned: 0 });
    await addProjects(11);
    const large = await recorded();
    expect(large.inbox.counts).toEqual({ approve: 12, endorse: 12, returned: 0 });
    expect(large.statements.length, large.statements.join("\n")).toBe(small.statements.length);
    expect(large.statements.length).toBeLessThanOrEqual(6);
  });

  it("answers a visitor 401", async () => {
    expect((await call(ctx.app, null, { method: "GET", url: "/api/v1/inbox" })).statusCode).toBe(401);
  });
});
