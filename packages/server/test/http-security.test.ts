// The server trusts proxy headers only from configured proxies, marks cookies
// Secure from its configuration, and sends security headers on every answer.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { type HttpSecurity, httpSecurityFromEnv } from "../src/http/security.ts";
import { login } from "./helpers/app.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, makeWorkplan, PASSWORD } from "./helpers/factories.ts";

async function appWith(http: HttpSecurity): Promise<{ app: FastifyInstance; database: TestDatabase }> {
  const database = await createTestDatabase("pglite");
  const app = await buildApp({ database, http });
  await app.ready();
  return { app, database };
}

const failLogin = (app: FastifyInstance, email: string, forwardedFor: string) =>
  app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress: "192.0.2.10",
    headers: { "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https" },
    payload: { email, password: "pas-le-bon-mot" },
  });

describe("reading BAARA_TRUST_PROXY and BAARA_HTTPS", () => {
  it("trusts no proxy and assumes plain http by default", () => {
    expect(httpSecurityFromEnv({})).toEqual({ trustProxy: false, https: false });
    expect(httpSecurityFromEnv({ BAARA_TRUST_PROXY: "false", BAARA_HTTPS: "0" })).toEqual({ trustProxy: false, https: false });
  });

  it("takes a hop count or the proxies' addresses", () => {
    expect(httpSecurityFromEnv({ BAARA_TRUST_PROXY: "1", BAARA_HTTPS: "1" })).toEqual({ trustProxy: 1, https: true });
    expect(httpSecurityFromEnv({ BAARA_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,loopback" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "loopback",
    ]);
  });

  it("refuses a value it cannot read, naming the variable and the value", () => {
    expect(() => httpSecurityFromEnv({ BAARA_TRUST_PROXY: "true" })).toThrow(/BAARA_TRUST_PROXY: « true »/);
    expect(() => httpSecurityFromEnv({ BAARA_TRUST_PROXY: "10.0.0.0/33" })).toThrow(/« 10.0.0.0\/33 »/);
    expect(() => httpSecurityFromEnv({ BAARA_TRUST_PROXY: "127.0.0.1,proxy.local" })).toThrow(/« proxy.local »/);
    expect(() => httpSecurityFromEnv({ BAARA_HTTPS: "yes" })).toThrow(/BAARA_HTTPS: « yes »/);
  });
});

describe("with no proxy configured", () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ app, database } = await appWith({ trustProxy: false, https: false }));
    await makeUser(database.db, { email: "direct@test.example" });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("keys the login throttle on the connection's address, whatever X-Forwarded-For says", async () => {
    for (let i = 0; i < 5; i++) expect((await failLogin(app, "direct@test.example", `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await failLogin(app, "direct@test.example", "203.0.113.99")).statusCode).toBe(429);
  });

  it("does not mark cookies Secure because a client says X-Forwarded-Proto: https", async () => {
    await makeUser(database.db, { email: "http@test.example" });
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-forwarded-proto": "https" },
      payload: { email: "http@test.example", password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([
      ["baara_session", false],
      ["baara_device", false],
    ]);
  });

  it("sends the security headers on the API, without HSTS over plain http", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/health" });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("keeps a signed-in person's answers out of every cache", async () => {
    await makeUser(database.db, { email: "cache@test.example" });
    const session = await login(app, "cache@test.example", PASSWORD);
    for (const url of ["/api/v1/auth/session", "/api/v1/projects", "/api/v1/nowhere"]) {
      const response = await app.inject({ method: "GET", url, headers: { cookie: session.cookie } });
      expect(response.headers["cache-control"], url).toBe("no-store");
      expect(response.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    }
  });

  it("lets the API documentation load its own scripts only, and not in a frame", async () => {
    const response = await app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self'[^;]*;/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
});

describe("behind one configured proxy, served over https", () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => {
    ({ app, database } = await appWith({ trustProxy: 1, https: true }));
    await makeUser(database.db, { email: "proxied@test.example" });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("keys the login throttle on the address the proxy gives", async () => {
    for (let i = 0; i < 5; i++) expect((await failLogin(app, "proxied@test.example", "203.0.113.1")).statusCode).toBe(401);
    expect((await failLogin(app, "proxied@test.example", "203.0.113.1")).statusCode).toBe(429);
    // Another client behind the same proxy still has its own tries.
    expect((await failLogin(app, "proxied@test.example", "198.51.100.7")).statusCode).toBe(401);
  });

  it("marks both cookies Secure, even on a request that reached it over http", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "proxied@test.example", password: PASSWORD },
      remoteAddress: "192.0.2.50",
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.every((c) => c.secure === true)).toBe(true);
    expect(response.cookies).toHaveLength(2);
  });

  it("sends HSTS and asks browsers to upgrade insecure requests", async () => {
    const response = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(response.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(String(response.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
  });
});

describe("limits on exports and imports", () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    app = await buildApp({ database, http: { trustProxy: false, https: false }, heavyLimits: { signedIn: 3, anonymous: 1 } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it("lets a person export a few times a minute, then answers 429 with Retry-After, per person", async () => {
    const { session, workplanId } = await signedInWithPlan(database);
    const other = await signedInWithPlan(database);
    const exportAs = (who: { cookie: string }, id: string) =>
      app.inject({ method: "GET", url: `/api/v1/workplans/${id}/export?format=csv`, headers: { cookie: who.cookie } });
    for (let i = 0; i < 3; i++) expect((await exportAs(await session, workplanId)).statusCode).toBe(200);
    const refused = await exportAs(await session, workplanId);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.json().error.message).toMatch(/^Trop d'exports ou d'imports demandés en peu de temps\. Réessayez dans \d+ s\.$/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Someone else is not held back; other routes are not limited.
    expect((await exportAs(await other.session, other.workplanId)).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/v1/auth/session", headers: { cookie: (await session).cookie } })).statusCode).toBe(200);
  });

  it("is stricter for an anonymous reader, per address", async () => {
    const first = await app.inject({ method: "GET", url: `/api/v1/workplans/${crypto.randomUUID()}/export`, remoteAddress: "198.51.100.9" });
    expect(first.statusCode).not.toBe(429);
    const second = await app.inject({ method: "GET", url: `/api/v1/workplans/${crypto.randomUUID()}/export`, remoteAddress: "198.51.100.9" });
    expect(second.statusCode).toBe(429);
    const elsewhere = await app.inject({ method: "GET", url: `/api/v1/workplans/${crypto.randomUUID()}/export`, remoteAddress: "198.51.100.10" });
    expect(elsewhere.statusCode).not.toBe(429);
  });

  it("counts the portfolio's csv as a heavy request, with the plans' exports", async () => {
    const { session, workplanId } = await signedInWithPlan(database);
    const cookie = (await session).cookie;
    const exportPortfolio = () => app.inject({ method: "GET", url: "/api/v1/portfolio/export.csv", headers: { cookie } });
    expect((await exportPortfolio()).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: `/api/v1/workplans/${workplanId}/export?format=csv`, headers: { cookie } })).statusCode).toBe(200);
    expect((await exportPortfolio()).statusCode).toBe(200);
    const refused = await exportPortfolio();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("TOO_MANY_REQUESTS");
    const anonymous = () => app.inject({ method: "GET", url: "/api/v1/portfolio/export.csv", remoteAddress: "198.51.100.77" });
    expect((await anonymous()).statusCode).toBe(200);
    expect((await anonymous()).statusCode).toBe(429);
  });

  async function signedInWithPlan(db: TestDatabase) {
    const organisation = await makeOrganisation(db.db);
    const project = await makeProject(db.db, { organisationId: organisation.id });
    const plan = await makeWorkplan(db.db, { projectId: project.id });
    const user = await makeUser(db.db);
    await grant(db.db, user.id, "viewer", { projectId: project.id });
    return { session: login(app, user.email, PASSWORD), workplanId: plan.id };
  }
});
