// The demo's committees, written through the committee operations as the API
// writes them: the CPS/SCI coordination committee's 2023 session with the
// five recommendations of the CPS report's Table 4 and where they stood at
// the January 2024 session (3 in progress, 2 not executed), and the
// stabilisation project's technical committee meeting of 21 June 2024 from
// its minutes, with fictitious participants.
import { and, eq } from "drizzle-orm";
import type { Context } from "../context.ts";
import type { Db } from "../db/client.ts";
import { organisations, projects } from "../db/schema.ts";
import { fileStoreFromEnv } from "../files/store.ts";
import { InlineJobRunner } from "../jobs/runner.ts";
import { addFollowUp, createRecommendation } from "../committees/recommendations.ts";
import {
  approveMinutes,
  createBody,
  createMeeting,
  setAttendance,
  updateAgendaItem,
  updateMeeting,
} from "../committees/operations.ts";
import { CPS_RECOMMENDATIONS, STABILISATION_MEETING } from "./committee-texts.ts";

async function idOf(db: Db, table: typeof organisations | typeof projects, code: string): Promise<string> {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.code, code)));
  if (!row) throw new Error(`demo ${code} missing`);
  return row.id;
}

export async function loadDemoCommittees(db: Db): Promise<void> {
  const ctx: Context = {
    db,
    actor: null,
    system: true,
    services: { files: fileStoreFromEnv(), jobs: new InlineJobRunner(db) },
  };
  await loadCpsCommittee(ctx);
  await loadTechnicalCommittee(ctx);
}

async function loadCpsCommittee(ctx: Context): Promise<void> {
  const maeci = await idOf(ctx.db, organisations, "MAECI");
  const body = await createBody(ctx, {
    organisationId: await idOf(ctx.db, organisations, "CPS-SCI"),
    projectId: null,
    kind: "coordination",
    name: "Comité de coordination de la CPS/SCI",
    sessionsPerYear: 1,
    rules: "Examine le rapport d'activités de l'année écoulée et adopte le plan d'action de l'année suivante.",
    members: [
      {
        name: "Mariam Touré",
        function: "Secrétaire générale du MAECI",
        structure: "MAECI",
        phone: null,
        email: null,
        role: "chair",
        userId: null,
      },
      {
        name: "Oumar Dembélé",
        function: "Chef d'unité planification",
        structure: "CPS/SCI",
        phone: null,
        email: null,
        role: "secretary",
        userId: null,
      },
    ],
  });
  const session = await createMeeting(
    ctx,
    body.id,
    {
      title: "Session 2023 du comité de coordination",
      date: "2023-01-26",
      place: "Bamako, salle de réunion du MAECI",
      link: null,
      context: "Examen du rapport d'activités 2022 et du plan d'action 2023 de la CPS/SCI.",
      agenda: ["Rapport d'activités 2022", "Plan d'action 2023", "Divers"],
    },
    "fr",
  );
  const recommendations = [];
  for (const [text, structure, linked] of CPS_RECOMMENDATIONS) {
    recommendations.push(
      await createRecommendation(ctx, {
        meetingId: session.id,
        organisationId: null,
        projectId: null,
        text,
        origin: "meeting",
        originReference: null,
        dueDate: "2023-12-31",
        priority: "high",
        responsibles: [{ name: structure, organisationId: linked ? maeci : null, userId: null }],
        links: [],
      }),
    );
  }
  await approveMinutes(ctx, session.id, {
    version: (await updateMeeting(ctx, session.id, { status: "held", version: session.version })).version,
  });
  // Where they stood when the annual report 2023 was written (its Table 4): 3 in progress, 2 not executed.
  const statuses = ["in_progress", "in_progress", "not_started", "in_progress", "not_started"] as const;
  for (const [i, recommendation] of recommendations.entries()) {
    await addFollowUp(ctx, recommendation.id, {
      status: statuses[i] ?? "not_started",
      comment: "État d'exécution présenté au rapport d'activités 2023.",
      date: "2024-01-15",
      version: recommendation.version,
    });
  }
}

async function loadTechnicalCommittee(ctx: Context): Promise<void> {
  const m = STABILISATION_MEETING;
  const body = await createBody(ctx, {
    organisationId: await idOf(ctx.db, organisations, "MMG"),
    projectId: await idOf(ctx.db, projects, "STAB-MLI"),
    kind: "technical",
    name: "Comité technique du projet stabilisation",
    sessionsPerYear: 4,
    rules: m.rules,
    members: m.members.map((p) => ({ ...p, userId: null })),
  });
  let meeting = await createMeeting(
    ctx,
    body.id,
    { title: m.title, date: m.date, place: m.place, link: null, context: m.context, agenda: m.agenda.map((a) => a.title) },
    "fr",
  );
  for (const [i, item] of meeting.agenda.entries()) {
    const text = m.agenda[i];
    if (text) await updateAgendaItem(ctx, item.id, { minutes: text.minutes, version: item.version });
  }
  meeting = await setAttendance(ctx, meeting.id, {
    participants: m.participants.map((p) => ({ ...p, status: "present", representedBy: null })),
    version: meeting.version,
  });
  await updateMeeting(ctx, meeting.id, { status: "held", version: meeting.version });
  for (const action of m.actions) {
    const created = await createRecommendation(ctx, {
      meetingId: meeting.id,
      organisationId: null,
      projectId: null,
      text: action.text,
      origin: "meeting",
      originReference: null,
      dueDate: action.dueDate,
      priority: "medium",
      responsibles: [{ name: action.responsible, organisationId: null, userId: null }],
      links: [],
    });
    if (action.comment) {
      await addFollowUp(ctx, created.id, {
        status: "in_progress",
        comment: action.comment,
        date: m.date,
        version: created.version,
      });
    }
  }
}
