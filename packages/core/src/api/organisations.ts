import * as z from "zod";
import { ORGANISATION_KINDS } from "../domain.ts";
import { id, pageQuery, patchOf, requiredText, timestamps, version } from "./common.ts";

export const organisationKind = z.enum(ORGANISATION_KINDS);

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

export const organisationListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  parentId: id.optional(),
});
