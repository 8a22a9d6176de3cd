import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppOptions, buildApp } from "../../src/app.ts";
import { DirectoryFileStore } from "../../src/files/directory.ts";
import type { DatabaseKind, DatabaseOptions } from "../../src/db/client.ts";
import { createTestDatabase, type TestDatabase } from "./databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, PASSWORD } from "./factories.ts";

export interface TestContext {
  app: FastifyInstance;
  database: TestDatabase;
  filesDir: string;
  close(): Promise<void>;
}

/** An app on a fresh test database, with its files in a temporary directory of its own. */
export async function createTestApp(
  kind: DatabaseKind,
  services: AppOptions["services"] = {},
  databaseOptions: Pick<DatabaseOptions, "onQuery"> = {},
  appOptions: Pick<AppOptions, "logger"> = {},
): Promise<TestContext> {
  const database = await createTestDatabase(kind, databaseOptions);
  const filesDir = await mkdtemp(join(tmpdir(), "baara-files-"));
  const app = await buildApp({ ...appOptions, database, services: { files: new DirectoryFileStore(filesDir), ...services } });
  await app.ready();
  return {
    app,
    database,
    filesDir,
    close: async () => {
      await app.close();
      await database.dispose();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser: session cookie plus CSRF token, as the web app sends them. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "baara_session");
  if (!cookie) throw new Error("no session cookie");
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `baara_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

export type Call = Omit<InjectOptions, "headers"> & { headers?: Record<string, string> };

/** Sends a request as `session` (or anonymously), with the CSRF header on writes. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  options: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (session) {
    headers.cookie = session.cookie;
    if (options.method !== "GET") headers["x-csrf-token"] = session.csrfToken;
  }
  return app.inject({
    method: options.method as InjectOptions["method"],
    url: options.url,
    headers,
    ...(options.payload === undefined ? {} : { payload: options.payload as InjectOptions["payload"] }),
  });
}

/** The API's error body, and one of its field problems. */
export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** A fresh organisation with one project, and a manager of it signed in: the world most API tests start from. */
export async function managerOfNewProject(
  ctx: TestContext,
): Promise<{ session: Session; projectId: string; organisationId: string }> {
  const { db } = ctx.database;
  const organisationId = (await makeOrganisation(db)).id;
  const user = await makeUser(db);
  await grant(db, user.id, "manager", { organisationId });
  const projectId = (await makeProject(db, { organisationId })).id;
  return { session: await login(ctx.app, user.email, PASSWORD), projectId, organisationId };
}
