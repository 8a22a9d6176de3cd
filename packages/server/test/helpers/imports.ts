// An import as the web app drives it: upload (202), follow the import until
// it is read, commit (202), follow it until the plan is written.
import type { api } from "@baara/core";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { setTimeout as sleep } from "node:timers/promises";
import { call, type Session } from "./app.ts";
import { multipart } from "./multipart.ts";

type ImportRecord = api.ImportRecord;
const V1 = "/api/v1";

export function uploadImport(
  app: FastifyInstance,
  session: Session | null,
  projectId: string,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return call(app, session, { method: "POST", url: `${V1}/projects/${projectId}/imports`, payload: body.payload, headers: { ...body.headers, ...headers } });
}

/** Polls the import until its status is one of `statuses` (its job has finished that step). */
export async function waitForImport(
  app: FastifyInstance,
  session: Session,
  importId: string,
  statuses: ImportRecord["status"][],
  timeoutMs = 30_000,
): Promise<ImportRecord> {
  const started = Date.now();
  // Quick at first, then less often: many pollers must not starve the job they wait for.
  for (let wait = 25; ; wait = Math.min(wait * 2, 400)) {
    const response = await call(app, session, { method: "GET", url: `${V1}/imports/${importId}` });
    if (response.statusCode !== 200) throw new Error(`GET import ${importId}: ${response.statusCode} ${response.body}`);
    const record = response.json() as ImportRecord;
    if (statuses.includes(record.status)) return record;
    if (Date.now() - started > timeoutMs) throw new Error(`import ${importId} still ${record.status} after ${timeoutMs} ms`);
    await sleep(wait);
  }
}

/** Uploads and reads a file; answers the import once read (status ready or failed). */
export async function readImport(
  app: FastifyInstance,
  session: Session,
  projectId: string,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string> = {},
): Promise<ImportRecord> {
  const response = await uploadImport(app, session, projectId, file, fields);
  if (response.statusCode !== 202) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return waitForImport(app, session, (response.json() as ImportRecord).id, ["ready", "failed"]);
}

/** Commits a read import; answers the import once the plan is written (or the commit refused). */
export async function commitImport(
  app: FastifyInstance,
  session: Session,
  importId: string,
  body: { year?: number; title?: string } = {},
): Promise<ImportRecord> {
  const response = await call(app, session, { method: "POST", url: `${V1}/imports/${importId}/commit`, payload: body });
  if (response.statusCode !== 202) throw new Error(`commit: ${response.statusCode} ${response.body}`);
  return waitForImport(app, session, importId, ["committed", "ready"]);
}

/** The whole path: the committed import and the plan it created. */
export async function importPlan(
  app: FastifyInstance,
  session: Session,
  projectId: string,
  file: { name: string; bytes: Buffer },
  fields: Record<string, string> = {},
): Promise<{ record: ImportRecord; workplanId: string }> {
  const read = await readImport(app, session, projectId, file, fields);
  if (read.status !== "ready") throw new Error(`import not read: ${JSON.stringify(read.error)}`);
  const record = await commitImport(app, session, read.id);
  if (record.status !== "committed" || !record.workplanId) throw new Error(`import not committed: ${JSON.stringify(record.error)}`);
  return { record, workplanId: record.workplanId };
}
