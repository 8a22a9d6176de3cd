// The project as a report names it: code, title, the organisation it belongs to.
import type { ReportProject } from "@baara/core";
import { eq } from "drizzle-orm";
import type { ProjectRow } from "../access/policy.ts";
import type { Db } from "../db/client.ts";
import { organisations } from "../db/schema.ts";

export async function reportProject(db: Db, project: ProjectRow): Promise<ReportProject> {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, project.organisationId));
  return {
    code: project.code,
    title: project.title,
    organisationName: organisation?.name ?? "",
    currency: project.currency,
    levelLabels: project.levelLabels,
  };
}
