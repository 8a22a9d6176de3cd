import type { api } from "@baara/core";
import { and, count, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import { authorizeOrganisation, authorizePlatform } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { inTransaction } from "../db/transaction.ts";
import { organisations, projects } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { AppError, duplicate, invalidField, notFound, versionConflict } from "../http/errors.ts";
import { type OrganisationRow, presentOrganisation } from "./present.ts";

const rethrowDuplicate = (code: string) => (error: unknown): never => {
  if (isUniqueViolation(error)) throw duplicate("code", code);
  throw error;
};

/** Under a parent the actor manages; a new root organisation is for platform administrators. */
export async function createOrganisation(ctx: Context, input: z.output<typeof api.createOrganisation>): Promise<OrganisationRow> {
  if (input.parentId) await authorizeOrganisation(ctx, input.parentId, "organisation.manage");
  else authorizePlatform(ctx, "organisation.createRoot");
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(organisations).values(input).returning();
    if (!row) throw notFound("organisation");
    await recordAudit(tx, { entity: "organisation", entityId: row.id, action: "create", after: row });
    return row;
  }).catch(rethrowDuplicate(input.code));
}

/** Moving needs the right on the new parent too; detaching to the root is for platform administrators. */
export async function updateOrganisation(
  ctx: Context,
  id: string,
  input: z.output<typeof api.updateOrganisation>,
): Promise<OrganisationRow> {
  const { version, ...changes } = input;
  await authorizeOrganisation(ctx, id, "organisation.manage");
  if (changes.parentId === null) authorizePlatform(ctx, "organisation.createRoot");
  if (changes.parentId) {
    await authorizeOrganisation(ctx, changes.parentId, "organisation.manage");
    if ((await ancestorIds(ctx.db, "organisations", changes.parentId)).includes(id)) throw invalidField("parentId", "NODE_CYCLE");
  }
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(organisations).where(eq(organisations.id, id));
    if (!before) throw notFound("organisation");
    const [row] = await tx.db
      .update(organisations)
      .set({ ...changes, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning();
    if (!row) throw versionConflict(presentOrganisation(before));
    await recordAudit(tx, { entity: "organisation", entityId: id, action: "update", before, after: row });
    return row;
  }).catch(rethrowDuplicate(changes.code ?? ""));
}

export async function deleteOrganisation(ctx: Context, id: string): Promise<void> {
  await authorizeOrganisation(ctx, id, "organisation.manage");
  await inTransaction(ctx, async (tx) => {
    const [children] = await tx.db.select({ n: count() }).from(organisations).where(eq(organisations.parentId, id));
    const [owned] = await tx.db.select({ n: count() }).from(projects).where(eq(projects.organisationId, id));
    if ((children?.n ?? 0) > 0 || (owned?.n ?? 0) > 0) {
      throw new AppError("ORGANISATION_IN_USE", { children: children?.n ?? 0, projects: owned?.n ?? 0 });
    }
    const [before] = await tx.db.delete(organisations).where(eq(organisations.id, id)).returning();
    await recordAudit(tx, { entity: "organisation", entityId: id, action: "delete", before });
  });
}
