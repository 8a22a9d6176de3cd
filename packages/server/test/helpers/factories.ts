// Small data factories writing straight to the database, for test set-up.
import { randomBytes } from "node:crypto";
import type { CurrencyCode, Locale, PlanStatus, Role } from "@baara/core";
import { hashPassword } from "../../src/auth/passwords.ts";
import type { Db } from "../../src/db/client.ts";
import { refreshPlanTotals } from "../../src/workplans/totals.ts";
import {
  activities,
  budgetLines,
  memberships,
  organisations,
  projects,
  resultNodes,
  users,
  workplans,
} from "../../src/db/schema.ts";

export const PASSWORD = "test-password-123";
let passwordHash: Promise<string> | undefined;
const unique = () => randomBytes(4).toString("hex");

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function makeOrganisation(db: Db, values: { parentId?: string | null; code?: string; name?: string } = {}) {
  const code = values.code ?? `ORG-${unique()}`;
  return one(
    await db
      .insert(organisations)
      .values({ code, name: values.name ?? `Organisation ${code}`, kind: "unit", parentId: values.parentId ?? null })
      .returning(),
  );
}

export async function makeUser(
  db: Db,
  values: { email?: string; name?: string; isPlatformAdmin?: boolean; locale?: Locale } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  return one(
    await db
      .insert(users)
      .values({
        email: values.email ?? `user-${unique()}@test.example`,
        name: values.name ?? "Test User",
        passwordHash: await passwordHash,
        isPlatformAdmin: values.isPlatformAdmin ?? false,
        locale: values.locale ?? "fr",
      })
      .returning(),
  );
}

export async function grant(db: Db, userId: string, role: Role, scope: { organisationId?: string; projectId?: string }) {
  return one(
    await db
      .insert(memberships)
      .values({ userId, role, organisationId: scope.organisationId ?? null, projectId: scope.projectId ?? null })
      .returning(),
  );
}

export async function makeProject(
  db: Db,
  values: { organisationId: string; currency?: CurrencyCode; published?: boolean; code?: string; levelLabels?: string[] },
) {
  return one(
    await db
      .insert(projects)
      .values({
        code: values.code ?? `P-${unique()}`,
        title: "Projet de test",
        organisationId: values.organisationId,
        currency: values.currency ?? "XOF",
        levelLabels: values.levelLabels ?? ["Composante", "Sous-composante", "Action"],
        published: values.published ?? false,
      })
      .returning(),
  );
}

export async function makeNode(db: Db, values: { projectId: string; parentId?: string | null; level?: number; code?: string }) {
  return one(
    await db
      .insert(resultNodes)
      .values({
        projectId: values.projectId,
        parentId: values.parentId ?? null,
        level: values.level ?? 0,
        code: values.code ?? `N${unique()}`,
        title: "Nœud de test",
      })
      .returning(),
  );
}

export async function makeWorkplan(
  db: Db,
  values: { projectId: string; year?: number; status?: PlanStatus; planVersion?: number; declaredTotal?: string | null },
) {
  return one(
    await db
      .insert(workplans)
      .values({
        projectId: values.projectId,
        year: values.year ?? 2024,
        planVersion: values.planVersion ?? Math.floor(Math.random() * 1_000_000) + 1,
        title: "PTBA de test",
        status: values.status ?? "draft",
        declaredTotal: values.declaredTotal ?? null,
      })
      .returning(),
  );
}

export async function makeActivity(db: Db, values: { workplanId: string; resultNodeId?: string | null; title?: string }) {
  return one(
    await db
      .insert(activities)
      .values({ workplanId: values.workplanId, resultNodeId: values.resultNodeId ?? null, title: values.title ?? "Activité" })
      .returning(),
  );
}

export async function makeBudgetLine(
  db: Db,
  values: { activityId: string; workplanId: string; quantity?: string; unitCost?: string; amount?: string | null },
) {
  // Like every write of the app, a new line refreshes its plan's stored totals.
  const line = one(
    await db
      .insert(budgetLines)
      .values({
        activityId: values.activityId,
        workplanId: values.workplanId,
        quantity: values.quantity ?? "2",
        unitCost: values.unitCost ?? "1000",
        amount: values.amount ?? null,
      })
      .returning(),
  );
  await refreshPlanTotals({ db }, values.workplanId);
  return line;
}
