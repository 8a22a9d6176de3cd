import * as z from "zod";
import { GENDER_MARKERS, PARTNER_ROLES, PROJECT_STATUSES, RISK_MARKERS } from "../domain.ts";
import { TEXT_LIMITS } from "../limits.ts";
import { PLAN_STATUSES } from "../plan/workflow.ts";
import {
  currencyCode,
  position,
  id,
  isoDate,
  localeSchema,
  pageQuery,
  patchOf,
  requiredText,
  text,
  timestamps,
  version,
} from "./common.ts";

export const partnerRole = z.enum(PARTNER_ROLES);
export const partner = z.object({
  organisationId: id.nullable().default(null),
  name: requiredText(300),
  role: partnerRole,
});
export const projectStatus = z.enum(PROJECT_STATUSES);
export const genderMarker = z.enum(GENDER_MARKERS);
export const riskMarker = z.enum(RISK_MARKERS);

const projectFields = {
  code: requiredText(60),
  title: requiredText(500),
  organisationId: id,
  currency: currencyCode,
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  status: projectStatus.default("active"),
  genderMarker: genderMarker.nullable().default(null),
  riskMarker: riskMarker.nullable().default(null),
  sector: text(200).nullable().default(null),
  locations: z.array(requiredText(200)).max(200).default([]),
  levelLabels: z.array(requiredText(60)).min(1).max(6),
  fiscalYearStartMonth: z.int().min(1).max(12).default(1),
  published: z.boolean().default(false),
  partners: z.array(partner).max(50).default([]),
};

export const createProject = z
  .object(projectFields)
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, {
    message: "DATE_ORDER",
    path: ["endDate"],
  });
export const updateProject = patchOf(projectFields).extend({ version });

export const project = z.object({
  id,
  code: z.string(),
  title: z.string(),
  organisationId: id,
  organisationName: z.string(),
  currency: currencyCode,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: projectStatus,
  genderMarker: genderMarker.nullable(),
  riskMarker: riskMarker.nullable(),
  sector: z.string().nullable(),
  locations: z.array(z.string()),
  levelLabels: z.array(z.string()),
  fiscalYearStartMonth: z.int(),
  published: z.boolean(),
  partners: z.array(z.object({ organisationId: id.nullable(), name: z.string(), role: partnerRole })),
  ...timestamps,
});
export type Project = z.infer<typeof project>;

export const projectListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: id.optional(),
  status: projectStatus.optional(),
});

export const resultNode = z.object({
  id,
  projectId: id,
  parentId: id.nullable(),
  level: z.int(),
  levelLabel: z.string(),
  code: z.string(),
  title: z.string(),
  position: z.int(),
  ...timestamps,
});
export type ResultNode = z.infer<typeof resultNode>;

export const createResultNode = z.object({
  parentId: id.nullable().default(null),
  code: requiredText(TEXT_LIMITS.nodeCode),
  title: requiredText(TEXT_LIMITS.nodeTitle),
  position: position.optional(),
});
export const updateResultNode = z
  .object({
    parentId: id.nullable(),
    code: requiredText(TEXT_LIMITS.nodeCode),
    title: requiredText(TEXT_LIMITS.nodeTitle),
    position,
  })
  .partial()
  .extend({ version });

/** What the signed-in user may do on a project, so screens show only usable controls. */
export const projectAccess = z.object({
  capabilities: z.array(z.string()),
  publicOnly: z.boolean(),
});

export const portfolioQuery = projectListQuery.extend({
  partner: z.string().trim().max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * The portfolio's filters without paging, for its export: every budget line
 * of the projects the list would show. `lang` names the language of the
 * headers and words (else Accept-Language, else the user's, else French).
 */
export const portfolioExportQuery = portfolioQuery.omit({ page: true, pageSize: true }).extend({ lang: localeSchema.optional() });

export type PortfolioItem = z.infer<typeof portfolioItem>;
export const portfolioItem = z.object({
  project,
  /** The latest plan the user may see (of `year` when asked), with its computed total. */
  plan: z
    .object({
      id,
      year: z.int(),
      planVersion: z.int(),
      status: z.enum(PLAN_STATUSES),
      total: z.string(),
      activityCount: z.int(),
    })
    .nullable(),
});
