// The server under load: a `baara serve` process of its own on loopback, its
// start-up time and its memory, read from /proc while the bench runs.
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { startServer, type ServerProcess } from "../packages/server/test/helpers/server-process.ts";

export interface RunningServer {
  url: string;
  startupMs: number;
  /** Resident memory now, in MB. */
  rssMb(): Promise<number>;
  /** The highest resident memory seen since `resetPeak`, sampled every 100 ms. */
  peakMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

async function statusMb(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function startBenchServer(env: Record<string, string>): Promise<RunningServer> {
  const started = performance.now();
  const server: ServerProcess = await startServer({ LOG_LEVEL: "warn", ...env }, 300_000);
  const startupMs = Math.round(performance.now() - started);
  const pid = server.child.pid ?? 0;
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await statusMb(pid, "VmRSS"));
      await sleep(100);
    }
  })();
  return {
    url: server.url,
    startupMs,
    rssMb: () => statusMb(pid, "VmRSS"),
    peakMb: () => peak,
    resetPeak: () => {
      peak = 0;
    },
    stop: async () => {
      sampling = false;
      await sampler;
      await server.stop();
    },
  };
}
