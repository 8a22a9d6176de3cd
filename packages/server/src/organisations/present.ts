import type { api } from "@baara/core";
import type { organisations } from "../db/schema.ts";

export type OrganisationRow = typeof organisations.$inferSelect;

export function presentOrganisation(row: OrganisationRow): api.Organisation {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
