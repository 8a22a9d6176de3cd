// Request and response schemas shared by the server (validation, OpenAPI) and
// the web app. Amounts travel as decimal strings, exact.
import * as z from "zod";
import { ROLES } from "../access.ts";
import { CURRENCY_CODES } from "../domain.ts";
import { LOCALES } from "../i18n/messages.ts";

/** A custom issue's message is a message code; the server translates it. */
export const amountString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value.startsWith("-")) ctx.addIssue({ code: "custom", message: "AMOUNT_NEGATIVE" });
    else if (!/^\d{1,16}(\.\d{1,4})?$/.test(value))
      ctx.addIssue({ code: "custom", message: "AMOUNT_FORMAT" });
  })
  .meta({ description: "Decimal amount in the project's currency", example: "35000000" });

export const quantityString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^\d{1,12}(\.\d{1,3})?$/.test(value)) ctx.addIssue({ code: "custom", message: "QUANTITY_INVALID" });
  })
  .meta({ description: "Non-negative quantity, up to 3 decimals", example: "3000" });

export const percentString = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/.test(value))
      ctx.addIssue({ code: "custom", message: "PERCENT_INVALID" });
  })
  .meta({ description: "Percentage 0–100", example: "25" });

/** A day between 1900 and 2100: what a plan, a project or a payment can be dated (year 0 is a valid ISO date PostgreSQL refuses). */
export const isoDate = z.iso
  .date()
  .refine((value) => value >= "1900-01-01" && value <= "2100-12-31", { message: "DATE_RANGE" })
  .meta({ example: "2022-06-30" });
export const id = z.uuid();
export const currencyCode = z.enum(CURRENCY_CODES);
export const role = z.enum(ROLES);
export const localeSchema = z.enum(LOCALES);
/** The largest value of PostgreSQL's integer: a request above it is refused before it reaches a column. */
export const INT4_MAX = 2_147_483_647;
/** A place in a list (activities of a plan, lines of an activity, branches of a framework). */
export const position = z.int().min(0).max(100_000);
export const version = z
  .int()
  .min(1)
  .max(INT4_MAX)
  .meta({ description: "Row version read by the client (optimistic concurrency)" });
export const text = (max = 2000) => z.string().trim().max(max);
export const requiredText = (max = 500) => z.string().trim().min(1).max(max);

export const idParams = z.object({ id });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.int(), pageSize: z.int(), total: z.int() });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export const timestamps = { createdAt: z.string(), updatedAt: z.string(), version: z.int() };

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;

/**
 * The schema of a partial update: every field optional and WITHOUT its
 * creation default, so that a field left out of a PATCH keeps its value.
 */
export function patchOf<T extends z.ZodRawShape>(shape: T) {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
      return [key, (inner as z.ZodType).optional()];
    }),
  );
  // Object.fromEntries loses the keys; the mapped type restores what the loop built.
  return z.object(fields as unknown as { [K in keyof T]: z.ZodOptional<WithoutDefault<T[K]>> });
}
