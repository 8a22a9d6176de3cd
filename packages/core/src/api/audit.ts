import * as z from "zod";
import { id, pageQuery } from "./common.ts";

export const auditEntry = z.object({
  id: z.int(),
  at: z.string(),
  userId: id.nullable(),
  projectId: id.nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const auditQuery = pageQuery.extend({
  projectId: id.optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
});
