// Downloads of a session: its minutes (Word, or PDF through LibreOffice when
// the server has it) and the follow-up table of the recommendations it
// follows up (Word or Excel).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { catalogue, type Locale } from "@baara/core";
import type { Context } from "../context.ts";
import { AppError } from "../http/errors.ts";
import type { FileAnswer } from "../http/route.ts";
import { followUpDocx, followUpXlsx } from "./follow-up-table.ts";
import { minutesDocx } from "./minutes-docx.ts";
import { getMeeting } from "./queries.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
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
  const dir = await mkdtemp(join(tmpdir(), "baara-minutes-"));
  try {
    await writeFile(join(dir, "minutes.docx"), bytes);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "minutes.docx"),
      ],
      {
        timeout: 120_000,
      },
    );
    return await readFile(join(dir, "minutes.pdf"));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("PDF_UNAVAILABLE");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fileStem = (name: string, date: string) => `${name}-${date}`;

export async function exportMinutes(
  ctx: Context,
  meetingId: string,
  format: "docx" | "pdf",
  locale: Locale,
): Promise<FileAnswer> {
  const meeting = await getMeeting(ctx, meetingId);
  const docx = await minutesDocx(meeting, locale);
  const stem = fileStem(catalogue[locale].committeeExport.fileMinutes, meeting.date);
  if (format === "pdf") return { body: await docxToPdf(docx), mimeType: "application/pdf", fileName: `${stem}.pdf` };
  return { body: docx, mimeType: DOCX, fileName: `${stem}.docx` };
}

export async function exportFollowUpTable(
  ctx: Context,
  meetingId: string,
  format: "docx" | "xlsx",
  locale: Locale,
): Promise<FileAnswer> {
  const meeting = await getMeeting(ctx, meetingId);
  const words = catalogue[locale].committeeExport;
  const title = `${words.followUpTitle} — ${meeting.title}`;
  const stem = fileStem(words.fileFollowUp, meeting.date);
  if (format === "docx")
    return { body: await followUpDocx(title, meeting.followUps, locale), mimeType: DOCX, fileName: `${stem}.docx` };
  return { body: await followUpXlsx(title, meeting.followUps, locale), mimeType: XLSX, fileName: `${stem}.xlsx` };
}
