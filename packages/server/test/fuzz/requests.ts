// Requests generated from the API's route table, as the permission matrix
// does: each route has a valid request against the fuzz world (or the reason
// it is left out), and each case damages one in a seeded way: odd field values,
// missing fields, raw bodies, content types, query strings, path parameters.
import { api } from "@baara/core";
import * as z from "zod";
import type { Rng } from "./random.ts";
import { JSON_VALUES, PATH_IDS, QUERY_SHAPES, QUERY_VALUES, RAW_BODIES } from "./values.ts";

type RouteName = keyof typeof api.routes;

/** The records the requests are about, made before the run. */
export interface World {
  adminEmail: string;
  organisationId: string;
  /** A child organisation the requests may rename and move. */
  childOrganisationId: string;
  projectId: string;
  /** A second project of the organisation, the one PATCH /projects changes. */
  otherProjectId: string;
  nodeId: string;
  childNodeId: string;
  workplanId: string;
  /** An approved plan of the project, to compare with. */
  approvedWorkplanId: string;
  /** A draft the workflow requests move along. */
  transitionWorkplanId: string;
  activityId: string;
  budgetLineId: string;
  /** An activity and a line of the approved plan, whose execution the requests record. */
  approvedActivityId: string;
  approvedLineId: string;
  transactionId: string;
  unplannedId: string;
  /** A finance export read against the approved plan, not yet written. */
  financeImportId: string;
  /** An indicator of the project, a value entered for it (not validated), a standard indicator of the organisation. */
  indicatorId: string;
  indicatorValueId: string;
  libraryIndicatorId: string;
  userId: string;
  importId: string;
  jobId: string;
  /** A committee of the project, a session that follows up a recommendation of an earlier one, and its agenda item. */
  bodyId: string;
  meetingId: string;
  agendaItemId: string;
  recommendationId: string;
  /** A draft report of the project. */
  reportId: string;
  /** Records of a project of another organisation: ids that exist, but not where they are sent. */
  foreign: { projectId: string; nodeId: string; workplanId: string; activityId: string; budgetLineId: string };
}

/** Tables whose rows carry a version (optimistic concurrency). */
export type Versioned =
  | "organisations"
  | "users"
  | "projects"
  | "resultNodes"
  | "workplans"
  | "activities"
  | "budgetLines"
  | "executionTransactions"
  | "unplannedActivities"
  | "indicators"
  | "indicatorValues"
  | "committeeBodies"
  | "meetings"
  | "agendaItems"
  | "recommendations"
  | "reports";

/** A valid request on one route. `version`: where the body's row version goes, read just before sending. */
interface Base {
  id?: string;
  body?: unknown;
  query?: Record<string, string>;
  version?: { path: (string | number)[]; table: Versioned; id: string };
}

type BaseOf = (w: World, n: number) => Base;
const V = (table: Versioned, id: string, path: (string | number)[] = ["version"]) => ({ path, table, id });

