// Reports through the HTTP app: generate a document and wait for its job.
import type { api } from "@baara/core";
import type { FastifyInstance } from "fastify";
import { call, type Session } from "./app.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the report's document in a format and answers its bytes once the job has written it. */
export async function generateReportFile(
  app: FastifyInstance,
  session: Session,
  reportId: string,
  format: "docx" | "pdf" | "xlsx",
  timeoutMs = 120_000,
): Promise<{ file: api.ReportFile; bytes: Buffer }> {
  const asked = await call(app, session, { method: "POST", url: `/api/v1/reports/${reportId}/files`, payload: { format } });
  if (asked.statusCode !== 202) throw new Error(`generate ${format}: ${asked.statusCode} ${asked.body}`);
  const fileId = (asked.json() as api.ReportFile).id;
  const started = Date.now();
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    const report = (await call(app, session, { method: "GET", url: `/api/v1/reports/${reportId}` })).json() as api.Report;
    const file = report.files.find((f) => f.id === fileId);
    if (file?.state === "completed") {
      const download = await call(app, session, { method: "GET", url: `/api/v1/reports/${reportId}/files/${fileId}` });
      if (download.statusCode !== 200) throw new Error(`download: ${download.statusCode}`);
      return { file, bytes: download.rawPayload };
    }
    if (file?.state === "failed") throw new Error(`generate ${format} failed: ${file.error}`);
    if (Date.now() - started > timeoutMs) throw new Error(`report file still ${file?.state} after ${timeoutMs} ms`);
    await sleep(wait);
  }
}
