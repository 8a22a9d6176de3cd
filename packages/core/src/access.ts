// Who may do what: roles → capabilities, and the one rule that decides
// whether an actor holds a capability on a target. Roles are granted per
// organisation (they then hold for its sub-organisations and their projects)
// or per project; platform administration is a role of its own, held over
// everything.
export const ROLES = ["admin", "manager", "editor", "approver", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export type PlatformRole = "platformAdmin";

export const CAPABILITIES = [
  "project.read",
  "project.manage",
  "plan.create",
  "plan.edit",
  "plan.submit",
  "plan.approve",
  /** Progress, commitments, payments and credits of an approved plan. */
  "execution.record",
  /** Close a plan's year (its execution no longer changes) or reopen it. */
  "execution.close",
  /** Define a project's indicators: metadata, baseline, targets, milestones; import a results table. */
  "indicators.define",
  /** Enter indicator values for a period (until they are validated). */
  "indicators.record",
  /** Validate, return or reopen entered indicator values; set the project's status thresholds. */
  "indicators.validate",
  /** An organisation's library of standard indicators. */
  "indicators.library",
  /** Create and change committees (bodies) and their members. */
  "committee.manage",
  /** Sessions: agenda, attendance, minutes, recommendations and their follow-up — the secretary's work. */
  "committee.record",
  /** Approve a session's minutes: they then no longer change. */
  "committee.approve",
  /** Reports: create one, write its narrative, submit it, generate its documents. */
  "report.write",
  /** Approve a submitted report (its figures are then kept as they were) or return it to draft. */
  "report.approve",
  "audit.read",
  "members.manage",
  "organisation.manage",
  /** Create accounts (to give them a role afterwards). */
  "users.invite",
  "organisation.createRoot",
  /** Change or deactivate someone else's account. */
  "users.manage",
  /** The whole audit log, not one project's. */
  "audit.readAll",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const MANAGER: readonly Capability[] = [
  "project.read",
  "project.manage",
  "plan.create",
  "plan.edit",
  "plan.submit",
  "execution.record",
  "execution.close",
  "indicators.define",
  "indicators.record",
  "indicators.validate",
  "indicators.library",
  "committee.manage",
  "committee.record",
  "committee.approve",
  "report.write",
  "report.approve",
  "audit.read",
];
const ADMIN: readonly Capability[] = [...MANAGER, "members.manage", "organisation.manage", "users.invite"];

export const ROLE_CAPABILITIES: Record<Role | PlatformRole, readonly Capability[]> = {
  viewer: ["project.read"],
  // Editors write the plans: they start them (new, imported, copied, a new version of an approved one) too.
  // …and follow their execution: progress, commitments, payments; they define indicators and enter their values;
  // …and keep the committees' sessions as their secretary: agenda, attendance, minutes, recommendations.
  editor: [
    "project.read",
    "plan.create",
    "plan.edit",
    "plan.submit",
    "execution.record",
    "indicators.define",
    "indicators.record",
    "committee.record",
    "report.write",
  ],
  // Approving is kept apart from editing: who approves a plan did not write it; nor the minutes; an approver
  // validates the values editors enter.
  approver: ["project.read", "plan.approve", "indicators.validate", "committee.approve", "report.approve"],
  manager: MANAGER,
  admin: ADMIN,
  platformAdmin: [...ADMIN, "organisation.createRoot", "users.manage", "audit.readAll"],
};

/** Capabilities that a role held anywhere grants everywhere (an organisation's admin may invite people). */
const HELD_ANYWHERE: readonly Capability[] = ["users.invite"];

/** The roles a user holds: memberships, and platform administration. */
export interface Grants {
  platformAdmin: boolean;
  memberships: readonly { organisationId: string | null; projectId: string | null; role: Role }[];
}

/** What a capability is asked on. An organisation comes with its ancestors, nearest first (itself included). */
export type AccessTarget =
  | { kind: "platform" }
  | { kind: "organisation"; chain: readonly string[] }
  | { kind: "project"; id: string; chain: readonly string[]; published: boolean };

export interface AccessAnswer {
  capabilities: Set<Capability>;
  /** A visitor who sees a published project only because it is published. */
  publicOnly: boolean;
}

export function capabilitiesOf(roles: Iterable<Role | PlatformRole>): Set<Capability> {
  const result = new Set<Capability>();
  for (const role of roles) for (const capability of ROLE_CAPABILITIES[role]) result.add(capability);
  return result;
}

export function rolesOn(grants: Grants | null, target: AccessTarget): (Role | PlatformRole)[] {
  if (!grants) return [];
  if (grants.platformAdmin) return ["platformAdmin"];
  if (target.kind === "platform") return [];
  return grants.memberships
    .filter(
      (m) =>
        (m.organisationId !== null && target.chain.includes(m.organisationId))
        || (target.kind === "project" && m.projectId === target.id),
    )
    .map((m) => m.role);
}

/** Every capability the actor holds on the target; a published project is readable by anyone. */
export function accessOn(grants: Grants | null, target: AccessTarget): AccessAnswer {
  const roles = rolesOn(grants, target);
  const capabilities = capabilitiesOf(roles);
  if (target.kind === "platform" && grants) {
    for (const m of grants.memberships) {
      for (const c of ROLE_CAPABILITIES[m.role]) if (HELD_ANYWHERE.includes(c)) capabilities.add(c);
    }
  }
  if (roles.length === 0 && target.kind === "project" && target.published) {
    return { capabilities: capabilitiesOf(["viewer"]), publicOnly: true };
  }
  return { capabilities, publicOnly: false };
}

export function can(grants: Grants | null, capability: Capability, target: AccessTarget): boolean {
  return accessOn(grants, target).capabilities.has(capability);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The membership roles that grant a capability (the SQL scopes of lists ask for memberships with one of them). */
export function rolesGranting(capability: Capability): Role[] {
  return ROLES.filter((role) => ROLE_CAPABILITIES[role].includes(capability));
}

/**
 * Whether someone may open the administration screens: the administrator of
 * an organisation (anywhere) or of the platform. What they may change there is
 * still asked of the server, record by record.
 */
export function mayAdminister(grants: Grants | null): boolean {
  return accessOn(grants, { kind: "platform" }).capabilities.has("users.invite");
}
