// Who may do what. Roles are granted per organisation (and then hold for its
// sub-organisations and their projects) or per project.
export const ROLES = ["admin", "manager", "editor", "approver", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export type Capability =
  | "project.read"
  | "project.manage"
  | "plan.create"
  | "plan.edit"
  | "plan.submit"
  | "plan.approve"
  | "members.manage"
  | "organisation.manage"
  | "audit.read";

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  viewer: ["project.read"],
  editor: ["project.read", "plan.edit", "plan.submit"],
  // Approving is kept apart from editing: who approves a plan did not write it.
  approver: ["project.read", "plan.approve"],
  manager: ["project.read", "project.manage", "plan.create", "plan.edit", "plan.submit", "audit.read"],
  admin: [
    "project.read",
    "project.manage",
    "plan.create",
    "plan.edit",
    "plan.submit",
    "audit.read",
    "members.manage",
    "organisation.manage",
  ],
};

export function capabilitiesOf(roles: Iterable<Role>): Set<Capability> {
  const result = new Set<Capability>();
  for (const role of roles) for (const capability of CAPABILITIES[role]) result.add(capability);
  return result;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
