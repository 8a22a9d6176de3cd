import type { api } from "@baara/core";
import type { InboxRow } from "./queries.ts";

type Step = NonNullable<api.InboxItem["lastStep"]>;

const iso = (value: Date | string) => new Date(value).toISOString();

function presentItem(row: InboxRow): api.InboxItem {
  return {
    kind: row.kind,
    workplan: {
      id: row.id,
      year: Number(row.year),
      planVersion: Number(row.plan_version),
      title: row.title,
      status: row.status as api.InboxItem["workplan"]["status"],
      total: String(row.total_computed),
    },
    project: {
      id: row.project_id,
      code: row.project_code,
      title: row.project_title,
      currency: row.currency as api.InboxItem["project"]["currency"],
    },
    submitted: row.submitted_at
      ? { action: "submit", userName: row.submitted_user, at: iso(row.submitted_at), comment: row.submitted_comment }
      : null,
    lastStep:
      row.last_action && row.last_at
        ? { action: row.last_action as Step["action"], userName: row.last_user, at: iso(row.last_at), comment: row.last_comment }
        : null,
  };
}

/** The three lists (to approve, to endorse, returned) as one inbox with its counts. */
export function presentInbox([approve, endorse, returned]: InboxRow[][]): api.Inbox {
  const count = (rows: InboxRow[] | undefined) => Number(rows?.[0]?.total ?? 0);
  return {
    counts: { approve: count(approve), endorse: count(endorse), returned: count(returned) },
    items: [approve, endorse, returned].flatMap((rows) => (rows ?? []).map(presentItem)),
  };
}
