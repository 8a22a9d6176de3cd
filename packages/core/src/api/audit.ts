import * as z from "zod";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../domain.ts";
import { id, pageQuery } from "./common.ts";

export const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  userId: id.nullable(),
  projectId: id.nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown(),
  after: z.unknown(),
});
export const auditQuery = pageQuery.extend({
  projectId: id.optional(),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  entityId: z.string().max(60).optional(),
});
