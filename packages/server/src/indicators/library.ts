// An organisation's library of standard indicators: kept with their metadata
// by the organisation's managers, copied into a project when it picks them
// (the copy remembers where it came from; changing the library later does not
// change the project's indicators).
import type { api } from "@baara/core";
import { eq, inArray, max } from "drizzle-orm";
import type * as z from "zod";
import { authorizeOrganisation, authorizeProject } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { indicators, libraryIndicators, resultNodes } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { duplicate, invalidField, notFound } from "../http/errors.ts";
import { loadIndicators } from "./load.ts";
import { presentIndicator } from "./present.ts";
import { mayReadLibrary, presentLibraryIndicator } from "./queries.ts";

export async function createLibraryIndicator(
  ctx: Context,
  organisationId: string,
  input: z.output<typeof api.createLibraryIndicator>,
) {
  await authorizeOrganisation(ctx, organisationId, "indicators.library");
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(libraryIndicators)
      .values({ ...input, organisationId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate("code", input.code);
    await recordAudit(tx, {
      entity: "indicator",
      entityId: row.id,
      action: "create",
      after: { library: organisationId, ...row },
    });
    return presentLibraryIndicator(row);
  });
}

export async function deleteLibraryIndicator(ctx: Context, id: string): Promise<void> {
  const [row] = await ctx.db.select().from(libraryIndicators).where(eq(libraryIndicators.id, id));
  if (!row || !(await mayReadLibrary(ctx, row.organisationId))) throw notFound("libraryIndicator");
  await authorizeOrganisation(ctx, row.organisationId, "indicators.library");
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(libraryIndicators).where(eq(libraryIndicators.id, id));
    await recordAudit(tx, { entity: "indicator", entityId: id, action: "delete", before: row });
  });
}

/** Copies standard indicators of the project's organisation (or those above it) into the project. */
export async function addLibraryIndicators(
  ctx: Context,
  projectId: string,
  input: z.output<typeof api.addLibraryIndicators>,
): Promise<api.Indicator[]> {
  const { project } = await authorizeProject(ctx, projectId, "indicators.define");
  const chain = await ancestorIds(ctx.db, "organisations", project.organisationId);
  const picked = await ctx.db
    .select()
    .from(libraryIndicators)
    .where(inArray(libraryIndicators.id, input.libraryIndicatorIds));
  input.libraryIndicatorIds.forEach((id, i) => {
    const row = picked.find((p) => p.id === id);
    if (!row || !chain.includes(row.organisationId))
      throw invalidField(`libraryIndicatorIds.${i}`, "NOT_FOUND", { entity: "libraryIndicator" });
  });
  return inTransaction(ctx, async (tx) => {
    if (input.resultNodeId) {
      const [node] = await tx.db.select().from(resultNodes).where(eq(resultNodes.id, input.resultNodeId));
      if (!node || node.projectId !== project.id) throw invalidField("resultNodeId", "NODE_OTHER_PROJECT");
    }
    const [last] = await tx.db
      .select({ p: max(indicators.position) })
      .from(indicators)
      .where(eq(indicators.projectId, project.id));
    let position = (last?.p ?? -1) + 1;
    const ids: string[] = [];
    for (const lib of picked) {
      const { id, organisationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...definition } = lib;
      const [row] = await tx.db
        .insert(indicators)
        .values({
          ...definition,
          projectId: project.id,
          libraryIndicatorId: id,
          resultNodeId: input.resultNodeId,
          position: position++,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw duplicate("code", lib.code);
      ids.push(row.id);
      await recordAudit(tx, { projectId: project.id, entity: "indicator", entityId: row.id, action: "create", after: row });
    }
    const loaded = await loadIndicators(tx.db, project);
    return loaded.indicators.filter((r) => ids.includes(r.id)).map((r) => presentIndicator(loaded, r));
  });
}
