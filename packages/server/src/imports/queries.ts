import { desc, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import type { api } from "@baara/core";
import { authorizeProject, authorizeWorkplan, projectAccess, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { imports, jobs, storedFiles, users } from "../db/schema.ts";
import { AppError, notFound } from "../http/errors.ts";
import { pageBounds } from "../http/pagination.ts";

export type ImportRow = typeof imports.$inferSelect;

/**
 * An import may be read by those who may import into its project, and, once
 * committed, by those who may read the plan it became: the file is the
 * plan's source. Others do not learn it exists.
 */
export async function readableImport(ctx: Context, importId: string): Promise<ImportRow> {
  // Imports are for signed-in users, whether the id exists or not: the answer tells nothing of it.
  if (!ctx.system) requireSignedIn(ctx);
  const [row] = await ctx.db.select().from(imports).where(eq(imports.id, importId));
  if (!row) throw notFound("import");
  const access = await projectAccess(ctx, row.projectId);
  if (access.capabilities.has("plan.create")) return row;
  if (row.workplanId) {
    await authorizeWorkplan(ctx, row.workplanId, "project.read").catch(() => {
      throw notFound("import");
    });
    return row;
  }
  throw notFound("import");
}

/** An import with what its presentation needs: the file, the job, the uploader. */
export async function importDetails(ctx: Context, row: ImportRow) {
  const [details] = await ctx.db
    .select({ file: storedFiles, job: jobs, uploader: { id: users.id, name: users.name } })
    .from(storedFiles)
    .leftJoin(jobs, eq(jobs.id, sql`${row.jobId}`))
    .leftJoin(users, eq(users.id, sql`${row.createdById}`))
    .where(eq(storedFiles.id, row.fileId));
  if (!details) throw new AppError("FILE_MISSING");
  return { row, ...details };
}
export type ImportDetails = Awaited<ReturnType<typeof importDetails>>;

export async function listImports(ctx: Context, projectId: string, query: z.output<typeof api.importListQuery>) {
  await authorizeProject(ctx, projectId, "plan.create");
  const where = eq(imports.projectId, projectId);
  const rows = await ctx.db
    .select({ row: imports, file: storedFiles, job: jobs, uploader: { id: users.id, name: users.name } })
    .from(imports)
    .innerJoin(storedFiles, eq(storedFiles.id, imports.fileId))
    .leftJoin(jobs, eq(jobs.id, imports.jobId))
    .leftJoin(users, eq(users.id, imports.createdById))
    .where(where)
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(pageBounds(query).limit)
    .offset(pageBounds(query).offset);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(imports).where(where);
  return { rows: rows as ImportDetails[], total: count?.n ?? 0 };
}
