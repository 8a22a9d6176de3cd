import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { sessions, users } from "../src/db/schema.ts";
import { call, createTestApp, login, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { makeUser, PASSWORD } from "./helpers/factories.ts";

describe.each(databaseKinds)("authentication on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(() => ctx.close());

  it("signs in with e-mail and password, in any letter case, and stores an argon2id hash", async () => {
    const user = await makeUser(ctx.database.db, { email: "awa@test.example" });
    const session = await login(ctx.app, "AWA@test.example", PASSWORD);
    expect(session.userId).toBe(user.id);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const me = await call(ctx.app, session, { method: "GET", url: "/api/v1/auth/session" });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("awa@test.example");
    expect(JSON.stringify(me.json())).not.toContain("argon2");
  });

  it("sets an httpOnly, SameSite session cookie and keeps only a hash of its token", async () => {
    await makeUser(ctx.database.db, { email: "cookie@test.example" });
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "cookie@test.example", password: PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === "baara_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const stored = await ctx.database.db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === cookie?.value)).toBe(false);
  });

  it("refuses a wrong password with one message that does not say which part was wrong", async () => {
    await makeUser(ctx.database.db, { email: "wrong@test.example" });
    const bad = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "wrong@test.example", password: "not-the-password" },
    });
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en-GB,en;q=0.9" },
      payload: { email: "nobody@test.example", password: "whatever-password" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "Adresse e-mail ou mot de passe incorrect.",
    });
    expect(unknown.json().error.message).toBe("Wrong e-mail address or password.");
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    await makeUser(ctx.database.db, { email: "csrf@test.example", isPlatformAdmin: true });
    const session = await login(ctx.app, "csrf@test.example", PASSWORD);
    const payload = { code: "CSRF-ORG", name: "Organisation CSRF", kind: "unit" };
    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { cookie: session.cookie },
      payload,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("CSRF_INVALID");
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { cookie: session.cookie, "x-csrf-token": "forged" },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const right = await call(ctx.app, session, { method: "POST", url: "/api/v1/organisations", payload });
    expect(right.statusCode).toBe(201);
  });

  it("shares sessions between servers on the same database, and logout ends them everywhere", async () => {
    await makeUser(ctx.database.db, { email: "twoservers@test.example" });
    const second = await buildApp({ database: ctx.database });
    try {
      const session = await login(ctx.app, "twoservers@test.example", PASSWORD);
      const onSecond = await call(second, session, { method: "GET", url: "/api/v1/auth/session" });
      expect(onSecond.statusCode).toBe(200);
      const logout = await call(second, session, { method: "POST", url: "/api/v1/auth/logout" });
      expect(logout.statusCode).toBe(204);
      const afterOnFirst = await call(ctx.app, session, { method: "GET", url: "/api/v1/auth/session" });
      expect(afterOnFirst.statusCode).toBe(401);
      expect(afterOnFirst.json().error.code).toBe("UNAUTHENTICATED");
    } finally {
      await second.close();
    }
  });

  it("treats an expired session, or one of a deactivated user, as signed out", async () => {
    const user = await makeUser(ctx.database.db, { email: "expire@test.example" });
    const session = await login(ctx.app, "expire@test.example", PASSWORD);
    await ctx.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await call(ctx.app, session, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(
      401,
    );

    const other = await makeUser(ctx.database.db, { email: "inactive@test.example" });
    const otherSession = await login(ctx.app, "inactive@test.example", PASSWORD);
    await ctx.database.db.update(users).set({ active: false }).where(eq(users.id, other.id));
    expect(
      (await call(ctx.app, otherSession, { method: "GET", url: "/api/v1/auth/session" })).statusCode,
    ).toBe(401);
    const relogin = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "inactive@test.example", password: PASSWORD },
    });
    expect(relogin.statusCode).toBe(401);
  });

  it("lets users change their own name, language and password, and nobody else's", async () => {
    const me = await makeUser(ctx.database.db, { email: "self@test.example" });
    const someone = await makeUser(ctx.database.db, { email: "someone@test.example" });
    const session = await login(ctx.app, "self@test.example", PASSWORD);
    const renamed = await call(ctx.app, session, {
      method: "PATCH",
      url: `/api/v1/users/${me.id}`,
      payload: { name: "Nouveau Nom", locale: "en", password: "another-password-1", version: 1 },
    });
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error.details[0].field).toBe("currentPassword");
    const withCurrent = await call(ctx.app, session, {
      method: "PATCH",
      url: `/api/v1/users/${me.id}`,
      payload: {
        name: "Nouveau Nom",
        locale: "en",
        password: "another-password-1",
        currentPassword: PASSWORD,
        version: 1,
      },
    });
    expect(withCurrent.statusCode).toBe(200);
    expect(withCurrent.json()).toMatchObject({ name: "Nouveau Nom", locale: "en", version: 2 });
    await expect(login(ctx.app, "self@test.example", "another-password-1")).resolves.toBeTruthy();
    const other = await call(ctx.app, session, {
      method: "PATCH",
      url: `/api/v1/users/${someone.id}`,
      payload: { name: "Piraté", version: 1 },
    });
    expect(other.statusCode).toBe(403);
    const deactivateSelf = await call(ctx.app, session, {
      method: "PATCH",
      url: `/api/v1/users/${me.id}`,
      payload: { active: false, version: 2 },
    });
    expect(deactivateSelf.statusCode).toBe(403);
  });
});
