// The one access policy: whether the actor may do an action on a record
// (`authorize…`), and which rows of a list the actor may see (`scope…`). The
// rule itself is core's `accessOn` on the capability table; this module loads
// what the rule needs (the record's organisation and its ancestors) and turns
// a refusal into the right answer: 401 for a visitor, 404 for a signed-in
// user who may not even know the record exists, 403 otherwise.
import { type AccessTarget, accessOn, type Capability, type Grants, isPlanPublic, ROLE_CAPABILITIES, rolesGranting } from "@baara/core";
import { eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/sessions.ts";
import type { Context } from "../context.ts";
import { projects, users, workplans } from "../db/schema.ts";
import { ancestorIds, descendantsOf } from "../db/trees.ts";
import { forbidden, notFound, unauthenticated } from "../http/errors.ts";

export type ProjectRow = typeof projects.$inferSelect;
export type WorkplanRow = typeof workplans.$inferSelect;

export interface ProjectAccess {
  project: ProjectRow;
  capabilities: Set<Capability>;
  /** A visitor who sees the project only because it is published: approved plans only. */
  publicOnly: boolean;
}

export interface WorkplanAccess extends ProjectAccess {
  workplan: WorkplanRow;
}

export function grantsOf(actor: Actor | null): Grants | null {
  return actor && { platformAdmin: actor.user.isPlatformAdmin, memberships: actor.memberships };
}

const ALL = new Set<Capability>(accessOn({ platformAdmin: true, memberships: [] }, { kind: "platform" }).capabilities);

function refuse(ctx: Context): never {
  throw ctx.actor ? forbidden() : unauthenticated();
}

export function requireSignedIn(ctx: Context): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

/** What the actor may do on a project; a project the actor may not read is not found (or needs a sign-in). */
export async function projectAccess(ctx: Context, projectOrId: string | ProjectRow): Promise<ProjectAccess> {
  const project =
    typeof projectOrId === "string"
      ? (await ctx.db.select().from(projects).where(eq(projects.id, projectOrId)))[0]
      : projectOrId;
  if (!project) throw notFound("project");
  if (ctx.system) return { project, capabilities: ALL, publicOnly: false };
  const target: AccessTarget = {
    kind: "project",
    id: project.id,
    chain: await ancestorIds(ctx.db, "organisations", project.organisationId),
    published: project.published,
  };
  const { capabilities, publicOnly } = accessOn(grantsOf(ctx.actor), target);
  if (!capabilities.has("project.read")) throw ctx.actor ? notFound("project") : unauthenticated();
  return { project, capabilities, publicOnly };
}

export async function authorizeProject(
  ctx: Context,
  projectOrId: string | ProjectRow,
  capability: Capability,
): Promise<ProjectAccess> {
  const access = await projectAccess(ctx, projectOrId);
  if (!access.capabilities.has(capability)) refuse(ctx);
  return access;
}

/** A work plan and what the actor may do on it; a visitor of a published project does not learn a draft exists. */
export async function authorizeWorkplan(
  ctx: Context,
  workplanOrId: string | WorkplanRow,
  capability: Capability,
): Promise<WorkplanAccess> {
  const workplan =
    typeof workplanOrId === "string"
      ? (await ctx.db.select().from(workplans).where(eq(workplans.id, workplanOrId)))[0]
      : workplanOrId;
  if (!workplan) throw notFound("workplan");
  const access = await projectAccess(ctx, workplan.projectId);
  if (access.publicOnly && !isPlanPublic(workplan.status)) throw notFound("workplan");
  if (!access.capabilities.has(capability)) refuse(ctx);
  return { ...access, workplan };
}

export async function authorizeOrganisation(ctx: Context, organisationId: string, capability: Capability): Promise<void> {
  if (ctx.system) return;
  requireSignedIn(ctx);
  const chain = await ancestorIds(ctx.db, "organisations", organisationId);
  if (chain.length === 0) throw notFound("organisation");
  if (!accessOn(grantsOf(ctx.actor), { kind: "organisation", chain }).capabilities.has(capability)) refuse(ctx);
}

/** A capability over the whole platform (or, for `users.invite`, held anywhere). */
export function authorizePlatform(ctx: Context, capability: Capability): void {
  if (ctx.system) return;
  requireSignedIn(ctx);
  if (!accessOn(grantsOf(ctx.actor), { kind: "platform" }).capabilities.has(capability)) refuse(ctx);
}

export function holdsOnPlatform(ctx: Context, capability: Capability): boolean {
  return ctx.system || accessOn(grantsOf(ctx.actor), { kind: "platform" }).capabilities.has(capability);
}

/** Organisations where the actor holds a role (any role, or one of `roles`), with their sub-organisations. */
function organisationsOf(actor: Actor, roles?: readonly string[]): SQL {
  const roleFilter = roles ? sql` and role in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})` : sql``;
  return descendantsOf(
    "organisations",
    sql`select organisation_id from memberships where user_id = ${actor.user.id} and organisation_id is not null${roleFilter}`,
  );
}

/** Projects the actor holds a role on, directly or through an organisation. */
export function memberProjects(ctx: Context): SQL {
  if (ctx.system || ctx.actor?.user.isPlatformAdmin) return sql`true`;
  if (!ctx.actor) return sql`false`;
  return sql`(${projects.id} in (select project_id from memberships where user_id = ${ctx.actor.user.id} and project_id is not null)
    or ${projects.organisationId} in ${organisationsOf(ctx.actor)})`;
}

/**
 * SQL condition on `projects` for the projects where the actor holds
 * `capability` through a role: on the project itself, or on its organisation
 * or one above it. Reading a published project grants nothing here.
 */
export function projectsWhereActorHolds(ctx: Context, capability: Capability): SQL {
  if (ctx.system) return sql`true`;
  // Platform administration replaces the memberships of whoever holds it (core's rolesOn).
  if (ctx.actor?.user.isPlatformAdmin) return ROLE_CAPABILITIES.platformAdmin.includes(capability) ? sql`true` : sql`false`;
  const roles = rolesGranting(capability);
  if (!ctx.actor || roles.length === 0) return sql`false`;
  const inRoles = sql.join(roles.map((r) => sql`${r}`), sql`, `);
  return sql`(${projects.id} in (select project_id from memberships where user_id = ${ctx.actor.user.id} and project_id is not null and role in (${inRoles}))
    or ${projects.organisationId} in ${organisationsOf(ctx.actor, roles)})`;
}

/**
 * SQL condition: the organisation in `column` is one where the actor holds a
 * role, or below one (what an organisation's own records, such as its
 * committees, need to be read).
 */
export function inMemberOrganisations(ctx: Context, column: SQL): SQL {
  if (ctx.system || ctx.actor?.user.isPlatformAdmin) return sql`true`;
  if (!ctx.actor) return sql`false`;
  return sql`${column} in ${organisationsOf(ctx.actor)}`;
}

/** SQL condition on `projects` for the projects the actor may read: published ones, and those they are a member of. */
export function readableProjects(ctx: Context): SQL {
  return sql`(${projects.published} = true or ${memberProjects(ctx)})`;
}

/**
 * SQL condition on `users` for the people the actor may see: oneself; for an
 * organisation's admin, the people holding a role under it; everyone for a
 * platform administrator.
 */
export function visibleUsers(ctx: Context): SQL {
  if (holdsOnPlatform(ctx, "users.manage")) return sql`true`;
  const actor = requireSignedIn(ctx);
  const administered = organisationsOf(actor, ["admin"]);
  return sql`(${users.id} = ${actor.user.id} or ${users.id} in (
    select m.user_id from memberships m left join projects p on p.id = m.project_id
    where m.organisation_id in ${administered} or p.organisation_id in ${administered}))`;
}
