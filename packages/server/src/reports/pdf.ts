// Word to PDF by headless LibreOffice, where the server has it: the same
// document in both formats, laid out once.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { AppError } from "../http/errors.ts";

const run = promisify(execFile);

/** LibreOffice, where the server has it (BAARA_SOFFICE, else Debian's). */
export function sofficePath(): string | null {
  return (
    [process.env.BAARA_SOFFICE, "/usr/bin/soffice", "/usr/bin/libreoffice"].find((p): p is string => !!p && existsSync(p))
    ?? null
  );
}

/** A Word document as PDF, by headless LibreOffice with a profile of its own (parallel conversions do not share a lock). */
export async function docxToPdf(bytes: Buffer): Promise<Buffer> {
  const soffice = sofficePath();
  if (!soffice) throw new AppError("PDF_UNAVAILABLE");
  const dir = await mkdtemp(join(tmpdir(), "baara-pdf-"));
  try {
    await writeFile(join(dir, "document.docx"), bytes);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "document.docx"),
      ],
      {
        timeout: 120_000,
      },
    );
    return await readFile(join(dir, "document.pdf"));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("PDF_UNAVAILABLE");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
