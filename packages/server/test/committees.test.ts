// Committees through the HTTP app: a body and its members, a session with its
// agenda, attendance and minutes, recommendations followed up by the next
// session in one request, renewed into it, the rates and filters of the list,
// the reminders, and what bad or stale requests get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type FieldProblem, login, type Session, type TestContext } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/databases.ts";
import { grant, makeOrganisation, makeProject, makeUser, makeWorkplan, PASSWORD } from "./helpers/factories.ts";

interface Rec {
  id: string;
  number: number;
  text: string;
  status: string;
  version: number;
  overdue: boolean;
  responsibleStructures: string[];
  meeting: { id: string } | null;
  renewedFromId: string | null;
  renewedIntoId: string | null;
  lastComment: string | null;
  links: { label: string }[];
}
interface Meeting {
  id: string;
  version: number;
  status: string;
  agenda: { id: string; kind: string; title: string; version: number; minutes: string | null }[];
  participants: { name: string; status: string }[];
  recommendations: Rec[];
  followUps: (Rec & { followedHere: { status: string; comment: string | null } | null })[];
  followUpRates: { total: number; executed: number; inProgress: number; notExecuted: number };
}

describe.each(databaseKinds)("committees on %s", (kind) => {
  let ctx: TestContext;
  let secretary: Session;
  let manager: Session;
  let approver: Session;
  let outsider: Session;
  let organisationId: string;
  let unitId: string;
  let projectId: string;
  let secretaryId: string;
  let bodyId: string;
  let first: Meeting;
  const recs: Rec[] = [];

  const api = (session: Session | null, method: string, url: string, payload?: unknown) =>
    call(ctx.app, session, { method, url: `/api/v1${url}`, payload });

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    const { db } = ctx.database;
    organisationId = (await makeOrganisation(db, { name: "Ministère" })).id;
    unitId = (await makeOrganisation(db, { parentId: organisationId, name: "DRH" })).id;
    projectId = (await makeProject(db, { organisationId })).id;
    const people = await Promise.all(["secretary", "manager", "approver", "outsider"].map((name) => makeUser(db, { name })));
    const [s, m, a, o] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    secretaryId = s.id;
    await grant(db, s.id, "editor", { organisationId });
    await grant(db, m.id, "manager", { organisationId });
    await grant(db, a.id, "approver", { organisationId });
    await grant(db, o.id, "manager", { organisationId: (await makeOrganisation(db)).id });
    const sessions = await Promise.all(people.map((p) => login(ctx.app, p.email, PASSWORD)));
    [secretary, manager, approver, outsider] = sessions as [Session, Session, Session, Session];
  });
  afterAll(() => ctx.close());

  it("creates a coordination committee with its members; an editor may not, an outsider does not see it", async () => {
    const payload = {
      organisationId,
      kind: "coordination",
      name: "Comité de coordination",
      sessionsPerYear: 2,
      members: [
        { name: "Awa Traoré", function: "Secrétaire générale", structure: "SG", role: "chair" },
        { name: "Oumar Diallo", structure: "CPS", role: "secretary", userId: secretaryId },
      ],
    };
    expect((await api(secretary, "POST", "/bodies", payload)).statusCode).toBe(403);
    const created = await api(manager, "POST", "/bodies", payload);
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    bodyId = body.id;
    expect(body.members.map((m: { role: string }) => m.role)).toEqual(["chair", "secretary"]);
    expect(body.organisationName).toBe("Ministère");
    expect((await api(outsider, "GET", `/bodies/${bodyId}`)).statusCode).toBe(404);
    expect((await api(null, "GET", `/bodies/${bodyId}`)).statusCode).toBe(401);
    const listed = (await api(secretary, "GET", `/bodies?organisationId=${organisationId}`)).json();
    expect(listed.items.map((b: { id: string }) => b.id)).toEqual([bodyId]);
    expect((await api(outsider, "GET", "/bodies")).json().items).toEqual([]);
  });

  it("names the field of a bad request and writes nothing", async () => {
    const bad = await api(manager, "POST", "/bodies", {
      organisationId,
      kind: "steering",
      name: "Comité de pilotage",
      members: [{ name: "X", userId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json().error.details as FieldProblem[]).map((d) => d.field)).toEqual(["members.0.userId"]);
    const otherProject = await makeProject(ctx.database.db, { organisationId: unitId });
    const scope = await api(manager, "POST", "/bodies", {
      organisationId,
      projectId: otherProject.id,
      kind: "steering",
      name: "CP",
    });
    expect(scope.statusCode).toBe(422);
    expect(scope.json().error.details[0].field).toBe("projectId");
    expect((await api(manager, "POST", "/bodies", { organisationId, kind: "council", name: "X" })).statusCode).toBe(400);
    expect((await api(manager, "GET", "/bodies")).json().total).toBe(1);
  });

  it("holds a first session: agenda, attendance pasted as a grid, minutes per item", async () => {
    const created = await api(secretary, "POST", `/bodies/${bodyId}/meetings`, {
      title: "Session 2023",
      date: "2023-01-26",
      place: "Salle de conférence du ministère",
      agenda: ["Rapport d'activités 2022", "Plan d'action 2023"],
    });
    expect(created.statusCode, created.body).toBe(201);
    first = created.json();
    // Nothing to follow up yet: no follow-up item.
    expect(first.agenda.map((a) => a.kind)).toEqual(["regular", "regular"]);

    const attendance = await api(secretary, "PUT", `/meetings/${first.id}/attendance`, {
      version: first.version,
      participants: [
        {
          name: "Awa Traoré",
          function: "Secrétaire générale",
          structure: "SG",
          phone: "00 00 00 00",
          email: "awa@example.org",
        },
        { name: "Moussa Keïta", structure: "DRH", status: "represented", representedBy: "Adama Coulibaly" },
        { name: "Kadiatou Sow", structure: "DFM", status: "excused" },
      ],
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    first = attendance.json();
    expect(first.participants.map((p) => p.status)).toEqual(["present", "represented", "excused"]);

    // The grid names the session's version: a stale one is refused, nothing changes.
    const stale = await api(secretary, "PUT", `/meetings/${first.id}/attendance`, {
      version: first.version - 1,
      participants: [],
    });
    expect(stale.statusCode).toBe(409);
    expect((await api(secretary, "GET", `/meetings/${first.id}`)).json().participants).toHaveLength(3);

    const [item] = first.agenda;
    const minutes = await api(secretary, "PATCH", `/agenda-items/${item?.id}`, {
      minutes: "- Le rapport est adopté sous réserve des corrections.\n- Les membres saluent les performances.",
      decisions: "Rapport adopté.",
      version: item?.version,
    });
    expect(minutes.statusCode, minutes.body).toBe(200);
    expect(minutes.json().minutes).toContain("adopté");
  });

  it("records the session's five recommendations, with responsible structures and due dates", async () => {
    const texts = [
      ["Améliorer l'implication de la CPS dans les missions conjointes", "MAECI et MMEIA"],
      ["Mettre à la disposition de la CPS des ressources humaines de qualité", "DRH"],
      ["Impliquer la CPS dans les missions de suivi des projets", "MAECI/DCM"],
      ["Renforcer la formation continue des agents", "DRH"],
      ["Maintenir le budget accordé à la CPS", "MEF (DNPD et DGB)"],
    ] as const;
    for (const [text, structure] of texts) {
      const response = await api(secretary, "POST", "/recommendations", {
        meetingId: first.id,
        text,
        dueDate: "2023-12-31",
        priority: "high",
        responsibles: [{ name: structure, organisationId: structure === "DRH" ? unitId : null }],
      });
      expect(response.statusCode, response.body).toBe(201);
      recs.push(response.json());
    }
    expect(recs.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(recs[1]).toMatchObject({
      status: "not_started",
      responsibleStructures: ["DRH"],
      overdue: true,
      meeting: { id: first.id },
    });
  });

  it("refuses a recommendation without a session or organisation, and responsibles that do not exist", async () => {
    const none = await api(secretary, "POST", "/recommendations", { text: "Sans origine" });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details[0].field).toBe("meetingId");
    const ghost = await api(secretary, "POST", "/recommendations", {
      meetingId: first.id,
      text: "Fantôme",
      responsibles: [{ name: "X", organisationId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().error.details[0].field).toBe("responsibles.0.organisationId");
    expect((await api(secretary, "GET", `/recommendations?meetingId=${first.id}`)).json().total).toBe(5);
  });

  it("approves the minutes (an approver, not the secretary); they then no longer change", async () => {
    const current = (await api(secretary, "GET", `/meetings/${first.id}`)).json() as Meeting;
    expect((await api(secretary, "POST", `/meetings/${first.id}/approve`, { version: current.version })).statusCode).toBe(
      403,
    );
    const approved = await api(approver, "POST", `/meetings/${first.id}/approve`, { version: current.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe("minutes_approved");
    const late = await api(secretary, "PUT", `/meetings/${first.id}/agenda`, {
      version: approved.json().version,
      items: [],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("MINUTES_APPROVED");
    expect((await api(secretary, "POST", "/recommendations", { meetingId: first.id, text: "Tardive" })).statusCode).toBe(
      409,
    );
  });

  it("records where the recommendations stood from the annual report: 3 in progress, 2 not executed", async () => {
    for (const [i, status] of (
      ["in_progress", "in_progress", "not_started", "in_progress", "not_started"] as const
    ).entries()) {
      const rec = recs[i] as Rec;
      const response = await api(secretary, "POST", `/recommendations/${rec.id}/follow-ups`, {
        status,
        comment: "État au rapport d'activités 2023",
        date: "2024-01-10",
        version: rec.version,
      });
      expect(response.statusCode, response.body).toBe(201);
      recs[i] = response.json();
    }
    const rates = (await api(secretary, "GET", `/recommendations/rates?bodyId=${bodyId}`)).json();
    expect(rates.overall).toMatchObject({
      total: 5,
      executed: 0,
      inProgress: 3,
      notExecuted: 2,
      executedRate: "0.00",
      inProgressRate: "60.00",
    });
    expect(rates.byMeeting).toEqual([
      expect.objectContaining({ meetingId: first.id, rates: expect.objectContaining({ total: 5 }) }),
    ]);
    expect(rates.byResponsible.find((r: { responsible: string }) => r.responsible === "DRH").rates).toMatchObject({
      total: 2,
      inProgress: 2,
    });
  });

  let second: Meeting;
  it("opens the next session with the follow-up of all five, then records their new status in one request", async () => {
    const created = await api(secretary, "POST", `/bodies/${bodyId}/meetings`, {
      title: "Première session 2024",
      date: "2024-01-25",
      agenda: ["Rapport 2023"],
    });
    expect(created.statusCode, created.body).toBe(201);
    second = created.json();
    expect(second.agenda.map((a) => [a.kind, a.title])).toEqual([
      ["follow_up", "Suivi des recommandations de la session précédente"],
      ["regular", "Rapport 2023"],
    ]);
    expect(second.followUps.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(second.followUpRates).toMatchObject({ total: 5, executed: 0, inProgress: 3, notExecuted: 2 });

    // One stale version among them: nothing is written.
    const items = second.followUps.map((r) => ({
      recommendationId: r.id,
      status: "in_progress",
      comment: "En cours",
      version: r.version,
    }));
    const stale = await api(secretary, "POST", `/meetings/${second.id}/follow-ups`, {
      items: items.map((item, i) => (i === 4 ? { ...item, version: item.version + 7 } : item)),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.field).toBe("items.4.version");
    expect((await api(secretary, "GET", `/recommendations/${recs[0]?.id}`)).json().history).toHaveLength(1);

    const notFollowed = await api(secretary, "POST", `/meetings/${second.id}/follow-ups`, {
      items: [{ recommendationId: second.id, status: "done", version: 1 }],
    });
    expect(notFollowed.statusCode).toBe(422);
    expect(notFollowed.json().error.details[0]).toMatchObject({
      field: "items.0.recommendationId",
      code: "RECOMMENDATION_NOT_FOLLOWED",
    });

    const recorded = await api(secretary, "POST", `/meetings/${second.id}/follow-ups`, {
      items: [
        {
          recommendationId: recs[0]?.id,
          status: "done",
          comment: "Implication effective depuis mars",
          version: recs[0]?.version,
        },
        {
          recommendationId: recs[2]?.id,
          status: "in_progress",
          comment: "Courrier adressé à la DCM",
          version: recs[2]?.version,
        },
      ],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    second = recorded.json();
    expect(second.followUpRates).toMatchObject({ executed: 1, inProgress: 3, notExecuted: 1 });
    expect(second.followUps[0]?.followedHere).toMatchObject({
      status: "done",
      comment: "Implication effective depuis mars",
    });
    const history = (await api(secretary, "GET", `/recommendations/${recs[0]?.id}`)).json().history;
    expect(history.map((h: { status: string; date: string }) => [h.date, h.status])).toEqual([
      ["2024-01-10", "in_progress"],
      ["2024-01-25", "done"],
    ]);
  });

  it("renews an undone recommendation into the session, as one thread; a done one or a second renewal is refused", async () => {
    const rec = (await api(secretary, "GET", `/recommendations/${recs[3]?.id}`)).json() as Rec;
    const renewed = await api(secretary, "POST", `/recommendations/${rec.id}/renew`, {
      meetingId: second.id,
      dueDate: "2024-12-31",
      version: rec.version,
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const renewal = renewed.json() as Rec;
    expect(renewal).toMatchObject({
      number: 1,
      renewedFromId: rec.id,
      text: rec.text,
      responsibleStructures: ["DRH"],
      meeting: { id: second.id },
    });
    const thread = (await api(secretary, "GET", `/recommendations/${renewal.id}`)).json().thread;
    expect(thread.map((t: { id: string }) => t.id)).toEqual([rec.id, renewal.id]);
    expect((await api(secretary, "GET", `/recommendations/${rec.id}`)).json().renewedIntoId).toBe(renewal.id);

    const current = (await api(secretary, "GET", `/recommendations/${rec.id}`)).json() as Rec;
    const again = await api(secretary, "POST", `/recommendations/${rec.id}/renew`, {
      meetingId: second.id,
      version: current.version,
    });
    expect(again.json().error.code).toBe("RECOMMENDATION_RENEWED");
    const done = (await api(secretary, "GET", `/recommendations/${recs[0]?.id}`)).json() as Rec;
    const closed = await api(secretary, "POST", `/recommendations/${done.id}/renew`, {
      meetingId: second.id,
      version: done.version,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain("exécutée");
    const backwards = await api(secretary, "POST", `/recommendations/${renewal.id}/renew`, {
      meetingId: first.id,
      version: renewal.version,
    });
    expect(backwards.statusCode).toBe(422);

    // The third session follows the renewal, not the renewed one, nor the done one.
    const third = (
      await api(secretary, "POST", `/bodies/${bodyId}/meetings`, { title: "Deuxième session 2024", date: "2024-07-10" })
    ).json() as Meeting;
    expect(third.followUps.map((r) => r.text)).toEqual([recs[1]?.text, recs[2]?.text, recs[4]?.text, rec.text]);
    expect(third.followUps.at(-1)?.id).toBe(renewal.id);
  });

  it("filters the list by body, session, responsible, status and due date", async () => {
    const ids = async (query: string) =>
      ((await api(secretary, "GET", `/recommendations?${query}`)).json().items as Rec[]).map((r) => r.id).sort();
    expect(await ids(`bodyId=${bodyId}&pageSize=50`)).toHaveLength(6);
    expect(await ids(`meetingId=${second.id}`)).toHaveLength(1);
    expect(await ids(`responsible=${unitId}&meetingId=${first.id}`)).toEqual([recs[1]?.id, recs[3]?.id].sort());
    expect(await ids("responsible=dcm")).toEqual([recs[2]?.id]);
    expect(await ids(`status=done&organisationId=${organisationId}`)).toEqual([recs[0]?.id]);
    expect(await ids("dueBefore=2024-06-30")).toHaveLength(5);
    expect(await ids("responsible=100%25")).toEqual([]);
    const page = (await api(outsider, "GET", "/recommendations")).json();
    expect(page.total).toBe(0);
    const item = (
      (await api(secretary, "GET", `/recommendations?meetingId=${first.id}&status=done`)).json().items as Rec[]
    )[0];
    expect(item).toMatchObject({
      text: recs[0]?.text,
      status: "done",
      meeting: { id: first.id },
      responsibleStructures: ["MAECI et MMEIA"],
    });
  });

  it("reminds the people of a responsible structure of its due and overdue action items", async () => {
    const { db } = ctx.database;
    const reader = await makeUser(db, { name: "Lecteur du ministère" });
    await grant(db, reader.id, "viewer", { organisationId });
    const agent = await login(ctx.app, reader.email, PASSWORD);
    const due = (await api(agent, "GET", "/recommendations/due")).json() as Rec[];
    // Of the DRH (under the ministry): rec 2 (not started) and the renewal of rec 4, which carries rec 4 on.
    expect(due.map((r) => [r.text, r.renewedFromId])).toEqual([
      [recs[1]?.text, null],
      [recs[3]?.text, recs[3]?.id],
    ]);
    expect(due[0]?.overdue).toBe(true);
    // The secretary holds a role on the ministry too, and is named on none: the structures decide.
    expect((await api(secretary, "GET", "/recommendations/due")).json()).toHaveLength(2);
    expect((await api(outsider, "GET", "/recommendations/due")).json()).toEqual([]);
  });

  it("deletes a recommendation entered by mistake, not one of an approved session nor one renewed", async () => {
    const mistake = (
      await api(secretary, "POST", "/recommendations", { meetingId: second.id, text: "Doublon" })
    ).json() as Rec;
    expect((await api(approver, "DELETE", `/recommendations/${mistake.id}`)).statusCode).toBe(403);
    expect((await api(secretary, "DELETE", `/recommendations/${mistake.id}`)).statusCode).toBe(204);
    expect((await api(secretary, "GET", `/recommendations/${mistake.id}`)).statusCode).toBe(404);
    const approved = await api(secretary, "DELETE", `/recommendations/${recs[1]?.id}`);
    expect(approved.json().error.code).toBe("MINUTES_APPROVED");
    // One renewed into the latest session stays while its renewal carries it on; the renewal itself may go.
    const [latest] = (await api(secretary, "GET", `/bodies/${bodyId}/meetings`)).json() as { id: string }[];
    const original = (
      await api(secretary, "POST", "/recommendations", { meetingId: second.id, text: "Reconduite puis effacée" })
    ).json() as Rec;
    const renewal = (
      await api(secretary, "POST", `/recommendations/${original.id}/renew`, {
        meetingId: latest?.id,
        version: original.version,
      })
    ).json() as Rec;
    expect((await api(secretary, "DELETE", `/recommendations/${original.id}`)).json().error.code).toBe(
      "RECOMMENDATION_RENEWED",
    );
    expect((await api(secretary, "DELETE", `/recommendations/${renewal.id}`)).statusCode).toBe(204);
    expect((await api(secretary, "GET", `/recommendations/${original.id}`)).json().renewedIntoId).toBeNull();
  });

  it("links a recommendation to an activity or a plan version of its organisation only", async () => {
    const { db } = ctx.database;
    const plan = await makeWorkplan(db, { projectId, year: 2024 });
    const foreign = await makeWorkplan(db, {
      projectId: (await makeProject(db, { organisationId: (await makeOrganisation(db)).id })).id,
    });
    const linked = await api(secretary, "POST", "/recommendations", {
      meetingId: second.id,
      text: "Réviser le PTBA 2024",
      links: [{ workplanId: plan.id }],
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().links[0].label).toContain("2024");
    const refused = await api(secretary, "POST", "/recommendations", {
      meetingId: second.id,
      text: "X",
      links: [{ workplanId: foreign.id }],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({ field: "links.0.workplanId", code: "LINK_OTHER_ORGANISATION" });
    const both = await api(secretary, "POST", "/recommendations", {
      meetingId: second.id,
      text: "X",
      links: [{ workplanId: plan.id, activityId: plan.id }],
    });
    expect(both.json().error.details[0].code).toBe("LINK_TARGET");
  });

  it("flags a PBF-style revision moving 20 % of a category, not one moving 10 %, and records the deciding session", async () => {
    const { db } = ctx.database;
    const planWith = async (year: number, version: number, amounts: [string, string][]) => {
      const plan = await makeWorkplan(db, { projectId, year, planVersion: version });
      const response = await api(manager, "POST", `/workplans/${plan.id}/activities`, {
        title: "Formations",
        budgetLines: amounts.map(([accountCode, amount]) => ({ description: accountCode, accountCode, amount })),
      });
      expect(response.statusCode, response.body).toBe(201);
      return plan;
    };
    const v1 = await planWith(2030, 1, [
      ["71300", "100000"],
      ["75700", "200000"],
    ]);
    const v2 = await planWith(2030, 2, [
      ["71300", "80000"],
      ["75700", "220000"],
    ]);
    const v3 = await planWith(2030, 3, [
      ["71300", "90000"],
      ["75700", "210000"],
    ]);
    const flagged = (await api(manager, "GET", `/workplans/${v2.id}/revision-check?with=${v1.id}`)).json();
    expect(flagged.needsSteeringCommittee).toBe(true);
    expect(flagged.categories.find((c: { key: string }) => c.key === "71300")).toMatchObject({
      before: "100000",
      after: "80000",
      moved: "-20000",
      share: "20.00",
      needsSteeringCommittee: true,
    });
    const small = (await api(manager, "GET", `/workplans/${v3.id}/revision-check?with=${v1.id}`)).json();
    expect(small.needsSteeringCommittee).toBe(false);
    expect(small.decidedAt).toBeNull();
    expect((await api(outsider, "GET", `/workplans/${v2.id}/revision-check?with=${v1.id}`)).statusCode).toBe(404);

    // The steering committee's session approves the revision: the step records it.
    const steering = (
      await api(manager, "POST", "/bodies", { organisationId, projectId, kind: "steering", name: "Comité de pilotage" })
    ).json();
    const session = (
      await api(secretary, "POST", `/bodies/${steering.id}/meetings`, { title: "CP extraordinaire", date: "2030-03-01" })
    ).json();
    const submitted = (
      await api(manager, "POST", `/workplans/${v2.id}/transitions`, { action: "submit", version: 1 })
    ).json();
    const foreignMeeting = await api(approver, "POST", `/workplans/${v2.id}/transitions`, {
      action: "approve",
      version: submitted.version,
      meetingId: v1.id,
    });
    expect(foreignMeeting.statusCode).toBe(422);
    const approved = await api(approver, "POST", `/workplans/${v2.id}/transitions`, {
      action: "approve",
      version: submitted.version,
      meetingId: session.id,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const decided = (await api(manager, "GET", `/workplans/${v2.id}/revision-check?with=${v1.id}`)).json();
    expect(decided.decidedAt).toMatchObject({ id: session.id, bodyName: "Comité de pilotage" });
  });
});
