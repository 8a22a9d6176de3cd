import * as z from "zod";
import { id, patchOf, requiredText, timestamps, version } from "./common.ts";

export const organisationKind = z.enum(["ministry", "agency", "unit", "partner", "donor", "other"]);

export const organisation = z.object({
  id,
  parentId: id.nullable(),
  code: z.string(),
  name: z.string(),
  kind: organisationKind,
  ...timestamps,
});
export type Organisation = z.infer<typeof organisation>;

const organisationFields = {
  parentId: id.nullable().default(null),
  code: requiredText(40),
  name: requiredText(300),
  kind: organisationKind,
};
export const createOrganisation = z.object(organisationFields);
export const updateOrganisation = patchOf(organisationFields).extend({ version });
