import type { api } from "@baara/core";
import { and, asc, eq } from "drizzle-orm";
import type * as z from "zod";
import { authorizeOrganisation, authorizeProject, holdsOnPlatform, requireSignedIn } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { memberships, users } from "../db/schema.ts";
import { forbidden, notFound } from "../http/errors.ts";
import type { MembershipRow } from "../users/present.ts";

/** Roles are managed by those who manage the members of the organisation or project they apply to. */
async function authorizeScope(ctx: Context, scope: { organisationId?: string | null; projectId?: string | null }): Promise<void> {
  if (scope.projectId) await authorizeProject(ctx, scope.projectId, "members.manage");
  else if (scope.organisationId) await authorizeOrganisation(ctx, scope.organisationId, "members.manage");
  else throw forbidden();
}

/** The roles in an organisation or project, or one person's own roles (anyone's for users.manage). */
export async function listMemberships(ctx: Context, query: z.output<typeof api.membershipQuery>): Promise<MembershipRow[]> {
  const actor = requireSignedIn(ctx);
  const { userId, organisationId, projectId } = query;
  if (organisationId || projectId) await authorizeScope(ctx, { organisationId, projectId });
  else if (userId !== actor.user.id && !holdsOnPlatform(ctx, "users.manage")) throw forbidden();
  return ctx.db
    .select()
    .from(memberships)
    .where(
      and(
        userId ? eq(memberships.userId, userId) : undefined,
        organisationId ? eq(memberships.organisationId, organisationId) : undefined,
        projectId ? eq(memberships.projectId, projectId) : undefined,
      ),
    )
    .orderBy(asc(memberships.createdAt))
    .limit(1000);
}

export async function createMembership(ctx: Context, input: z.output<typeof api.createMembership>): Promise<MembershipRow> {
  const { userId, organisationId, projectId, role } = input;
  await authorizeScope(ctx, { organisationId, projectId });
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user");
    const [created] = await tx.db
      .insert(memberships)
      .values({ userId, organisationId: organisationId ?? null, projectId: projectId ?? null, role })
      .returning();
    if (!created) throw notFound("membership");
    await recordAudit(tx, { projectId: projectId ?? null, entity: "membership", entityId: created.id, action: "create", after: created });
    return created;
  });
}

export async function deleteMembership(ctx: Context, id: string): Promise<void> {
  const [existing] = await ctx.db.select().from(memberships).where(eq(memberships.id, id));
  if (!existing) throw notFound("membership");
  await authorizeScope(ctx, existing);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(memberships).where(eq(memberships.id, existing.id));
    await recordAudit(tx, { projectId: existing.projectId, entity: "membership", entityId: existing.id, action: "delete", before: existing });
  });
}
