import { eq } from "drizzle-orm";
import { projectAccess, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { jobs } from "../db/schema.ts";
import { notFound } from "../http/errors.ts";
import type { JobRow } from "./present.ts";

/**
 * A job is read by the one who started it and by those who may start it
 * again (plan.create on its project): its progress and error speak of a file
 * the project's other readers may not see. Others do not learn it exists.
 */
export async function readJob(ctx: Context, jobId: string): Promise<JobRow> {
  const actor = ctx.system ? null : requireSignedIn(ctx);
  const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!row) throw notFound("job");
  if (!actor || actor.user.id === row.createdById) return row;
  if (row.projectId && (await projectAccess(ctx, row.projectId)).capabilities.has("plan.create")) return row;
  throw notFound("job");
}
