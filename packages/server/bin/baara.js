#!/usr/bin/env node
// The `baara` command: the compiled server and CLI (dist/server/, `npm run
// build`) on node alone. In a checkout whose sources are newer than that build,
// they are compiled first (a fraction of a second).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuilt, OUT } from "../scripts/build.js";

try {
  await ensureBuilt();
} catch (error) {
  console.error(`baara: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
await import(pathToFileURL(join(OUT, "main.js")).href);
