// `baara check-document FILE [--json]`: the slips between words and figures in a report people wrote.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type api, catalogue, checkDocument, type Locale } from "@baara/core";
import { documentText } from "../documents/document-text.ts";
import { presentDocumentCheck } from "../documents/present.ts";

export interface CheckDocumentOptions {
  json?: boolean;
  lang: string;
}

/** Prints every finding; the exit code is 1 when one of them is an error (a wrong value, rate or total). */
export async function checkDocumentCommand(file: string, options: CheckDocumentOptions): Promise<void> {
  const locale: Locale = options.lang === "en" ? "en" : "fr";
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    const why = error.code === "ENOENT" ? "no such file" : error.code === "EISDIR" ? "it is a folder" : error.code;
    throw new Error(`cannot read ${file}: ${why}`);
  });
  const report = presentDocumentCheck(checkDocument(await documentText(bytes, basename(file))), locale);
  if (options.json) console.log(JSON.stringify({ file, ...report }, null, 2));
  else printText(file, report, locale);
  if (report.errors > 0) process.exitCode = 1;
}

function printText(file: string, { errors, warnings, findings }: api.DocumentCheck, locale: Locale): void {
  const words = catalogue[locale].documentCheck;
  const fr = locale === "fr";
  console.log(
    fr
      ? `${file} : ${errors} erreur${errors > 1 ? "s" : ""}, ${warnings} avertissement${warnings > 1 ? "s" : ""}`
      : `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  for (const f of findings) {
    console.log("");
    console.log(`${fr ? "ligne" : "line"} ${f.line} · ${words.severity[f.severity]} · ${words.kind[f.kind]}`);
    console.log(`  ${f.message}`);
    console.log(`  > ${f.sentence.length > 240 ? `${f.sentence.slice(0, 239)}…` : f.sentence}`);
  }
}
