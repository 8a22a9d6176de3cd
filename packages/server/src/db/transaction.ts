import type { Context } from "../context.ts";

/** Runs `work` in one transaction, with a context whose database is that transaction. */
export function inTransaction<T>(ctx: Context, work: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db }));
}
