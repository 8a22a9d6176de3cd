// Stopping a server without losing work: on SIGTERM it stops taking requests,
// lets the running ones finish, waits a while for its running jobs and hands
// back the others, and exits within BAARA_SHUTDOWN_SECONDS whatever happens.

/** BAARA_SHUTDOWN_SECONDS (20): the longest a stop may take. Give the service manager a little more. */
export function shutdownSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.BAARA_SHUTDOWN_SECONDS);
  return Number.isFinite(seconds) && seconds >= 2 ? seconds : 20;
}

/** How long running jobs get to finish: the stop's time, less what closing the rest takes. */
export function jobStopTimeoutMs(shutdownSeconds: number): number {
  return Math.max(1000, (shutdownSeconds - 3) * 1000);
}

/** Calls `stop` on SIGTERM or SIGINT, and exits when it ends or when the time is up. */
export function onStopSignal(seconds: number, log: (message: string) => void, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (at most ${seconds} s)`);
    const deadline = setTimeout(() => {
      log(`still stopping after ${seconds} s: exiting now`);
      process.exit(1);
    }, seconds * 1000);
    stop().then(
      () => {
        clearTimeout(deadline);
        log("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        log(`stop failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handle);
  process.on("SIGINT", handle);
}
