// The web app is built before the tests from the current sources (the server
// tests serve it, the browser tests drive it); an up-to-date build is kept.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const SOURCES = ["packages/web/src", "packages/web/index.html", "packages/web/vite.config.ts", "packages/core/src", "package-lock.json"];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export default async function setup(): Promise<void> {
  const built = join(root, "packages/web/dist/bundle-report.json");
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...SOURCES.map((s) => newest(join(root, s))))) return;
  // Vitest sets NODE_ENV=test, which would give React's development build: build what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(root, "packages/web/vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
