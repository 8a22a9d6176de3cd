import { api, type CurrencyCode } from "@baara/core";
import { and, eq, sql } from "drizzle-orm";
import type * as z from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../auth/sessions.ts";
import type { Db } from "../db/client.ts";
import { budgetLines } from "../db/schema.ts";
import { notFound, versionConflict } from "../http/errors.ts";
import { canonicalAmounts, checkCurrency, checkLineProduct } from "../workplans/amounts.ts";
import { type BudgetLineRow, presentBudgetLine } from "./present.ts";

export const LINE_AMOUNTS = ["unitCost", "amount"] as const;

export async function loadLine(db: Db, id: string): Promise<BudgetLineRow> {
  const [line] = await db.select().from(budgetLines).where(eq(budgetLines.id, id));
  if (!line) throw notFound("budgetLine");
  return line;
}

export interface UpdateBudgetLineOptions {
  actor: Actor | null;
  projectId: string;
  currency: CurrencyCode;
  before: BudgetLineRow;
  changes: z.infer<typeof api.updateBudgetLine>;
  /** Field-name prefix in error details, e.g. "budgetLines.2." for a batch. */
  prefix?: string;
}

/** One budget line update inside the caller's transaction: checks, version guard, audit. */
export async function updateBudgetLine(tx: Db, options: UpdateBudgetLineOptions): Promise<BudgetLineRow> {
  const { actor, projectId, currency, before, prefix = "" } = options;
  checkCurrency(options.changes, currency, prefix);
  const {
    version,
    currency: _currency,
    ...changes
  } = canonicalAmounts(options.changes, LINE_AMOUNTS, currency, prefix);
  checkLineProduct(
    {
      quantity: changes.quantity === undefined ? before.quantity : changes.quantity,
      unitCost: changes.unitCost === undefined ? before.unitCost : changes.unitCost,
    },
    currency,
    prefix,
  );
  const [updated] = await tx
    .update(budgetLines)
    .set({ ...changes, version: sql`${budgetLines.version} + 1`, updatedAt: new Date() })
    .where(and(eq(budgetLines.id, before.id), eq(budgetLines.version, version)))
    .returning();
  if (!updated) throw versionConflict(presentBudgetLine(await loadLine(tx, before.id), currency));
  await recordAudit(tx, {
    actor,
    projectId,
    entity: "budgetLine",
    entityId: before.id,
    action: "update",
    before,
    after: updated,
  });
  return updated;
}
