import type { api } from "@baara/core";
import { and, count, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeOrganisation, authorizeProject, type ProjectRow } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { inTransaction } from "../db/transaction.ts";
import { budgetLines, projectPartners, projects, workplans } from "../db/schema.ts";
import { duplicate, invalidField, notFound, versionConflict } from "../http/errors.ts";
import { refreshProjectPlans } from "../workplans/totals.ts";
import { presentProject } from "./queries.ts";

type Partner = z.output<typeof api.partner>;

async function replacePartners(ctx: Context, projectId: string, partners: Partner[]): Promise<void> {
  await ctx.db.delete(projectPartners).where(eq(projectPartners.projectId, projectId));
  if (partners.length === 0) return;
  await ctx.db.insert(projectPartners).values(partners.map((p, position) => ({ ...p, projectId, position })));
}

const rethrowDuplicate = (code: string) => (error: unknown): never => {
  if (isUniqueViolation(error)) throw duplicate("code", code);
  throw error;
};

export async function createProject(ctx: Context, input: z.output<typeof api.createProject>): Promise<ProjectRow> {
  const { partners, ...fields } = input;
  await authorizeOrganisation(ctx, fields.organisationId, "project.manage");
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(projects).values(fields).returning();
    if (!row) throw notFound("project");
    await replacePartners(tx, row.id, partners);
    await recordAudit(tx, { projectId: row.id, entity: "project", entityId: row.id, action: "create", after: { ...row, partners } });
    return row;
  }).catch(rethrowDuplicate(fields.code));
}

export async function updateProject(
  ctx: Context,
  projectId: string,
  input: z.output<typeof api.updateProject>,
): Promise<ProjectRow> {
  const { version, partners, ...changes } = input;
  const { project: before } = await authorizeProject(ctx, projectId, "project.manage");
  if (changes.organisationId && changes.organisationId !== before.organisationId) {
    await authorizeOrganisation(ctx, changes.organisationId, "project.manage");
  }
  const startDate = changes.startDate === undefined ? before.startDate : changes.startDate;
  const endDate = changes.endDate === undefined ? before.endDate : changes.endDate;
  if (startDate && endDate && startDate > endDate) throw invalidField("endDate", "DATE_ORDER");
  return inTransaction(ctx, async (tx) => {
    if (changes.currency && changes.currency !== before.currency) {
      // Amounts already entered were entered in the old currency.
      const [lines] = await tx.db
        .select({ n: count() })
        .from(budgetLines)
        .innerJoin(workplans, eq(workplans.id, budgetLines.workplanId))
        .where(eq(workplans.projectId, before.id));
      if ((lines?.n ?? 0) > 0) throw invalidField("currency", "CURRENCY_LOCKED", { count: lines?.n ?? 0 });
    }
    const [row] = await tx.db
      .update(projects)
      .set({ ...changes, version: sql`${projects.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projects.id, before.id), eq(projects.version, version)))
      .returning();
    if (!row) {
      const [current] = await tx.db.select().from(projects).where(eq(projects.id, before.id));
      throw versionConflict(current ? await presentProject(tx, current) : null);
    }
    if (partners) await replacePartners(tx, before.id, partners);
    // The fiscal year and the level labels are read by every plan's checks and sub-totals.
    if (changes.fiscalYearStartMonth !== undefined || changes.levelLabels !== undefined) await refreshProjectPlans(tx, before.id);
    await recordAudit(tx, { projectId: before.id, entity: "project", entityId: before.id, action: "update", before, after: partners ? { ...row, partners } : row });
    return row;
  }).catch(rethrowDuplicate(changes.code ?? ""));
}

export async function deleteProject(ctx: Context, projectId: string): Promise<void> {
  const { project } = await authorizeProject(ctx, projectId, "project.read");
  await authorizeOrganisation(ctx, project.organisationId, "organisation.manage");
  await inTransaction(ctx, async (tx) => {
    // Written first: the entry outlives the project (its project id is cleared, its entity id stays).
    await recordAudit(tx, { projectId: project.id, entity: "project", entityId: project.id, action: "delete", before: project });
    await tx.db.delete(projects).where(eq(projects.id, project.id));
  });
}
