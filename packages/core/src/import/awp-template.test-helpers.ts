// The official UNDP Annual Work Plan template, as a project unit fills it in:
// outputs merged down column A with their baseline, indicators and targets,
// "Sub Total" in column A, several budget lines per activity on the rows below
// it, Grand TOTAL / Funded / Unfunded / TOTAL Budget, and a signature block.
// Core reads it as a grid; the server's tests write it as a real .xlsx.
import type { CellValue, Grid } from "./grid.ts";

export const ACTIVITIES_PER_OUTPUT = [8, 7, 8, 7, 7]; // 37
const WIDTH = 10; // A–J

export interface OfficialAwp {
  grid: Grid;
  lines: number;
  missingRow: number;
  mismatch: { row: number; declared: string; computed: string };
  totalCents: number;
}

/** Amounts in USD with cents; the 18th line has none, output 3's Sub Total is 0,24 above its lines. */
export function officialAwp(options: { grandTotalDelta?: number } = {}): OfficialAwp {
  const rows: CellValue[][] = [];
  const merges: NonNullable<Grid["merges"]> = [];
  const row = (cells: Record<number, CellValue>) => {
    const r: CellValue[] = Array.from({ length: WIDTH }, () => null);
    for (const [c, v] of Object.entries(cells)) r[Number(c)] = v;
    rows.push(r);
    return rows.length; // 1-based sheet row
  };
  row({ 0: "UNITED NATIONS DEVELOPMENT PROGRAMME" });
  row({ 0: "ANNUAL WORK PLAN 2024" });
  row({ 0: "Project ID: 00098765   Project title: Appui à la gouvernance locale (fictitious)" });
  row({});
  const header = row({
    0: "EXPECTED OUTPUTS (Please include baseline, associated indicators and annual targets)",
    1: "PLANNED ACTIVITIES (List key activities to be undertaken during the year towards stated output)",
    2: "TIMEFRAME",
    6: "RESPONSIBLE PARTY",
    7: "PLANNED BUDGET",
  });
  row({ 2: "Q1", 3: "Q2", 4: "Q3", 5: "Q4", 7: "Funding Source", 8: "Budget Description", 9: "Amount" });
  merges.push({ top: header - 1, left: 2, bottom: header - 1, right: 5 });
  merges.push({ top: header - 1, left: 7, bottom: header - 1, right: 9 });
  for (const c of [0, 1, 6]) merges.push({ top: header - 1, left: c, bottom: header, right: c });

  const accounts = ["Local Consultants - 71300", "Travel - 71600", "Training, Workshops and Confer - 75700", "GMS"];
  let line = 0;
  let activity = 0;
  let totalCents = 0;
  let missingRow = 0;
  let mismatch = { row: 0, declared: "", computed: "" };
  ACTIVITIES_PER_OUTPUT.forEach((count, o) => {
    const top = rows.length;
    let outputCents = 0;
    for (let a = 0; a < count; a++) {
      // 58 lines: the first 21 activities have two.
      const lineCount = activity++ < 21 ? 2 : 1;
      for (let l = 0; l < lineCount; l++) {
        const cents = line === 17 ? null : 1_000_000 + line * 12_345_67 + (line % 3) * 76;
        const cells: Record<number, CellValue> = { 7: "11888", 8: accounts[line % accounts.length] ?? "", 9: cents === null ? null : cents / 100 };
        if (l === 0) {
          cells[1] = `${o + 1}.${a + 1} ${a % 2 ? "Organize" : "Support"} activity ${a + 1} of output ${o + 1}`;
          cells[2 + (a % 4)] = "X";
          cells[6] = a % 2 ? "UNDP" : "Ministère de l'Administration Territoriale";
        }
        if (rows.length === top) {
          cells[0] = `Output ${o + 1}: Local institutions deliver service ${o + 1}\nBaseline: 2 communes (2023)\nIndicators: number of communes\nTargets: 10 communes`;
        }
        const at = row(cells);
        if (cents === null) missingRow = at;
        outputCents += cents ?? 0;
        line++;
      }
    }
    merges.push({ top, left: 0, bottom: rows.length - 1, right: 0 });
    // Output 3's sub-total, typed with a decimal comma, is 24 cents off its lines.
    const declared = o === 2 ? outputCents + 24 : outputCents;
    const text = `${Math.floor(declared / 100).toLocaleString("fr-FR")},${String(declared % 100).padStart(2, "0")}`;
    const at = row({ 0: "Sub Total", 9: o === 2 ? text.replace(/\u202f/g, " ") : declared / 100 });
    if (o === 2) mismatch = { row: at, declared: (declared / 100).toFixed(2), computed: (outputCents / 100).toFixed(2) };
    totalCents += outputCents;
  });
  const grand = (totalCents + (options.grandTotalDelta ?? 0)) / 100;
  row({ 0: "Grand TOTAL", 9: grand });
  row({ 0: "Funded", 9: grand });
  row({ 0: "Unfunded", 9: 0 });
  row({ 0: "TOTAL Budget", 9: grand });
  row({});
  row({ 0: "Submitted by:", 4: "Approved by:", 7: "Endorsed by:" });
  row({ 0: "Signature: ____", 4: "Signature: ____", 7: "Signature: ____" });
  row({ 0: "Name: Awa Diallo", 4: "Name: Jean Koné", 7: "Name: Fatou Sidibé" });
  return { grid: { name: "AWP 2024", rows, merges }, lines: line, missingRow, mismatch, totalCents };
}