/** Every route: a valid request, or why the fuzz leaves it out. */
const BASES: Record<RouteName, BaseOf | string> = {
  health: () => ({}),
  ready: () => ({}),
  login: (w) => ({ body: { email: w.adminEmail, password: "not-the-password" } }),
  session: () => ({}),
  logout: "it would end the session the run signs its requests with",
  listOrganisations: () => ({ query: {} }),
  getOrganisation: (w) => ({ id: w.organisationId }),
  createOrganisation: (w, n) => ({ body: { parentId: w.organisationId, code: `FZ-${n}`, name: "Unité fuzz", kind: "unit" } }),
  updateOrganisation: (w) => ({
    id: w.childOrganisationId,
    body: { name: "Unité renommée" },
    version: V("organisations", w.childOrganisationId),
  }),
  deleteOrganisation: "it would delete the world's records; permissions.test.ts covers it",
  listUsers: () => ({ query: {} }),
  getUser: (w) => ({ id: w.userId }),
  createUser: (_w, n) => ({ body: { email: `fuzz-${n}@test.example`, name: "Personne fuzz", password: "a-long-password-1" } }),
  updateUser: (w) => ({ id: w.userId, body: { name: "Personne renommée", locale: "en" }, version: V("users", w.userId) }),
  endUserSessions: "no body; permissions.test.ts and auth.test.ts cover it",
  listMemberships: (w) => ({ query: { projectId: w.projectId } }),
  createMembership: (w) => ({ body: { userId: w.userId, projectId: w.projectId, role: "viewer" } }),
  deleteMembership: "it would delete the world's records; permissions.test.ts covers it",
  portfolio: () => ({ query: {} }),
  portfolioExecution: () => ({ query: { year: "2022" } }),
  exportPortfolio: (w) => ({ query: { year: "2022", organisationId: w.organisationId, lang: "en" } }),
  inbox: () => ({}),
  listProjects: () => ({ query: {} }),
  getProject: (w) => ({ id: w.projectId }),
  projectAccess: (w) => ({ id: w.projectId }),
  createProject: (w, n) => ({
    body: { organisationId: w.organisationId, code: `FZ-${n}`, title: "Projet fuzz", currency: "XOF", levelLabels: ["Composante", "Action"] },
  }),
  updateProject: (w) => ({ id: w.otherProjectId, body: { title: "Projet renommé" }, version: V("projects", w.otherProjectId) }),
  deleteProject: "it would delete the world's records; permissions.test.ts covers it",
  listNodes: (w) => ({ id: w.projectId }),
  createNode: (w, n) => ({ id: w.projectId, body: { parentId: w.nodeId, code: `F.${n}`, title: "Nœud fuzz" } }),
  updateNode: (w) => ({ id: w.childNodeId, body: { title: "Nœud renommé" }, version: V("resultNodes", w.childNodeId) }),
  moveNode: (w) => ({ id: w.childNodeId, body: { position: 0 }, version: V("resultNodes", w.childNodeId) }),
  deleteNode: "it would delete the world's records; permissions.test.ts covers it",
  listWorkplans: (w) => ({ id: w.projectId, query: {} }),
  createWorkplan: (w) => ({ id: w.projectId, body: { year: 2030, title: "PTBA fuzz" } }),
  getWorkplan: (w) => ({ id: w.workplanId }),
  updateWorkplan: (w) => ({ id: w.workplanId, body: { title: "PTBA renommé" }, version: V("workplans", w.workplanId) }),
  deleteWorkplan: "it would delete the world's records; permissions.test.ts covers it",
  transitionWorkplan: (w) => ({
    id: w.transitionWorkplanId,
    body: { action: "submit", comment: "Pour avis" },
    version: V("workplans", w.transitionWorkplanId),
  }),
  workplanHistory: (w) => ({ id: w.workplanId }),
  setDeclaredTotal: (w) => ({ id: w.workplanId, body: { nodeId: w.nodeId, amount: "1000000" } }),
  workplanSummary: (w) => ({ id: w.workplanId }),
  workplanContent: (w) => ({ id: w.workplanId }),
  compareWorkplans: (w) => ({ id: w.workplanId, query: { with: w.approvedWorkplanId } }),
  exportWorkplan: (w) => ({ id: w.workplanId, query: { format: "csv" } }),
  workplanExecution: (w) => ({ id: w.approvedWorkplanId }),
  projectExecution: (w) => ({ id: w.projectId, query: { year: "2022" } }),
  setExecutionSettings: (w) => ({
    id: w.approvedWorkplanId,
    body: { excludeCancelled: true, credits: [{ kind: "payment", category: "BSI", amount: "1000000" }], version: 1 },
  }),
  closeExecution: "closing the year would lock every other execution request of the run; execution.test.ts covers it",
  exportExecution: (w) => ({ id: w.approvedWorkplanId }),
  recordProgress: (w) => ({ id: w.approvedActivityId, body: { period: "Q2", status: "in_progress", percent: "40", observations: "Atelier tenu" } }),
  activityProgress: (w) => ({ id: w.approvedActivityId }),
  listTransactions: (w) => ({ id: w.approvedWorkplanId, query: {} }),
  createTransaction: (w) => ({ id: w.approvedWorkplanId, body: { budgetLineId: w.approvedLineId, stage: "commitment", date: "2022-03-01", amount: "5000", reference: "ENG-1" } }),
  updateTransaction: (w) => ({ id: w.transactionId, body: { amount: "6000", supplier: "Fournisseur fuzz" }, version: V("executionTransactions", w.transactionId) }),
  deleteTransaction: "it would delete the world's records; permissions.test.ts covers it",
  listUnplanned: (w) => ({ id: w.approvedWorkplanId }),
  createUnplanned: (w) => ({ id: w.approvedWorkplanId, body: { title: "Atelier non programmé", periodText: "Du 2 au 4 mai", cost: "1000" } }),
  updateUnplanned: (w) => ({ id: w.unplannedId, body: { observations: "Rapport disponible" }, version: V("unplannedActivities", w.unplannedId) }),
  deleteUnplanned: "it would delete the world's records; permissions.test.ts covers it",
  reprogramActivities: (w) => ({ id: w.approvedWorkplanId, body: {} }),
  listEvidence: (w) => ({ id: w.approvedActivityId }),
  addEvidence: "a multipart upload: execution.test.ts sends files to it",
  evidenceFile: "a download without a body or query to damage; permissions.test.ts covers it",
  deleteEvidence: "it would delete the world's records; permissions.test.ts covers it",
  createFinanceImport: "a multipart upload: execution-import.test.ts sends odd files to it",
  getFinanceImport: (w) => ({ id: w.financeImportId }),
  commitFinanceImport: (w) => ({ id: w.financeImportId, body: { version: 1 } }),
  financeImportFile: (w) => ({ id: w.financeImportId }),
  listIndicators: (w) => ({ id: w.projectId, query: { year: "2022", period: "S1" } }),
  createIndicator: (w, n) => ({
    id: w.projectId,
    body: { code: `F.${n}`, name: "Indicateur fuzz", level: "output", measure: "percentage", targets: [{ year: 2022, period: "Y", value: "40", comment: "Jalon" }] },
  }),
  exportIndicators: (w) => ({ id: w.projectId, query: { year: "2022" } }),
  setIndicatorThresholds: (w) => ({ id: w.projectId, body: { onTrack: "85", atRisk: "50" } }),
  previewResultsTable: (w) => ({ id: w.projectId, body: { text: "Indicateurs\tBase\tCible\tProgrès actuel\nIndicateur 9.1 Taux\t0\t10\t5 dont 2 femmes", year: 2022 } }),
  importResultsTable: (w) => ({ id: w.projectId, body: { text: "Indicateurs\tBase\tCible\tProgrès actuel\nIndicateur 9.1 Taux\t0\t10\t5 dont 2 femmes", year: 2022 } }),
  readResultsSheet: "a multipart upload: indicators.test.ts sends files to it",
  addLibraryIndicators: "a second copy of the same standard indicator is refused as a duplicate code; indicators.test.ts covers it",
  getIndicator: (w) => ({ id: w.indicatorId }),
  updateIndicator: (w) => ({ id: w.indicatorId, body: { name: "Indicateur renommé", endTargetBreakdown: { "sex:women": "15" } }, version: V("indicators", w.indicatorId) }),
  deleteIndicator: "it would delete the world's records; permissions.test.ts covers it",
  recordIndicatorValue: (w) => ({ id: w.indicatorId, body: { year: 2022, period: "S1", value: "16", breakdown: { "sex:women": "7" }, comment: "Atelier" }, version: V("indicatorValues", w.indicatorValueId) }),
  reviewIndicatorValue: "validating would lock the value every other value request of the run changes; indicators.test.ts covers it",
  addIndicatorEvidence: "a multipart upload: indicators.test.ts sends files to it",
  indicatorEvidenceFile: "a download without a body or query to damage; permissions.test.ts covers it",
  deleteIndicatorEvidence: "it would delete the world's records; permissions.test.ts covers it",
  listLibraryIndicators: (w) => ({ id: w.organisationId }),
  createLibraryIndicator: (w, n) => ({ id: w.organisationId, body: { code: `STD-F${n}`, name: "Indicateur standard fuzz", level: "outcome", dimensions: ["sex", "age"] } }),
  deleteLibraryIndicator: "it would delete the world's records; permissions.test.ts covers it",
  listActivities: (w) => ({ id: w.workplanId, query: {} }),
  createActivity: (w) => ({
    id: w.workplanId,
    body: {
      resultNodeId: w.childNodeId,
      title: "Activité fuzz",
      months: [1, 2],
      budgetLines: [{ description: "Atelier", quantity: "2", unitCost: "1000" }],
    },
  }),
  getActivity: (w) => ({ id: w.activityId }),
  updateActivity: (w) => ({ id: w.activityId, body: { title: "Activité modifiée" }, version: V("activities", w.activityId) }),
  moveActivity: (w) => ({ id: w.activityId, body: { position: 0 }, version: V("activities", w.activityId) }),
  deleteActivity: "it would delete the world's records; permissions.test.ts covers it",
  createBudgetLine: (w) => ({ id: w.activityId, body: { description: "Ligne fuzz", quantity: "3", unitCost: "2500" } }),
  updateBudgetLine: (w) => ({ id: w.budgetLineId, body: { description: "Ligne modifiée" }, version: V("budgetLines", w.budgetLineId) }),
  moveBudgetLine: (w) => ({ id: w.budgetLineId, body: { position: 0 }, version: V("budgetLines", w.budgetLineId) }),
  deleteBudgetLine: "it would delete the world's records; permissions.test.ts covers it",
  editLines: (w) => ({
    id: w.workplanId,
    body: { lines: [{ id: w.budgetLineId, amount: "5000" }] },
    version: V("budgetLines", w.budgetLineId, ["lines", 0, "version"]),
  }),
  createImport: "a multipart upload: the file cases send it",
  listImports: (w) => ({ id: w.projectId, query: {} }),
  getImport: (w) => ({ id: w.importId }),
  rereadImport: (w) => ({ id: w.importId, body: { year: 2022 } }),
  commitImport: (w) => ({ id: w.importId, body: { year: 2022, title: "PTBA importé" } }),
  importFile: (w) => ({ id: w.importId }),
  getJob: (w) => ({ id: w.jobId }),
  listReports: (w) => ({ id: w.projectId }),
  createReport: (w, n) => ({ id: w.projectId, body: { template: "cps-annual", year: 2030 + (n % 60) } }),
  getReport: (w) => ({ id: w.reportId }),
  updateReport: (w) => ({ id: w.reportId, body: { narrative: { introduction: "Introduction du rapport" } }, version: V("reports", w.reportId) }),
  deleteReport: "it would delete the world's report; permissions.test.ts covers it",
  transitionReport: "submitting would freeze the report the other requests write to; reports.test.ts covers it",
  generateReport: (w) => ({ id: w.reportId, body: { format: "xlsx" } }),
  reportFile: "a generated file needs its job to have run; reports.test.ts covers it",
  auditLog: (w) => ({ query: { projectId: w.projectId } }),
  checkDocument: "a multipart upload: documents-check.test.ts sends it odd files and bodies",
  listBodies: (w) => ({ query: { organisationId: w.organisationId } }),
  createBody: (w, n) => ({
    body: { organisationId: w.organisationId, projectId: w.projectId, kind: "steering", name: `Comité ${n}`, members: [{ name: "Awa Diallo", role: "chair" }] },
  }),
  getBody: (w) => ({ id: w.bodyId }),
  updateBody: (w) => ({ id: w.bodyId, body: { name: "Comité renommé", sessionsPerYear: 2 }, version: V("committeeBodies", w.bodyId) }),
  replaceMembers: (w) => ({
    id: w.bodyId,
    body: { members: [{ name: "Awa Diallo", function: "Présidente", structure: "SG", role: "chair", email: "awa@example.org" }] },
    version: V("committeeBodies", w.bodyId),
  }),
  listMeetings: (w) => ({ id: w.bodyId }),
  createMeeting: (w) => ({ id: w.bodyId, body: { title: "Session fuzz", date: "2024-09-01", place: "Bamako", agenda: ["Divers"] } }),
  getMeeting: (w) => ({ id: w.meetingId }),
  updateMeeting: (w) => ({ id: w.meetingId, body: { place: "Salle B", link: "https://example.org/visio", status: "held" }, version: V("meetings", w.meetingId) }),
  approveMinutes: "approving would freeze the session the other committee requests of the run write to; committees.test.ts covers it",
  setAgenda: (w) => ({ id: w.meetingId, body: { items: [{ id: w.agendaItemId, title: "Point renommé" }, { title: "Divers" }] }, version: V("meetings", w.meetingId) }),
  updateAgendaItem: (w) => ({ id: w.agendaItemId, body: { minutes: "- Point discuté", decisions: "Adopté" }, version: V("agendaItems", w.agendaItemId) }),
  setAttendance: (w) => ({
    id: w.meetingId,
    body: { participants: [{ name: "Awa Diallo", structure: "PNUD", status: "represented", representedBy: "Adama Sow" }] },
    version: V("meetings", w.meetingId),
  }),
  recordFollowUps: (w) => ({
    id: w.meetingId,
    body: { items: [{ recommendationId: w.recommendationId, status: "in_progress", comment: "En cours" }] },
    version: V("recommendations", w.recommendationId, ["items", 0, "version"]),
  }),
  exportMinutes: (w) => ({ id: w.meetingId, query: { format: "docx" } }),
  exportFollowUpTable: (w) => ({ id: w.meetingId, query: { format: "xlsx" } }),
  listRecommendations: (w) => ({ query: { bodyId: w.bodyId, status: "in_progress", dueBefore: "2030-01-01", responsible: "DRH" } }),
  recommendationRates: (w) => ({ query: { organisationId: w.organisationId } }),
  dueRecommendations: () => ({}),
  createRecommendation: (w) => ({
    body: { meetingId: w.meetingId, text: "Partager le rapport", dueDate: "2024-12-31", responsibles: [{ name: "DRH", organisationId: w.organisationId }] },
  }),
  getRecommendation: (w) => ({ id: w.recommendationId }),
  updateRecommendation: (w) => ({ id: w.recommendationId, body: { dueDate: "2025-03-31", priority: "high" }, version: V("recommendations", w.recommendationId) }),
  deleteRecommendation: "it would delete the world's records; permissions.test.ts covers it",
  addFollowUp: (w) => ({ id: w.recommendationId, body: { status: "in_progress", comment: "Rapport reçu", date: "2024-03-01" }, version: V("recommendations", w.recommendationId) }),
  renewRecommendation: (w) => ({ id: w.recommendationId, body: { meetingId: w.meetingId }, version: V("recommendations", w.recommendationId) }),
  revisionCheck: (w) => ({ id: w.workplanId, query: { with: w.approvedWorkplanId, threshold: "15" } }),
};

