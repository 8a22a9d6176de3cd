import { eq } from "drizzle-orm";
import { authorizeProject, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { jobs } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import type { JobRow } from "./present.ts";

/** A job is read by those who may read its project; a job of no project, by the one who started it. */
export async function readJob(ctx: Context, jobId: string): Promise<JobRow> {
  const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!row) {
    requireSignedIn(ctx);
    throw notFound("job");
  }
  if (row.projectId) await authorizeProject(ctx, row.projectId, "project.read");
  else if (!ctx.system && requireSignedIn(ctx).user.id !== row.createdById) throw notFound("job");
  return row;
}
