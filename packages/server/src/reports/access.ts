// Who may read and write a report: the roles held on its project. Reports are
// never public: a visitor of a published project does not learn one exists.
import type { Capability } from "@baara/core";
import { eq } from "drizzle-orm";
import { type ProjectAccess, projectAccess } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { reports } from "../db/schema.ts";
import { forbidden, notFound } from "../http/errors.ts";

export type ReportRow = typeof reports.$inferSelect;

/** The project's access for reports: one its reports are hidden from is not found. */
export async function reportProjectAccess(ctx: Context, projectId: string): Promise<ProjectAccess> {
  const access = await projectAccess(ctx, projectId);
  if (access.publicOnly || !access.capabilities.has("project.read")) throw notFound("project");
  return access;
}

export async function authorizeReport(
  ctx: Context,
  reportId: string,
  capability: Capability,
): Promise<ProjectAccess & { report: ReportRow }> {
  const [report] = await ctx.db.select().from(reports).where(eq(reports.id, reportId));
  if (!report) throw notFound("report");
  const access = await projectAccess(ctx, report.projectId);
  if (access.publicOnly || !access.capabilities.has("project.read")) throw notFound("report");
  if (!access.capabilities.has(capability)) throw forbidden();
  return { ...access, report };
}
