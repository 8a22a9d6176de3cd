import { type api } from "@baara/core";
import { asc, eq } from "drizzle-orm";
import { projectAccess } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { resultNodes } from "../db/schema.ts";
import { presentNode } from "./present.ts";

/** A project's results framework, level by level. */
export async function listNodes(ctx: Context, projectId: string): Promise<api.ResultNode[]> {
  const { project } = await projectAccess(ctx, projectId);
  const rows = await ctx.db
    .select()
    .from(resultNodes)
    .where(eq(resultNodes.projectId, project.id))
    .orderBy(asc(resultNodes.level), asc(resultNodes.position))
    .limit(10_000);
  return rows.map((row) => presentNode(row, project.levelLabels));
}