/** Routes the fuzz leaves out, and why. */
export const NOT_FUZZED: Partial<Record<RouteName, string>> = Object.fromEntries(
  Object.entries(BASES).filter(([, base]) => typeof base === "string"),
);
export const FUZZED_ROUTES = (Object.keys(BASES) as RouteName[]).filter((name) => typeof BASES[name] !== "string");

export type RequestCaseKind = "json-field" | "json-missing" | "json-raw" | "json-type" | "query" | "path";
export const REQUEST_CASE_KINDS: readonly RequestCaseKind[] = ["json-field", "json-missing", "json-raw", "json-type", "query", "path"];

export interface RequestCase {
  kind: RequestCaseKind;
  route: RouteName;
  method: string;
  url: string;
  /** A JSON value, or a raw text body (`raw`). */
  body?: unknown;
  raw?: boolean;
  headers?: Record<string, string>;
  /** Where the current row version is put before sending (none when the case damages the version itself). */
  version?: Base["version"];
  /** What was damaged, short enough to print; paths of the damaged fields. */
  label: string;
  damaged: string[];
}

const SHAPES = new Map<string, string[]>();
/** The field names a route's schema knows (top level), optional ones included. */
function schemaKeys(name: RouteName, part: "body" | "query"): string[] {
  const key = `${name}:${part}`;
  const known = SHAPES.get(key);
  if (known) return known;
  const schema = (api.routes[name] as api.RouteSpec)[part];
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  SHAPES.set(key, keys);
  return keys;
}

