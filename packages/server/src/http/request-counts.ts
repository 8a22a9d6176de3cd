// The store of @fastify/rate-limit kept in the database: every server counts
// the same windows, so two servers do not double what a person may ask.
import { lt, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.ts";
import { requestCounts } from "../db/schema.ts";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Windows older than this are deleted now and then (a person's key comes back with a new window anyway). */
const KEEP_MS = 24 * 3600_000;
const CLEAN_EVERY = 500;

/** A store class for @fastify/rate-limit's `store` option, counting in `db`. */
export function databaseRequestStore(db: Db) {
  let calls = 0;
  const incr = async (key: string, timeWindow: number): Promise<{ current: number; ttl: number }> => {
    // One statement: a new window starts when the last one is over, else the count goes up.
    const expired = sql`request_counts.window_started_at <= now() - ${timeWindow} * interval '1 millisecond'`;
    const [row] = await queryRows<{ current: number; ttl: number }>(
      db,
      sql`insert into request_counts (key, window_started_at, count) values (${key}, now(), 1)
          on conflict (key) do update set
            count = case when ${expired} then 1 else request_counts.count + 1 end,
            window_started_at = case when ${expired} then now() else request_counts.window_started_at end
          returning count as current,
            greatest(0, ceil(extract(epoch from (window_started_at - now())) * 1000 + ${timeWindow}))::int as ttl`,
    );
    if (++calls % CLEAN_EVERY === 0) {
      await db.delete(requestCounts).where(lt(requestCounts.windowStartedAt, new Date(Date.now() - KEEP_MS)));
    }
    return { current: Number(row?.current ?? 1), ttl: Number(row?.ttl ?? timeWindow) };
  };
  return class DatabaseRequestStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      incr(key, timeWindow).then((result) => callback(null, result), (error: Error) => callback(error));
    }

    child(): DatabaseRequestStore {
      return new DatabaseRequestStore();
    }
  };
}
