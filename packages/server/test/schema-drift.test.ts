import { execFile } from "node:child_process";
import { cp, readdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const run = promisify(execFile);

describe("migrations", () => {
  it("match the schema: generating from src/db/schema.ts adds no migration", async () => {
    const scratch = join(serverRoot, `.drift-${process.pid}`);
    await cp(join(serverRoot, "drizzle"), scratch, { recursive: true });
    try {
      const { stdout } = await run(
        process.execPath,
        [
          join(serverRoot, "../../node_modules/drizzle-kit/bin.cjs"),
          "generate",
          "--dialect",
          "postgresql",
          "--schema",
          "src/db/schema.ts",
          "--out",
          relative(serverRoot, scratch),
        ],
        { cwd: serverRoot },
      );
      expect(stdout).toContain("No schema changes");
      expect(await readdir(scratch)).toEqual(await readdir(join(serverRoot, "drizzle")));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});
