import { type Capability, isPlanEditable, isPlanPublic, type PlanStatus } from "@baara/core";
import { eq } from "drizzle-orm";
import { type ProjectAccess, projectAccess } from "../access/access.ts";
import type { Actor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { workplans } from "../db/schema.ts";
import { AppError, forbidden, notFound, unauthenticated } from "../http/errors.ts";

export type WorkplanRow = typeof workplans.$inferSelect;

/** A work plan the actor may act on with `capability`; visitors of a published project see approved plans only. */
export async function requireWorkplan(
  db: Db,
  actor: Actor | null,
  workplanId: string,
  capability: Capability,
): Promise<{ workplan: WorkplanRow; access: ProjectAccess }> {
  const [workplan] = await db.select().from(workplans).where(eq(workplans.id, workplanId));
  if (!workplan) throw notFound("workplan");
  const access = await projectAccess(db, actor, workplan.projectId);
  // A visitor of a published project does not learn that an unpublished plan exists.
  if (access.publicOnly && !isPlanPublic(workplan.status as PlanStatus)) throw notFound("workplan");
  if (!access.capabilities.has(capability)) throw actor ? forbidden() : unauthenticated();
  return { workplan, access };
}

/** Edits go to drafts only: an approved plan changes through a new version. */
export function requireDraft(workplan: WorkplanRow): void {
  if (!isPlanEditable(workplan.status as PlanStatus)) {
    throw new AppError(409, "PLAN_NOT_EDITABLE", { status: workplan.status });
  }
}
