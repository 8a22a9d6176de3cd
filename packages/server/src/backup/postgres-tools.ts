// pg_dump and pg_restore, run without a shell. The password goes through
// PGPASSWORD, not the command line, so that it never shows in a process list.
import { execFile } from "node:child_process";

export async function pgDump(url: string, file: string): Promise<void> {
  await runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], url);
}

/** In one transaction: an error leaves the target database as empty as it was. */
export async function pgRestore(url: string, file: string): Promise<void> {
  await runPgTool("pg_restore", ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file], url);
}

function runPgTool(tool: string, args: string[], url: string): Promise<void> {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((done, fail) => {
    execFile(tool, [...args, `--dbname=${target.toString()}`], { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) return done();
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return fail(new Error(`${tool} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`));
      }
      fail(new Error(`${tool} failed: ${String(stderr).trim().split("\n").slice(0, 5).join(" / ") || error.message}`));
    });
  });
}
