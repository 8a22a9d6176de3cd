// Downloads of a session: its minutes (Word, or PDF through LibreOffice when
// the server has it) and the follow-up table of the recommendations it
// follows up (Word or Excel).
import { catalogue, type Locale, minutesDocument } from "@baara/core";
import type { Context } from "../context.ts";
import type { FileAnswer } from "../http/route.ts";
import { docxToPdf } from "../reports/pdf.ts";
import { reportDocx } from "../reports/write-docx.ts";
import { followUpDocx, followUpXlsx } from "./follow-up-table.ts";
import { getMeeting } from "./queries.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const fileStem = (name: string, date: string) => `${name}-${date}`;

export async function exportMinutes(
  ctx: Context,
  meetingId: string,
  format: "docx" | "pdf",
  locale: Locale,
): Promise<FileAnswer> {
  const meeting = await getMeeting(ctx, meetingId);
  const docx = await reportDocx(minutesDocument(meeting, locale), locale);
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
