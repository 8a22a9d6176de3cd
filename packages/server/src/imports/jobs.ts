// The two background jobs of an import. Each acts only if the import is still
// at the step it was queued for (its row version): a reading overtaken by
// another reading, or a commit already done, leaves the import alone.
import type { ColumnRole } from "@baara/core";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { actorOfUser } from "../auth/sessions.ts";
import type { Context, Services } from "../context.ts";
import type { Db } from "../db/client.ts";
import { imports, projects } from "../db/schema.ts";
import { fileBytes, fileRecord } from "../files/records.ts";
import type { JobFailure } from "../jobs/failures.ts";
import { refreshPlanTotals } from "../workplans/totals.ts";
import { createPlanVersion } from "../workplans/versions.ts";
import { interpretInThread } from "./reader-pool.ts";
import type { ImportRow } from "./queries.ts";
import { titleOfUpload } from "./upload.ts";
import { writeImportedPlan } from "./write-plan.ts";

export const READ_IMPORT = "import.read";
export const COMMIT_IMPORT = "import.commit";

export interface ReadJob {
  importId: string;
  version: number;
}
export interface CommitJob extends ReadJob {
  year: number;
  title: string | null;
  userId: string | null;
}

export function registerImportJobs(db: Db, services: Services): void {
  const system = (actor: Context["actor"] = null): Context => ({ db, actor, system: true, services });

  async function current(data: ReadJob): Promise<ImportRow | null> {
    const [row] = await db.select().from(imports).where(eq(imports.id, data.importId));
    return row && row.version === data.version ? row : null;
  }
  const settle = (data: ReadJob, values: Partial<typeof imports.$inferInsert>) =>
    db.update(imports).set({ ...values, updatedAt: new Date() }).where(eq(imports.id, data.importId));

  services.jobs.register<ReadJob>(READ_IMPORT, {
    async run(data, progress) {
      const row = await current(data);
      if (!row || row.status !== "reading") return;
      const ctx = system();
      const [project] = await db.select().from(projects).where(eq(projects.id, row.projectId));
      if (!project) return;
      await progress(0.1, "file");
      const bytes = await fileBytes(ctx, await fileRecord(ctx, row.fileId));
      await progress(0.3, "interpret");
      const file = await fileRecord(ctx, row.fileId);
      const { plan, sheets } = await interpretInThread(bytes, {
        fileName: file.name,
        ...row.options,
        roles: row.options.roles as ColumnRole[] | undefined,
        currency: project.currency,
        levelLabels: project.levelLabels,
      });
      if (!(await current(data))) return;
      await settle(data, { status: "ready", plan, sheets, error: null });
    },
    async failed(data, failure: JobFailure) {
      if (await current(data)) await settle(data, { status: "failed", error: failure });
    },
  });

  services.jobs.register<CommitJob>(COMMIT_IMPORT, {
    async run(data, progress) {
      const row = await current(data);
      if (!row || row.status !== "committing" || !row.plan) return;
      const plan = row.plan;
      const [project] = await db.select().from(projects).where(eq(projects.id, row.projectId));
      if (!project) return;
      const ctx = system(data.userId ? await actorOfUser(db, data.userId) : null);
      await progress(0.1, "write");
      const file = await fileRecord(ctx, row.fileId);
      const version = {
        project,
        year: data.year,
        title: data.title ?? titleOfUpload(file.name) ?? undefined,
        declaredTotal: plan.declaredTotal?.amount ?? null,
      };
      await createPlanVersion(ctx, version, async (tx, workplan) => {
        await writeImportedPlan(tx, project, workplan, plan);
        await refreshPlanTotals(tx, workplan.id);
        await recordAudit(tx, {
          projectId: project.id,
          entity: "workplan",
          entityId: workplan.id,
          action: "create",
          after: { ...workplan, importId: row.id, activities: plan.activities.length, budgetLines: plan.lines.length },
        });
        await tx.db.update(imports).set({ status: "committed", workplanId: workplan.id, updatedAt: new Date() }).where(eq(imports.id, row.id));
      });
    },
    async failed(data, failure) {
      // What was read is still there: the user may try the commit again.
      if (await current(data)) await settle(data, { status: "ready", error: failure });
    },
  });
}
