// Text the database cannot store (a NUL character, half of a Unicode pair)
// is refused with 400 naming its field, in any JSON body, query or form
// field, and dropped from the cells of an imported file: never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./helpers/factories.ts";
import { importPlan, readImport, uploadImport } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";

const V1 = "/api/v1";
/** As written in JSON: a NUL, a lone high half and a lone low half of a Unicode pair. */
const HOSTILE_ESCAPES = ["a\\u0000b", "\\ud800", "x\\udc00y"];

describe.each(databaseKinds)("text the database cannot store, on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const user = await makeUser(db);
    await grant(db, user.id, "manager", { organisationId: organisation.id });
    projectId = (await makeProject(db, { organisationId: organisation.id })).id;
    manager = await login(ctx.app, user.email, PASSWORD);
  });
  afterAll(() => ctx.close());

  const expectRefused = (response: { statusCode: number; body: string; json(): unknown }, field: string) => {
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json() as { error: { code: string; details: { field: string; code: string }[] } };
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details).toEqual([expect.objectContaining({ field, code: "TEXT_UNSTORABLE" })]);
  };

  /** A JSON body written as a client may send it: the escapes stay escapes until the server parses them. */
  const rawJson = (fields: Record<string, string | number>, hostile: string) => ({
    payload: JSON.stringify(fields).replace("HOSTILE", hostile),
    headers: { "content-type": "application/json" },
  });

  it.each(HOSTILE_ESCAPES)("refuses %s in a JSON body and in a login, naming the field", async (escape) => {
    const create = rawJson({ year: 2025, title: "HOSTILE" }, escape);
    expectRefused(await call(ctx.app, manager, { method: "POST", url: `${V1}/projects/${projectId}/workplans`, ...create }), "title");
    const signIn = rawJson({ email: "HOSTILE", password: "x" }, escape);
    expectRefused(await call(ctx.app, null, { method: "POST", url: `${V1}/auth/login`, ...signIn }), "email");
  });

  it("refuses a NUL character in a query string", async () => {
    expectRefused(await call(ctx.app, manager, { method: "GET", url: `${V1}/users?q=a%00b` }), "querystring.q");
  });

  it.each(HOSTILE_ESCAPES)("refuses %s in an import's reading and commit options, and a NUL in its form fields", async (escape) => {
    const file = { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") };
    expectRefused(await uploadImport(ctx.app, manager, projectId, file, { sheet: "a\u0000b" }), "sheet");
    const read = await readImport(ctx.app, manager, projectId, file, { year: "2022" });
    const reread = rawJson({ sheet: "HOSTILE" }, escape);
    expectRefused(await call(ctx.app, manager, { method: "POST", url: `${V1}/imports/${read.id}/reread`, ...reread }), "sheet");
    const commit = rawJson({ title: "HOSTILE" }, escape);
    expectRefused(await call(ctx.app, manager, { method: "POST", url: `${V1}/imports/${read.id}/commit`, ...commit }), "title");
    const after = await call(ctx.app, manager, { method: "GET", url: `${V1}/imports/${read.id}` });
    expect(after.json().status).toBe("ready");
  });

  it("drops such characters from the cells of an imported file", async () => {
    const sample = pgsmSampleText().replace("Production d'un skech", "Production\u0000 d'un skech\uD800");
    const { workplanId } = await importPlan(ctx.app, manager, projectId, { name: "ptba.tsv", bytes: Buffer.from(sample, "utf8") }, { year: "2022" });
    const activities = await call(ctx.app, manager, { method: "GET", url: `${V1}/workplans/${workplanId}/activities?pageSize=100` });
    const titles = JSON.stringify(activities.json());
    expect(titles).toContain("Production d'un skech");
    expect(titles).not.toMatch(/\\u0000|\\ud800/i);
  });
});
