import type { api, Role } from "@baara/core";
import { and, asc, eq } from "drizzle-orm";
import type * as z from "zod";
import { authorizeOrganisation, authorizeProject, holdsOnPlatform, requireSignedIn } from "../access/policy.ts";
import { recordAudit } from "../audit/record.ts";
import type { Context } from "../context.ts";
import { inTransaction } from "../db/transaction.ts";
import { memberships, organisations, projects, users } from "../db/schema.ts";
import { forbidden, notFound } from "../http/errors.ts";
import type { MembershipListRow, MembershipRow } from "../users/present.ts";

/** Roles are managed by those who manage the members of the organisation or project they apply to. */
export async function authorizeMembershipScope(
  ctx: Context,
  scope: { organisationId?: string | null; projectId?: string | null },
): Promise<void> {
  if (scope.projectId) await authorizeProject(ctx, scope.projectId, "members.manage");
  else if (scope.organisationId) await authorizeOrganisation(ctx, scope.organisationId, "members.manage");
  else throw forbidden();
}

/** The roles in an organisation or project, or one person's own roles (anyone's for users.manage), with names. */
export async function listMemberships(ctx: Context, query: z.output<typeof api.membershipQuery>): Promise<MembershipListRow[]> {
  const actor = requireSignedIn(ctx);
  const { userId, organisationId, projectId } = query;
  if (organisationId || projectId) await authorizeMembershipScope(ctx, { organisationId, projectId });
  else if (userId !== actor.user.id && !holdsOnPlatform(ctx, "users.manage")) throw forbidden();
  return ctx.db
    .select({
      membership: memberships,
      userName: users.name,
      userEmail: users.email,
      userActive: users.active,
      organisationName: organisations.name,
      projectCode: projects.code,
      projectTitle: projects.title,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .leftJoin(projects, eq(projects.id, memberships.projectId))
    .where(
      and(
        userId ? eq(memberships.userId, userId) : undefined,
        organisationId ? eq(memberships.organisationId, organisationId) : undefined,
        projectId ? eq(memberships.projectId, projectId) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.createdAt))
    .limit(1000);
}

export async function createMembership(ctx: Context, input: z.output<typeof api.createMembership>): Promise<MembershipRow> {
  const { userId, ...scoped } = input;
  await authorizeMembershipScope(ctx, scoped);
  return inTransaction(ctx, async (tx) => {
    const [user] = await tx.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user");
    return insertMembership(tx, userId, scoped);
  });
}

/** Gives a role inside the caller's transaction (a role given with a new account shares its transaction), with its audit entry. */
export async function insertMembership(
  tx: Context,
  userId: string,
  { organisationId, projectId, role }: { organisationId?: string; projectId?: string; role: Role },
): Promise<MembershipRow> {
  const [created] = await tx.db
    .insert(memberships)
    .values({ userId, organisationId: organisationId ?? null, projectId: projectId ?? null, role })
    .returning();
  if (!created) throw notFound("membership");
  await recordAudit(tx, { projectId: projectId ?? null, entity: "membership", entityId: created.id, action: "create", after: created });
  return created;
}

export async function deleteMembership(ctx: Context, id: string): Promise<void> {
  const [existing] = await ctx.db.select().from(memberships).where(eq(memberships.id, id));
  if (!existing) throw notFound("membership");
  await authorizeMembershipScope(ctx, existing);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(memberships).where(eq(memberships.id, existing.id));
    await recordAudit(tx, { projectId: existing.projectId, entity: "membership", entityId: existing.id, action: "delete", before: existing });
  });
}
