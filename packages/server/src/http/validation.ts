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

/** Every request part is parsed by its zod schema; handlers receive typed, parsed input only. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
    (data) => {
      const result = schema.safeParse(data, { reportInput: true });
      if (result.success) return { value: result.data };
      return { error: new RequestValidationError(httpPart ?? "body", result.error.issues) };
    };
