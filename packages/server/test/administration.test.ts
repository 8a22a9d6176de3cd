// What the administration screens do, through the API: an organisation's
// administrator invites someone with a first role (one transaction), sees them
// and their roles with names; a platform administrator deactivates,
// reactivates and resets the password of an account.
import type { api } from "@baara/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";

const V1 = "/api/v1";

describe.each(databaseKinds)("administration on %s", (kind) => {
  let ctx: TestContext;
  let orgAdmin: Session;
  let platformAdmin: Session;
  let A: { id: string; name: string };
  let B: { id: string };
  let P: { id: string; code: string };

  const send = (session: Session | null, method: string, url: string, payload?: unknown) =>
    call(ctx.app, session, { method, url: `${V1}${url}`, payload });
  const signInStatus = async (email: string, password: string) =>
    (await ctx.app.inject({ method: "POST", url: `${V1}/auth/login`, payload: { email, password } })).statusCode;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    A = await makeOrganisation(db, { name: "Cellule A" });
    B = await makeOrganisation(db, { name: "Cellule B" });
    P = await makeProject(db, { organisationId: A.id });
    const admin = await makeUser(db, { name: "Admin de A" });
    await grant(db, admin.id, "admin", { organisationId: A.id });
    orgAdmin = await login(ctx.app, admin.email, PASSWORD);
    const root = await makeUser(db, { isPlatformAdmin: true });
    platformAdmin = await login(ctx.app, root.email, PASSWORD);
  });
  afterAll(() => ctx.close());

  it("lets an organisation's administrator invite someone with a role there, then see them and their role with names", async () => {
    const invited = await send(orgAdmin, "POST", "/users", {
      email: "Aminata.Traore@test.example",
      name: "Aminata Traoré",
      password: "premier-mot-de-passe",
      membership: { organisationId: A.id, role: "editor" },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const person = invited.json() as api.User;
    expect(person).toMatchObject({ email: "aminata.traore@test.example", active: true, isPlatformAdmin: false });

    const listed = (await send(orgAdmin, "GET", "/users?q=Aminata")).json() as { items: api.User[] };
    expect(listed.items.map((u) => u.id)).toEqual([person.id]);
    const roles = (await send(orgAdmin, "GET", `/memberships?organisationId=${A.id}`)).json() as api.MembershipListItem[];
    expect(roles.find((r) => r.userId === person.id)).toMatchObject({
      role: "editor",
      userName: "Aminata Traoré",
      userEmail: "aminata.traore@test.example",
      userActive: true,
      organisationName: "Cellule A",
      projectCode: null,
    });
    expect(await signInStatus("aminata.traore@test.example", "premier-mot-de-passe")).toBe(200);
  });

  it("names the project of a project role", async () => {
    const person = await makeUser(ctx.database.db, { name: "Chargé de projet" });
    expect((await send(orgAdmin, "POST", "/memberships", { userId: person.id, projectId: P.id, role: "viewer" })).statusCode).toBe(201);
    const roles = (await send(orgAdmin, "GET", `/memberships?projectId=${P.id}`)).json() as api.MembershipListItem[];
    expect(roles).toEqual([expect.objectContaining({ userName: "Chargé de projet", projectCode: P.code, organisationName: null })]);
  });

  it("refuses an invitation with a role where the administrator has no say, and creates no account", async () => {
    const refused = await send(orgAdmin, "POST", "/users", {
      email: "ailleurs@test.example",
      name: "Ailleurs",
      password: "premier-mot-de-passe",
      membership: { organisationId: B.id, role: "viewer" },
    });
    expect(refused.statusCode).toBe(403);
    const found = (await send(platformAdmin, "GET", "/users?q=ailleurs")).json() as { total: number };
    expect(found.total).toBe(0);
    expect(await signInStatus("ailleurs@test.example", "premier-mot-de-passe")).toBe(401);
  });

  it("refuses a first role on both an organisation and a project", async () => {
    const response = await send(platformAdmin, "POST", "/users", {
      email: "deux@test.example",
      name: "Deux portées",
      password: "premier-mot-de-passe",
      membership: { organisationId: A.id, projectId: P.id, role: "viewer" },
    });
    expect(response.statusCode).toBe(400);
  });

  it("lets the platform administrator deactivate an account (signed out, cannot sign in) and reactivate it", async () => {
    const person = await makeUser(ctx.database.db, { email: "depart@test.example" });
    const theirs = await login(ctx.app, "depart@test.example", PASSWORD);
    const off = await send(platformAdmin, "PATCH", `/users/${person.id}`, { active: false, version: person.version });
    expect(off.statusCode, off.body).toBe(200);
    expect((await send(theirs, "GET", "/auth/session")).statusCode).toBe(401);
    expect(await signInStatus("depart@test.example", PASSWORD)).toBe(401);
    // The organisation's administrator may not: accounts are the platform's.
    expect((await send(orgAdmin, "PATCH", `/users/${person.id}`, { active: true, version: 2 })).statusCode).toBe(403);
    const on = await send(platformAdmin, "PATCH", `/users/${person.id}`, { active: true, version: (off.json() as api.User).version });
    expect(on.statusCode).toBe(200);
    expect(await signInStatus("depart@test.example", PASSWORD)).toBe(200);
  });

  it("lets the platform administrator set a new password, which ends the person's sessions", async () => {
    const person = await makeUser(ctx.database.db, { email: "oubli@test.example" });
    const theirs = await login(ctx.app, "oubli@test.example", PASSWORD);
    const reset = await send(platformAdmin, "PATCH", `/users/${person.id}`, { password: "nouveau-mot-de-passe", version: person.version });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await send(theirs, "GET", "/auth/session")).statusCode).toBe(401);
    expect(await signInStatus("oubli@test.example", PASSWORD)).toBe(401);
    expect(await signInStatus("oubli@test.example", "nouveau-mot-de-passe")).toBe(200);
  });
});
