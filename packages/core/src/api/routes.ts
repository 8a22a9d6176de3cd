// The API's route table: every route of /api/v1 with its method, path,
// request and response schemas and the action it needs. The server registers
// its handlers against it (schemas, OpenAPI, the permission matrix test), the
// web app's client builds its requests from it.
import * as z from "zod";
import type { Capability } from "../access.ts";
import { type RouteName, routePaths } from "./paths.ts";
import { auditEntry, auditQuery } from "./audit.ts";
import { idParams, page } from "./common.ts";
import {
  agendaInput,
  agendaItem,
  approveMinutes,
  attendanceInput,
  body,
  bodyListQuery,
  createBody,
  createMeeting,
  createRecommendation,
  followUpExportQuery,
  followUpInput,
  meeting,
  meetingExportQuery,
  meetingFollowUps,
  meetingSummary,
  ratesQuery,
  recommendation,
  recommendationDetail,
  recommendationQuery,
  recommendationRates,
  renewRecommendation,
  replaceMembers,
  revisionCheck,
  revisionCheckQuery,
  updateAgendaItem,
  updateBody,
  updateMeeting,
  updateRecommendation,
} from "./committees.ts";
import {
  closeExecution,
  commitFinanceImport,
  executionDocument,
  financeImport,
  createTransaction,
  createUnplanned,
  executionSettings,
  progressRecord,
  recordProgress,
  reprogramRequest,
  reprogramResult,
  transaction,
  transactionListQuery,
  unplannedActivity,
  updateTransaction,
  updateUnplanned,
  workplanExecution,
} from "./execution.ts";
import { documentCheck } from "./documents.ts";
import {
  createReport,
  generateReport,
  report,
  reportFile,
  reportFileParams,
  reportSummary,
  reportTransition,
  updateReport,
} from "./reports.ts";
import { executionYearQuery, portfolioExecution, projectExecution } from "./execution-dashboards.ts";
import {
  addLibraryIndicators,
  createIndicator,
  createLibraryIndicator,
  indicator,
  indicatorDetail,
  indicatorDocument,
  indicatorListQuery,
  indicatorValue,
  libraryIndicator,
  projectIndicators,
  recordIndicatorValue,
  resultsTablePreview,
  resultsTableRequest,
  resultsTableResult,
  reviewIndicatorValue,
  thresholds,
  updateIndicator,
} from "./indicators.ts";
import { inbox } from "./inbox.ts";
import { commitImportRequest, importListQuery, importOptions, importRecord, job } from "./imports.ts";
import { createOrganisation, organisation, organisationListQuery, updateOrganisation } from "./organisations.ts";
import {
  createProject,
  createResultNode,
  portfolioExportQuery,
  portfolioItem,
  portfolioQuery,
  project,
  projectAccess,
  projectListQuery,
  resultNode,
  updateProject,
  updateResultNode,
} from "./projects.ts";
import {
  createMembership,
  createUser,
  loginRequest,
  membership,
  membershipListItem,
  membershipQuery,
  sessionResponse,
  updateUser,
  user,
  userListQuery,
} from "./users.ts";
import {
  activity,
  activityListQuery,
  budgetLine,
  compareQuery,
  createActivity,
  createBudgetLine,
  createWorkplan,
  declaredTotalRequest,
  exportQuery,
  lineEditsRequest,
  lineEditsResponse,
  moveRequest,
  transitionRequest,
  updateActivity,
  updateBudgetLine,
  updateWorkplan,
  workplan,
  workplanComparison,
  workplanContent,
  workplanListQuery,
  workplanStep,
  workplanSummary,
} from "./workplans.ts";

/**
 * What a route needs: a capability on the record it is about (the policy
 * resolves which project or organisation that is), or one of:
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any signed-in user;
 * - `plan.transition`: the capability of the workflow action asked for (submit, approve…);
 * - `report.transition`: likewise for a report (submit: report.write; approve and return: report.approve);
 * - `users.self`: one's own account, or someone else's with `users.manage`.
 */
export type RouteAction = Capability | "public" | "signedIn" | "plan.transition" | "report.transition" | "users.self";

export interface RouteSpec {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Under /api/v1, with `:name` parameters. */
  path: string;
  action: RouteAction;
  tag: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answered on success; none for 204 and for file downloads. */
  response?: z.ZodType;
  status: 200 | 201 | 202 | 204;
  /** `multipart`: a file upload (multipart/form-data) instead of a JSON body. `file`: answers a file. */
  kind?: "multipart" | "file";
  /** Costly to answer (reads or writes a whole plan or file): limited per person and per address. Uploads and files always are. */
  heavy?: true;
}

