import type { api } from "@baara/core";
import type { memberships, users } from "../db/schema.ts";

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export function presentUser(row: UserRow): api.User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isPlatformAdmin: row.isPlatformAdmin,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentMembership(row: Omit<MembershipRow, "userId"> & { userId: string }): api.Membership {
  return {
    id: row.id,
    userId: row.userId,
    organisationId: row.organisationId,
    projectId: row.projectId,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A role with the names the administration screens show beside it. */
export interface MembershipListRow {
  membership: MembershipRow;
  userName: string;
  userEmail: string;
  userActive: boolean;
  organisationName: string | null;
  projectCode: string | null;
  projectTitle: string | null;
}

export function presentMembershipListItem({ membership, ...names }: MembershipListRow): api.MembershipListItem {
  return { ...presentMembership(membership), ...names };
}

/** The audit log never holds password hashes. */
export const auditableUser = ({ passwordHash: _hash, ...rest }: UserRow) => rest;
