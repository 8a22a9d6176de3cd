// Compiles the server and the CLI to plain JavaScript in dist/server/, so that
// `baara` and `npm start` run on node alone, with no TypeScript to compile at
// start-up. One file per entry (the CLI, the reader thread, the export thread,
// the embedded database's first initialisation) and chunks of the server's and
// @baara/core's code that they share or load when needed (each command its
// own); the packages of node_modules are loaded from there.
//
// dist/server/ sits as deep below packages/server as src/<feature>/ does, so
// the paths the code finds from its own address hold in both: ../../drizzle,
// ../../../web/dist, and the thread entries beside it (./reader-worker.js).
//
// `node scripts/build.js` builds; bin/baara.js imports `ensureBuilt` to build
// first when a source is newer than the build (a fraction of a second).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(SERVER, "dist/server");
const STAMP = join(OUT, "build.json");

/** Output name → source: piscina and child_process find the outputs by these names, beside the code that starts them. */
const ENTRIES = {
  main: "src/cli/main.ts",
  "reader-worker": "src/imports/reader-thread.ts",
  "export-worker": "src/exports/export-thread.ts",
  "pglite-init": "src/db/pglite-init.js",
};

/** The first source newer than the build (or why there is none to run), else null. */
export function staleReason() {
  const stamp = readStamp();
  if (!stamp) return "no build";
  for (const name of Object.keys(ENTRIES)) if (!existsSync(join(OUT, `${name}.js`))) return `${name}.js missing`;
  for (const input of stamp.inputs) {
    let mtime;
    try {
      mtime = statSync(join(SERVER, input)).mtimeMs;
    } catch {
      // A source that is gone changed nothing by itself (whatever imported it changed too), and an
      // installation that ships the build without the sources has none to compare.
      continue;
    }
    if (mtime > stamp.builtAt) return `${input} changed`;
  }
  return null;
}

/**
 * Compiles the entries. Every file is written aside and renamed into place, chunks before the entries
 * that load them, so that a process starting meanwhile reads whole files. The files of the build before
 * stay: a server that was running then may still load one of its chunks.
 */
export async function build() {
  const { build: esbuild } = await import("esbuild");
  const builtAt = Date.now();
  const aside = `${OUT}.${process.pid}.tmp`;
  rmSync(aside, { recursive: true, force: true });
  const core = resolve(SERVER, "../core/src/index.ts");
  let result;
  try {
    result = await esbuild({
      absWorkingDir: SERVER,
      entryPoints: ENTRIES,
      outdir: aside,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20.19",
      // Packages stay in node_modules (native addons, WebAssembly and data files of their own), except the workspace's core.
      packages: "external",
      plugins: [
        {
          name: "baara-core",
          setup(b) {
            b.onResolve({ filter: /^@baara\/core$/ }, () => ({ path: core }));
          },
        },
      ],
      // `node --enable-source-maps` shows the sources' files and lines in stack traces.
      sourcemap: "linked",
      metafile: true,
      logLevel: "warning",
    });
  } catch (error) {
    rmSync(aside, { recursive: true, force: true });
    throw error;
  }
  mkdirSync(OUT, { recursive: true });
  const entries = new Set(Object.keys(ENTRIES).flatMap((name) => [`${name}.js`, `${name}.js.map`]));
  const outputs = readdirSync(aside);
  for (const name of [...outputs.filter((n) => !entries.has(n)), ...outputs.filter((n) => entries.has(n))]) {
    renameSync(join(aside, name), join(OUT, name));
  }
  rmSync(aside, { recursive: true, force: true });
  const previous = readStamp()?.outputs ?? [];
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(`${STAMP}.${process.pid}.tmp`, JSON.stringify({ builtAt, outputs, inputs }, null, 1));
  renameSync(`${STAMP}.${process.pid}.tmp`, STAMP);
  const kept = new Set([...outputs, ...previous, "build.json"]);
  for (const name of readdirSync(OUT))
    if (!kept.has(name) && !name.endsWith(".tmp")) rmSync(join(OUT, name), { force: true });
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return null;
  }
}

/** Builds when the build is missing or older than a source; without esbuild (a production install), says what to run. */
export async function ensureBuilt() {
  const reason = staleReason();
  if (reason === null) return;
  try {
    await import("esbuild");
  } catch {
    throw new Error(`the compiled server is out of date (${reason}): run \`npm run build\``);
  }
  try {
    await build();
  } catch (error) {
    // A source that does not compile, or an installation this user may not write to (a service's).
    throw new Error(`the compiled server is out of date (${reason}) and could not be compiled here: ${error.message}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  await build();
  console.log(`server built in ${OUT} (${Math.round(performance.now() - started)} ms)`);
}
