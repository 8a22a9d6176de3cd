// Every route of the route table, every field of its body, query and path,
// with values the database cannot store or that overflow its columns: the
// answer is a 400 naming the field (or a denial), never a 5xx. Generated from
// the table, so a new route or field is walked without writing a line here.
import { api } from "@baara/core";
import * as z from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import {
  grant,
  makeActivity,
  makeBudgetLine,
  makeNode,
  makeOrganisation,
  makeProject,
  makeUser,
  makeWorkplan,
  PASSWORD,
} from "./helpers/factories.ts";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  maxLength?: number;
};

/** Values that must be refused whatever the field's type: each one a 400 naming it. */
function refusedValues(schema: JsonSchema): { label: string; value: unknown }[] {
  const values: { label: string; value: unknown }[] = [
    { label: "NUL", value: "a\u0000b" },
    { label: "lone surrogate", value: "a\uD800b" },
    { label: "2**40", value: 2 ** 40 },
    { label: "-2**40", value: -(2 ** 40) },
    { label: "object with __proto__", value: JSON.parse("{\"__proto__\":{\"polluted\":1}}") },
  ];
  const types = [schema.type, ...(schema.anyOf ?? []).map((s) => s.type)].flat();
  if (schema.maxLength !== undefined) values.push({ label: "too long", value: "x".repeat(schema.maxLength + 1) });
  // A free-form field (any JSON) may take an object: only what the database can't hold is refused there.
  return types.includes(undefined) && !schema.anyOf ? values.slice(0, 2) : values;
}

/** Each field, nested ones through objects and arrays, with the smallest body that reaches it. */
function fieldPaths(schema: JsonSchema, path: (string | number)[] = []): { path: (string | number)[]; schema: JsonSchema }[] {
  const inner = schema.anyOf?.find((s) => s.type === "object" || s.type === "array") ?? schema;
  if (inner.type === "object" && inner.properties) {
    return Object.entries(inner.properties).flatMap(([key, child]) => [
      { path: [...path, key], schema: child },
      ...fieldPaths(child, [...path, key]).filter((p) => p.path.length > path.length + 1),
    ]);
  }
  if (inner.type === "array" && inner.items) return fieldPaths(inner.items, [...path, 0]);
  return [];
}

function bodyAt(path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const child = bodyAt(rest, value);
  return typeof head === "number" ? [child] : { [head]: child };
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

const QUERY_VALUES = ["a%00b", "%ED%A0%80", "99999999999999999999", "-99999999999", "1e400", "%27%20OR%201%3D1--", "", "%5B%5D"];
const PARAM_VALUES = ["a%00b", "99999999999999999999", "not-an-id", "%2e%2e%2f%2e%2e%2fetc%2fpasswd"];

describe.each(databaseKinds)("odd input on every route, on %s", (kind) => {
  let ctx: TestContext;
  let admin: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db);
    const project = await makeProject(db, { organisationId: organisation.id });
    const node = await makeNode(db, { projectId: project.id });
    const plan = await makeWorkplan(db, { projectId: project.id });
    const activity = await makeActivity(db, { workplanId: plan.id, resultNodeId: node.id });
    const line = await makeBudgetLine(db, { activityId: activity.id, workplanId: plan.id });
    const someone = await makeUser(db);
    const membership = await grant(db, someone.id, "viewer", { organisationId: organisation.id });
    const user = await makeUser(db, { isPlatformAdmin: true });
    admin = await login(ctx.app, user.email, PASSWORD);
    Object.assign(ids, {
      organisations: organisation.id,
      projects: project.id,
      nodes: node.id,
      workplans: plan.id,
      activities: activity.id,
      "budget-lines": line.id,
      users: someone.id,
      memberships: membership.id,
    });
  });
  afterAll(() => ctx.close());

  /** The route's path with real ids where they exist, so the request reaches the database. */
  const pathOf = (spec: api.RouteSpec, id?: string) =>
    `/api/v1${spec.path.replace(/\/([\w-]+)\/:id/, (_m, collection: string) => `/${collection}/${id ?? ids[collection] ?? crypto.randomUUID()}`)}`;
  // Signing out or deleting would change the world the next requests find.
  const walked = Object.entries(api.routes).filter(([name, spec]) => name !== "logout" && spec.method !== "DELETE");

  it.each(walked)("%s: refuses every unstorable or overflowing body field with a 400 naming it", async (_name, spec) => {
    const spec_ = spec as api.RouteSpec;
    if (!spec_.body || spec_.kind === "multipart") return;
    const problems: string[] = [];
    for (const field of fieldPaths(jsonSchema(spec_.body))) {
      for (const { label, value } of refusedValues(field.schema)) {
        const payload = bodyAt(field.path, value);
        const response = await call(ctx.app, admin, { method: spec_.method, url: pathOf(spec_), payload });
        const details = response.statusCode === 400 ? (response.json().error.details ?? []) : [];
        const fields = (details as { field: string }[]).map((d) => d.field);
        // A __proto__ key is refused by the JSON parser, for the whole body: a 400 that names no field.
        const named = label === "object with __proto__"
          ? response.json().error.code === "INVALID_JSON"
          : fields.some((f) => f.startsWith(field.path.join(".")) || field.path.join(".").startsWith(f));
        if (response.statusCode >= 500 || (response.statusCode === 400 && !named)) {
          problems.push(`${field.path.join(".")} = ${label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(api.routes))("%s: answers odd query strings and path ids without a server error", async (name, spec) => {
    const spec_ = spec as api.RouteSpec;
    const problems: string[] = [];
    const queryKeys = spec_.query ? Object.keys(jsonSchema(spec_.query).properties ?? {}) : [];
    for (const key of [...queryKeys, "unknown"]) {
      for (const value of QUERY_VALUES) {
        if (spec_.method === "DELETE" || name === "logout") break;
        const response = await call(ctx.app, admin, { method: spec_.method, url: `${pathOf(spec_)}?${key}=${value}`, payload: {} });
        if (response.statusCode >= 500) problems.push(`?${key}=${value}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (value === "a%00b" && key !== "unknown" && response.statusCode !== 400) problems.push(`?${key}=${value}: ${response.statusCode}`);
      }
    }
    if (spec_.path.includes(":id")) {
      for (const value of PARAM_VALUES) {
        for (const session of [admin, null]) {
          const response = await call(ctx.app, session, { method: spec_.method, url: pathOf(spec_, value), payload: {} });
          if (response.statusCode >= 500) problems.push(`:id=${value}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses a NUL in the login form before any account is looked up, without a session", async () => {
    const response = await call(ctx.app, null, { method: "POST", url: "/api/v1/auth/login", payload: { email: "a\u0000@b.example", password: "x" } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe("email");
  });
});
