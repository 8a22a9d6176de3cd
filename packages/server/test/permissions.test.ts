// The allow/deny matrix of every route of the API's route table, for each
// kind of actor: a route without a row fails the test. Expected status: the
// route's success status when the actor is allowed; when denied, 401 for a
// visitor, 404 when the actor cannot even read the project (or see the user
// or the import) the request is about, else 403.
import { api, type PlanStatus } from "@baara/core";
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agendaItems,
  committeeBodies,
  executionTransactions,
  indicators,
  indicatorValues,
  libraryIndicators,
  meetingFollowUpItems,
  meetings,
  recommendations,
  reportFiles,
  reports,
  storedFiles,
  unplannedActivities,
  users,
} from "../src/db/schema.ts";
import { call, createTestApp, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { importPlan, readImport } from "./helpers/imports.ts";
import { pgsmSampleText } from "./fixtures/workplans.ts";
import {
  grant,
  makeActivity,
  makeBudgetLine,
  makeNode,
  makeOrganisation,
  makeProject,
  makeUser,
  makeWorkplan,
  PASSWORD,
} from "./helpers/factories.ts";
import { multipart } from "./helpers/multipart.ts";

const ACTORS = [
  "anonymous",
  "platformAdmin",
  "orgAdmin",
  "manager",
  "editor",
  "approver",
  "viewer",
  "projectEditor",
  "outsider",
] as const;
type ActorName = (typeof ACTORS)[number];
type SignedIn = Exclude<ActorName, "anonymous">;

const SIGNED_IN: readonly SignedIn[] = [
  "platformAdmin",
  "orgAdmin",
  "manager",
  "editor",
  "approver",
  "viewer",
  "projectEditor",
  "outsider",
];
/** Everyone with a role reaching project P (org A, its child A1, or P itself). */
const READ_P: readonly ActorName[] = [
  "platformAdmin",
  "orgAdmin",
  "manager",
  "editor",
  "approver",
  "viewer",
  "projectEditor",
];
/** project.manage and audit.read: admins and managers. */
const MANAGE_P: readonly ActorName[] = ["platformAdmin", "orgAdmin", "manager"];
/** plan.edit and plan.submit. */
const EDIT_P: readonly ActorName[] = ["platformAdmin", "orgAdmin", "manager", "editor", "projectEditor"];
/** plan.create (new plan, new version, import, delete a draft): whoever writes the plans. */
const CREATE_P: readonly ActorName[] = EDIT_P;
/** indicators.validate on P: approvers and managers. */
const VALIDATE_P: readonly ActorName[] = ["platformAdmin", "orgAdmin", "manager", "approver"];
/** indicators.library on A: its managers. */
const LIBRARY_A: readonly ActorName[] = ["platformAdmin", "orgAdmin", "manager"];
/** organisation.manage and members.manage on A (and so on A1). */
const ADMIN_A: readonly ActorName[] = ["platformAdmin", "orgAdmin"];
/** Signed-in actors who may read P but not import into it (nor see its pending imports). */
const NOT_CREATE_P: readonly ActorName[] = ["approver", "viewer", "outsider"];
/** Signed-in actors who cannot read P: a denial is a 404, not a 403. */
const HIDDEN_P: readonly ActorName[] = ["outsider"];
const ALL_OF_A: readonly ActorName[] = [
  "orgAdmin",
  "manager",
  "editor",
  "approver",
  "viewer",
  "projectEditor",
];

const unique = () => randomBytes(4).toString("hex");
const one = <T>(rows: T[]): T => {
  const [first] = rows;
  if (!first) throw new Error("no row returned");
  return first;
};
const apiUrl = (path: string) => `/api/v1${path}`;

type Method = api.RouteSpec["method"];
type RouteName = keyof typeof api.routes;
/** Routes the matrix leaves to their own tests, and why. */
const NOT_IN_MATRIX: Partial<Record<RouteName, string>> = {
  login: "every actor signs in through it before the matrix; auth.test.ts covers its answers",
  logout: "it would end the session the next rows use; auth.test.ts covers it",
};
interface Target {
  url: string;
  payload?: unknown;
  /** For bodies other than JSON (multipart uploads). */
  headers?: Record<string, string>;
}

interface RowSpec<T> {
  /** Method and path of the route, then what this row tries. */
  name: string;
  route: RouteName;
  allowed: readonly ActorName[];
  /** Denied signed-in actors who cannot even see the target: 404. */
  hidden?: readonly ActorName[];
  /** Cells where the code departs from the rule, securely and sensibly (each explained where set). */
  override?: Partial<Record<ActorName, number>>;
  /** A fresh target for this attempt, for requests that change or delete something. */
  prepare?: (actor: ActorName) => Promise<T>;
  request: (fresh: T, actor: ActorName) => Target;
}

interface Row {
  name: string;
  route: RouteName;
  method: Method;
  status: number;
  allowed: readonly ActorName[];
  hidden: readonly ActorName[];
  override: Partial<Record<ActorName, number>>;
  target(actor: ActorName): Promise<Target>;
}

function row<T = undefined>(spec: RowSpec<T>): Row {
  const route = api.routes[spec.route];
  return {
    name: spec.name,
    route: spec.route,
    method: route.method,
    status: route.status,
    allowed: spec.allowed,
    hidden: spec.hidden ?? [],
    override: spec.override ?? {},
    target: async (actor) => {
      const fresh = spec.prepare ? await spec.prepare(actor) : (undefined as T);
      return spec.request(fresh, actor);
    },
  };
}

function expectedStatus(r: Row, actor: ActorName): number {
  const override = r.override[actor];
  if (override !== undefined) return override;
  if (r.allowed.includes(actor)) return r.status;
  if (actor === "anonymous") return 401;
  return r.hidden.includes(actor) ? 404 : 403;
}

interface Page<T> {
  items: T[];
  total: number;
}
interface ProjectItem {
  id: string;
  code: string;
  published: boolean;
}
interface WorkplanItem {
  id: string;
  status: string;
}
interface PortfolioItem {
  project: ProjectItem;
  plan: WorkplanItem | null;
}

describe.each(databaseKinds)("permissions on %s", (kind) => {
  let ctx: TestContext;
  const sessions = {} as Record<SignedIn, Session>;
  const userIds = {} as Record<SignedIn, string>;
  // The world, filled in beforeAll.
  let A: { id: string };
  let A1: { id: string };
  let B: { id: string };
  let P: { id: string };
  let P2: { id: string };
  let Q: { id: string };
  let R: { id: string };
  let N: { id: string };
  let W: { id: string };
  /** Another plan of P, to compare W with. */
  let W2: { id: string };
  let activity: { id: string };
  let approvedOfR: { id: string };
  /** An approved plan of P alone in its year (so the current one), whose execution the matrix records, and one of its activities. */
  let E: { id: string };
  let activityOfE: { id: string };
  let draftOfR: { id: string };

  const db = () => ctx.database.db;
  const sessionOf = (actor: ActorName) => (actor === "anonymous" ? null : sessions[actor]);
  const send = (actor: ActorName, method: Method, url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(ctx.app, sessionOf(actor), { method, url: apiUrl(url), payload, headers });

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const d = db();
    A = await makeOrganisation(d, { name: "Org A" });
    A1 = await makeOrganisation(d, { parentId: A.id, name: "Org A1" });
    B = await makeOrganisation(d, { name: "Org B" });
    P = await makeProject(d, { organisationId: A1.id, currency: "XOF" });
    P2 = await makeProject(d, { organisationId: A1.id });
    Q = await makeProject(d, { organisationId: B.id });
    R = await makeProject(d, { organisationId: B.id, published: true });
    N = await makeNode(d, { projectId: P.id });
    W = await makeWorkplan(d, { projectId: P.id, status: "draft" });
    activity = await makeActivity(d, { workplanId: W.id, resultNodeId: N.id });
    await makeBudgetLine(d, { activityId: activity.id, workplanId: W.id });
    W2 = await makeWorkplan(d, { projectId: P.id, status: "approved", year: 2023 });
    E = await makeWorkplan(d, { projectId: P.id, status: "approved", year: 2019 });
    // Outside the framework: an approved plan's activities lock their node and its siblings' order.
    activityOfE = await makeActivity(d, { workplanId: E.id });
    // The draft is R's latest version: members see it as R's current plan, visitors the approved one.
    approvedOfR = await makeWorkplan(d, { projectId: R.id, status: "approved", year: 2024, planVersion: 1 });
    draftOfR = await makeWorkplan(d, { projectId: R.id, status: "draft", year: 2024, planVersion: 2 });

    const emails = {} as Record<SignedIn, string>;
    for (const actor of SIGNED_IN) {
      const user = await makeUser(d, { name: actor, isPlatformAdmin: actor === "platformAdmin" });
      userIds[actor] = user.id;
      emails[actor] = user.email;
    }
    await grant(d, userIds.orgAdmin, "admin", { organisationId: A.id });
    await grant(d, userIds.manager, "manager", { organisationId: A.id });
    await grant(d, userIds.editor, "editor", { organisationId: A1.id });
    await grant(d, userIds.approver, "approver", { organisationId: A.id });
    await grant(d, userIds.viewer, "viewer", { organisationId: A.id });
    await grant(d, userIds.projectEditor, "editor", { projectId: P.id });
    await grant(d, userIds.outsider, "viewer", { organisationId: B.id });

    // Each user signs in through the real login route.
    for (const actor of SIGNED_IN) sessions[actor] = await login(ctx.app, emails[actor], PASSWORD);
  });
  afterAll(() => ctx.close());

  // Fresh targets, one per attempt.
  const freshOrganisation = () => makeOrganisation(db(), { parentId: A1.id });
  /** A project of A1 on which projectEditor is an editor too, so that a denial is a 403, not a 404. */
  const freshProject = async () => {
    const project = await makeProject(db(), { organisationId: A1.id });
    await grant(db(), userIds.projectEditor, "editor", { projectId: project.id });
    return project;
  };
  // Each fresh plan has a year of its own: an approved one would supersede the earlier versions of its year (W's too).
  let freshYear = 3000;
  const freshPlan = (status: PlanStatus) => makeWorkplan(db(), { projectId: P.id, status, year: freshYear++ });
  const freshActivity = () => makeActivity(db(), { workplanId: W.id, resultNodeId: N.id });
  const freshLine = () => makeBudgetLine(db(), { activityId: activity.id, workplanId: W.id });
  const freshUser = () => makeUser(db());
  let approvedYear = 1990;
  /** An approved plan of P in a year of its own: closing it or carrying it over leaves E alone. */
  const freshApproved = async () => {
    const plan = await makeWorkplan(db(), { projectId: P.id, status: "approved", year: approvedYear-- });
    await makeActivity(db(), { workplanId: plan.id });
    return plan;
  };
  const freshTransaction = async () =>
    one(await db().insert(executionTransactions).values({
      workplanId: E.id, activityId: activityOfE.id, stage: "commitment", date: "2019-02-01", amount: "500", fingerprint: `test:${unique()}`,
    }).returning());
  const financeCsv = () => Buffer.from(`Date;Code;Montant;Référence\n2019-05-02;X;1000;MDT-${unique()}\n`, "utf8");
  /** A finance export of E, read and not yet written. */
  const freshFinanceImport = async () => {
    const { payload, headers } = multipart({ stage: "payment" }, { name: "mandats.csv", bytes: financeCsv() });
    const response = await send("platformAdmin", "POST", `/workplans/${E.id}/finance-imports`, payload, headers);
    if (response.statusCode !== 201) throw new Error(`finance import: ${response.body}`);
    return response.json() as { id: string; version: number };
  };
  /** A document of E's activity, added by the platform administrator. */
  const freshEvidence = async () => {
    const body = multipart({ title: "Rapport de mission" }, { name: "rapport.pdf", bytes: Buffer.from(`%PDF-1.4 ${unique()}`) });
    const response = await send("platformAdmin", "POST", `/activities/${activityOfE.id}/documents`, body.payload, body.headers);
    if (response.statusCode !== 201) throw new Error(`document: ${response.body}`);
    return response.json() as { id: string };
  };
  const freshUnplanned = async () =>
    one(await db().insert(unplannedActivities).values({ workplanId: E.id, title: "Réunion non programmée" }).returning());
  const freshIndicator = async () =>
    one(await db().insert(indicators).values({ projectId: P.id, code: `I-${unique()}`, name: "Personnes formées", level: "output", dimensions: ["sex"] }).returning());
  const freshValue = async () => {
    const indicator = await freshIndicator();
    return one(await db().insert(indicatorValues).values({ indicatorId: indicator.id, year: 2024, period: "S1", value: "12" }).returning());
  };
  const freshIndicatorDocument = async () => {
    const value = await freshValue();
    const body = multipart({ title: "Liste de présence" }, { name: "presence.pdf", bytes: Buffer.from(`%PDF-1.4 ${unique()}`) });
    const response = await send("platformAdmin", "POST", `/indicator-values/${value.id}/documents`, body.payload, body.headers);
    if (response.statusCode !== 201) throw new Error(`indicator document: ${response.body}`);
    return response.json() as { id: string };
  };
  const freshLibraryIndicator = async () =>
    one(await db().insert(libraryIndicators).values({ organisationId: A.id, code: `STD-${unique()}`, name: "Réunions tenues", level: "output" }).returning());
  const resultsTable = () => `Indicateurs\tBase\tCible\tProgrès actuel\nIndicateur T.${unique()} Réunions\t0\t10\t4`;
  // Committees: a steering committee of P, one session of it, and one recommendation made there (made once).
  const freshBody = async () =>
    one(await db().insert(committeeBodies).values({ organisationId: A1.id, projectId: P.id, kind: "steering", name: `Comité ${unique()}` }).returning());
  let committee: Promise<{ body: { id: string }; meeting: { id: string }; recommendation: { id: string } }> | null = null;
  const committeeOfP = () => {
    committee ??= (async () => {
      const body = await freshBody();
      const meeting = one(await db().insert(meetings).values({ bodyId: body.id, title: "Session", date: "2024-01-10" }).returning());
      const recommendation = one(
        await db().insert(recommendations).values({ organisationId: A1.id, projectId: P.id, bodyId: body.id, meetingId: meeting.id, number: 1, text: "Recommandation" }).returning(),
      );
      return { body, meeting, recommendation };
    })();
    return committee;
  };
  let meetingDay = 0;
  /** A later session of P's committee: each its own day, after the recommendation's session. */
  const freshMeeting = async () => {
    const { body } = await committeeOfP();
    const date = new Date(Date.UTC(2025, 0, 1 + meetingDay++)).toISOString().slice(0, 10);
    return one(await db().insert(meetings).values({ bodyId: body.id, title: `Session ${date}`, date }).returning());
  };
  const freshRecommendation = async () => {
    const { body, meeting } = await committeeOfP();
    return one(
      await db().insert(recommendations).values({ organisationId: A1.id, projectId: P.id, bodyId: body.id, meetingId: meeting.id, number: 2, text: `Recommandation ${unique()}` }).returning(),
    );
  };
  /** A session following up a fresh recommendation. */
  const freshFollowUp = async () => {
    const meeting = await freshMeeting();
    const recommendation = await freshRecommendation();
    await db().insert(meetingFollowUpItems).values({ meetingId: meeting.id, recommendationId: recommendation.id });
    return { meeting, recommendation };
  };
  const freshAgendaItem = async () =>
    one(await db().insert(agendaItems).values({ meetingId: (await freshMeeting()).id, position: 0, title: "Point" }).returning());
  // Reports of P: each its own year (one report per template, year and period).
  let reportYear = 2030;
  const freshReport = async (status: "draft" | "submitted" = "draft") =>
    one(
      await db()
        .insert(reports)
        .values({ projectId: P.id, template: "cps-annual", year: reportYear++, period: "year", title: "Rapport", status })
        .returning(),
    );
  const freshReportFile = async () => {
    const report = await freshReport();
    const bytes = Buffer.from(`rapport ${unique()}`);
    const { sha256, size } = await ctx.app.services.files.put(bytes);
    const stored = one(await db().insert(storedFiles).values({ sha256, size, name: "rapport.docx", mimeType: "application/octet-stream" }).returning());
    const file = one(await db().insert(reportFiles).values({ reportId: report.id, format: "docx", fileId: stored.id, reportStatus: "draft" }).returning());
    return { report, file };
  };
  const freshOrgMembership = async () =>
    grant(db(), (await freshUser()).id, "viewer", { organisationId: A1.id });
  const freshProjectMembership = async () =>
    grant(db(), (await freshUser()).id, "viewer", { projectId: P.id });
  const userRow = async (id: string) => {
    const [user] = await db().select().from(users).where(eq(users.id, id));
    if (!user) throw new Error(`no user ${id}`);
    return user;
  };
  /** The actor's own account (a fresh one for a visitor, who has none). */
  const ownAccount = (actor: ActorName) => (actor === "anonymous" ? freshUser() : userRow(userIds[actor]));

  /** A fresh import of P, read and waiting to be committed. */
  const pendingImport = () =>
    readImport(ctx.app, sessions.platformAdmin, P.id, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") }, { year: "2022" });
  let committed: Promise<api.ImportRecord> | null = null;
  /** One import of P committed as a plan (made once). */
  const committedImport = () => {
    committed ??= importPlan(ctx.app, sessions.platformAdmin, P.id, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") }, {
      year: "2022",
    }).then((r) => r.record);
    return committed;
  };

  const rows: Row[] = [
    // ---- health and session
    row({
      name: "GET /health",
      route: "health",
      allowed: ACTORS,
      request: () => ({ url: "/health" }),
    }),
    row({
      name: "GET /ready",
      route: "ready",
      allowed: ACTORS,
      request: () => ({ url: "/ready" }),
    }),
    row({
      name: "GET /auth/session",
      route: "session",
      allowed: SIGNED_IN,
      request: () => ({ url: "/auth/session" }),
    }),

    // ---- organisations
    // Organisations are a shared directory (project partners point at them): every signed-in user reads them.
    row({
      name: "GET /organisations",
      route: "listOrganisations",
      allowed: SIGNED_IN,
      request: () => ({ url: "/organisations" }),
    }),
    row({
      name: "GET /organisations/:id",
      route: "getOrganisation",
      allowed: SIGNED_IN,
      request: () => ({ url: `/organisations/${A1.id}` }),
    }),
    row({
      name: "POST /organisations (under A1)",
      route: "createOrganisation",
      allowed: ADMIN_A,
      request: () => ({
        url: "/organisations",
        payload: { parentId: A1.id, code: `ORG-${unique()}`, name: "Nouvelle unité", kind: "unit" },
      }),
    }),
    row({
      name: "POST /organisations (root)",
      route: "createOrganisation",
      allowed: ["platformAdmin"],
      request: () => ({
        url: "/organisations",
        payload: { code: `ORG-${unique()}`, name: "Nouveau ministère", kind: "ministry" },
      }),
    }),
    row({
      name: "PATCH /organisations/:id (rename)",
      route: "updateOrganisation",
      allowed: ADMIN_A,
      prepare: freshOrganisation,
      request: (o) => ({ url: `/organisations/${o.id}`, payload: { name: "Renommée", version: o.version } }),
    }),
    row({
      name: "PATCH /organisations/:id (move under A)",
      route: "updateOrganisation",
      allowed: ADMIN_A,
      prepare: freshOrganisation,
      request: (o) => ({ url: `/organisations/${o.id}`, payload: { parentId: A.id, version: o.version } }),
    }),
    row({
      // The admin of A does not manage B, so cannot move anything under it.
      name: "PATCH /organisations/:id (move under B)",
      route: "updateOrganisation",
      allowed: ["platformAdmin"],
      prepare: freshOrganisation,
      request: (o) => ({ url: `/organisations/${o.id}`, payload: { parentId: B.id, version: o.version } }),
    }),
    row({
      // Detaching makes a root organisation, which POST /organisations reserves to platform admins.
      name: "PATCH /organisations/:id (detach to root)",
      route: "updateOrganisation",
      allowed: ["platformAdmin"],
      prepare: freshOrganisation,
      request: (o) => ({ url: `/organisations/${o.id}`, payload: { parentId: null, version: o.version } }),
    }),
    row({
      name: "DELETE /organisations/:id",
      route: "deleteOrganisation",
      allowed: ADMIN_A,
      prepare: freshOrganisation,
      request: (o) => ({ url: `/organisations/${o.id}` }),
    }),

    // ---- users
    row({
      name: "GET /users",
      route: "listUsers",
      allowed: ADMIN_A,
      request: () => ({ url: "/users" }),
    }),
    row({
      // Org admins see the people holding a role under their organisations (here via project P of A1).
      name: "GET /users/:id (projectEditor)",
      route: "getUser",
      allowed: ["platformAdmin", "orgAdmin", "projectEditor"],
      hidden: SIGNED_IN,
      request: () => ({ url: `/users/${userIds.projectEditor}` }),
    }),
    row({
      name: "GET /users/:id (outsider, of org B)",
      route: "getUser",
      allowed: ["platformAdmin", "outsider"],
      hidden: SIGNED_IN,
      request: () => ({ url: `/users/${userIds.outsider}` }),
    }),
    row({
      name: "POST /users",
      route: "createUser",
      allowed: ADMIN_A,
      request: () => ({
        url: "/users",
        payload: { email: `new-${unique()}@test.example`, name: "Nouvelle personne", password: PASSWORD },
      }),
    }),
    row({
      name: "POST /users (with a role on A1)",
      route: "createUser",
      allowed: ADMIN_A,
      request: () => ({
        url: "/users",
        payload: {
          email: `new-${unique()}@test.example`,
          name: "Nouvelle personne",
          password: PASSWORD,
          membership: { organisationId: A1.id, role: "editor" },
        },
      }),
    }),
    row({
      // The admin of A may invite, but not give a role in B.
      name: "POST /users (with a role on org B)",
      route: "createUser",
      allowed: ["platformAdmin"],
      request: () => ({
        url: "/users",
        payload: {
          email: `new-${unique()}@test.example`,
          name: "Nouvelle personne",
          password: PASSWORD,
          membership: { organisationId: B.id, role: "viewer" },
        },
      }),
    }),
    row({
      name: "PATCH /users/:id (self)",
      route: "updateUser",
      allowed: SIGNED_IN,
      prepare: ownAccount,
      request: (u) => ({ url: `/users/${u.id}`, payload: { locale: "en", version: u.version } }),
    }),
    row({
      name: "DELETE /users/:id/sessions (self)",
      route: "endUserSessions",
      allowed: SIGNED_IN,
      prepare: ownAccount,
      request: (u) => ({ url: `/users/${u.id}/sessions` }),
    }),
    row({
      name: "DELETE /users/:id/sessions (someone else)",
      route: "endUserSessions",
      allowed: ["platformAdmin"],
      prepare: freshUser,
      request: (u) => ({ url: `/users/${u.id}/sessions` }),
    }),
    row({
      // 403 (not 404) even for a user the actor cannot see: the check precedes the lookup, revealing nothing.
      name: "PATCH /users/:id (someone else)",
      route: "updateUser",
      allowed: ["platformAdmin"],
      prepare: freshUser,
      request: (u) => ({ url: `/users/${u.id}`, payload: { name: "Renommé", version: u.version } }),
    }),
    row({
      name: "PATCH /users/:id (deactivate someone else)",
      route: "updateUser",
      allowed: ["platformAdmin"],
      prepare: freshUser,
      request: (u) => ({ url: `/users/${u.id}`, payload: { active: false, version: u.version } }),
    }),

    // ---- memberships
    row({
      name: "GET /memberships?organisationId=A",
      route: "listMemberships",
      allowed: ADMIN_A,
      request: () => ({ url: `/memberships?organisationId=${A.id}` }),
    }),
    row({
      name: "GET /memberships?organisationId=A1",
      route: "listMemberships",
      allowed: ADMIN_A,
      request: () => ({ url: `/memberships?organisationId=${A1.id}` }),
    }),
    row({
      name: "GET /memberships?projectId=P",
      route: "listMemberships",
      allowed: ADMIN_A,
      hidden: HIDDEN_P,
      request: () => ({ url: `/memberships?projectId=${P.id}` }),
    }),
    row({
      name: "GET /memberships?userId=self",
      route: "listMemberships",
      allowed: SIGNED_IN,
      request: (_, actor) => ({
        url: `/memberships?userId=${actor === "anonymous" ? userIds.viewer : userIds[actor]}`,
      }),
    }),
    row({
      // Someone else's roles, across scopes: platform admins only (org admins filter by their organisation).
      name: "GET /memberships?userId=viewer",
      route: "listMemberships",
      allowed: ["platformAdmin", "viewer"],
      request: () => ({ url: `/memberships?userId=${userIds.viewer}` }),
    }),
    row({
      name: "POST /memberships (admin on A1)",
      route: "createMembership",
      allowed: ADMIN_A,
      prepare: freshUser,
      request: (u) => ({
        url: "/memberships",
        payload: { userId: u.id, organisationId: A1.id, role: "admin" },
      }),
    }),
    row({
      name: "POST /memberships (on project P)",
      route: "createMembership",
      allowed: ADMIN_A,
      hidden: HIDDEN_P,
      prepare: freshUser,
      request: (u) => ({ url: "/memberships", payload: { userId: u.id, projectId: P.id, role: "editor" } }),
    }),
    row({
      name: "POST /memberships (on org B)",
      route: "createMembership",
      allowed: ["platformAdmin"],
      prepare: freshUser,
      request: (u) => ({
        url: "/memberships",
        payload: { userId: u.id, organisationId: B.id, role: "viewer" },
      }),
    }),
    row({
      name: "DELETE /memberships/:id (on A1)",
      route: "deleteMembership",
      allowed: ADMIN_A,
      prepare: freshOrgMembership,
      request: (m) => ({ url: `/memberships/${m.id}` }),
    }),
    row({
      name: "DELETE /memberships/:id (on project P)",
      route: "deleteMembership",
      allowed: ADMIN_A,
      hidden: HIDDEN_P,
      prepare: freshProjectMembership,
      request: (m) => ({ url: `/memberships/${m.id}` }),
    }),

    // ---- projects
    row({
      name: "GET /projects",
      route: "listProjects",
      allowed: ACTORS,
      request: () => ({ url: "/projects" }),
    }),
    row({
      name: "GET /projects/:id (P)",
      route: "getProject",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}` }),
    }),
    row({
      name: "GET /projects/:id (Q, of org B)",
      route: "getProject",
      allowed: ["platformAdmin", "outsider"],
      hidden: ALL_OF_A,
      request: () => ({ url: `/projects/${Q.id}` }),
    }),
    row({
      name: "GET /projects/:id (R, published)",
      route: "getProject",
      allowed: ACTORS,
      request: () => ({ url: `/projects/${R.id}` }),
    }),
    row({
      name: "GET /projects/:id/access (P)",
      route: "projectAccess",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/access` }),
    }),
    row({
      // Whoever reads a published project may ask what they can do there (project.read, publicOnly).
      name: "GET /projects/:id/access (R, published)",
      route: "projectAccess",
      allowed: ACTORS,
      request: () => ({ url: `/projects/${R.id}/access` }),
    }),
    row({
      name: "POST /projects (in A1)",
      route: "createProject",
      allowed: MANAGE_P,
      request: () => ({
        url: "/projects",
        payload: {
          code: `NEW-${unique()}`,
          title: "Nouveau projet",
          organisationId: A1.id,
          currency: "XOF",
          levelLabels: ["Composante"],
        },
      }),
    }),
    row({
      name: "POST /projects (in B)",
      route: "createProject",
      allowed: ["platformAdmin"],
      request: () => ({
        url: "/projects",
        payload: {
          code: `NEW-${unique()}`,
          title: "Nouveau projet",
          organisationId: B.id,
          currency: "XOF",
          levelLabels: ["Composante"],
        },
      }),
    }),
    row({
      name: "PATCH /projects/:id",
      route: "updateProject",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: freshProject,
      request: (p) => ({ url: `/projects/${p.id}`, payload: { title: "Renommé", version: p.version } }),
    }),
    row({
      name: "PATCH /projects/:id (move to org B)",
      route: "updateProject",
      allowed: ["platformAdmin"],
      hidden: HIDDEN_P,
      prepare: freshProject,
      request: (p) => ({ url: `/projects/${p.id}`, payload: { organisationId: B.id, version: p.version } }),
    }),
    row({
      name: "DELETE /projects/:id",
      route: "deleteProject",
      allowed: ADMIN_A,
      hidden: HIDDEN_P,
      prepare: freshProject,
      request: (p) => ({ url: `/projects/${p.id}` }),
    }),

    // ---- results framework
    row({
      name: "GET /projects/:id/nodes",
      route: "listNodes",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/nodes` }),
    }),
    row({
      name: "POST /projects/:id/nodes",
      route: "createNode",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      request: () => ({
        url: `/projects/${P.id}/nodes`,
        payload: { code: `N-${unique()}`, title: "Résultat" },
      }),
    }),
    row({
      name: "PATCH /nodes/:id",
      route: "updateNode",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: () => makeNode(db(), { projectId: P.id }),
      request: (n) => ({ url: `/nodes/${n.id}`, payload: { title: "Renommé", version: n.version } }),
    }),
    row({
      name: "DELETE /nodes/:id",
      route: "deleteNode",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: () => makeNode(db(), { projectId: P.id }),
      request: (n) => ({ url: `/nodes/${n.id}` }),
    }),
    row({
      name: "POST /nodes/:id/move",
      route: "moveNode",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: () => makeNode(db(), { projectId: P.id }),
      request: (n) => ({ url: `/nodes/${n.id}/move`, payload: { position: 0, version: n.version } }),
    }),

    // ---- work plans
    row({
      name: "GET /projects/:id/workplans",
      route: "listWorkplans",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/workplans` }),
    }),
    row({
      name: "POST /projects/:id/workplans",
      route: "createWorkplan",
      allowed: CREATE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/workplans`, payload: { year: 2031 } }),
    }),
    row({
      name: "GET /workplans/:id",
      route: "getWorkplan",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}` }),
    }),
    row({
      // Members of A are mere visitors of R, which is published: they see its approved plans, not its drafts.
      name: "GET /workplans/:id (draft of published R)",
      route: "getWorkplan",
      allowed: ["platformAdmin", "outsider"],
      hidden: ALL_OF_A,
      // A visitor of a published project is not asked to sign in for a draft: it is simply not there.
      override: { anonymous: 404 },
      request: () => ({ url: `/workplans/${draftOfR.id}` }),
    }),
    row({
      // A draft hidden from a visitor stays hidden when written to, anonymous visitors included.
      name: "PATCH /workplans/:id (draft of published R)",
      route: "updateWorkplan",
      allowed: ["platformAdmin"],
      hidden: ALL_OF_A,
      override: { anonymous: 404 },
      prepare: () => makeWorkplan(db(), { projectId: R.id, status: "draft" }),
      request: (p) => ({ url: `/workplans/${p.id}`, payload: { title: "Renommé", version: p.version } }),
    }),
    row({
      name: "PATCH /workplans/:id",
      route: "updateWorkplan",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshPlan("draft"),
      request: (p) => ({ url: `/workplans/${p.id}`, payload: { title: "Renommé", version: p.version } }),
    }),
    row({
      name: "DELETE /workplans/:id",
      route: "deleteWorkplan",
      allowed: CREATE_P,
      hidden: HIDDEN_P,
      prepare: () => freshPlan("draft"),
      request: (p) => ({ url: `/workplans/${p.id}` }),
    }),
    row({
      name: "POST /workplans/:id/transitions (submit)",
      route: "transitionWorkplan",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshPlan("draft"),
      request: (p) => ({
        url: `/workplans/${p.id}/transitions`,
        payload: { action: "submit", version: p.version },
      }),
    }),
    row({
      // Approving is kept apart from editing: admins, even the platform admin, hold no plan.approve.
      name: "POST /workplans/:id/transitions (approve)",
      route: "transitionWorkplan",
      allowed: ["approver"],
      hidden: HIDDEN_P,
      prepare: () => freshPlan("submitted"),
      request: (p) => ({
        url: `/workplans/${p.id}/transitions`,
        payload: { action: "approve", version: p.version },
      }),
    }),
    row({
      // Same separation of duties as approve.
      name: "POST /workplans/:id/transitions (endorse)",
      route: "transitionWorkplan",
      allowed: ["approver"],
      hidden: HIDDEN_P,
      prepare: () => freshPlan("approved"),
      request: (p) => ({
        url: `/workplans/${p.id}/transitions`,
        payload: { action: "endorse", version: p.version },
      }),
    }),
    row({
      // Same separation of duties as approve.
      name: "POST /workplans/:id/transitions (return)",
      route: "transitionWorkplan",
      allowed: ["approver"],
      hidden: HIDDEN_P,
      prepare: () => freshPlan("submitted"),
      request: (p) => ({
        url: `/workplans/${p.id}/transitions`,
        payload: { action: "return", comment: "À revoir", version: p.version },
      }),
    }),
    row({
      name: "GET /workplans/:id/history",
      route: "workplanHistory",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/history` }),
    }),
    row({
      name: "PUT /workplans/:id/declared-totals",
      route: "setDeclaredTotal",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshPlan("draft"),
      request: (p) => ({
        url: `/workplans/${p.id}/declared-totals`,
        payload: { nodeId: N.id, amount: "1000000" },
      }),
    }),
    row({
      name: "GET /workplans/:id/content",
      route: "workplanContent",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/content` }),
    }),
    row({
      name: "GET /workplans/:id/summary",
      route: "workplanSummary",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/summary` }),
    }),
    row({
      name: "GET /workplans/:id/comparison?with=",
      route: "compareWorkplans",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/comparison?with=${W2.id}` }),
    }),
    row({
      // Comparing the public plans of a published project is open to its visitors too.
      name: "GET /workplans/:id/comparison?with= (approved of published R, with itself)",
      route: "compareWorkplans",
      allowed: ACTORS,
      request: () => ({ url: `/workplans/${approvedOfR.id}/comparison?with=${approvedOfR.id}` }),
    }),
    row({
      // The other side is a draft a visitor may not see: it stays hidden when named in ?with=.
      name: "GET /workplans/:id/comparison?with= (approved of R with its draft)",
      route: "compareWorkplans",
      allowed: ["platformAdmin", "outsider"],
      hidden: ALL_OF_A,
      override: { anonymous: 404 },
      request: () => ({ url: `/workplans/${approvedOfR.id}/comparison?with=${draftOfR.id}` }),
    }),

    // ---- activities and budget lines
    row({
      name: "GET /workplans/:id/activities",
      route: "listActivities",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/activities` }),
    }),
    row({
      name: "POST /workplans/:id/activities",
      route: "createActivity",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({
        url: `/workplans/${W.id}/activities`,
        payload: {
          title: "Nouvelle activité",
          resultNodeId: N.id,
          budgetLines: [{ quantity: "1", unitCost: "500" }],
        },
      }),
    }),
    row({
      name: "GET /activities/:id",
      route: "getActivity",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/activities/${activity.id}` }),
    }),
    row({
      name: "PATCH /activities/:id",
      route: "updateActivity",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshActivity,
      request: (a) => ({ url: `/activities/${a.id}`, payload: { title: "Renommée", version: a.version } }),
    }),
    row({
      name: "POST /activities/:id/move",
      route: "moveActivity",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshActivity,
      request: (a) => ({ url: `/activities/${a.id}/move`, payload: { position: 0, version: a.version } }),
    }),
    row({
      name: "DELETE /activities/:id",
      route: "deleteActivity",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshActivity,
      request: (a) => ({ url: `/activities/${a.id}` }),
    }),
    row({
      name: "POST /activities/:id/budget-lines",
      route: "createBudgetLine",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({
        url: `/activities/${activity.id}/budget-lines`,
        payload: { quantity: "3", unitCost: "2500" },
      }),
    }),
    row({
      name: "PATCH /budget-lines/:id",
      route: "updateBudgetLine",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshLine,
      request: (l) => ({ url: `/budget-lines/${l.id}`, payload: { quantity: "4", version: l.version } }),
    }),
    row({
      name: "POST /budget-lines/:id/move",
      route: "moveBudgetLine",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshLine,
      request: (l) => ({ url: `/budget-lines/${l.id}/move`, payload: { position: 0, version: l.version } }),
    }),
    row({
      name: "DELETE /budget-lines/:id",
      route: "deleteBudgetLine",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshLine,
      request: (l) => ({ url: `/budget-lines/${l.id}` }),
    }),
    row({
      name: "POST /workplans/:id/line-edits",
      route: "editLines",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshLine,
      request: (l) => ({
        url: `/workplans/${W.id}/line-edits`,
        payload: { lines: [{ id: l.id, quantity: "4", version: l.version }] },
      }),
    }),
    row({
      // As PATCH /workplans/:id on that draft: hidden from its visitors, anonymous ones included.
      name: "POST /workplans/:id/line-edits (draft of published R)",
      route: "editLines",
      allowed: ["platformAdmin"],
      hidden: ALL_OF_A,
      override: { anonymous: 404 },
      prepare: async () => {
        const plan = await makeWorkplan(db(), { projectId: R.id, status: "draft" });
        const a = await makeActivity(db(), { workplanId: plan.id });
        return { plan, line: await makeBudgetLine(db(), { activityId: a.id, workplanId: plan.id }) };
      },
      request: ({ plan, line }) => ({
        url: `/workplans/${plan.id}/line-edits`,
        payload: { lines: [{ id: line.id, quantity: "4", version: line.version }] },
      }),
    }),

    // ---- import and export
    row({
      name: "POST /projects/:id/imports",
      route: "createImport",
      allowed: CREATE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/imports`, ...multipart({ text: pgsmSampleText(), year: "2022" }) }),
    }),
    row({
      // Reading a published project gives no right to import into it.
      name: "POST /projects/:id/imports (R, published)",
      route: "createImport",
      allowed: ["platformAdmin"],
      request: () => ({ url: `/projects/${R.id}/imports`, ...multipart({ text: pgsmSampleText(), year: "2022" }) }),
    }),
    row({
      name: "GET /projects/:id/imports",
      route: "listImports",
      allowed: CREATE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/imports` }),
    }),
    // An import not yet committed is seen only by those who may import: the others do not learn it exists.
    row({
      name: "GET /imports/:id (read, not committed)",
      route: "getImport",
      allowed: CREATE_P,
      hidden: NOT_CREATE_P,
      prepare: pendingImport,
      request: (i) => ({ url: `/imports/${i.id}` }),
    }),
    row({
      name: "GET /imports/:id/file (read, not committed)",
      route: "importFile",
      allowed: CREATE_P,
      hidden: NOT_CREATE_P,
      prepare: pendingImport,
      request: (i) => ({ url: `/imports/${i.id}/file` }),
    }),
    // Once committed, the file is the source of a plan: its readers may see both.
    row({
      name: "GET /imports/:id (committed)",
      route: "getImport",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committedImport,
      request: (i) => ({ url: `/imports/${i.id}` }),
    }),
    row({
      name: "GET /imports/:id/file (committed)",
      route: "importFile",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committedImport,
      request: (i) => ({ url: `/imports/${i.id}/file` }),
    }),
    row({
      name: "POST /imports/:id/reread",
      route: "rereadImport",
      allowed: CREATE_P,
      hidden: NOT_CREATE_P,
      prepare: pendingImport,
      request: (i) => ({ url: `/imports/${i.id}/reread`, payload: { year: 2023 } }),
    }),
    row({
      name: "POST /imports/:id/commit",
      route: "commitImport",
      allowed: CREATE_P,
      hidden: NOT_CREATE_P,
      prepare: pendingImport,
      request: (i) => ({ url: `/imports/${i.id}/commit`, payload: {} }),
    }),
    row({
      // A job's error may name the file and its sheets: seen by those who see the pending import.
      name: "GET /jobs/:id",
      route: "getJob",
      allowed: CREATE_P,
      hidden: NOT_CREATE_P,
      prepare: pendingImport,
      request: (i) => ({ url: `/jobs/${i.job?.id ?? "none"}` }),
    }),
    ...(["xlsx", "awp", "csv"] as const).map((format) =>
      row({
        name: `GET /workplans/:id/export?format=${format}`,
        route: "exportWorkplan",
        allowed: READ_P,
        hidden: HIDDEN_P,
        request: () => ({ url: `/workplans/${W.id}/export?format=${format}` }),
      }),
    ),
    row({
      name: "GET /workplans/:id/export (approved of published R)",
      route: "exportWorkplan",
      allowed: ACTORS,
      request: () => ({ url: `/workplans/${approvedOfR.id}/export?format=csv` }),
    }),
    row({
      // A draft hidden from a visitor does not leak through its export either.
      name: "GET /workplans/:id/export (draft of published R)",
      route: "exportWorkplan",
      allowed: ["platformAdmin", "outsider"],
      hidden: ALL_OF_A,
      override: { anonymous: 404 },
      request: () => ({ url: `/workplans/${draftOfR.id}/export?format=csv` }),
    }),

    row({
      // Everyone gets an answer; which projects it lists is the "GET /portfolio" block above.
      name: "GET /portfolio",
      route: "portfolio",
      allowed: ACTORS,
      request: () => ({ url: "/portfolio" }),
    }),
    row({
      // Everyone gets an answer; whose budget lines it writes is the "GET /portfolio/export.csv" block below.
      name: "GET /portfolio/export.csv",
      route: "exportPortfolio",
      allowed: ACTORS,
      request: () => ({ url: "/portfolio/export.csv?lang=en" }),
    }),
    row({
      // Everyone gets an answer; which projects' plans it counts is execution-dashboards.test.ts.
      name: "GET /portfolio/execution",
      route: "portfolioExecution",
      allowed: ACTORS,
      request: () => ({ url: "/portfolio/execution" }),
    }),
    row({
      // Everyone signed in has an inbox; what it holds for whom is inbox.test.ts.
      name: "GET /inbox",
      route: "inbox",
      allowed: SIGNED_IN,
      request: () => ({ url: "/inbox" }),
    }),
    row({
      // Checking a document reads nothing of anyone's: everyone signed in may.
      name: "POST /documents/check",
      route: "checkDocument",
      allowed: SIGNED_IN,
      request: () => ({ url: "/documents/check", ...multipart({ text: "Il a été réalisé trente un (31) activités." }) }),
    }),

    // ---- execution (of E, an approved plan of P alone in its year; a plan closed or changed per attempt is fresh)
    row({
      name: "GET /workplans/:id/execution",
      route: "workplanExecution",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/execution` }),
    }),
    row({
      name: "GET /projects/:id/execution",
      route: "projectExecution",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/execution` }),
    }),
    row({
      // A published project's approved plans are everyone's to follow.
      name: "GET /projects/:id/execution (published R)",
      route: "projectExecution",
      allowed: ACTORS,
      request: () => ({ url: `/projects/${R.id}/execution` }),
    }),
    row({
      name: "PUT /workplans/:id/execution/settings",
      route: "setExecutionSettings",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshApproved,
      request: (w) => ({ url: `/workplans/${w.id}/execution/settings`, payload: { excludeCancelled: false, credits: [{ kind: "payment", amount: "1000000" }], version: 1 } }),
    }),
    // Closing a year is a manager's decision: editors record, they do not close.
    row({
      name: "POST /workplans/:id/execution/close",
      route: "closeExecution",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: freshApproved,
      request: (w) => ({ url: `/workplans/${w.id}/execution/close`, payload: { closed: true, version: 1 } }),
    }),
    row({
      name: "GET /workplans/:id/execution/export",
      route: "exportExecution",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/execution/export` }),
    }),
    row({
      name: "POST /activities/:id/progress",
      route: "recordProgress",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => makeActivity(db(), { workplanId: E.id }),
      request: (a) => ({ url: `/activities/${a.id}/progress`, payload: { period: "Q1", status: "in_progress", percent: "25" } }),
    }),
    row({
      name: "GET /activities/:id/progress",
      route: "activityProgress",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/activities/${activityOfE.id}/progress` }),
    }),
    row({
      name: "GET /workplans/:id/transactions",
      route: "listTransactions",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/transactions` }),
    }),
    row({
      name: "POST /workplans/:id/transactions",
      route: "createTransaction",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/transactions`, payload: { activityId: activityOfE.id, stage: "commitment", date: "2019-03-01", amount: "1000" } }),
    }),
    row({
      name: "PATCH /transactions/:id",
      route: "updateTransaction",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshTransaction,
      request: (t) => ({ url: `/transactions/${t.id}`, payload: { amount: "2000", version: t.version } }),
    }),
    row({
      name: "DELETE /transactions/:id",
      route: "deleteTransaction",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshTransaction,
      request: (t) => ({ url: `/transactions/${t.id}` }),
    }),
    row({
      name: "GET /workplans/:id/unplanned",
      route: "listUnplanned",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/unplanned` }),
    }),
    row({
      name: "POST /workplans/:id/unplanned",
      route: "createUnplanned",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${E.id}/unplanned`, payload: { title: "Atelier non programmé" } }),
    }),
    row({
      name: "PATCH /unplanned/:id",
      route: "updateUnplanned",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshUnplanned,
      request: (u) => ({ url: `/unplanned/${u.id}`, payload: { title: "Atelier renommé", version: u.version } }),
    }),
    row({
      name: "DELETE /unplanned/:id",
      route: "deleteUnplanned",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshUnplanned,
      request: (u) => ({ url: `/unplanned/${u.id}` }),
    }),
    row({
      name: "GET /activities/:id/documents",
      route: "listEvidence",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/activities/${activityOfE.id}/documents` }),
    }),
    row({
      name: "POST /activities/:id/documents",
      route: "addEvidence",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => {
        const { payload, headers } = multipart({ title: "Liste de présence" }, { name: "presence.pdf", bytes: Buffer.from("%PDF-1.4 liste") });
        return { url: `/activities/${activityOfE.id}/documents`, payload, headers };
      },
    }),
    row({
      name: "GET /execution-documents/:id/file",
      route: "evidenceFile",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshEvidence,
      request: (d) => ({ url: `/execution-documents/${d.id}/file` }),
    }),
    row({
      name: "DELETE /execution-documents/:id",
      route: "deleteEvidence",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshEvidence,
      request: (d) => ({ url: `/execution-documents/${d.id}` }),
    }),
    // ---- indicators
    row({
      name: "GET /projects/:id/indicators",
      route: "listIndicators",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/indicators` }),
    }),
    row({
      name: "POST /projects/:id/indicators",
      route: "createIndicator",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/indicators`, payload: { code: `I-${unique()}`, name: "Réunions tenues", level: "output" } }),
    }),
    row({
      name: "GET /projects/:id/indicators/export.xlsx",
      route: "exportIndicators",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/indicators/export.xlsx` }),
    }),
    row({
      name: "PUT /projects/:id/indicator-thresholds",
      route: "setIndicatorThresholds",
      allowed: VALIDATE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/indicator-thresholds`, payload: { onTrack: "90", atRisk: "60" } }),
    }),
    row({
      name: "POST /projects/:id/results-table/preview",
      route: "previewResultsTable",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/results-table/preview`, payload: { text: resultsTable(), year: 2024 } }),
    }),
    row({
      name: "POST /projects/:id/results-table",
      route: "importResultsTable",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/results-table`, payload: { text: resultsTable(), year: 2024 } }),
    }),
    row({
      name: "POST /projects/:id/results-table/sheet",
      route: "readResultsSheet",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => {
        const { payload, headers } = multipart({}, { name: "cadre.csv", bytes: Buffer.from(resultsTable().replaceAll("\t", ";"), "utf8") });
        return { url: `/projects/${P.id}/results-table/sheet`, payload, headers };
      },
    }),
    row({
      name: "POST /projects/:id/indicators/from-library",
      route: "addLibraryIndicators",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshLibraryIndicator,
      request: (l) => ({ url: `/projects/${P.id}/indicators/from-library`, payload: { libraryIndicatorIds: [l.id] } }),
    }),
    row({
      name: "GET /indicators/:id",
      route: "getIndicator",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshIndicator,
      request: (i) => ({ url: `/indicators/${i.id}` }),
    }),
    row({
      name: "PATCH /indicators/:id",
      route: "updateIndicator",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshIndicator,
      request: (i) => ({ url: `/indicators/${i.id}`, payload: { endTarget: "30", version: i.version } }),
    }),
    row({
      name: "DELETE /indicators/:id",
      route: "deleteIndicator",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshIndicator,
      request: (i) => ({ url: `/indicators/${i.id}` }),
    }),
    row({
      name: "POST /indicators/:id/values",
      route: "recordIndicatorValue",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshIndicator,
      request: (i) => ({ url: `/indicators/${i.id}/values`, payload: { year: 2024, period: "S1", value: "15", breakdown: { "sex:women": "6" } } }),
    }),
    row({
      name: "POST /indicator-values/:id/review",
      route: "reviewIndicatorValue",
      allowed: VALIDATE_P,
      hidden: HIDDEN_P,
      prepare: freshValue,
      request: (v) => ({ url: `/indicator-values/${v.id}/review`, payload: { action: "validate", version: v.version } }),
    }),
    row({
      name: "POST /indicator-values/:id/documents",
      route: "addIndicatorEvidence",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshValue,
      request: (v) => {
        const { payload, headers } = multipart({ title: "Liste de présence" }, { name: "presence.pdf", bytes: Buffer.from("%PDF-1.4 liste") });
        return { url: `/indicator-values/${v.id}/documents`, payload, headers };
      },
    }),
    row({
      name: "GET /indicator-documents/:id/file",
      route: "indicatorEvidenceFile",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshIndicatorDocument,
      request: (d) => ({ url: `/indicator-documents/${d.id}/file` }),
    }),
    row({
      name: "DELETE /indicator-documents/:id",
      route: "deleteIndicatorEvidence",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshIndicatorDocument,
      request: (d) => ({ url: `/indicator-documents/${d.id}` }),
    }),
    row({
      name: "GET /organisations/:id/indicator-library",
      route: "listLibraryIndicators",
      // Members of A, of its sub-organisations and of their projects pick from it; an outsider does not learn it exists.
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/organisations/${A.id}/indicator-library` }),
    }),
    row({
      name: "POST /organisations/:id/indicator-library",
      route: "createLibraryIndicator",
      allowed: LIBRARY_A,
      request: () => ({ url: `/organisations/${A.id}/indicator-library`, payload: { code: `STD-${unique()}`, name: "Réunions tenues", level: "output" } }),
    }),
    row({
      name: "DELETE /library-indicators/:id",
      route: "deleteLibraryIndicator",
      allowed: LIBRARY_A,
      hidden: HIDDEN_P,
      prepare: freshLibraryIndicator,
      request: (l) => ({ url: `/library-indicators/${l.id}` }),
    }),
    row({
      name: "POST /workplans/:id/finance-imports",
      route: "createFinanceImport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => {
        const { payload, headers } = multipart({ stage: "payment" }, { name: "mandats.csv", bytes: financeCsv() });
        return { url: `/workplans/${E.id}/finance-imports`, payload, headers };
      },
    }),
    row({
      name: "GET /finance-imports/:id",
      route: "getFinanceImport",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshFinanceImport,
      request: (i) => ({ url: `/finance-imports/${i.id}` }),
    }),
    row({
      name: "POST /finance-imports/:id/commit",
      route: "commitFinanceImport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshFinanceImport,
      request: (i) => ({ url: `/finance-imports/${i.id}/commit`, payload: { version: i.version } }),
    }),
    row({
      name: "GET /finance-imports/:id/file",
      route: "financeImportFile",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshFinanceImport,
      request: (i) => ({ url: `/finance-imports/${i.id}/file` }),
    }),
    row({
      name: "POST /workplans/:id/reprogram",
      route: "reprogramActivities",
      allowed: CREATE_P,
      hidden: HIDDEN_P,
      prepare: freshApproved,
      request: (w) => ({ url: `/workplans/${w.id}/reprogram`, payload: {} }),
    }),

    // ---- audit
    row({
      name: "GET /audit?projectId=P",
      route: "auditLog",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/audit?projectId=${P.id}` }),
    }),
    row({
      name: "GET /audit",
      route: "auditLog",
      allowed: ["platformAdmin"],
      request: () => ({ url: "/audit" }),
    }),

    // Last, as a success would lock the actor out for the rest of the run: nobody deactivates themselves.
    row({
      name: "PATCH /users/:id (deactivate self)",
      route: "updateUser",
      allowed: [],
      prepare: ownAccount,
      request: (u) => ({ url: `/users/${u.id}`, payload: { active: false, version: u.version } }),
    }),
    // ---- committees (a steering committee of P: its records follow P's roles; never public)
    row({ name: "GET /bodies", route: "listBodies", allowed: SIGNED_IN, request: () => ({ url: "/bodies" }) }),
    row({
      name: "POST /bodies",
      route: "createBody",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      request: () => ({ url: "/bodies", payload: { organisationId: A1.id, projectId: P.id, kind: "technical", name: `Comité technique ${unique()}` } }),
    }),
    row({
      name: "GET /bodies/:id",
      route: "getBody",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/bodies/${c.body.id}` }),
    }),
    row({
      name: "PATCH /bodies/:id",
      route: "updateBody",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: freshBody,
      request: (b) => ({ url: `/bodies/${b.id}`, payload: { name: "Comité renommé", version: b.version } }),
    }),
    row({
      name: "PUT /bodies/:id/members",
      route: "replaceMembers",
      allowed: MANAGE_P,
      hidden: HIDDEN_P,
      prepare: freshBody,
      request: (b) => ({ url: `/bodies/${b.id}/members`, payload: { members: [{ name: "Awa Diallo", role: "chair" }], version: b.version } }),
    }),
    row({
      name: "GET /bodies/:id/meetings",
      route: "listMeetings",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/bodies/${c.body.id}/meetings` }),
    }),
    row({
      name: "POST /bodies/:id/meetings",
      route: "createMeeting",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshBody,
      request: (b) => ({ url: `/bodies/${b.id}/meetings`, payload: { title: "Session ordinaire", date: "2024-06-21", agenda: ["Divers"] } }),
    }),
    row({
      name: "GET /meetings/:id",
      route: "getMeeting",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/meetings/${c.meeting.id}` }),
    }),
    row({
      name: "PATCH /meetings/:id",
      route: "updateMeeting",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshMeeting,
      request: (m) => ({ url: `/meetings/${m.id}`, payload: { place: "Salle B", status: "held", version: m.version } }),
    }),
    // The minutes are approved by whoever approves, not by the secretary who wrote them.
    row({
      name: "POST /meetings/:id/approve",
      route: "approveMinutes",
      allowed: ["platformAdmin", "orgAdmin", "manager", "approver"],
      hidden: HIDDEN_P,
      prepare: freshMeeting,
      request: (m) => ({ url: `/meetings/${m.id}/approve`, payload: { version: m.version } }),
    }),
    row({
      name: "PUT /meetings/:id/agenda",
      route: "setAgenda",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshMeeting,
      request: (m) => ({ url: `/meetings/${m.id}/agenda`, payload: { items: [{ title: "Divers" }], version: m.version } }),
    }),
    row({
      name: "PATCH /agenda-items/:id",
      route: "updateAgendaItem",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshAgendaItem,
      request: (a) => ({ url: `/agenda-items/${a.id}`, payload: { minutes: "Points discutés", version: a.version } }),
    }),
    row({
      name: "PUT /meetings/:id/attendance",
      route: "setAttendance",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshMeeting,
      request: (m) => ({ url: `/meetings/${m.id}/attendance`, payload: { participants: [{ name: "Awa Diallo" }], version: m.version } }),
    }),
    row({
      name: "POST /meetings/:id/follow-ups",
      route: "recordFollowUps",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshFollowUp,
      request: (f) => ({
        url: `/meetings/${f.meeting.id}/follow-ups`,
        payload: { items: [{ recommendationId: f.recommendation.id, status: "in_progress", comment: "En cours", version: f.recommendation.version }] },
      }),
    }),
    row({
      name: "GET /meetings/:id/minutes",
      route: "exportMinutes",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/meetings/${c.meeting.id}/minutes` }),
    }),
    row({
      name: "GET /meetings/:id/follow-up-table",
      route: "exportFollowUpTable",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/meetings/${c.meeting.id}/follow-up-table?format=docx` }),
    }),
    row({ name: "GET /recommendations", route: "listRecommendations", allowed: SIGNED_IN, request: () => ({ url: "/recommendations?status=not_started" }) }),
    row({ name: "GET /recommendations/rates", route: "recommendationRates", allowed: SIGNED_IN, request: () => ({ url: "/recommendations/rates" }) }),
    row({ name: "GET /recommendations/due", route: "dueRecommendations", allowed: SIGNED_IN, request: () => ({ url: "/recommendations/due" }) }),
    row({
      name: "POST /recommendations",
      route: "createRecommendation",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: "/recommendations", payload: { meetingId: c.meeting.id, text: "Partager le rapport détaillé", responsibles: [{ name: "PNUD" }] } }),
    }),
    row({
      name: "GET /recommendations/:id",
      route: "getRecommendation",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: committeeOfP,
      request: (c) => ({ url: `/recommendations/${c.recommendation.id}` }),
    }),
    row({
      name: "PATCH /recommendations/:id",
      route: "updateRecommendation",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshRecommendation,
      request: (r) => ({ url: `/recommendations/${r.id}`, payload: { dueDate: "2024-12-31", version: r.version } }),
    }),
    row({
      name: "DELETE /recommendations/:id",
      route: "deleteRecommendation",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshRecommendation,
      request: (r) => ({ url: `/recommendations/${r.id}` }),
    }),
    row({
      name: "POST /recommendations/:id/follow-ups",
      route: "addFollowUp",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: freshRecommendation,
      request: (r) => ({ url: `/recommendations/${r.id}/follow-ups`, payload: { status: "done", version: r.version } }),
    }),
    row({
      name: "POST /recommendations/:id/renew",
      route: "renewRecommendation",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: async () => ({ recommendation: await freshRecommendation(), meeting: await freshMeeting() }),
      request: (f) => ({ url: `/recommendations/${f.recommendation.id}/renew`, payload: { meetingId: f.meeting.id, version: f.recommendation.version } }),
    }),
    row({ name: "GET /projects/:id/reports", route: "listReports", allowed: READ_P, hidden: HIDDEN_P, request: () => ({ url: `/projects/${P.id}/reports` }) }),
    row({
      name: "POST /projects/:id/reports",
      route: "createReport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/projects/${P.id}/reports`, payload: { template: "cps-annual", year: reportYear++ } }),
    }),
    row({ name: "GET /reports/:id", route: "getReport", allowed: READ_P, hidden: HIDDEN_P, prepare: () => freshReport(), request: (r) => ({ url: `/reports/${r.id}` }) }),
    row({
      name: "PATCH /reports/:id",
      route: "updateReport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshReport(),
      request: (r) => ({ url: `/reports/${r.id}`, payload: { narrative: { introduction: "Introduction" }, version: r.version } }),
    }),
    row({ name: "DELETE /reports/:id", route: "deleteReport", allowed: EDIT_P, hidden: HIDDEN_P, prepare: () => freshReport(), request: (r) => ({ url: `/reports/${r.id}` }) }),
    row({
      name: "POST /reports/:id/transition (submit)",
      route: "transitionReport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshReport(),
      request: (r) => ({ url: `/reports/${r.id}/transition`, payload: { action: "submit", version: r.version } }),
    }),
    // Approving is kept apart from writing, as for plans and minutes.
    row({
      name: "POST /reports/:id/transition (approve)",
      route: "transitionReport",
      allowed: VALIDATE_P,
      hidden: HIDDEN_P,
      prepare: () => freshReport("submitted"),
      request: (r) => ({ url: `/reports/${r.id}/transition`, payload: { action: "approve", version: r.version } }),
    }),
    row({
      name: "POST /reports/:id/files",
      route: "generateReport",
      allowed: EDIT_P,
      hidden: HIDDEN_P,
      prepare: () => freshReport(),
      request: (r) => ({ url: `/reports/${r.id}/files`, payload: { format: "xlsx" } }),
    }),
    row({
      name: "GET /reports/:id/files/:fileId",
      route: "reportFile",
      allowed: READ_P,
      hidden: HIDDEN_P,
      prepare: freshReportFile,
      request: (f) => ({ url: `/reports/${f.report.id}/files/${f.file.id}` }),
    }),
    row({
      name: "GET /workplans/:id/revision-check",
      route: "revisionCheck",
      allowed: READ_P,
      hidden: HIDDEN_P,
      request: () => ({ url: `/workplans/${W.id}/revision-check?with=${W2.id}` }),
    }),
  ];

  // GET /portfolio answers everyone 200 (anonymous included): what matters is which projects and plans it lists.
  // It runs before the matrix, whose successful requests add projects: here the world is P, P2, Q and R only.
  describe("GET /portfolio", () => {
    const visible: Record<ActorName, () => { id: string }[]> = {
      anonymous: () => [R],
      platformAdmin: () => [P, P2, Q, R],
      orgAdmin: () => [P, P2, R],
      manager: () => [P, P2, R],
      editor: () => [P, P2, R],
      approver: () => [P, P2, R],
      viewer: () => [P, P2, R],
      projectEditor: () => [P, R],
      outsider: () => [Q, R],
    };
    /** Who sees R as a visitor (its public plans only), not as a member. */
    const visitorsOfR: readonly ActorName[] = ["anonymous", ...ALL_OF_A];

    for (const actor of ACTORS) {
      it(`${actor} sees exactly the projects they may read, each with its latest visible plan`, async () => {
        const response = await send(actor, "GET", "/portfolio?pageSize=500");
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as Page<PortfolioItem>;
        const ids = page.items.map((i) => i.project.id);
        expect(new Set(ids)).toEqual(new Set(visible[actor]().map((p) => p.id)));
        expect(ids).toHaveLength(page.total);
        const ofR = page.items.find((i) => i.project.id === R.id);
        expect(ofR?.plan).toMatchObject(
          visitorsOfR.includes(actor) ? { id: approvedOfR.id, status: "approved" } : { id: draftOfR.id, status: "draft" },
        );
        const ofP = page.items.find((i) => i.project.id === P.id);
        if (ofP) expect(ofP.plan?.id).toBe(W.id);
      });
    }
  });

  // GET /portfolio/export.csv answers everyone 200 as well: what matters is whose budget lines it writes. Before
  // the matrix too: a line each on the plans in force of P (W2), Q and R, and on drafts that must never show (W, R's).
  describe("GET /portfolio/export.csv", () => {
    const TITLES = { P: "Export P 2023", Q: "Export Q 2024", R: "Export R 2024", draftOfR: "Export brouillon R" } as const;
    beforeAll(async () => {
      const d = db();
      const Q2024 = await makeWorkplan(d, { projectId: Q.id, status: "approved", year: 2024, planVersion: 1 });
      const plans = [[W2, TITLES.P], [Q2024, TITLES.Q], [approvedOfR, TITLES.R], [draftOfR, TITLES.draftOfR]] as const;
      for (const [plan, title] of plans) {
        const a = await makeActivity(d, { workplanId: plan.id, title });
        await makeBudgetLine(d, { activityId: a.id, workplanId: plan.id });
      }
    });
    const written: Record<ActorName, (keyof typeof TITLES)[]> = {
      anonymous: ["R"],
      platformAdmin: ["P", "Q", "R"],
      orgAdmin: ["P", "R"],
      manager: ["P", "R"],
      editor: ["P", "R"],
      approver: ["P", "R"],
      viewer: ["P", "R"],
      projectEditor: ["P", "R"],
      outsider: ["Q", "R"],
    };

    for (const actor of ACTORS) {
      it(`${actor} gets the lines of the plans in force of the projects they may read, and no other`, async () => {
        const response = await send(actor, "GET", "/portfolio/export.csv");
        expect(response.statusCode, response.body).toBe(200);
        const [header, ...records] = parse(response.rawPayload, { delimiter: ";", bom: true }) as string[][];
        const title = (header ?? []).indexOf("Activité");
        expect(title).toBeGreaterThan(0);
        const titles = records.map((r) => r[title]);
        // W's line (a draft of P) has its own title: only the lines above may be written.
        expect(titles.every((t) => Object.values(TITLES).includes(t as never))).toBe(true);
        expect(titles.sort()).toEqual(written[actor].map((k) => TITLES[k]).sort());
      });
    }
  });

  describe("allow/deny matrix", () => {
    it("has a row for every route of the route table, each named by its method and path", () => {
      const covered = new Set(rows.map((r) => r.route));
      const missing = Object.keys(api.routes).filter((name) => !covered.has(name as RouteName) && !(name in NOT_IN_MATRIX));
      expect(missing).toEqual([]);
      for (const r of rows) expect(r.name.startsWith(`${r.method} ${api.routes[r.route].path}`), r.name).toBe(true);
    });

    for (const r of rows) {
      for (const actor of ACTORS) {
        const status = expectedStatus(r, actor);
        it(`${r.name} — ${actor} → ${status}`, async () => {
          const { url, payload, headers } = await r.target(actor);
          const response = await send(actor, r.method, url, payload, headers);
          expect(response.statusCode, `${r.method} ${url}: ${response.body}`).toBe(status);
        });
      }
    }
  });

  describe("published projects and project lists", () => {
    it("a visitor sees published project R and its approved plan, not R's draft nor P", async () => {
      expect((await send("anonymous", "GET", `/projects/${R.id}`)).statusCode).toBe(200);
      expect((await send("anonymous", "GET", `/projects/${R.id}/nodes`)).statusCode).toBe(200);
      expect((await send("anonymous", "GET", `/workplans/${approvedOfR.id}`)).statusCode).toBe(200);
      expect((await send("anonymous", "GET", `/workplans/${approvedOfR.id}/summary`)).statusCode).toBe(200);
      expect((await send("anonymous", "GET", `/workplans/${approvedOfR.id}/activities`)).statusCode).toBe(
        200,
      );
      expect((await send("anonymous", "GET", `/workplans/${draftOfR.id}`)).statusCode).toBe(404);
      expect((await send("anonymous", "GET", `/workplans/${draftOfR.id}/summary`)).statusCode).toBe(404);
      expect((await send("anonymous", "GET", `/workplans/${draftOfR.id}/activities`)).statusCode).toBe(404);
      expect((await send("anonymous", "GET", `/workplans/${draftOfR.id}/history`)).statusCode).toBe(404);
      expect((await send("anonymous", "GET", `/projects/${P.id}`)).statusCode).toBe(401);
      expect((await send("anonymous", "GET", `/workplans/${W.id}`)).statusCode).toBe(401);

      const plans = (
        await send("anonymous", "GET", `/projects/${R.id}/workplans`)
      ).json() as Page<WorkplanItem>;
      expect(plans.items.map((p) => p.id)).toEqual([approvedOfR.id]);

      // Reading a published project gives no right to change it nor to read its history.
      expect(
        (await send("anonymous", "POST", `/projects/${R.id}/workplans`, { year: 2030 })).statusCode,
      ).toBe(401);
      expect((await send("anonymous", "GET", `/audit?projectId=${R.id}`)).statusCode).toBe(401);
    });

    it("a signed-in non-member of R sees it as a visitor does", async () => {
      expect((await send("viewer", "GET", `/workplans/${approvedOfR.id}`)).statusCode).toBe(200);
      expect((await send("viewer", "GET", `/workplans/${draftOfR.id}`)).statusCode).toBe(404);
      const plans = (await send("viewer", "GET", `/projects/${R.id}/workplans`)).json() as Page<WorkplanItem>;
      expect(plans.items.map((p) => p.id)).toEqual([approvedOfR.id]);
      expect((await send("viewer", "POST", `/projects/${R.id}/workplans`, { year: 2030 })).statusCode).toBe(
        403,
      );
      // The outsider, a viewer of B, is a member of R: drafts included.
      expect((await send("outsider", "GET", `/workplans/${draftOfR.id}`)).statusCode).toBe(200);
    });

    it("GET /projects for a visitor lists only published projects", async () => {
      const page = (await send("anonymous", "GET", "/projects?pageSize=500")).json() as Page<ProjectItem>;
      const ids = page.items.map((p) => p.id);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((p) => p.published)).toBe(true);
      expect(page.total).toBe(page.items.length);
      expect(ids).toContain(R.id);
      expect(ids).not.toContain(P.id);
      expect(ids).not.toContain(Q.id);
    });

    it("GET /projects for a project member lists that project, not the other projects of its organisation", async () => {
      const page = (await send("projectEditor", "GET", "/projects?pageSize=500")).json() as Page<ProjectItem>;
      const ids = page.items.map((p) => p.id);
      expect(ids).toContain(P.id);
      expect(ids).not.toContain(P2.id);
      expect(ids).not.toContain(Q.id);
      expect(ids).toContain(R.id);
    });

    it("GET /projects lists an organisation's projects to its members only", async () => {
      const ofEditor = (await send("editor", "GET", "/projects?pageSize=500")).json() as Page<ProjectItem>;
      expect(ofEditor.items.map((p) => p.id)).toEqual(expect.arrayContaining([P.id, P2.id, R.id]));
      expect(ofEditor.items.map((p) => p.id)).not.toContain(Q.id);
      const ofOutsider = (
        await send("outsider", "GET", "/projects?pageSize=500")
      ).json() as Page<ProjectItem>;
      expect(ofOutsider.items.map((p) => p.id)).toEqual(expect.arrayContaining([Q.id, R.id]));
      expect(ofOutsider.items.map((p) => p.id)).not.toContain(P.id);
      expect(ofOutsider.items.map((p) => p.id)).not.toContain(P2.id);
    });
  });
});
