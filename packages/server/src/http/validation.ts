import type { FastifySchemaCompiler } from "fastify";
import type * as z from "zod";

/** A zod failure on a request part; rendered by the error handler in the user's language. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super("VALIDATION_ERROR");
  }
}

/** A NUL character or a lone surrogate: text PostgreSQL cannot store (in text or in jsonb). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any request of the API: refused before anything walks it (a recursion would overflow the stack). */
export const MAX_DEPTH = 32;

/**
 * The path of the first string (or key) in `value` that the database could not
 * store, or of the first value nested deeper than MAX_DEPTH, if any. Walked
 * with a stack of its own, whatever the depth.
 */
export function unstorableTextPath(value: unknown): { path: (string | number)[]; tooDeep: boolean } | null {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: (string | number)[] };
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) return { path, tooDeep: false };
      continue;
    }
    if (!current || typeof current !== "object") continue;
    if (path.length >= MAX_DEPTH) return { path, tooDeep: true };
    const entries: [string | number, unknown][] = Array.isArray(current) ? [...current.entries()] : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i] as [string | number, unknown];
      if (typeof key === "string" && UNSTORABLE.test(key)) return { path: [...path, key], tooDeep: false };
      pending.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** The validation error naming such a string. */
export function unstorableTextError(
  part: string,
  found: NonNullable<ReturnType<typeof unstorableTextPath>>,
): RequestValidationError {
  const message = found.tooDeep ? "NESTING_TOO_DEEP" : "TEXT_UNSTORABLE";
  return new RequestValidationError(part, [{ code: "custom", path: found.path, message, input: undefined } as z.core.$ZodIssue]);
}

/**
 * Every request part is parsed by its zod schema; handlers receive typed,
 * parsed input only. Text the database cannot store is refused first, naming
 * its field, whatever the schema.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
    (data) => {
      const unstorable = unstorableTextPath(data);
      if (unstorable) return { error: unstorableTextError(httpPart ?? "body", unstorable) };
      const result = schema.safeParse(data, { reportInput: true });
      if (result.success) return { value: result.data };
      return { error: new RequestValidationError(httpPart ?? "body", result.error.issues) };
    };
