// Recording the execution of an approved plan through the API: progress by
// period, commitments and payments (flagged, never refused), credits, the
// locks (draft, superseded version, closed year), concurrent writes, year-end
// reprogramming and the execution table as Excel.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, login, managerOfNewProject, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeUser, PASSWORD } from "./helpers/factories.ts";
import { convertWithLibreOffice, libreOffice } from "./helpers/libreoffice.ts";
import { multipart } from "./helpers/multipart.ts";

const V1 = "/api/v1";

interface Execution {
  open: boolean;
  lockedBecause: string | null;
  version: number;
  plan: {
    physical: { planned: number; done: number; rate: string | null; averageProgress: string | null };
    financial: Record<string, string | null> & { rates: Record<string, string | null> };
  };
  nodes: { code: string; physical: { rate: string | null }; financial: { committed: string; paid: string } }[];
  activities: {
    activityId: string;
    code: string;
    status: string;
    progress: string;
    committed: string;
    paid: string;
    current: { period: string; version: number; observations: string | null; recordedByName: string | null } | null;
  }[];
  flags: { code: string; location: { entity: string }; message: string }[];
}

describe.each(databaseKinds)("execution on %s", (kind) => {
  let ctx: TestContext;
  let manager: Session;
  let editor: Session;
  let viewer: Session;
  let approver: Session;
  let projectId: string;

  const send = (session: Session, method: string, url: string, payload?: unknown) =>
    call(ctx.app, session, { method, url: `${V1}${url}`, payload });
  const ok = async <T>(session: Session, method: string, url: string, payload?: unknown): Promise<T> => {
    const response = await send(session, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return (response.statusCode === 204 ? undefined : response.json()) as T;
  };
  const execution = (planId: string) => ok<Execution>(viewer, "GET", `/workplans/${planId}/execution`);

  /** A plan of `year` with two results nodes and three activities (one PM), submitted and approved. */
  async function approvedPlan(year: number) {
    const nodeA = await ok<{ id: string }>(manager, "POST", `/projects/${projectId}/nodes`, {
      code: `A${year}`,
      title: "Résultat A",
    });
    const nodeB = await ok<{ id: string }>(manager, "POST", `/projects/${projectId}/nodes`, {
      code: `B${year}`,
      title: "Résultat B",
    });
    const plan = await ok<{ id: string; version: number }>(editor, "POST", `/projects/${projectId}/workplans`, { year });
    const add = (nodeId: string, code: string, amount: string | null) =>
      ok<{ id: string; budgetLines: { id: string }[] }>(editor, "POST", `/workplans/${plan.id}/activities`, {
        resultNodeId: nodeId,
        code,
        title: `Activité ${code}`,
        noCost: amount === null,
        budgetLines: amount === null ? [] : [{ description: `Ligne ${code}`, amount, fundCode: "BSI" }],
      });
    const a1 = await add(nodeA.id, "1", "300000");
    const a2 = await add(nodeA.id, "2", "100000");
    const pm = await add(nodeB.id, "3", null);
    const submitted = await ok<{ version: number }>(editor, "POST", `/workplans/${plan.id}/transitions`, {
      action: "submit",
      version: (await ok<{ version: number }>(editor, "GET", `/workplans/${plan.id}`)).version,
    });
    await ok(approver, "POST", `/workplans/${plan.id}/transitions`, { action: "approve", version: submitted.version });
    return { planId: plan.id, a1, a2, pm };
  }

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const world = await managerOfNewProject(ctx);
    manager = world.session;
    projectId = world.projectId;
    const people = await Promise.all(["editor", "viewer", "approver"].map(() => makeUser(ctx.database.db)));
    const [e, v, a] = people;
    if (!e || !v || !a) throw new Error("people");
    await grant(ctx.database.db, e.id, "editor", { projectId });
    await grant(ctx.database.db, v.id, "viewer", { projectId });
    await grant(ctx.database.db, a.id, "approver", { projectId });
    editor = await login(ctx.app, e.email, PASSWORD);
    viewer = await login(ctx.app, v.email, PASSWORD);
    approver = await login(ctx.app, a.email, PASSWORD);
  });
  afterAll(() => ctx?.close());

  it("follows a plan only once it is approved", async () => {
    const draft = await ok<{ id: string }>(editor, "POST", `/projects/${projectId}/workplans`, { year: 2031 });
    const activity = await ok<{ id: string }>(editor, "POST", `/workplans/${draft.id}/activities`, { title: "Atelier" });
    const refused = await send(editor, "POST", `/activities/${activity.id}/progress`, { period: "Q1", status: "done" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "PLAN_NOT_APPROVED" });
    expect(refused.json().error.message).toContain("brouillon");
    expect(await execution(draft.id)).toMatchObject({ open: false, lockedBecause: "PLAN_NOT_APPROVED" });
  });

  it("records progress by period, the latest period giving each activity its state and every rate", async () => {
    const { planId, a1, a2 } = await approvedPlan(2032);
    expect((await execution(planId)).plan.physical).toMatchObject({ planned: 3, done: 0, rate: "0.00" });
    await ok(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "Q1",
      status: "in_progress",
      percent: "40",
      observations: "Termes de référence validés",
    });
    const done = await ok<{ version: number; percent: string }>(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "Q2",
      status: "done",
      periodText: "Du 14 au 19 avril 2032",
      actualStart: "2032-04-14",
      actualEnd: "2032-04-19",
    });
    expect(done.percent).toBe("100.00");
    await ok(editor, "POST", `/activities/${a2.id}/progress`, { period: "M05", status: "in_progress", percent: "50" });
    const after = await execution(planId);
    expect(after.plan.physical).toMatchObject({ planned: 3, done: 1, rate: "33.33", averageProgress: "50.00" });
    // Weighted by budget: (300 000 × 100 + 100 000 × 50) ÷ 400 000.
    expect(after.plan.physical).toMatchObject({ byBudget: "87.50" });
    expect(after.nodes.map((n) => [n.code, n.physical.rate])).toContainEqual(["A2032", "50.00"]);
    const first = after.activities.find((a) => a.activityId === a1.id);
    expect(first).toMatchObject({ status: "done", progress: "100.00", current: { period: "Q2" } });
    const history = await ok<{ period: string; status: string }[]>(viewer, "GET", `/activities/${a1.id}/progress`);
    expect(history.map((h) => [h.period, h.status])).toEqual([
      ["Q1", "in_progress"],
      ["Q2", "done"],
    ]);
  });

  it("keeps one record per period: a second writer with a stale version gets 409 and the current record", async () => {
    const { a1 } = await approvedPlan(2033);
    const first = await ok<{ version: number }>(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "S1",
      status: "in_progress",
      percent: "10",
    });
    await ok(manager, "POST", `/activities/${a1.id}/progress`, {
      period: "S1",
      status: "in_progress",
      percent: "30",
      version: first.version,
    });
    const stale = await send(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "S1",
      status: "in_progress",
      percent: "20",
      version: first.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ percent: "30.00", version: first.version + 1 });
    const missing = await send(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "S1",
      status: "in_progress",
      percent: "20",
    });
    expect(missing.statusCode).toBe(409);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const { planId, a1 } = await approvedPlan(2034);
    const cases: [string, unknown, string][] = [
      [`/activities/${a1.id}/progress`, { period: "Q5", status: "done" }, "period"],
      [`/activities/${a1.id}/progress`, { period: "Q1", status: "finished" }, "status"],
      [`/activities/${a1.id}/progress`, { period: "Q1", status: "in_progress", percent: "140" }, "percent"],
      [
        `/activities/${a1.id}/progress`,
        { period: "Q1", status: "done", actualStart: "2034-05-02", actualEnd: "2034-05-01" },
        "actualEnd",
      ],
      [
        `/workplans/${planId}/transactions`,
        { budgetLineId: a1.budgetLines[0]?.id, stage: "payment", date: "2034-02-01", amount: "12.5" },
        "amount",
      ],
      [
        `/workplans/${planId}/transactions`,
        { budgetLineId: a1.budgetLines[0]?.id, stage: "payment", date: "2034-02-01", amount: "-5" },
        "amount",
      ],
      [`/workplans/${planId}/transactions`, { stage: "payment", date: "2034-02-01", amount: "5" }, "budgetLineId"],
      [
        `/workplans/${planId}/transactions`,
        { budgetLineId: a1.budgetLines[0]?.id, stage: "payment", date: "1er mars", amount: "5" },
        "date",
      ],
      [`/workplans/${planId}/transactions`, { budgetLineId: a1.budgetLines[0]?.id, stage: "payment", date: "0000-01-01", amount: "5" }, "date"],
      [`/workplans/${planId}/transactions`, { budgetLineId: a1.budgetLines[0]?.id, stage: "payment", date: "2034-01-01", amount: "0" }, "AMOUNT_ZERO"],
      [`/workplans/${planId}/transactions`, { activityId: a1.id, stage: "payment", date: "2034-01-01", amount: "1000000000001" }, "amount"],
      [`/activities/${a1.id}/progress`, { period: "Q1", status: "in_progress", actualStart: "0000-01-01" }, "actualStart"],
    ];
    for (const [url, payload, field] of cases) {
      const response = await send(editor, "POST", url, payload);
      expect([400, 422], `${url} ${JSON.stringify(payload)}: ${response.body}`).toContain(response.statusCode);
      expect(JSON.stringify(response.json().error.details), JSON.stringify(payload)).toContain(field);
    }
    const after = await execution(planId);
    expect(after.plan.physical.done).toBe(0);
    expect(after.plan.financial).toMatchObject({ committed: "0", paid: "0" });
  });

  it("flags a commitment above the line's budget and a payment above its commitment, without refusing them", async () => {
    const { planId, a1, a2 } = await approvedPlan(2035);
    const line = a1.budgetLines[0]?.id;
    await ok(editor, "POST", `/workplans/${planId}/transactions`, {
      budgetLineId: line,
      stage: "commitment",
      date: "2035-02-01",
      amount: "350000",
      reference: "ENG-001",
      supplier: "Hôtel de l'Amitié",
    });
    await ok(editor, "POST", `/workplans/${planId}/transactions`, {
      activityId: a2.id,
      stage: "commitment",
      date: "2035-02-03",
      amount: "50000",
    });
    await ok(editor, "POST", `/workplans/${planId}/transactions`, {
      activityId: a2.id,
      stage: "payment",
      date: "2035-03-03",
      amount: "60000",
    });
    const result = await execution(planId);
    expect(result.flags.map((f) => [f.code, f.location.entity])).toEqual([
      ["COMMITMENT_ABOVE_BUDGET", "budgetLine"],
      ["PAYMENT_ABOVE_COMMITMENT", "activity"],
    ]);
    expect(result.flags[0]?.message).toMatch(/Engagé 350\s000\sF\sCFA, au-delà du budget prévu 300\s000\sF\sCFA/);
    expect(result.plan.financial).toMatchObject({ budget: "400000", committed: "400000", paid: "60000" });
    expect(result.plan.financial.rates).toMatchObject({
      committedOfBudget: "100.00",
      paidOfCommitted: "15.00",
      committedOfPaymentCredit: null,
    });
    // A line of another plan is refused, naming the field.
    const other = await approvedPlan(2036);
    const foreign = await send(editor, "POST", `/workplans/${planId}/transactions`, {
      budgetLineId: other.a1.budgetLines[0]?.id,
      stage: "payment",
      date: "2035-03-03",
      amount: "1",
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.details[0]).toMatchObject({ field: "budgetLineId", code: "LINE_OTHER_PLAN" });
  });

  it("divides by the credits once recorded, and corrects and deletes a transaction", async () => {
    const { planId, a1 } = await approvedPlan(2037);
    const before = await execution(planId);
    await ok(editor, "PUT", `/workplans/${planId}/execution/settings`, {
      excludeCancelled: true,
      credits: [
        { kind: "allocated", amount: "500000" },
        { kind: "notified", amount: "400000" },
        { kind: "payment", category: "BSI", amount: "380000" },
        { kind: "disbursed", amount: "200000" },
      ],
      version: before.version,
    });
    const stale = await send(editor, "PUT", `/workplans/${planId}/execution/settings`, {
      excludeCancelled: false,
      credits: [],
      version: before.version,
    });
    expect(stale.statusCode).toBe(409);
    const line = a1.budgetLines[0]?.id;
    const commitment = await ok<{ id: string; version: number }>(editor, "POST", `/workplans/${planId}/transactions`, {
      budgetLineId: line,
      stage: "commitment",
      date: "2037-02-01",
      amount: "190000",
    });
    await ok(editor, "POST", `/workplans/${planId}/transactions`, { budgetLineId: line, stage: "payment", date: "2037-03-01", amount: "50000" });
    let result = await execution(planId);
    expect(result.plan.financial).toMatchObject({ allocated: "500000", notified: "400000", paymentCredit: "380000", disbursed: "200000" });
    // A donor's disbursement: what was spent of it.
    expect(result.plan.financial.rates.paidOfDisbursed).toBe("25.00");
    expect(result.plan.financial.rates).toMatchObject({
      committedOfAllocated: "38.00",
      committedOfNotified: "47.50",
      committedOfPaymentCredit: "50.00",
    });
    await ok(editor, "PATCH", `/transactions/${commitment.id}`, { amount: "95000", version: commitment.version });
    result = await execution(planId);
    expect(result.plan.financial.rates.committedOfPaymentCredit).toBe("25.00");
    await ok(editor, "DELETE", `/transactions/${commitment.id}`);
    result = await execution(planId);
    expect(result.plan.financial.committed).toBe("0");
  });

  it("lets viewers read and refuses them any write; nobody writes once the year is closed, until a manager reopens it", async () => {
    const { planId, a1 } = await approvedPlan(2038);
    expect((await send(viewer, "POST", `/activities/${a1.id}/progress`, { period: "Q1", status: "done" })).statusCode).toBe(
      403,
    );
    expect(
      (
        await send(approver, "POST", `/workplans/${planId}/transactions`, {
          activityId: a1.id,
          stage: "payment",
          date: "2038-01-01",
          amount: "1",
        })
      ).statusCode,
    ).toBe(403);
    const { version } = await execution(planId);
    expect((await send(editor, "POST", `/workplans/${planId}/execution/close`, { closed: true, version })).statusCode).toBe(
      403,
    );
    await ok(manager, "POST", `/workplans/${planId}/execution/close`, { closed: true, version });
    for (const session of [editor, manager]) {
      const refused = await send(session, "POST", `/activities/${a1.id}/progress`, { period: "Q1", status: "done" });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: "EXECUTION_CLOSED" });
      expect((await send(session, "POST", `/workplans/${planId}/unplanned`, { title: "Réunion" })).statusCode).toBe(409);
    }
    expect(await execution(planId)).toMatchObject({ open: false, lockedBecause: "EXECUTION_CLOSED" });
    await ok(manager, "POST", `/workplans/${planId}/execution/close`, { closed: false, version: version + 1 });
    await ok(editor, "POST", `/activities/${a1.id}/progress`, { period: "Q1", status: "done" });
  });

  it("follows the latest approved version of a year; the one it replaced is read only", async () => {
    const { planId, a1 } = await approvedPlan(2039);
    const revision = await ok<{ id: string; version: number }>(editor, "POST", `/projects/${projectId}/workplans`, {
      year: 2039,
      copyFromId: planId,
    });
    // While the revision is a draft, the approved version is still followed.
    await ok(editor, "POST", `/activities/${a1.id}/progress`, { period: "Q1", status: "in_progress", percent: "20" });
    await ok(editor, "POST", `/workplans/${planId}/transactions`, { budgetLineId: a1.budgetLines[0]?.id, stage: "commitment", date: "2039-02-01", amount: "1500" });
    const submitted = await ok<{ version: number }>(editor, "POST", `/workplans/${revision.id}/transitions`, {
      action: "submit",
      version: revision.version,
    });
    await ok(approver, "POST", `/workplans/${revision.id}/transitions`, { action: "approve", version: submitted.version });
    const refused = await send(editor, "POST", `/activities/${a1.id}/progress`, { period: "Q2", status: "done" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "PLAN_SUPERSEDED" });
    expect(await execution(planId)).toMatchObject({ open: false, lockedBecause: "PLAN_SUPERSEDED" });
    // What was recorded on version 1 carried over to version 2, activity by activity, line by line.
    const carried = await execution(revision.id);
    expect(carried).toMatchObject({ open: true });
    expect(carried.activities.find((a) => a.code === "1")).toMatchObject({ status: "in_progress", current: { period: "Q1" } });
    expect(carried.plan.financial).toMatchObject({ committed: "1500", paid: "0" });
    const line = (carried.activities.find((a) => a.code === "1") as unknown as { lines: { committed: string }[] }).lines[0];
    expect(line?.committed).toBe("1500");
  });

  it("stores the plan's sums right when editors record at the same moment", async () => {
    const { planId, a1 } = await approvedPlan(2040);
    const line = a1.budgetLines[0]?.id;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send(i % 2 ? editor : manager, "POST", `/workplans/${planId}/transactions`, {
          budgetLineId: line,
          stage: "payment",
          date: "2040-03-01",
          amount: String(1000 * (i + 1)),
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const { planExecutions } = await import("../src/db/schema.ts");
    const { eq } = await import("drizzle-orm");
    const [stored] = await ctx.database.db.select().from(planExecutions).where(eq(planExecutions.workplanId, planId));
    // 1 000 + 2 000 + … + 12 000
    expect(stored?.paid).toBe("78000");
    expect((await execution(planId)).plan.financial.paid).toBe("78000");
  });

  it("carries unexecuted activities into next year's draft once, linked to the originals", async () => {
    const { planId, a1, a2, pm } = await approvedPlan(2041);
    await ok(editor, "POST", `/activities/${a1.id}/progress`, { period: "Y", status: "done" });
    await ok(editor, "POST", `/activities/${pm.id}/progress`, { period: "Y", status: "cancelled" });
    await ok(editor, "POST", `/activities/${a2.id}/progress`, {
      period: "Q3",
      status: "in_progress",
      percent: "60",
      observations: "Retard de décaissement",
    });
    const result = await ok<{ workplanId: string; year: number; created: boolean; carried: number; alreadyCarried: number }>(
      editor,
      "POST",
      `/workplans/${planId}/reprogram`,
      {},
    );
    expect(result).toMatchObject({ year: 2042, created: true, carried: 1, alreadyCarried: 0 });
    const next = await ok<{ items: { title: string; continuesActivityId: string; total: string }[] }>(
      viewer,
      "GET",
      `/workplans/${result.workplanId}/activities`,
    );
    expect(next.items.map((a) => [a.title, a.continuesActivityId, a.total])).toEqual([["Activité 2", a2.id, "100000"]]);
    const again = await ok<typeof result>(editor, "POST", `/workplans/${planId}/reprogram`, {});
    expect(again).toMatchObject({ workplanId: result.workplanId, created: false, carried: 0, alreadyCarried: 1 });
    const after = await execution(planId);
    expect(after.activities.find((a) => a.activityId === a2.id)).toMatchObject({
      status: "reprogrammed",
      current: { period: "Y", observations: "Retard de décaissement" },
    });
    // Cancelled excluded, reprogrammed not done: 1 of 2.
    expect(after.plan.physical).toMatchObject({ planned: 2, done: 1, rate: "50.00" });
  });

  it("exports the execution table in the report's layout, readable by a spreadsheet", async () => {
    const { planId, a1, a2 } = await approvedPlan(2043);
    await ok(editor, "POST", `/activities/${a1.id}/progress`, {
      period: "Y",
      status: "done",
      periodText: "Du 14 au 19 avril 2043",
      observations: "Rapport disponible",
    });
    await ok(editor, "POST", `/activities/${a2.id}/progress`, {
      period: "Y",
      status: "not_started",
      delayReason: "Contraintes budgétaires",
    });
    await ok(editor, "POST", `/workplans/${planId}/unplanned`, {
      title: "Participation à la revue du CREDD",
      periodText: "Du 31 août au 1er septembre 2043",
    });
    const response = await send(viewer, "GET", `/workplans/${planId}/execution/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/execution-2043/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const text = (r: number) =>
      (sheet?.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v)));
    expect(text(3)).toEqual(
      [
        "COMPOSANTE",
        "SOUS-COMPOSANTE",
        "ACTION",
        "ACTIVITÉS",
        "EXÉCUTÉES 1. OUI ; 2. NON",
        "PÉRIODE D'EXÉCUTION",
        "OBSERVATIONS",
      ].slice(0, text(3).length),
    );
    const rows = [4, 5, 6].map(text);
    expect(rows.map((r) => r.slice(-4))).toEqual([
      ["1. Activité 1", "1", "Du 14 au 19 avril 2043", "Rapport disponible"],
      ["2. Activité 2", "2", "-", "Contraintes budgétaires"],
      ["3. Activité 3", "2", "-", ""],
    ]);
    const all = Array.from({ length: sheet?.rowCount ?? 0 }, (_, i) => text(i + 1).join(" ")).join("\n");
    expect(all).toContain("Taux d'exécution physique (activités réalisées ÷ activités programmées) : 1 / 3 = 33,33 %");
    expect(all).toContain("Participation à la revue du CREDD");

    // LibreOffice opens it and reads the same table, the merged framework cells included.
    if (libreOffice) {
      const csv = (await convertWithLibreOffice(response.rawPayload, "execution.xlsx", "csv")).toString("utf8");
      expect(csv).toContain("1. Activité 1;1;Du 14 au 19 avril 2043;Rapport disponible");
      expect(csv).toContain("2. Activité 2;2;-;Contraintes budgétaires");
    }
  });

  it("keeps the documents that show an activity was done, for whoever reads the plan, and none once the year is closed", async () => {
    const { planId, a1 } = await approvedPlan(2044);
    const bytes = Buffer.from("%PDF-1.4 liste de présence de l'atelier", "utf8");
    const body = multipart({ title: "Liste de présence" }, { name: "présence atelier.pdf", bytes });
    const added = await call(ctx.app, editor, { method: "POST", url: `${V1}/activities/${a1.id}/documents`, ...body });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ title: "Liste de présence", fileName: "présence atelier.pdf", size: bytes.length });
    const listed = await ok<{ id: string; title: string }[]>(viewer, "GET", `/activities/${a1.id}/documents`);
    expect(listed.map((d) => d.title)).toEqual(["Liste de présence"]);
    const file = await send(viewer, "GET", `/execution-documents/${listed[0]?.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, bytes)).toBe(0);
    const empty = multipart({ title: "Rien" });
    expect(
      (await call(ctx.app, editor, { method: "POST", url: `${V1}/activities/${a1.id}/documents`, ...empty })).json().error
        .code,
    ).toBe("EMPTY_FILE");
    const { version } = await execution(planId);
    await ok(manager, "POST", `/workplans/${planId}/execution/close`, { closed: true, version });
    const refused = await call(ctx.app, editor, { method: "POST", url: `${V1}/activities/${a1.id}/documents`, ...body });
    expect(refused.statusCode).toBe(409);
    expect((await send(editor, "DELETE", `/execution-documents/${listed[0]?.id}`)).statusCode).toBe(409);
    expect((await send(viewer, "GET", `/execution-documents/${listed[0]?.id}/file`)).statusCode).toBe(200);
  });
});
