// Resolves what an actor may do on a project or an organisation. Roles held on
// an organisation hold on its sub-organisations and their projects.
import { type Capability, capabilitiesOf, type Role } from "@baara/core";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/sessions.ts";
import { type Db, queryRows } from "../db/client.ts";
import { projects } from "../db/schema.ts";
import { forbidden, notFound, unauthenticated } from "../http/errors.ts";

/** The organisation and its ancestors, nearest first. */
export async function organisationChain(db: Db, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from organisations where id = ${organisationId}
      union all
      select o.id, o.parent_id, c.depth + 1 from organisations o join chain c on o.id = c.parent_id where c.depth < 50
    )
    select id from chain order by depth`,
  );
  return rows.map((r) => r.id);
}

export function rolesOnOrganisation(actor: Actor | null, chain: readonly string[]): Role[] {
  if (!actor) return [];
  if (actor.user.isPlatformAdmin) return ["admin"];
  return actor.memberships
    .filter((m) => m.organisationId && chain.includes(m.organisationId))
    .map((m) => m.role);
}

export interface ProjectAccess {
  project: typeof projects.$inferSelect;
  capabilities: Set<Capability>;
  /** A visitor who sees the project only because it is published. */
  publicOnly: boolean;
}

/** Loads a project the actor may read; else 404 for a signed-in outsider, 401 for a visitor. */
export async function projectAccess(db: Db, actor: Actor | null, projectId: string): Promise<ProjectAccess> {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw notFound("project");
  const chain = await organisationChain(db, project.organisationId);
  const roles = [
    ...rolesOnOrganisation(actor, chain),
    ...(actor?.memberships.filter((m) => m.projectId === project.id).map((m) => m.role) ?? []),
  ];
  if (roles.length > 0) return { project, capabilities: capabilitiesOf(roles), publicOnly: false };
  if (project.published) return { project, capabilities: capabilitiesOf(["viewer"]), publicOnly: true };
  // A visitor is asked to sign in; a signed-in outsider is not told the project exists.
  throw actor ? notFound("project") : unauthenticated();
}

export async function requireProject(
  db: Db,
  actor: Actor | null,
  projectId: string,
  capability: Capability,
): Promise<ProjectAccess> {
  const access = await projectAccess(db, actor, projectId);
  if (!access.capabilities.has(capability)) throw actor ? forbidden() : unauthenticated();
  return access;
}

export async function requireOrganisation(
  db: Db,
  actor: Actor | null,
  organisationId: string,
  capability: Capability,
): Promise<void> {
  if (!actor) throw unauthenticated();
  const chain = await organisationChain(db, organisationId);
  if (chain.length === 0) throw notFound("organisation");
  if (!capabilitiesOf(rolesOnOrganisation(actor, chain)).has(capability)) throw forbidden();
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requirePlatformAdmin(actor: Actor | null): Actor {
  const signedIn = requireActor(actor);
  if (!signedIn.user.isPlatformAdmin) throw forbidden();
  return signedIn;
}

/**
 * SQL condition for projects the actor may list: published ones, and those of
 * organisations (or sub-organisations) where the actor has a role, or where the
 * actor is a project member.
 */
export function visibleProjectsCondition(actor: Actor | null) {
  if (actor?.user.isPlatformAdmin) return sql`true`;
  if (!actor) return sql`${projects.published} = true`;
  return sql`(${projects.published} = true
    or ${projects.id} in (select project_id from memberships where user_id = ${actor.user.id} and project_id is not null)
    or ${projects.organisationId} in (
      with recursive scope(id, depth) as (
        select organisation_id, 0 from memberships where user_id = ${actor.user.id} and organisation_id is not null
        union all
        select o.id, s.depth + 1 from organisations o join scope s on o.parent_id = s.id where s.depth < 50
      ) select id from scope))`;
}
