import type { api, Role } from "@baara/core";
import type { users } from "../db/schema.ts";

type UserRow = typeof users.$inferSelect;

export function presentUser(row: UserRow): api.User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === "en" ? "en" : "fr",
    isPlatformAdmin: row.isPlatformAdmin,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentMembership(row: {
  id: string;
  userId: string;
  organisationId: string | null;
  projectId: string | null;
  role: Role | string;
  createdAt: Date;
}): api.Membership {
  return {
    id: row.id,
    userId: row.userId,
    organisationId: row.organisationId,
    projectId: row.projectId,
    role: row.role as Role,
    createdAt: row.createdAt.toISOString(),
  };
}
