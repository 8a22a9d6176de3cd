import { describe, expect, it } from "vitest";
import { type Grants, mayAdminister, rolesGranting } from "./access.ts";

const member = (role: Grants["memberships"][number]["role"], scope: { organisationId?: string; projectId?: string }): Grants => ({
  platformAdmin: false,
  memberships: [{ organisationId: scope.organisationId ?? null, projectId: scope.projectId ?? null, role }],
});

describe("access", () => {
  it("lists the roles that grant a capability", () => {
    expect(rolesGranting("project.read")).toEqual(["admin", "manager", "editor", "approver", "viewer"]);
    expect(rolesGranting("members.manage")).toEqual(["admin"]);
    expect(rolesGranting("users.manage")).toEqual([]);
  });

  it("opens the administration screens to administrators of the platform or of any organisation only", () => {
    expect(mayAdminister({ platformAdmin: true, memberships: [] })).toBe(true);
    expect(mayAdminister(member("admin", { organisationId: "o" }))).toBe(true);
    for (const role of ["manager", "editor", "approver", "viewer"] as const) {
      expect(mayAdminister(member(role, { organisationId: "o" })), role).toBe(false);
    }
    expect(mayAdminister({ platformAdmin: false, memberships: [] })).toBe(false);
    expect(mayAdminister(null)).toBe(false);
  });
});
