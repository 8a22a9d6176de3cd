// Text the database cannot store (a NUL character, half of a Unicode pair)
// is refused with 400 naming its field, in any JSON body, query or form
// field, and dropped from the cells of an imported file: never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, managerOfNewProject, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { importPlan, readImport, uploadImport } from "./helpers/imports.ts";
import { multipart } from "./helpers/multipart.ts";
import { MAX_FILE_BYTES } from "../src/imports/read-file.ts";
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
    ({ session: manager, projectId } = await managerOfNewProject(ctx));
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

describe("multipart bodies that are not what they say", () => {
  let ctx: TestContext;
  let manager: Session;
  let projectId: string;

  beforeAll(async () => {
    ctx = await createTestApp("pglite");
    ({ session: manager, projectId } = await managerOfNewProject(ctx));
  });
  afterAll(() => ctx.close());

  const post = (payload: string | Buffer, contentType: string) =>
    call(ctx.app, manager, { method: "POST", url: `${V1}/projects/${projectId}/imports`, payload, headers: { "content-type": contentType } });

  it.each([
    ["garbage under a boundary", "garbage", "multipart/form-data; boundary=XX"],
    ["a part that never ends", "--XX\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2022", "multipart/form-data; boundary=XX"],
    ["no boundary at all", "--XX--", "multipart/form-data"],
  ])("answers %s with 400, not 500", async (_, body, type) => {
    const response = await post(body, type);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).not.toBe("");
  });

  it("keeps a file whose name and type hold control characters, under a clean name and a neutral type", async () => {
    const boundary = "----b";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.txt"\r\nContent-Type: text/\u0000plain\r\n\r\n`),
      Buffer.from(pgsmSampleText(), "utf8"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await post(body, `multipart/form-data; boundary=${boundary}`);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({ fileName: "ab.txt", fileType: "application/octet-stream" });
    const file = await call(ctx.app, manager, { method: "GET", url: `${V1}/imports/${response.json().id}/file` });
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses a year that is not a year in French, naming the field, as a JSON body would be", async () => {
    const file = { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") };
    const response = await uploadImport(ctx.app, manager, projectId, file, { year: "abc" });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: "VALIDATION_ERROR", details: [expect.objectContaining({ field: "year" })] });
    expect(response.json().error.message).not.toMatch(/Invalid input|expected/);
  });

  it("refuses pasted cells beyond the size limit rather than keeping the part that fits", async () => {
    const response = await call(ctx.app, manager, {
      method: "POST",
      url: `${V1}/projects/${projectId}/imports`,
      ...multipart({ text: "a\tb\n".repeat(3_000_000) + "c".repeat(MAX_FILE_BYTES) }),
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
    expect(response.json().error.code).toBe("FILE_TOO_LARGE");
  });

  it("tells an anonymous caller to sign in whether an import exists or not", async () => {
    const read = await readImport(ctx.app, manager, projectId, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") });
    for (const id of [read.id, "00000000-0000-4000-8000-000000000000"]) {
      const response = await call(ctx.app, null, { method: "GET", url: `${V1}/imports/${id}` });
      expect(response.statusCode).toBe(401);
    }
  });
});

describe("an import that is busy", () => {
  it("says so in words, in both languages", async () => {
    const ctx = await createTestApp("pglite");
    try {
      const { session, projectId } = await managerOfNewProject(ctx);
      const { record } = await importPlan(ctx.app, session, projectId, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") });
      const again = (locale: string) =>
        call(ctx.app, session, { method: "POST", url: `${V1}/imports/${record.id}/reread`, payload: {}, headers: { "accept-language": locale } });
      const fr = await again("fr");
      expect(fr.statusCode).toBe(409);
      expect(fr.json().error.message).toBe("Cet import est « enregistré » : il ne peut pas être relu ni enregistré maintenant.");
      expect((await again("en")).json().error.message).toBe("This import is “saved”: it cannot be read again or written now.");
    } finally {
      await ctx.close();
    }
  });
});
