// The inbox: plans waiting for a step the user takes, and drafts returned to
// them. One statement per kind whatever the number of plans or projects: each
// reads a plan's latest step and latest submission through lateral joins and
// counts its kind in the same pass, at most INBOX_LIMIT rows each.
import { api, awaiting, type AwaitedStep, type InboxKind, RETURNED } from "@baara/core";
import { type SQL, sql } from "drizzle-orm";
import { memberProjects, projectsWhereActorHolds, requireSignedIn } from "../access/policy.ts";
import type { Context } from "../context.ts";
import { queryRows } from "../db/client.ts";

export interface InboxRow {
  kind: InboxKind;
  id: string;
  year: number;
  plan_version: number;
  title: string;
  status: string;
  total_computed: string;
  project_id: string;
  project_code: string;
  project_title: string;
  currency: string;
  last_action: string | null;
  last_at: Date | string | null;
  last_comment: string | null;
  last_user: string | null;
  submitted_at: Date | string | null;
  submitted_comment: string | null;
  submitted_user: string | null;
  total: number | string;
}

function inboxQuery(kind: InboxKind, where: SQL): SQL {
  return sql`select ${kind}::text as kind, w.id, w.year, w.plan_version, w.title, w.status, w.total_computed,
      projects.id as project_id, projects.code as project_code, projects.title as project_title, projects.currency,
      last.action as last_action, last.at as last_at, last.comment as last_comment, last_user.name as last_user,
      sub.at as submitted_at, sub.comment as submitted_comment, sub_user.name as submitted_user,
      count(*) over () as total
    from workplans w
    join projects on projects.id = w.project_id
    left join lateral (
      select s.action, s.at, s.comment, s.user_id from workplan_steps s where s.workplan_id = w.id order by s.at desc limit 1
    ) last on true
    left join lateral (
      select s.at, s.comment, s.user_id from workplan_steps s where s.workplan_id = w.id and s.action = 'submit' order by s.at desc limit 1
    ) sub on true
    left join users last_user on last_user.id = last.user_id
    left join users sub_user on sub_user.id = sub.user_id
    where ${where}
    order by coalesce(last.at, w.updated_at) desc, w.id
    limit ${api.INBOX_LIMIT}`;
}

/** Plans in the status that waits for `step`, in projects where the user holds the capability it needs. */
function awaitingStep(ctx: Context, step: AwaitedStep): SQL {
  const { status, needs } = awaiting(step);
  // An approved plan that a later version of its year replaced (approved or endorsed) waits for nothing.
  const superseded = sql`exists (select 1 from workplans later where later.project_id = w.project_id and later.year = w.year
    and later.plan_version > w.plan_version and later.status in ('approved', 'endorsed'))`;
  return inboxQuery(
    step,
    sql`w.status = ${status} and ${projectsWhereActorHolds(ctx, needs)}${step === "endorse" ? sql` and not ${superseded}` : sql``}`,
  );
}

/** Drafts whose latest step returned them, for those who may edit them and for whoever submitted them. */
function returnedToMe(ctx: Context, userId: string): SQL {
  return inboxQuery(
    "returned",
    sql`w.status = ${RETURNED.status} and last.action = ${RETURNED.lastAction} and ${memberProjects(ctx)}
      and (${projectsWhereActorHolds(ctx, RETURNED.needs)} or sub.user_id = ${userId})`,
  );
}

export async function readInbox(ctx: Context): Promise<InboxRow[][]> {
  const actor = requireSignedIn(ctx);
  return Promise.all([
    queryRows<InboxRow>(ctx.db, awaitingStep(ctx, "approve")),
    queryRows<InboxRow>(ctx.db, awaitingStep(ctx, "endorse")),
    queryRows<InboxRow>(ctx.db, returnedToMe(ctx, actor.user.id)),
  ]);
}
