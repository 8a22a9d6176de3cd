import * as z from "zod";
import { ORGANISATION_KINDS } from "../domain.ts";
import { TEXT_LIMITS } from "../limits.ts";
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
  code: requiredText(TEXT_LIMITS.organisationCode),
  name: requiredText(TEXT_LIMITS.organisationName),
  kind: organisationKind,
};
export const createOrganisation = z.object(organisationFields);
export const updateOrganisation = patchOf(organisationFields).extend({ version });

export const organisationListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  parentId: id.optional(),
});
