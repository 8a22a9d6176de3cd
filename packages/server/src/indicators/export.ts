// The results framework as an xlsx file, in the layout of the donor's table
// (indicator, baseline, end target, milestone, current value, reasons) with
// the achievement and the status beside it. A framework is a few hundred rows
// at most: written here rather than in the export thread.
import { catalogue, type Locale, normalizeValue } from "@baara/core";
import ExcelJS from "exceljs";
import type { Context } from "../context.ts";
import type { FileAnswer } from "../http/route.ts";
import { listIndicators } from "./queries.ts";

const STATUS_FILL: Record<string, string> = { on_track: "FFC6EFCE", at_risk: "FFFFEB9C", off_track: "FFFFC7CE" };

export async function exportIndicators(
  ctx: Context,
  projectId: string,
  query: { year?: number; period?: string },
  locale: Locale,
): Promise<FileAnswer> {
  const framework = await listIndicators(ctx, projectId, query);
  const words = catalogue[locale];
  const fr = locale === "fr";
  // A figure goes in as a number when a spreadsheet holds it exactly (15 significant digits), else as its text.
  const number = (v: string | null) => (v === null ? null : String(Number(v)) === normalizeValue(v) ? Number(v) : v);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(fr ? "Cadre de résultats" : "Results framework", {
    views: [{ state: "frozen", ySplit: 2 }],
  });
  sheet.columns = [10, 60, 14, 14, 14, 30, 14, 30, 12, 16, 50].map((width) => ({ width }));
  const asOf = query.year ? ` — ${query.period ?? "Y"} ${query.year}` : "";
  sheet.addRow([`${fr ? "Cadre de résultats" : "Results framework"}${asOf}`]).font = { bold: true, size: 13 };
  const header = sheet.addRow([
    fr ? "Code" : "Code",
    words.tableColumn.indicator,
    words.tableColumn.baseline,
    words.tableColumn.target,
    words.tableColumn.milestone,
    fr ? "Commentaire du jalon" : "Milestone comment",
    words.tableColumn.current,
    fr ? "Désagrégation" : "Disaggregation",
    fr ? "Atteinte (%)" : "Achievement (%)",
    fr ? "Statut" : "Status",
    words.tableColumn.reason,
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  const byNode = new Map<string | null, typeof framework.indicators>();
  for (const i of framework.indicators) byNode.set(i.resultNodeId, [...(byNode.get(i.resultNodeId) ?? []), i]);
  const sections: { title: string | null; nodeId: string | null }[] = [
    { title: null, nodeId: null },
    ...framework.nodes.map((n) => ({ title: `${n.code} ${n.title}`, nodeId: n.id })),
  ];
  for (const section of sections) {
    const list = byNode.get(section.nodeId);
    if (!list?.length) continue;
    if (section.title) {
      const row = sheet.addRow([section.title]);
      row.font = { bold: true };
      sheet.mergeCells(row.number, 1, row.number, 11);
    }
    for (const i of list) {
      const milestone =
        i.targets.find((t) => t.year === i.progress.milestone?.year && t.period === i.progress.milestone?.period)
        ?? i.targets.at(-1);
      const breakdown = i.progress.breakdown
        .flatMap((d) =>
          d.rows.map(
            (r) =>
              `${(words.category as Record<string, string>)[r.category] ?? r.category} ${r.value}${r.share ? ` (${r.share} %)` : ""}`,
          ),
        )
        .join(", ");
      const row = sheet.addRow([
        i.code,
        i.name,
        number(i.baselineValue),
        number(i.endTarget),
        number(milestone?.value ?? null),
        milestone?.comment ?? null,
        number(i.progress.current),
        breakdown || null,
        number(i.progress.achievement),
        words.indicatorStatus[i.progress.status],
        i.latestValue?.varianceReason ?? null,
      ]);
      row.alignment = { wrapText: true, vertical: "top" };
      const fill = STATUS_FILL[i.progress.status];
      if (fill) row.getCell(10).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    }
  }
  sheet.addRow([]);
  sheet.addRow([words.indicatorRule.achievement]);
  sheet.addRow([
    words.indicatorRule.status
      .replace("{{onTrack}}", framework.thresholds.onTrack)
      .replace("{{atRisk}}", framework.thresholds.atRisk),
  ]);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `cadre-de-resultats${query.year ? `-${query.year}-${query.period ?? "Y"}` : ""}.xlsx`,
  };
}
