import { sql } from "drizzle-orm";
import type { Actor } from "../auth/sessions.ts";
import { users } from "../db/schema.ts";

/**
 * Users an actor may see: everyone for a platform admin; for an organisation
 * admin, the people holding a role in an organisation or project under them;
 * and always oneself.
 */
export function visibleUsersCondition(actor: Actor) {
  if (actor.user.isPlatformAdmin) return sql`true`;
  return sql`(${users.id} = ${actor.user.id} or ${users.id} in (
    with recursive scope(id, depth) as (
      select organisation_id, 0 from memberships
        where user_id = ${actor.user.id} and role = 'admin' and organisation_id is not null
      union all
      select o.id, s.depth + 1 from organisations o join scope s on o.parent_id = s.id where s.depth < 50
    )
    select m.user_id from memberships m
      left join projects p on p.id = m.project_id
      where m.organisation_id in (select id from scope) or p.organisation_id in (select id from scope)))`;
}

export function isAnyAdmin(actor: Actor): boolean {
  return actor.user.isPlatformAdmin || actor.memberships.some((m) => m.role === "admin" && m.organisationId);
}
