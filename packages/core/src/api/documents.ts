import * as z from "zod";
import { DOCUMENT_FINDING_KINDS } from "../check/findings.ts";

/** A slip found in a document: what kind, how grave, where, the figures as written and the explanation. */
export const documentFinding = z.object({
  kind: z.enum(DOCUMENT_FINDING_KINDS),
  severity: z.enum(["error", "warning"]),
  line: z.number().int(),
  sentence: z.string(),
  figures: z.array(z.string()),
  message: z.string(),
});

/** What the check of a document found: counts, then every finding in the order of the text. */
export const documentCheck = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  findings: z.array(documentFinding),
});
export type DocumentCheck = z.infer<typeof documentCheck>;
