/** The database's own error under what either driver threw (drizzle may wrap it). */
function databaseError(error: unknown): { code: string; constraint?: unknown; message?: unknown } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return current as { code: string };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** PostgreSQL's SQLSTATE of an error thrown by either driver. */
export function sqlState(error: unknown): string | undefined {
  return databaseError(error)?.code;
}

/** A unique violation; with `constraint`, of that constraint only. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = databaseError(error);
  if (found?.code !== "23505") return false;
  if (constraint === undefined) return true;
  return found.constraint === constraint || String(found.message ?? "").includes(`"${constraint}"`);
}
