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

export const createUser = z.object({
  email: z.email().max(TEXT_LIMITS.email),
  name: requiredText(TEXT_LIMITS.personName),
  password,
  locale: localeSchema.default("fr"),
});
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

export const createMembership = z
  .object({ userId: id, organisationId: id.optional(), projectId: id.optional(), role })
  .refine((m) => (m.organisationId === undefined) !== (m.projectId === undefined), {
    message: "MEMBERSHIP_SCOPE",
    path: ["organisationId"],
  });
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
