// Saving progress entries one after the other. Each save starts from the
// record the previous save got back (its version, its fields), so quick
// successive edits of one activity never race nor undo each other; a refused
// save forgets what it knew and the next one starts from the server's state.
import { useRef } from "react";
import { send } from "../api/client.ts";
import { type PeriodView, progressBody } from "./progress.ts";
import type { ExecutionActivity, ProgressRecord } from "./types.ts";

export function useProgressSaves() {
  const known = useRef(new Map<string, ProgressRecord>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  /** Queues a save; resolves with the saved record, rejects with the server's refusal. */
  return (
    activity: ExecutionActivity,
    view: PeriodView,
    period: string,
    change: Partial<ProgressRecord>,
  ): Promise<ProgressRecord> => {
    const key = `${activity.activityId}|${period}`;
    const save = async () => {
      const latest = known.current.get(key);
      // The server's record may be newer than ours (someone else saved, a refresh came back): take the newer.
      const record = latest && (!view.record || latest.version >= view.record.version) ? latest : view.record;
      const start: PeriodView = { ...view, record, base: record ?? view.base };
      try {
        const saved = await send("recordProgress", {
          params: { id: activity.activityId },
          body: progressBody(start, period, change),
        });
        known.current.set(key, saved);
        return saved;
      } catch (error) {
        known.current.delete(key);
        throw error;
      }
    };
    const next = queue.current.then(save, save);
    queue.current = next.catch(() => undefined);
    return next;
  };
}
