// The built web app, from the current sources, for the tests that need it
// (the CLI's `serve`, the browser tests and the bundle budget). Built at most
// once per run, even when several test files ask at once; an up-to-date build
// is kept.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const SOURCES = ["packages/web/src", "packages/web/index.html", "packages/web/vite.config.ts", "packages/core/src", "package-lock.json"];
const REPORT = join(root, "packages/web/dist/bundle-report.json");
const LOCK = join(root, "node_modules/.cache/baara-web-build.lock");

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const upToDate = () => existsSync(REPORT) && statSync(REPORT).mtimeMs > Math.max(...SOURCES.map((s) => newest(join(root, s))));

export async function ensureWebBuild(): Promise<void> {
  for (;;) {
    if (upToDate()) return;
    try {
      mkdirSync(LOCK, { recursive: false });
      break;
    } catch {
      // Another test file is building; a lock older than five minutes is a crashed run's.
      if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (upToDate()) return;
    const { build } = await import("vite");
    // Vitest sets NODE_ENV=test, which would give React's development build: build what users get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: join(root, "packages/web/vite.config.ts"), logLevel: "warn", mode: "production" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
