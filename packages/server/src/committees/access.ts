// Who may read and write a committee's records. A committee, its sessions and
// the recommendations belong to an organisation or to one of its projects;
// the roles held there decide, as for plans. Committee records are never
// public: a published project shows its plans to visitors, not its minutes.
import { type AccessTarget, accessOn, CAPABILITIES, type Capability, type EntityName } from "@baara/core";
import { and, eq, isNull, isNotNull, or, type SQL, sql } from "drizzle-orm";
import { grantsOf, inMemberOrganisations, memberProjects } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { projects } from "../db/schema.ts";
import { ancestorIds } from "../db/trees.ts";
import { forbidden, notFound, unauthenticated } from "../http/errors.ts";

/** Where a committee record belongs. */
export interface CommitteeScope {
  organisationId: string;
  projectId: string | null;
}

const EVERYTHING = new Set<Capability>(CAPABILITIES);

/** What the actor may do where a committee record belongs; one they may not read is not found (or needs a sign-in). */
export async function committeeCapabilities(
  ctx: Context,
  scope: CommitteeScope,
  entity: EntityName,
): Promise<Set<Capability>> {
  if (ctx.system) return EVERYTHING;
  if (!ctx.actor) throw unauthenticated();
  const chain = await ancestorIds(ctx.db, "organisations", scope.organisationId);
  const target: AccessTarget = scope.projectId
    ? { kind: "project", id: scope.projectId, chain, published: false }
    : { kind: "organisation", chain };
  const { capabilities } = accessOn(grantsOf(ctx.actor), target);
  if (!capabilities.has("project.read")) throw notFound(entity);
  return capabilities;
}

export async function authorizeCommittee(
  ctx: Context,
  scope: CommitteeScope,
  capability: Capability,
  entity: EntityName,
): Promise<void> {
  const capabilities = await committeeCapabilities(ctx, scope, entity);
  if (!capabilities.has(capability)) throw forbidden();
}

/** SQL condition on a table with `organisation_id` and `project_id` columns: the rows the actor may read. */
export function readableCommitteeRows(ctx: Context, columns: { organisationId: SQL; projectId: SQL }): SQL {
  if (ctx.system || ctx.actor?.user.isPlatformAdmin) return sql`true`;
  if (!ctx.actor) return sql`false`;
  const memberProject = sql`${columns.projectId} in (select ${projects.id} from ${projects} where ${memberProjects(ctx)})`;
  return (
    or(
      and(isNotNull(columns.projectId), memberProject),
      and(isNull(columns.projectId), inMemberOrganisations(ctx, columns.organisationId)),
    ) ?? sql`false`
  );
}

/** A project given with an organisation must be one of its projects. */
export async function projectOfOrganisation(
  ctx: Context,
  projectId: string | null,
): Promise<{ organisationId: string } | null> {
  if (!projectId) return null;
  const [project] = await ctx.db
    .select({ organisationId: projects.organisationId })
    .from(projects)
    .where(eq(projects.id, projectId));
  return project ?? null;
}
