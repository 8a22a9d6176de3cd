import type { AuditAction, AuditEntity } from "@baara/core";
import type { Context } from "../context.ts";
import { auditLog } from "../db/schema.ts";

export interface AuditEntry {
  projectId?: string | null;
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** Every change is written in the same transaction as the change itself (`ctx.db` is that transaction). */
export async function recordAudit(ctx: Pick<Context, "db" | "actor">, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    userId: ctx.actor?.user.id ?? null,
    projectId: entry.projectId ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
  });
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}
