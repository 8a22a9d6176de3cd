// Login throttling kept in the database, so it holds across several servers.
//
// It slows guessing without letting anyone lock the owner out:
// - one address guessing one account waits after 5 failures, 30 s then twice
//   as long after each further failure, up to 15 minutes; the account stays
//   open from every other address;
// - one address failing 30 times in 15 minutes, whatever the accounts, waits
//   for its failures to age (credential stuffing);
// - an account failing 20 times in 15 minutes from any addresses (a spread-out
//   attack) waits too, except from a device that signed in to it before: the
//   device cookie set at each successful login lets its owner through.
// A successful login resets the counts of its account.
import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNotNull, max, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { loginAttempts } from "../db/schema.ts";

export const DEVICE_COOKIE = "baara_device";
export const DEVICE_DAYS = 180;
const WINDOW_MS = 15 * 60_000;
const PAIR_FREE_FAILURES = 5;
const PAIR_FIRST_WAIT_MS = 30_000;
const MAX_FAILURES_PER_IP = 30;
const MAX_FAILURES_PER_ACCOUNT = 20;

export interface LoginSource {
  email: string;
  ip: string;
  /** The device cookie's token, when the browser sent one. */
  device: string | undefined;
}

const hashDevice = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new device token for the cookie, set after a successful login. */
export const newDeviceToken = () => randomBytes(24).toString("base64url");

/** Failures matching `where` within the window (since the last success matching it, with `resetBySuccess`). */
async function failures(db: Db, where: SQL, resetBySuccess: boolean): Promise<{ n: number; last: Date | null }> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [success] = resetBySuccess
    ? await db
        .select({ at: max(loginAttempts.at) })
        .from(loginAttempts)
        .where(and(where, eq(loginAttempts.success, true), gt(loginAttempts.at, since)))
    : [];
  const from = success?.at && success.at > since ? success.at : since;
  const [row] = await db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.success, false), gt(loginAttempts.at, from)));
  return { n: row?.n ?? 0, last: row?.last ?? null };
}

/** Wait required for the pair after `n` failures, the last at `last`. */
export function pairWaitMs(n: number, last: Date | null, now = Date.now()): number {
  if (n < PAIR_FREE_FAILURES || !last) return 0;
  const wait = Math.min(WINDOW_MS, PAIR_FIRST_WAIT_MS * 2 ** (n - PAIR_FREE_FAILURES));
  return Math.max(0, last.getTime() + wait - now);
}

async function isKnownDevice(db: Db, email: string, device: string | undefined): Promise<boolean> {
  if (!device) return false;
  const since = new Date(Date.now() - DEVICE_DAYS * 86_400_000);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(
      eq(loginAttempts.email, email),
      eq(loginAttempts.device, hashDevice(device)),
      eq(loginAttempts.success, true),
      isNotNull(loginAttempts.device),
      gt(loginAttempts.at, since),
    ));
  return (row?.n ?? 0) > 0;
}

/** Milliseconds this source must wait before trying again; 0 when it may try now. */
export async function loginWaitMs(db: Db, source: LoginSource): Promise<number> {
  const now = Date.now();
  const [pair, fromIp, onAccount] = await Promise.all([
    failures(db, and(eq(loginAttempts.email, source.email), eq(loginAttempts.ip, source.ip))!, true),
    // Signing in to one's own account does not clear an address's failures on others.
    failures(db, eq(loginAttempts.ip, source.ip), false),
    failures(db, eq(loginAttempts.email, source.email), true),
  ]);
  const untilAged = (last: Date | null) => (last ? Math.max(0, last.getTime() + WINDOW_MS - now) : 0);
  let wait = pairWaitMs(pair.n, pair.last, now);
  if (fromIp.n >= MAX_FAILURES_PER_IP) wait = Math.max(wait, untilAged(fromIp.last));
  if (onAccount.n >= MAX_FAILURES_PER_ACCOUNT && !(await isKnownDevice(db, source.email, source.device)))
    wait = Math.max(wait, untilAged(onAccount.last));
  return wait;
}

export async function recordLoginAttempt(db: Db, source: LoginSource, success: boolean): Promise<void> {
  const device = source.device ? hashDevice(source.device) : null;
  await db.insert(loginAttempts).values({ email: source.email, ip: source.ip, device, success });
}
