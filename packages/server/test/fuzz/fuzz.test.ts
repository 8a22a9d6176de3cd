// Seeded fuzz of the import and edit routes on a real app: mutated work-plan
// files (xlsx, csv, tsv, pasted cells) uploaded, read and committed, and
// mutated requests generated from the route table. No answer may be a 5xx, no
// import job may fail on an unexpected error, every request answers within
// its bound and memory stays bounded. `npm test` runs 200 cases;
// `npm run fuzz` runs 10 000 (BAARA_FUZZ_CASES, BAARA_FUZZ_SEED, BAARA_FUZZ_ONLY).
import { api } from "@baara/core";
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, type Session, type TestContext } from "../helpers/app.ts";
import { databaseKinds } from "../helpers/databases.ts";
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
} from "../helpers/factories.ts";
import { readImport } from "../helpers/imports.ts";
import { multipart } from "../helpers/multipart.ts";
import { pgsmSampleText } from "../fixtures/workplans.ts";
import { type Figures, Fuzzer, fuzzOptions, report, ServerLog } from "./harness.ts";
import { FUZZED_ROUTES, NOT_FUZZED, type World } from "./requests.ts";

const options = fuzzOptions();

describe("the fuzz's route table", () => {
  it("sends requests to every route of the API, or says why not", () => {
    const covered = new Set<string>([...FUZZED_ROUTES, ...Object.keys(NOT_FUZZED)]);
    expect(Object.keys(api.routes).filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe.each(databaseKinds)("fuzz of the import and edit routes on %s", (kind) => {
  const log = new ServerLog();
  let ctx: TestContext;
  let admin: Session;
  let world: World;

  beforeAll(async () => {
    ctx = await createTestApp(kind, {}, {}, { logger: { level: "error", stream: log.stream } });
    const { db } = ctx.database;
    const organisation = await makeOrganisation(db, { name: "Ministère fuzz" });
    const child = await makeOrganisation(db, { parentId: organisation.id });
    const project = await makeProject(db, { organisationId: organisation.id });
    const other = await makeProject(db, { organisationId: organisation.id });
    const node = await makeNode(db, { projectId: project.id, code: "B" });
    const childNode = await makeNode(db, { projectId: project.id, parentId: node.id, level: 1, code: "B.1" });
    const workplan = await makeWorkplan(db, { projectId: project.id, year: 2022, planVersion: 1 });
    const approved = await makeWorkplan(db, { projectId: project.id, year: 2022, planVersion: 2, status: "approved" });
    const transition = await makeWorkplan(db, { projectId: project.id, year: 2023, planVersion: 1 });
    const activity = await makeActivity(db, { workplanId: workplan.id, resultNodeId: childNode.id });
    const line = await makeBudgetLine(db, { activityId: activity.id, workplanId: workplan.id });
    const approvedActivity = await makeActivity(db, { workplanId: approved.id, resultNodeId: childNode.id });
    const approvedLine = await makeBudgetLine(db, { activityId: approvedActivity.id, workplanId: approved.id });
    const person = await makeUser(db);
    await grant(db, person.id, "editor", { organisationId: organisation.id });

    const elsewhere = await makeOrganisation(db);
    const foreignProject = await makeProject(db, { organisationId: elsewhere.id });
    const foreignNode = await makeNode(db, { projectId: foreignProject.id });
    const foreignPlan = await makeWorkplan(db, { projectId: foreignProject.id });
    const foreignActivity = await makeActivity(db, { workplanId: foreignPlan.id, resultNodeId: foreignNode.id });
    const foreignLine = await makeBudgetLine(db, { activityId: foreignActivity.id, workplanId: foreignPlan.id });

    const adminUser = await makeUser(db, { isPlatformAdmin: true });
    admin = await login(ctx.app, adminUser.email, PASSWORD);
    const payment = await call(ctx.app, admin, {
      method: "POST",
      url: `/api/v1/workplans/${approved.id}/transactions`,
      payload: { budgetLineId: approvedLine.id, stage: "payment", date: "2022-05-02", amount: "1000" },
    });
    const unplanned = await call(ctx.app, admin, { method: "POST", url: `/api/v1/workplans/${approved.id}/unplanned`, payload: { title: "Réunion non programmée" } });
    const financeExport = multipart({ stage: "payment" }, { name: "mandats.csv", bytes: Buffer.from("Date;Code;Montant\n2022-05-02;X;1000\n", "utf8") });
    const finance = await call(ctx.app, admin, { method: "POST", url: `/api/v1/workplans/${approved.id}/finance-imports`, ...financeExport });
    if (finance.statusCode !== 201) throw new Error(`finance import: ${finance.body}`);
    const indicator = await call(ctx.app, admin, {
      method: "POST",
      url: `/api/v1/projects/${project.id}/indicators`,
      payload: { code: "1.1.1", name: "Personnes formées", level: "output", resultNodeId: childNode.id, dimensions: ["sex"], baselineValue: "0", endTarget: "30" },
    });
    if (indicator.statusCode !== 201) throw new Error(`indicator: ${indicator.body}`);
    const indicatorValue = await call(ctx.app, admin, { method: "POST", url: `/api/v1/indicators/${indicator.json().id}/values`, payload: { year: 2022, period: "S1", value: "15", breakdown: { "sex:women": "6" } } });
    const library = await call(ctx.app, admin, { method: "POST", url: `/api/v1/organisations/${organisation.id}/indicator-library`, payload: { code: "STD-1", name: "Réunions tenues", level: "output" } });
    const post = async (url: string, payload: unknown) => {
      const response = await call(ctx.app, admin, { method: "POST", url: `/api/v1${url}`, payload });
      if (response.statusCode !== 201) throw new Error(`${url}: ${response.body}`);
      return response.json() as { id: string; agenda: { id: string }[] };
    };
    const body = await post("/bodies", { organisationId: organisation.id, projectId: project.id, kind: "technical", name: "Comité technique" });
    const earlier = await post(`/bodies/${body.id}/meetings`, { title: "Session de janvier", date: "2024-01-10" });
    const recommendation = await post("/recommendations", { meetingId: earlier.id, text: "Réajuster les termes de référence", responsibles: [{ name: "PNUD" }] });
    // The later session follows the recommendation up: its agenda opens with that point.
    const session = await post(`/bodies/${body.id}/meetings`, { title: "Session de juin", date: "2024-06-21", agenda: ["Divers"] });
    const report = await post(`/projects/${project.id}/reports`, { template: "cps-annual", year: 2022 });
    const pending = await readImport(ctx.app, admin, project.id, { name: "ptba.tsv", bytes: Buffer.from(pgsmSampleText(), "utf8") }, { year: "2022" });
    world = {
      adminEmail: adminUser.email,
      organisationId: organisation.id,
      childOrganisationId: child.id,
      projectId: project.id,
      otherProjectId: other.id,
      nodeId: node.id,
      childNodeId: childNode.id,
      workplanId: workplan.id,
      approvedWorkplanId: approved.id,
      transitionWorkplanId: transition.id,
      activityId: activity.id,
      budgetLineId: line.id,
      approvedActivityId: approvedActivity.id,
      approvedLineId: approvedLine.id,
      transactionId: payment.json().id,
      unplannedId: unplanned.json().id,
      financeImportId: finance.json().id,
      indicatorId: indicator.json().id,
      indicatorValueId: indicatorValue.json().id,
      libraryIndicatorId: library.json().id,
      bodyId: body.id,
      meetingId: session.id,
      agendaItemId: session.agenda[1]?.id ?? "",
      recommendationId: recommendation.id,
      reportId: report.id,
      userId: person.id,
      importId: pending.id,
      jobId: pending.job?.id ?? pending.id,
      foreign: {
        projectId: foreignProject.id,
        nodeId: foreignNode.id,
        workplanId: foreignPlan.id,
        activityId: foreignActivity.id,
        budgetLineId: foreignLine.id,
      },
    };
  });
  afterAll(async () => {
    log.release();
    await ctx?.close();
  });

  const caseCount = options.only.length > 0 ? options.only.length : options.cases;
  it(
    `answers ${caseCount} seeded cases (seed ${options.seed}) without a 5xx, a failed job or a hang, in bounded memory`,
    async () => {
      log.captureConsole();
      let figures: Figures;
      try {
        figures = await new Fuzzer(ctx, admin, world, log, options).run();
      } finally {
        log.release();
      }
      const text = report(figures);
      console.log(text);
      try {
        const dir = new URL("../../../../artifacts/fuzz/", import.meta.url);
        mkdirSync(dir, { recursive: true });
        writeFileSync(new URL(`report-${kind}-${options.seed}-${figures.cases}.json`, dir), JSON.stringify(figures, null, 2));
      } catch {
        // The figures are printed anyway.
      }
      // Nothing the requests sent reached Object.prototype.
      expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(figures.distinct.map((f) => `${f.problem} ${f.method} ${f.route} → ${f.status}: ${f.label}`), text).toEqual([]);
      expect(figures.rssPeakMb, text).toBeLessThan(options.maxRssMb);
      expect(figures.heapEndMb - figures.heapStartMb, text).toBeLessThan(options.maxHeapGrowthMb);
    },
    60_000 + caseCount * 2_000,
  );
});
