import * as z from "zod";
import { INBOX_KINDS } from "../plan/inbox.ts";
import { currencyCode, id } from "./common.ts";
import { planAction, planStatus } from "./workplans.ts";

/** The most plans of each kind the inbox lists (the newest); its counts are whole. */
export const INBOX_LIMIT = 50;

const step = z.object({
  action: planAction,
  /** Null when the account is gone. */
  userName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
});

export const inboxItem = z.object({
  kind: z.enum(INBOX_KINDS),
  workplan: z.object({
    id,
    year: z.int(),
    planVersion: z.int(),
    title: z.string(),
    status: planStatus,
    total: z.string(),
  }),
  project: z.object({ id, code: z.string(), title: z.string(), currency: currencyCode }),
  /** Its latest submission: who sent it for approval, and when. */
  submitted: step.nullable(),
  /** The step that put it here: the submission, the approval or the return (with the reason given). */
  lastStep: step.nullable(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const inbox = z.object({
  counts: z.object({ approve: z.int(), endorse: z.int(), returned: z.int() }),
  /** Newest step first, at most INBOX_LIMIT of each kind. */
  items: z.array(inboxItem),
});
export type Inbox = z.infer<typeof inbox>;
