import type { Actor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { auditLog } from "../db/schema.ts";

export interface AuditEntry {
  actor: Actor | null;
  projectId?: string | null;
  entity: string;
  entityId: string;
  action: "create" | "update" | "delete" | "submit" | "approve" | "endorse" | "return" | "login" | "logout";
  before?: unknown;
  after?: unknown;
}

/** Every change is written in the same transaction as the change itself. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.actor?.user.id ?? null,
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
