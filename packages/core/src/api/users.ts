import * as z from "zod";
import { PASSWORD_MIN_LENGTH, TEXT_LIMITS } from "../limits.ts";
import { id, localeSchema, pageQuery, requiredText, role, timestamps, version } from "./common.ts";

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  isPlatformAdmin: z.boolean(),
  active: z.boolean(),
  ...timestamps,
});
export type User = z.infer<typeof user>;

export const password = z.string().min(PASSWORD_MIN_LENGTH).max(TEXT_LIMITS.password);

export const updateUser = z.object({
  name: requiredText(TEXT_LIMITS.personName).optional(),
  locale: localeSchema.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  /** Needed to change one's own password. */
  currentPassword: z.string().max(200).optional(),
  version,
});

export const membership = z.object({
  id,
  userId: id,
  organisationId: id.nullable(),
  projectId: id.nullable(),
  role,
  createdAt: z.string(),
});
export type Membership = z.infer<typeof membership>;

/** A role applies to one organisation or one project, never both. */
const oneScope: [(m: { organisationId?: string; projectId?: string }) => boolean, { message: string; path: string[] }] = [
  (m) => (m.organisationId === undefined) !== (m.projectId === undefined),
  { message: "MEMBERSHIP_SCOPE", path: ["organisationId"] },
];
const scopedRole = { organisationId: id.optional(), projectId: id.optional(), role };

export const createMembership = z.object({ userId: id, ...scopedRole }).refine(...oneScope);

export const createUser = z.object({
  email: z.email().max(TEXT_LIMITS.email),
  name: requiredText(TEXT_LIMITS.personName),
  password,
  locale: localeSchema.default("fr"),
  /**
   * A first role, given with the account in one transaction (it needs the
   * right to manage the members where it applies). An organisation's
   * administrator sees only the people holding a role under it, so an
   * invitation usually comes with one.
   */
  membership: z.object(scopedRole).refine(...oneScope).optional(),
});

/** A role as the administration screens list it: with the person, and the organisation or project it applies to. */
export const membershipListItem = membership.extend({
  userName: z.string(),
  userEmail: z.string(),
  userActive: z.boolean(),
  organisationName: z.string().nullable(),
  projectCode: z.string().nullable(),
  projectTitle: z.string().nullable(),
});
export type MembershipListItem = z.infer<typeof membershipListItem>;
export const membershipQuery = z.object({
  userId: id.optional(),
  organisationId: id.optional(),
  projectId: id.optional(),
});

export const loginRequest = z.object({ email: z.string().trim().max(200), password: z.string().max(200) });
export type SessionResponse = z.infer<typeof sessionResponse>;
export const sessionResponse = z.object({
  user,
  csrfToken: z.string(),
  memberships: z.array(membership),
  expiresAt: z.string(),
});

export const userListQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() });