/** Paths of every leaf of a JSON value (arrays: their first element), for picking one to damage. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : [path, ...leafPaths(value[0], [...path, 0])];
  if (value && typeof value === "object") {
    const inner = Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
    return path.length === 0 ? inner : [path, ...inner];
  }
  return [path];
}

export function setAt(target: unknown, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const [i, step] of path.entries()) {
    if (i === path.length - 1) {
      node[step] = value;
      return;
    }
    const next = node[step];
    if (!next || typeof next !== "object") return;
    node = next as Record<string | number, unknown>;
  }
}
function deleteAt(target: unknown, path: (string | number)[]): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => (node && typeof node === "object" ? (node as Record<string | number, unknown>)[step] : undefined), target);
  const last = path[path.length - 1];
  if (parent && typeof parent === "object" && last !== undefined) {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete (parent as Record<string | number, unknown>)[last];
  }
}

const pathName = (path: (string | number)[]) => (path.length === 0 ? "(body)" : path.join("."));
const worldIds = (w: World) => [
  w.organisationId, w.projectId, w.nodeId, w.workplanId, w.activityId, w.budgetLineId, w.userId, w.importId,
  ...Object.values(w.foreign),
];

function urlOf(name: RouteName, id: string | undefined, query: string): string {
  const path = api.routes[name].path.replace(":id", id ?? "");
  return `/api/v1${path}${query ? `?${query}` : ""}`;
}
const queryText = (query: Record<string, string>) =>
  Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

/** One request case, drawn from `rng`, for case number `n`. */
export function requestCase(world: World, rng: Rng, n: number): RequestCase {
  const route = rng.pick(FUZZED_ROUTES);
  const spec = api.routes[route] as api.RouteSpec;
  const base = (BASES[route] as BaseOf)(world, n);
  const hasBody = base.body !== undefined;
  const kinds: [RequestCaseKind, number][] = hasBody
    ? [["json-field", 10], ["json-missing", 2], ["json-raw", 2], ["json-type", 1], ["path", 1]]
    : [["query", 6], ["path", 2]];
  const kind = rng.weighted(kinds);
  const body = structuredClone(base.body);
  const common = { route, method: spec.method, version: base.version };
  const query = base.query ? queryText(base.query) : "";

  switch (kind) {
    case "json-field": {
      const damaged: string[] = [];
      const labels: string[] = [];
      const paths = [...leafPaths(body), ...schemaKeys(route, "body").map((k) => [k]), ["unknownField"]];
      for (let count = rng.chance(0.25) ? 2 + rng.int(2) : 1; count > 0; count--) {
        const path = rng.pick(paths.filter((p) => p.length > 0));
        const useWorldId = rng.chance(0.1);
        const odd = useWorldId ? { label: "an id of another record", make: () => rng.pick(worldIds(world)) } : rng.pick(JSON_VALUES);
        setAt(body, path, odd.make(rng));
        damaged.push(pathName(path));
        labels.push(`${pathName(path)}=${odd.label}`);
      }
      const versionDamaged = base.version && damaged.some((d) => pathName(base.version?.path ?? []).startsWith(d));
      return { ...common, kind, url: urlOf(route, base.id, query), body, version: versionDamaged ? undefined : base.version, label: labels.join(", "), damaged };
    }
    case "json-missing": {
      if (base.version && rng.chance(0.2)) {
        return { ...common, kind, url: urlOf(route, base.id, query), body, version: undefined, label: "without version", damaged: ["version"] };
      }
      const paths = leafPaths(body).filter((p) => p.length > 0);
      const path = rng.chance(0.2) || paths.length === 0 ? [] : rng.pick(paths);
      if (path.length === 0) {
        return { ...common, kind, url: urlOf(route, base.id, query), body: {}, version: undefined, label: "empty object", damaged: ["(body)"] };
      }
      deleteAt(body, path);
      return { ...common, kind, url: urlOf(route, base.id, query), body, label: `without ${pathName(path)}`, damaged: [pathName(path)] };
    }
    case "json-raw": {
      const odd = rng.pick(RAW_BODIES);
      return {
        ...common, kind, url: urlOf(route, base.id, query), body: odd.make(rng), raw: true,
        headers: { "content-type": "application/json" }, version: undefined, label: `raw body: ${odd.label}`, damaged: ["(body)"],
      };
    }
    case "json-type": {
      const type = rng.pick([
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/json; charset=latin1", "application/xml", "", "application/json, text/plain",
      ]);
      const text = JSON.stringify(body) ?? "";
      return {
        ...common, kind, url: urlOf(route, base.id, query), body: text, raw: true, headers: { "content-type": type },
        label: `content type "${type}"`, damaged: ["content-type"],
      };
    }
    case "query": {
      const keys = [...new Set([...Object.keys(base.query ?? {}), ...schemaKeys(route, "query"), "q", "page"])];
      if (rng.chance(0.2)) {
        const odd = rng.pick(QUERY_SHAPES);
        const text = [query, odd.make(rng)].filter(Boolean).join("&");
        return { ...common, kind, url: urlOf(route, base.id, text), label: `query ${odd.label}`, damaged: ["query"] };
      }
      const key = rng.pick(keys);
      const odd = rng.pick(QUERY_VALUES);
      const rest = Object.entries(base.query ?? {}).filter(([k]) => k !== key).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      const text = [...rest, `${encodeURIComponent(key)}=${odd.make(rng)}`].join("&");
      return { ...common, kind, url: urlOf(route, base.id, text), label: `query ${key}=${odd.label}`, damaged: [`query.${key}`] };
    }
    case "path": {
      const odd = rng.pick(PATH_IDS);
      const url = spec.path.includes(":id") ? urlOf(route, odd.make(rng), query) : `${urlOf(route, base.id, query)}/${odd.make(rng)}`;
      return { ...common, kind, url, body, label: `path id ${odd.label}`, damaged: ["params.id"] };
    }
  }
}
