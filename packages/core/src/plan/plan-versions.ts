// One current plan per project-year. The version in force is the latest one
// approved or endorsed; every earlier version of that year is superseded by
// it: kept for the record, read only, and takes no further workflow step (a
// superseded draft may still be deleted). Drafts later than the version in
// force are revisions in progress. Nothing is stored: approving a later
// version, or returning it to draft, changes the standing of the others.
import type { PlanStatus } from "./workflow.ts";

export interface VersionState {
  planVersion: number;
  status: PlanStatus;
}

/** The status a version counts as "in force" with. */
export function isInForceStatus(status: PlanStatus): boolean {
  return status === "approved" || status === "endorsed";
}

/** The version in force for one project-year, or null before any version is approved. */
export function versionInForce(versions: readonly VersionState[]): number | null {
  let found: number | null = null;
  for (const v of versions) if (isInForceStatus(v.status) && (found === null || v.planVersion > found)) found = v.planVersion;
  return found;
}

/** The version that replaces this one (the version in force, when it is later), or null. */
export function supersededBy(planVersion: number, inForce: number | null): number | null {
  return inForce !== null && inForce > planVersion ? inForce : null;
}

export type VersionStanding = "inForce" | "superseded" | "pending";

/** In force, superseded by a later approval, or neither yet (a draft or a submitted version with nothing later in force). */
export function versionStanding(planVersion: number, inForce: number | null): VersionStanding {
  if (inForce === planVersion) return "inForce";
  return supersededBy(planVersion, inForce) === null ? "pending" : "superseded";
}

export interface NewVersionOutlook {
  /** The number the new version takes. */
  next: number;
  /** The year's versions as they stay (the new one is a draft: it supersedes them only once approved). */
  existing: (VersionState & { standing: VersionStanding })[];
}

/** What making a new version of a year's plan (import, copy, new) does to the versions already there: nothing until approved. */
export function newVersionOutlook(versions: readonly VersionState[]): NewVersionOutlook {
  const inForce = versionInForce(versions);
  const existing = [...versions]
    .sort((a, b) => a.planVersion - b.planVersion)
    .map((v) => ({ planVersion: v.planVersion, status: v.status, standing: versionStanding(v.planVersion, inForce) }));
  return { next: Math.max(0, ...versions.map((v) => v.planVersion)) + 1, existing };
}
