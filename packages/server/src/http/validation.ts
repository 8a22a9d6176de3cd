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

/** The path of the first string (or key) in `value` that the database could not store, if any. */
export function unstorableTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = unstorableTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The validation error naming such a string. */
export function unstorableTextError(part: string, path: (string | number)[]): RequestValidationError {
  return new RequestValidationError(part, [{ code: "custom", path, message: "TEXT_UNSTORABLE", input: undefined } as z.core.$ZodIssue]);
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
