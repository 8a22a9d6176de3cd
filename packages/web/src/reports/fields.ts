// A report's fields as the screen lays them out, whatever the template: in
// their order, those repeated per outcome gathered under their outcome.
import type { api } from "@baara/core";

export type Field = api.Report["fields"][number];

export interface FieldGroup {
  /** The outcome the fields are about; null for the report's own fields. */
  outcome: Field["outcome"];
  fields: Field[];
}

export function fieldGroups(fields: readonly Field[]): FieldGroup[] {
  const out: FieldGroup[] = [];
  for (const field of fields) {
    const last = out.at(-1);
    const same = field.outcome
      ? out.find((g) => g.outcome?.code === field.outcome?.code)
      : last && !last.outcome
        ? last
        : undefined;
    if (same) same.fields.push(field);
    else out.push({ outcome: field.outcome, fields: [field] });
  }
  return out;
}