/** A route: where it is (paths.ts) and what it takes, needs and answers. */
const spec = <N extends RouteName, const S extends Omit<RouteSpec, "method" | "path">>(name: N, s: S) =>
  ({ ...routePaths[name], ...s }) as (typeof routePaths)[N] & S;
const health = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]) });
const readiness = z.object({
  status: z.literal("ready"),
  checks: z.object({ database: z.literal("ok"), migrations: z.literal("ok"), storage: z.literal("ok") }),
});

export const routes = {
  health: spec("health", { action: "public", tag: "health", summary: "Is the server up, on which database", response: health, status: 200 }),
  ready: spec("ready", {
    action: "public", tag: "health", status: 200, response: readiness,
    summary: "Should a proxy send requests here: database answering, migrations applied, file storage writable (503 NOT_READY with the failing checks otherwise, and while the server shuts down)",
  }),

  login: spec("login", { action: "public", tag: "auth", summary: "Sign in", body: loginRequest, response: sessionResponse, status: 200 }),
  session: spec("session", { action: "signedIn", tag: "auth", summary: "The signed-in user and the CSRF token", response: sessionResponse, status: 200 }),
  logout: spec("logout", { action: "signedIn", tag: "auth", summary: "Sign out", status: 204 }),

  listOrganisations: spec("listOrganisations", { action: "signedIn", tag: "organisations", summary: "Organisations (a shared directory)", query: organisationListQuery, response: page(organisation), status: 200 }),
  getOrganisation: spec("getOrganisation", { action: "signedIn", tag: "organisations", summary: "One organisation", params: idParams, response: organisation, status: 200 }),
  createOrganisation: spec("createOrganisation", { action: "organisation.manage", tag: "organisations", summary: "Create an organisation under a parent (a root one needs organisation.createRoot)", body: createOrganisation, response: organisation, status: 201 }),
  updateOrganisation: spec("updateOrganisation", { action: "organisation.manage", tag: "organisations", summary: "Rename or move an organisation", params: idParams, body: updateOrganisation, response: organisation, status: 200 }),
  deleteOrganisation: spec("deleteOrganisation", { action: "organisation.manage", tag: "organisations", summary: "Delete an organisation without sub-organisations or projects", params: idParams, status: 204 }),

  listUsers: spec("listUsers", { action: "users.invite", tag: "users", summary: "The people an administrator may see", query: userListQuery, response: page(user), status: 200 }),
  getUser: spec("getUser", { action: "signedIn", tag: "users", summary: "One person: oneself, or someone an administrator may see", params: idParams, response: user, status: 200 }),
  createUser: spec("createUser", { action: "users.invite", tag: "users", summary: "Create an account, with a first role if given (members.manage where it applies)", body: createUser, response: user, status: 201 }),
  endUserSessions: spec("endUserSessions", { action: "users.self", tag: "users", summary: "Sign a person out everywhere (oneself: every other browser)", params: idParams, status: 204 }),
  updateUser: spec("updateUser", { action: "users.self", tag: "users", summary: "Change an account (one's own, or any with users.manage)", params: idParams, body: updateUser, response: user, status: 200 }),

  listMemberships: spec("listMemberships", { action: "members.manage", tag: "memberships", summary: "Roles in an organisation or project (or one's own roles, by userId)", query: membershipQuery, response: z.array(membershipListItem), status: 200 }),
  createMembership: spec("createMembership", { action: "members.manage", tag: "memberships", summary: "Give someone a role", body: createMembership, response: membership, status: 201 }),
  deleteMembership: spec("deleteMembership", { action: "members.manage", tag: "memberships", summary: "Take a role away", params: idParams, status: 204 }),

  portfolio: spec("portfolio", { action: "public", tag: "projects", summary: "The projects the user may see, with their current plan", query: portfolioQuery, response: page(portfolioItem), status: 200 }),
  portfolioExecution: spec("portfolioExecution", { action: "public", tag: "execution", summary: "Execution rates of the year's approved plans of the projects the user may see (published ones for visitors): per project, per organisation with its sub-organisations, and for the whole portfolio, amounts per currency", query: executionYearQuery, response: portfolioExecution, status: 200 }),
  exportPortfolio: spec("exportPortfolio", { action: "public", tag: "export", summary: "Every budget line of the plan in force (latest approved or endorsed version) of each project-year the user may see (published ones for visitors), with the portfolio's filters, as CSV: one row per line, amounts as exact decimals, French headers unless `lang` or Accept-Language asks for English. Streamed as it is read, in bounded batches", query: portfolioExportQuery, status: 200, kind: "file" }),
  inbox: spec("inbox", { action: "signedIn", tag: "projects", summary: "Plans waiting for the user: to approve, to endorse, returned for corrections", response: inbox, status: 200 }),
  listProjects: spec("listProjects", { action: "public", tag: "projects", summary: "The projects the user may see (published ones for visitors)", query: projectListQuery, response: page(project), status: 200 }),
  getProject: spec("getProject", { action: "project.read", tag: "projects", summary: "One project", params: idParams, response: project, status: 200 }),
  projectExecution: spec("projectExecution", { action: "project.read", tag: "execution", summary: "A project's execution: each year's approved plan with its rates, and one year (the latest by default) quarter by quarter, for the plan and each top-level element of its framework", params: idParams, query: executionYearQuery, response: projectExecution, status: 200 }),
  projectAccess: spec("projectAccess", { action: "project.read", tag: "projects", summary: "What the user may do on a project", params: idParams, response: projectAccess, status: 200 }),
  createProject: spec("createProject", { action: "project.manage", tag: "projects", summary: "Create a project in an organisation", body: createProject, response: project, status: 201 }),
  updateProject: spec("updateProject", { action: "project.manage", tag: "projects", summary: "Change a project", params: idParams, body: updateProject, response: project, status: 200 }),
  deleteProject: spec("deleteProject", { action: "organisation.manage", tag: "projects", summary: "Delete a project and all it holds", params: idParams, status: 204 }),

  listNodes: spec("listNodes", { action: "project.read", tag: "results framework", summary: "The results framework of a project", params: idParams, response: z.array(resultNode), status: 200 }),
  createNode: spec("createNode", { action: "project.manage", tag: "results framework", summary: "Add a results node", params: idParams, body: createResultNode, response: resultNode, status: 201 }),
  updateNode: spec("updateNode", { action: "project.manage", tag: "results framework", summary: "Rename or re-parent a results node", params: idParams, body: updateResultNode, response: resultNode, status: 200 }),
  moveNode: spec("moveNode", { action: "project.manage", tag: "results framework", summary: "Move a results node among its siblings", params: idParams, body: moveRequest, response: z.array(resultNode), status: 200 }),
  deleteNode: spec("deleteNode", { action: "project.manage", tag: "results framework", summary: "Delete a results node that no activity uses", params: idParams, status: 204 }),

  listWorkplans: spec("listWorkplans", { action: "project.read", tag: "work plans", summary: "A project's work plans, latest first", params: idParams, query: workplanListQuery, response: page(workplan), status: 200 }),
  createWorkplan: spec("createWorkplan", { action: "plan.create", tag: "work plans", summary: "A new plan version: empty, or a copy of another plan", params: idParams, body: createWorkplan, response: workplan, status: 201 }),
  getWorkplan: spec("getWorkplan", { action: "project.read", tag: "work plans", summary: "One work plan", params: idParams, response: workplan, status: 200 }),
  updateWorkplan: spec("updateWorkplan", { action: "plan.edit", tag: "work plans", summary: "Change a draft's title or declared total", params: idParams, body: updateWorkplan, response: workplan, status: 200 }),
  deleteWorkplan: spec("deleteWorkplan", { action: "plan.create", tag: "work plans", summary: "Delete a draft", params: idParams, status: 204 }),
  transitionWorkplan: spec("transitionWorkplan", { action: "plan.transition", tag: "work plans", summary: "Submit, approve, endorse or return a plan", params: idParams, body: transitionRequest, response: workplan, status: 200 }),
  workplanHistory: spec("workplanHistory", { action: "project.read", tag: "work plans", summary: "The plan's workflow steps", params: idParams, response: z.array(workplanStep), status: 200 }),
  setDeclaredTotal: spec("setDeclaredTotal", { action: "plan.edit", tag: "work plans", summary: "Set or clear a results node's declared sub-total", params: idParams, body: declaredTotalRequest, response: workplanSummary, status: 200 }),
  workplanSummary: spec("workplanSummary", { action: "project.read", tag: "work plans", summary: "Totals per node, breakdowns and findings", params: idParams, response: workplanSummary, status: 200 }),
  workplanContent: spec("workplanContent", { action: "project.read", tag: "work plans", summary: "The whole plan, as the editor works on it", params: idParams, response: workplanContent, status: 200 }),
  compareWorkplans: spec("compareWorkplans", { action: "project.read", tag: "work plans", summary: "Two versions of a project's plan side by side", params: idParams, query: compareQuery, response: workplanComparison, status: 200 }),
  exportWorkplan: spec("exportWorkplan", { action: "project.read", tag: "export", summary: "The plan as Excel (PTBA or UNDP AWP layout) or CSV", params: idParams, query: exportQuery, status: 200, kind: "file" }),

  workplanExecution: spec("workplanExecution", { action: "project.read", tag: "execution", summary: "Physical and financial execution of a plan: rates per results node and for the plan, each activity's progress and spending, credits, flags, and last year's rates", params: idParams, response: workplanExecution, status: 200 }),
  setExecutionSettings: spec("setExecutionSettings", { action: "execution.record", tag: "execution", summary: "A plan's credits (allocated, notified, payment credit, by budget category) and whether cancelled activities count", params: idParams, body: executionSettings, response: workplanExecution, status: 200 }),
  closeExecution: spec("closeExecution", { action: "execution.close", tag: "execution", summary: "Close a plan's year (its execution no longer changes) or reopen it", params: idParams, body: closeExecution, response: workplanExecution, status: 200 }),
  exportExecution: spec("exportExecution", { heavy: true, action: "project.read", tag: "execution", summary: "The execution table as Excel (objectives, results, activities, executed 1/2, period, observations)", params: idParams, status: 200, kind: "file" }),
  recordProgress: spec("recordProgress", { action: "execution.record", tag: "execution", summary: "Where an activity stood at the end of a reporting period (one record per period)", params: idParams, body: recordProgress, response: progressRecord, status: 200 }),
  activityProgress: spec("activityProgress", { action: "project.read", tag: "execution", summary: "An activity's progress, period by period", params: idParams, response: z.array(progressRecord), status: 200 }),
  listTransactions: spec("listTransactions", { action: "project.read", tag: "execution", summary: "A plan's commitments, liquidations and payments, by date", params: idParams, query: transactionListQuery, response: page(transaction), status: 200 }),
  createTransaction: spec("createTransaction", { action: "execution.record", tag: "execution", summary: "Record a commitment, liquidation or payment on a budget line or an activity", params: idParams, body: createTransaction, response: transaction, status: 201 }),
  updateTransaction: spec("updateTransaction", { action: "execution.record", tag: "execution", summary: "Correct a commitment, liquidation or payment", params: idParams, body: updateTransaction, response: transaction, status: 200 }),
  deleteTransaction: spec("deleteTransaction", { action: "execution.record", tag: "execution", summary: "Delete a commitment, liquidation or payment", params: idParams, status: 204 }),
  listUnplanned: spec("listUnplanned", { action: "project.read", tag: "execution", summary: "Activities carried out without being planned", params: idParams, response: z.array(unplannedActivity), status: 200 }),
  createUnplanned: spec("createUnplanned", { action: "execution.record", tag: "execution", summary: "Record an activity carried out without being planned", params: idParams, body: createUnplanned, response: unplannedActivity, status: 201 }),
  updateUnplanned: spec("updateUnplanned", { action: "execution.record", tag: "execution", summary: "Change an unplanned activity", params: idParams, body: updateUnplanned, response: unplannedActivity, status: 200 }),
  deleteUnplanned: spec("deleteUnplanned", { action: "execution.record", tag: "execution", summary: "Delete an unplanned activity", params: idParams, status: 204 }),
  listEvidence: spec("listEvidence", { action: "project.read", tag: "execution", summary: "The documents that show an activity was done", params: idParams, response: z.array(executionDocument), status: 200 }),
  addEvidence: spec("addEvidence", { action: "execution.record", tag: "execution", summary: "Attach a document to an activity of an approved plan (multipart: file, title)", params: idParams, response: executionDocument, status: 201, kind: "multipart" }),
  evidenceFile: spec("evidenceFile", { action: "project.read", tag: "execution", summary: "A document of an activity, as it was uploaded", params: idParams, status: 200, kind: "file" }),
  deleteEvidence: spec("deleteEvidence", { action: "execution.record", tag: "execution", summary: "Remove a document from an activity", params: idParams, status: 204 }),
  createFinanceImport: spec("createFinanceImport", { action: "execution.record", tag: "execution", summary: "Upload an export of the finance system (commitments, liquidations, payments) and read it against the plan: rows matched by activity or account code, rows that match nothing listed, rows already imported counted", params: idParams, response: financeImport, status: 201, kind: "multipart" }),
  getFinanceImport: spec("getFinanceImport", { action: "project.read", tag: "execution", summary: "A finance export as read against the plan", params: idParams, response: financeImport, status: 200 }),
  commitFinanceImport: spec("commitFinanceImport", { heavy: true, action: "execution.record", tag: "execution", summary: "Write the export's transactions in one transaction; those a previous import wrote are not written twice", params: idParams, body: commitFinanceImport, response: financeImport, status: 200 }),
  financeImportFile: spec("financeImportFile", { action: "project.read", tag: "execution", summary: "The finance export as it was uploaded", params: idParams, status: 200, kind: "file" }),
  reprogramActivities: spec("reprogramActivities", { action: "plan.create", tag: "execution", summary: "Carry unexecuted activities (with their budget lines) into next year's draft plan, linked to the originals", params: idParams, body: reprogramRequest, response: reprogramResult, status: 200 }),

  listActivities: spec("listActivities", { action: "project.read", tag: "activities", summary: "A plan's activities with their budget lines", params: idParams, query: activityListQuery, response: page(activity), status: 200 }),
  createActivity: spec("createActivity", { action: "plan.edit", tag: "activities", summary: "Add an activity, with its budget lines", params: idParams, body: createActivity, response: activity, status: 201 }),
  getActivity: spec("getActivity", { action: "project.read", tag: "activities", summary: "One activity", params: idParams, response: activity, status: 200 }),
  updateActivity: spec("updateActivity", { action: "plan.edit", tag: "activities", summary: "Change an activity", params: idParams, body: updateActivity, response: activity, status: 200 }),
  moveActivity: spec("moveActivity", { action: "plan.edit", tag: "activities", summary: "Move an activity among those of its results node", params: idParams, body: moveRequest, response: z.array(activity), status: 200 }),
  deleteActivity: spec("deleteActivity", { action: "plan.edit", tag: "activities", summary: "Delete an activity and its lines", params: idParams, status: 204 }),
  createBudgetLine: spec("createBudgetLine", { action: "plan.edit", tag: "activities", summary: "Add a budget line", params: idParams, body: createBudgetLine, response: budgetLine, status: 201 }),
  updateBudgetLine: spec("updateBudgetLine", { action: "plan.edit", tag: "activities", summary: "Change a budget line", params: idParams, body: updateBudgetLine, response: budgetLine, status: 200 }),
  moveBudgetLine: spec("moveBudgetLine", { action: "plan.edit", tag: "activities", summary: "Move a budget line among those of its activity", params: idParams, body: moveRequest, response: z.array(budgetLine), status: 200 }),
  deleteBudgetLine: spec("deleteBudgetLine", { action: "plan.edit", tag: "activities", summary: "Delete a budget line", params: idParams, status: 204 }),
  editLines: spec("editLines", { action: "plan.edit", tag: "activities", summary: "Several budget lines changed at once (a paste): all or none", params: idParams, body: lineEditsRequest, response: lineEditsResponse, status: 200 }),

  createImport: spec("createImport", { action: "plan.create", tag: "import", summary: "Upload a work plan file (or pasted cells) and read it in the background", params: idParams, response: importRecord, status: 202, kind: "multipart" }),
  listImports: spec("listImports", { action: "plan.create", tag: "import", summary: "A project's imports, latest first", params: idParams, query: importListQuery, response: page(importRecord), status: 200 }),
  getImport: spec("getImport", { action: "project.read", tag: "import", summary: "An import: its progress, then what the file was read as", params: idParams, response: importRecord, status: 200 }),
  rereadImport: spec("rereadImport", { heavy: true, action: "plan.create", tag: "import", summary: "Read the file again with other options (sheet, year, columns)", params: idParams, body: importOptions, response: importRecord, status: 202 }),
  commitImport: spec("commitImport", { heavy: true, action: "plan.create", tag: "import", summary: "Write what was read as a new plan version: all of it or nothing", params: idParams, body: commitImportRequest, response: importRecord, status: 202 }),
  importFile: spec("importFile", { action: "project.read", tag: "import", summary: "The file as it was uploaded", params: idParams, status: 200, kind: "file" }),
  getJob: spec("getJob", { action: "project.read", tag: "jobs", summary: "A background job: state, progress, error", params: idParams, response: job, status: 200 }),

  listReports: spec("listReports", { action: "project.read", tag: "reports", summary: "A project's reports (annual report, progress report, AWP), latest year first; not shown to visitors of a published project", params: idParams, response: z.array(reportSummary), status: 200 }),
  createReport: spec("createReport", { action: "report.write", tag: "reports", summary: "Start a report of a template for a year (and the PBF's period): one per project, template, year and period", params: idParams, body: createReport, response: report, status: 201 }),
  getReport: spec("getReport", { action: "project.read", tag: "reports", summary: "A report: its fields with their limits, its text, status, generated documents and a preview of its document", params: idParams, response: report, status: 200 }),
  updateReport: spec("updateReport", { action: "report.write", tag: "reports", summary: "Write a draft's fields (text over a field's limit is refused, naming the field and the limit)", params: idParams, body: updateReport, response: report, status: 200 }),
  deleteReport: spec("deleteReport", { action: "report.write", tag: "reports", summary: "Delete a draft report", params: idParams, status: 204 }),
  transitionReport: spec("transitionReport", { action: "report.transition", tag: "reports", summary: "Submit a draft (its figures are taken then and kept), approve a submitted report, or return it to draft", params: idParams, body: reportTransition, response: report, status: 200 }),
  generateReport: spec("generateReport", { heavy: true, action: "report.write", tag: "reports", summary: "Write the report as Word, PDF or Excel in the background; the file is then listed on the report", params: idParams, body: generateReport, response: reportFile, status: 202 }),
  reportFile: spec("reportFile", { action: "project.read", tag: "reports", summary: "A document generated from the report", params: reportFileParams, status: 200, kind: "file" }),

  listBodies: spec("listBodies", { action: "signedIn", tag: "committees", summary: "The committees (steering, technical, coordination…) of the organisations and projects the user is a member of", query: bodyListQuery, response: page(body), status: 200 }),
  createBody: spec("createBody", { action: "committee.manage", tag: "committees", summary: "A committee of an organisation or of one of its projects, with its members", body: createBody, response: body, status: 201 }),
  getBody: spec("getBody", { action: "project.read", tag: "committees", summary: "A committee with its members", params: idParams, response: body, status: 200 }),
  updateBody: spec("updateBody", { action: "committee.manage", tag: "committees", summary: "Change a committee's name, kind or rules", params: idParams, body: updateBody, response: body, status: 200 }),
  replaceMembers: spec("replaceMembers", { action: "committee.manage", tag: "committees", summary: "A committee's members and their roles (chair, secretary, member), the whole list at once", params: idParams, body: replaceMembers, response: body, status: 200 }),
  listMeetings: spec("listMeetings", { action: "project.read", tag: "committees", summary: "A committee's sessions, latest first", params: idParams, response: z.array(meetingSummary), status: 200 }),
  createMeeting: spec("createMeeting", { action: "committee.record", tag: "committees", summary: "Plan a session; its agenda opens with the follow-up of every open recommendation of the committee", params: idParams, body: createMeeting, response: meeting, status: 201 }),
  getMeeting: spec("getMeeting", { action: "project.read", tag: "committees", summary: "A session: agenda with minutes, attendance, recommendations made, and the follow-up of earlier ones", params: idParams, response: meeting, status: 200 }),
  updateMeeting: spec("updateMeeting", { action: "committee.record", tag: "committees", summary: "Change a session's date, place, context, or mark it held", params: idParams, body: updateMeeting, response: meeting, status: 200 }),
  approveMinutes: spec("approveMinutes", { action: "committee.approve", tag: "committees", summary: "Approve a held session's minutes: they no longer change", params: idParams, body: approveMinutes, response: meeting, status: 200 }),
  setAgenda: spec("setAgenda", { action: "committee.record", tag: "committees", summary: "A session's agenda, the whole list in order", params: idParams, body: agendaInput, response: meeting, status: 200 }),
  updateAgendaItem: spec("updateAgendaItem", { action: "committee.record", tag: "committees", summary: "An agenda item's title, discussion points and decisions", params: idParams, body: updateAgendaItem, response: agendaItem, status: 200 }),
  setAttendance: spec("setAttendance", { action: "committee.record", tag: "committees", summary: "A session's participant list (present, absent, excused, represented), the whole grid at once", params: idParams, body: attendanceInput, response: meeting, status: 200 }),
  recordFollowUps: spec("recordFollowUps", { action: "committee.record", tag: "committees", summary: "The new status and comment of the recommendations a session follows up, all in one request: all or none", params: idParams, body: meetingFollowUps, response: meeting, status: 200 }),
  exportMinutes: spec("exportMinutes", { heavy: true, action: "project.read", tag: "committees", summary: "The minutes as Word (title, context, agenda, discussion points, action points, participants) or PDF", params: idParams, query: meetingExportQuery, status: 200, kind: "file" }),
  exportFollowUpTable: spec("exportFollowUpTable", { heavy: true, action: "project.read", tag: "committees", summary: "The follow-up table of the recommendations a session follows up (n°, recommendation, responsible structures, executed / in progress / not executed) as Word or Excel", params: idParams, query: followUpExportQuery, status: 200, kind: "file" }),
  listRecommendations: spec("listRecommendations", { action: "signedIn", tag: "committees", summary: "Recommendations and action items of the committees, reviews, missions and audits the user may read, with filters", query: recommendationQuery, response: page(recommendation), status: 200 }),
  recommendationRates: spec("recommendationRates", { action: "signedIn", tag: "committees", summary: "Shares executed, in progress and not executed, overall and per session, committee and responsible structure, with the list's filters", query: ratesQuery, response: recommendationRates, status: 200 }),
  dueRecommendations: spec("dueRecommendations", { action: "signedIn", tag: "committees", summary: "Open action items due within 30 days or overdue, of which the user or one of their structures is responsible", response: z.array(recommendation), status: 200 }),
  createRecommendation: spec("createRecommendation", { action: "committee.record", tag: "committees", summary: "A recommendation or action item of a session, or of a review, mission, audit or report", body: createRecommendation, response: recommendation, status: 201 }),
  getRecommendation: spec("getRecommendation", { action: "project.read", tag: "committees", summary: "A recommendation with its follow-up history and its renewal thread", params: idParams, response: recommendationDetail, status: 200 }),
  updateRecommendation: spec("updateRecommendation", { action: "committee.record", tag: "committees", summary: "Change a recommendation's text, responsibles, due date, priority or links", params: idParams, body: updateRecommendation, response: recommendation, status: 200 }),
  deleteRecommendation: spec("deleteRecommendation", { action: "committee.record", tag: "committees", summary: "Delete a recommendation entered by mistake, with its follow-ups; not one of an approved session, nor one already renewed", params: idParams, status: 204 }),
  addFollowUp: spec("addFollowUp", { action: "committee.record", tag: "committees", summary: "Record where a recommendation stands, outside a session (a report, a mission)", params: idParams, body: followUpInput, response: recommendation, status: 201 }),
  renewRecommendation: spec("renewRecommendation", { action: "committee.record", tag: "committees", summary: "Carry a recommendation not done into a later session's recommendations, linked to it", params: idParams, body: renewRecommendation, response: recommendation, status: 201 }),
  revisionCheck: spec("revisionCheck", { action: "project.read", tag: "work plans", summary: "Whether a revision moves more than a share (15 % for the UN PBF) of a budget category since an earlier version, and so needs the steering committee's decision", params: idParams, query: revisionCheckQuery, response: revisionCheck, status: 200 }),

  auditLog: spec("auditLog", { action: "audit.read", tag: "audit", summary: "The audit log of a project (the whole log needs audit.readAll)", query: auditQuery, response: page(auditEntry), status: 200 }),

  checkDocument: spec("checkDocument", { action: "signedIn", tag: "documents", summary: "Check a report people wrote (multipart: a .docx or text file, or `text`): numbers in words that disagree with their figure or are misspelt, « soit … X % » that is not the ratio of the figures before it, totals their parts don't make. Nothing is kept", response: documentCheck, status: 200, kind: "multipart" }),
  listIndicators: spec("listIndicators", { action: "project.read", tag: "indicators", summary: "A project's results framework with its indicators: baseline, targets, latest validated value, achievement as a decimal string and status against the milestone (at the end of `year`/`period` when given)", params: idParams, query: indicatorListQuery, response: projectIndicators, status: 200 }),
  createIndicator: spec("createIndicator", { action: "indicators.define", tag: "indicators", summary: "Define an indicator on a node of the results framework (or on the project): metadata, baseline, targets and milestones", params: idParams, body: createIndicator, response: indicator, status: 201 }),
  exportIndicators: spec("exportIndicators", { heavy: true, action: "project.read", tag: "indicators", summary: "The results framework as Excel (indicator, baseline, end target, milestone, current value, achievement, status, reason)", params: idParams, query: indicatorListQuery, status: 200, kind: "file" }),
  setIndicatorThresholds: spec("setIndicatorThresholds", { action: "indicators.validate", tag: "indicators", summary: "The share of the way to the milestone above which an indicator is on track, and above which at risk", params: idParams, body: thresholds, response: thresholds, status: 200 }),
  previewResultsTable: spec("previewResultsTable", { action: "indicators.define", tag: "indicators", summary: "Read a donor's results table (pasted text or a sheet's rows as text) and show what importing it would write", params: idParams, body: resultsTableRequest, response: resultsTablePreview, status: 200 }),
  importResultsTable: spec("importResultsTable", { action: "indicators.define", tag: "indicators", summary: "Write a donor's results table in one transaction: missing nodes, indicators (created or updated by code), milestones and current values", params: idParams, body: resultsTableRequest, response: resultsTableResult, status: 200 }),
  readResultsSheet: spec("readResultsSheet", { heavy: true, action: "indicators.define", tag: "indicators", summary: "An Excel or csv file's first sheet as tab-separated text, to preview and import as a results table (multipart: file)", params: idParams, response: z.object({ text: z.string(), sheet: z.string() }), status: 200, kind: "multipart" }),
  addLibraryIndicators: spec("addLibraryIndicators", { action: "indicators.define", tag: "indicators", summary: "Add indicators of the organisation's library to the project, with their metadata", params: idParams, body: addLibraryIndicators, response: z.array(indicator), status: 201 }),
  getIndicator: spec("getIndicator", { action: "project.read", tag: "indicators", summary: "One indicator with every reported value and its trend", params: idParams, response: indicatorDetail, status: 200 }),
  updateIndicator: spec("updateIndicator", { action: "indicators.define", tag: "indicators", summary: "Change an indicator's definition, baseline or targets", params: idParams, body: updateIndicator, response: indicator, status: 200 }),
  deleteIndicator: spec("deleteIndicator", { action: "indicators.define", tag: "indicators", summary: "Delete an indicator and its values", params: idParams, status: 204 }),
  recordIndicatorValue: spec("recordIndicatorValue", { action: "indicators.record", tag: "indicators", summary: "Enter an indicator's value for a period with its breakdown (a validated value does not change)", params: idParams, body: recordIndicatorValue, response: indicatorValue, status: 200 }),
  reviewIndicatorValue: spec("reviewIndicatorValue", { action: "indicators.validate", tag: "indicators", summary: "Validate a value (it is locked), return it with a comment, or reopen a validated one", params: idParams, body: reviewIndicatorValue, response: indicatorValue, status: 200 }),
  addIndicatorEvidence: spec("addIndicatorEvidence", { action: "indicators.record", tag: "indicators", summary: "Attach a document to a value not yet validated (multipart: file, title)", params: idParams, response: indicatorDocument, status: 201, kind: "multipart" }),
  indicatorEvidenceFile: spec("indicatorEvidenceFile", { action: "project.read", tag: "indicators", summary: "A document of an indicator value, as it was uploaded", params: idParams, status: 200, kind: "file" }),
  deleteIndicatorEvidence: spec("deleteIndicatorEvidence", { action: "indicators.record", tag: "indicators", summary: "Remove a document from a value not yet validated", params: idParams, status: 204 }),
  listLibraryIndicators: spec("listLibraryIndicators", { action: "signedIn", tag: "indicators", summary: "An organisation's standard indicators (and those of the organisations above it)", params: idParams, response: z.array(libraryIndicator), status: 200 }),
  createLibraryIndicator: spec("createLibraryIndicator", { action: "indicators.library", tag: "indicators", summary: "Add a standard indicator to an organisation's library", params: idParams, body: createLibraryIndicator, response: libraryIndicator, status: 201 }),
  deleteLibraryIndicator: spec("deleteLibraryIndicator", { action: "indicators.library", tag: "indicators", summary: "Remove a standard indicator from the library (projects keep their copies)", params: idParams, status: 204 }),
} as const;

export type Routes = typeof routes;
