import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

export const libreOffice = SOFFICE ?? null;
if (!SOFFICE) console.warn("LibreOffice (soffice) is not installed: the tests that open exported files in it are skipped.");

/** Converts a file with headless LibreOffice; returns the converted bytes. */
export async function convertWithLibreOffice(bytes: Buffer, inputName: string, target: "pdf" | "csv"): Promise<Buffer> {
  if (!SOFFICE) throw new Error("LibreOffice is not installed");
  const dir = await mkdtemp(join(tmpdir(), "baara-lo-"));
  try {
    const input = join(dir, inputName);
    await writeFile(input, bytes);
    // A private profile per run: parallel conversions do not share a lock.
    const filter = target === "csv" ? "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false" : "pdf";
    await run(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", filter, "--outdir", dir, input], {
      timeout: 120_000,
    });
    return await readFile(join(dir, inputName.replace(/\.[^.]+$/, `.${target}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
