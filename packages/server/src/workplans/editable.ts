import { isPlanEditable } from "@baara/core";
import { authorizeWorkplan, type WorkplanAccess, type WorkplanRow } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { AppError } from "../http/errors.ts";
import { requireNotSuperseded } from "./versions.ts";

/** Only a draft's content changes: an approved plan is revised through a new version. */
export function requireDraft(workplan: WorkplanRow): void {
  if (!isPlanEditable(workplan.status)) throw new AppError("PLAN_NOT_EDITABLE", { status: workplan.status });
}

/** A plan the actor may edit, and that is a draft no later approved version supersedes. */
export async function authorizeDraft(ctx: Context, workplanOrId: string | WorkplanRow): Promise<WorkplanAccess> {
  const access = await authorizeWorkplan(ctx, workplanOrId, "plan.edit");
  requireDraft(access.workplan);
  await requireNotSuperseded(ctx, access.workplan);
  return access;
}
