// Login throttling slows guessing but never locks the owner out, and a new
// password or an administrator ends a person's sessions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAttempts } from "../src/db/schema.ts";
import { pairWaitMs } from "../src/auth/rate-limit.ts";
import { call, createTestApp, login, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { makeUser, PASSWORD } from "./helpers/factories.ts";

describe("the wait after repeated failures from one address", () => {
  it("is none for 4 failures, then 30 s doubling up to 15 minutes", () => {
    const now = Date.now();
    const last = new Date(now);
    expect(pairWaitMs(4, last, now)).toBe(0);
    expect(pairWaitMs(5, last, now)).toBe(30_000);
    expect(pairWaitMs(6, last, now)).toBe(60_000);
    expect(pairWaitMs(9, last, now)).toBe(480_000);
    expect(pairWaitMs(40, last, now)).toBe(900_000);
    expect(pairWaitMs(5, new Date(now - 31_000), now)).toBe(0);
  });
});

describe.each(databaseKinds)("login throttling and sessions on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
  });
  afterAll(() => ctx.close());

  const attempt = (email: string, password: string, remoteAddress: string, cookie?: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress,
      payload: { email, password },
      ...(cookie ? { headers: { cookie } } : {}),
    });
  const age = (email: string, ms: number) =>
    ctx.database.db.update(loginAttempts).set({ at: new Date(Date.now() - ms) }).where(eq(loginAttempts.email, email));

  it("makes a guessing address wait, while the owner signs in from elsewhere", async () => {
    const email = "cible@test.example";
    await makeUser(ctx.database.db, { email });
    for (let i = 0; i < 5; i++) expect((await attempt(email, `essai-${i}-faux`, "203.0.113.7")).statusCode).toBe(401);
    const blocked = await attempt(email, PASSWORD, "203.0.113.7");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
    expect(blocked.json().error.message).toBe("Trop de tentatives de connexion. Réessayez dans 1 min.");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(25);
    expect(Number(blocked.headers["retry-after"])).toBeLessThanOrEqual(30);
    // The owner, from another address, is not locked out.
    expect((await attempt(email, PASSWORD, "198.51.100.2")).statusCode).toBe(200);
    // Once the wait is over, the guessing address may try again; each further failure doubles it.
    await age(email, 31_000);
    expect((await attempt(email, "encore-faux-1", "203.0.113.7")).statusCode).toBe(401);
    const longer = await attempt(email, "encore-faux-2", "203.0.113.7");
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers["retry-after"])).toBeGreaterThan(55);
  });

  it("stops an address trying many accounts", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await attempt(`inconnu-${i}@test.example`, "mauvais-mot", "192.0.2.50")).statusCode).toBe(401);
    }
    await makeUser(ctx.database.db, { email: "autre@test.example" });
    expect((await attempt("autre@test.example", PASSWORD, "192.0.2.50")).statusCode).toBe(429);
    expect((await attempt("autre@test.example", PASSWORD, "192.0.2.51")).statusCode).toBe(200);
  });

  it("lets the owner's known device through an attack spread over many addresses", async () => {
    const email = "dispersee@test.example";
    await makeUser(ctx.database.db, { email });
    const first = await attempt(email, PASSWORD, "10.1.1.1");
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === "baara_device");
    expect(device?.httpOnly).toBe(true);
    for (let i = 0; i < 20; i++) expect((await attempt(email, "mauvais-mot", `10.2.0.${i}`)).statusCode).toBe(401);
    // A new device is held back, even with the right password...
    expect((await attempt(email, PASSWORD, "10.3.0.1")).statusCode).toBe(429);
    // ...a forged device cookie too...
    expect((await attempt(email, PASSWORD, "10.3.0.1", `baara_device=${"x".repeat(32)}`)).statusCode).toBe(429);
    // ...but the browser that signed in before gets in, from a new address.
    expect((await attempt(email, PASSWORD, "10.3.0.2", `baara_device=${device?.value}`)).statusCode).toBe(200);
  });

  it("ends the other sessions when the password changes, and lets an administrator end them all", async () => {
    const me = await makeUser(ctx.database.db, { email: "moi@test.example" });
    await makeUser(ctx.database.db, { email: "admin.sessions@test.example", isPlatformAdmin: true });
    const here = await login(ctx.app, "moi@test.example", PASSWORD);
    const elsewhere = await login(ctx.app, "moi@test.example", PASSWORD);
    const changed = await call(ctx.app, here, {
      method: "PATCH",
      url: `/api/v1/users/${me.id}`,
      payload: { password: "nouveau-mot-de-passe", currentPassword: PASSWORD, version: me.version },
    });
    expect(changed.statusCode).toBe(200);
    const session = (s: typeof here) => call(ctx.app, s, { method: "GET", url: "/api/v1/auth/session" });
    expect((await session(here)).statusCode).toBe(200);
    expect((await session(elsewhere)).statusCode).toBe(401);

    // "Sign out everywhere else" from one's own account.
    const third = await login(ctx.app, "moi@test.example", "nouveau-mot-de-passe");
    expect((await call(ctx.app, here, { method: "DELETE", url: `/api/v1/users/${me.id}/sessions` })).statusCode).toBe(204);
    expect((await session(here)).statusCode).toBe(200);
    expect((await session(third)).statusCode).toBe(401);

    // An administrator signs the person out of every browser.
    const admin = await login(ctx.app, "admin.sessions@test.example", PASSWORD);
    expect((await call(ctx.app, admin, { method: "DELETE", url: `/api/v1/users/${me.id}/sessions` })).statusCode).toBe(204);
    expect((await session(here)).statusCode).toBe(401);
    expect((await session(admin)).statusCode).toBe(200);
    // Someone else's sessions are not for the person to end.
    expect((await call(ctx.app, await login(ctx.app, "moi@test.example", "nouveau-mot-de-passe"), {
      method: "DELETE",
      url: `/api/v1/users/${admin.userId}/sessions`,
    })).statusCode).toBe(403);
    expect((await session(admin)).statusCode).toBe(200);
  });

  it("ends every session when an administrator sets a new password", async () => {
    const user = await makeUser(ctx.database.db, { email: "oublieux@test.example" });
    await makeUser(ctx.database.db, { email: "admin.reset@test.example", isPlatformAdmin: true });
    const theirs = await login(ctx.app, "oublieux@test.example", PASSWORD);
    const admin = await login(ctx.app, "admin.reset@test.example", PASSWORD);
    const reset = await call(ctx.app, admin, {
      method: "PATCH",
      url: `/api/v1/users/${user.id}`,
      payload: { password: "mot-de-passe-neuf", version: user.version },
    });
    expect(reset.statusCode).toBe(200);
    expect((await call(ctx.app, theirs, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(401);
    expect((await call(ctx.app, admin, { method: "GET", url: "/api/v1/auth/session" })).statusCode).toBe(200);
  });
});
