// The workbooks of the heavy jobs and their limits: a plan sheet as a planning
// cell types it (one row per result and activity, then its budget lines), the
// bare ExcelJS read of it, and the same cells as an export writes them, without
// formulas or styles.
import ExcelJS from "exceljs";
import type { GeneratedContent } from "./generate.ts";

const HEADERS = [
  "Objectif",
  "Résultat",
  "Code",
  "Activités",
  "Libellé de la ligne",
  "Compte",
  "Source de financement",
  "Quantité",
  "Unité",
  "Prix unitaire",
  "Montant",
  "Responsable",
];

/** A PTBA sheet of `content`'s first `maxLines` lines, as the import reads it. */
export async function planWorkbook(content: GeneratedContent, year: number, maxLines: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`PTBA ${year}`);
  sheet.addRow([`Plan de travail et budget annuel ${year}`]);
  sheet.addRow(HEADERS);
  const linesOf = groupBy(content.lines.slice(0, maxLines), (l) => l.activityKey);
  const activitiesOf = groupBy(
    content.activities.filter((a) => linesOf.has(a.key)),
    (a) => a.nodeKey ?? "",
  );
  // Objectives and results in columns of their own, repeated on each row as a filtered sheet has them.
  const titleOf = new Map(content.nodes.map((n) => [n.key, `${n.code}. ${n.title}`]));
  for (const node of content.nodes) {
    const objective = titleOf.get(node.parentKey ?? "") ?? "";
    const result = titleOf.get(node.key) ?? "";
    for (const activity of node.level === 0 ? [] : (activitiesOf.get(node.key) ?? [])) {
      sheet.addRow([objective, result, activity.code, activity.title]);
      for (const line of linesOf.get(activity.key) ?? []) {
        sheet.addRow([
          objective,
          result,
          null,
          null,
          line.description,
          line.accountCode,
          line.fundCode,
          Number(line.quantity),
          line.unit,
          Number(line.unitCost),
          Number(line.amount),
        ]);
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Map.groupBy arrives with Node 21; Baara supports Node 20.
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Reads every cell of `file` with ExcelJS and nothing else: what no import can beat. */
export async function bareRead(file: Buffer): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  let cells = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell(() => {
        cells++;
      }),
    ),
  );
  return cells;
}

/** Writes `rows` as plain cells, no formula or style: what no export of the same cells can beat. */
export async function bareWrite(rows: unknown[][]): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("PTBA");
  for (const row of rows) sheet.addRow(row);
  return (await workbook.xlsx.writeBuffer()).byteLength;
}
