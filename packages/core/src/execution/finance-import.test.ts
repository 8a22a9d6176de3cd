import { describe, expect, it } from "vitest";
import type { CellValue, Grid } from "../import/grid.ts";
import { seeded } from "../import/corpus.test-helpers.ts";
import { detectFinanceColumns, type FinanceTargets, readFinanceExport, stageOf } from "./finance-import.ts";

const targets: FinanceTargets = {
  activities: [
    { id: "a-112", code: "1.1.2" },
    { id: "a-131", code: "1.3.1" },
    { id: "a-411", code: "4.1.1" },
    { id: "a-none", code: null },
  ],
  lines: [
    { id: "l-6132", activityId: "a-112", accountCode: "6132" },
    { id: "l-2245", activityId: "a-411", accountCode: "2245" },
    { id: "l-6221-a", activityId: "a-112", accountCode: "6221" },
    { id: "l-6221-b", activityId: "a-131", accountCode: "6221" },
  ],
};
const grid = (rows: CellValue[][], name = "Export"): Grid => ({ name, rows });
const read = (g: Grid, defaultStage: "payment" | null = null) =>
  readFinanceExport(g, targets, { currency: "XOF", defaultStage, year: 2023 });

describe("readFinanceExport, one row per transaction", () => {
  const exported = grid([
    ["DIRECTION DES FINANCES ET DU MATÉRIEL — situation au 31/12/2023"],
    [],
    ["Date", "N° pièce", "Imputation", "Nature de l'opération", "Montant (FCFA)", "Bénéficiaire"],
    [new Date(Date.UTC(2023, 0, 20)), "ENG-001", "1.1.2", "Engagement", 2_000_000, "Hôtel de l'Amitié"],
    ["15/06/2023", "MDT-014", "2245", "Mandat", "44 000 000", "CFAO Motors"],
    [],
    ["05/04/2023", "LIQ-007", " 1.3.1 ", "Liquidation", "20 402 581", null],
    ["05/04/2023", "LIQ-008", "9.9.9", "Liquidation", "1 000", null],
    ["05/04/2023", "ENG-009", "6221", "Engagement", "5 000", null],
    ["", "ENG-010", "1.1.2", "Engagement", "-3 000", null],
    ["12/05/2023", "ENG-011", "1.1.2", "Engagement", "-3 000", null],
    ["12/05/2023", "ENG-012", "1.1.2", "Engagement", "12,5", null],
    ["12/05/2023", "ENG-013", "1.1.2", "Réservation", "100", null],
    ["12/05/2023", "ENG-014", "1.1.2", "Engagement", "5000000000000000", null],
    ["12/05/2023", "ENG-015", "1.1.2", "Engagement", null, null],
    ["12/05/2023", "ENG-016", "1.1.2", "Engagement", "#DIV/0!", null],
    [null, null, null, "TOTAL", "66 402 581", null],
  ]);

  it("finds the header under a title row and names each column it read", () => {
    expect(detectFinanceColumns(exported)?.headerRow).toBe(2);
    expect(read(exported)?.columns.map((c) => [c.field, c.column, c.header])).toEqual([
      ["date", "A", "Date"],
      ["reference", "B", "N° pièce"],
      ["code", "C", "Imputation"],
      ["stage", "D", "Nature de l'opération"],
      ["amount", "E", "Montant (FCFA)"],
      ["supplier", "F", "Bénéficiaire"],
    ]);
  });

  it("matches codes to activities, then to a budget line's account, and keeps amounts exact", () => {
    const reading = read(exported);
    expect(
      reading?.transactions.map((t) => [t.row, t.stage, t.date, t.amount, t.activityId, t.lineId, t.reference, t.supplier]),
    ).toEqual([
      [4, "commitment", "2023-01-20", "2000000", "a-112", null, "ENG-001", "Hôtel de l'Amitié"],
      [5, "payment", "2023-06-15", "44000000", "a-411", "l-2245", "MDT-014", "CFAO Motors"],
      [7, "liquidation", "2023-04-05", "20402581", "a-131", null, "LIQ-007", null],
    ]);
  });

  it("lists every row it cannot write, by row, with its reason; blank and total rows are not rows", () => {
    expect(read(exported)?.findings).toEqual([
      { row: 8, code: "FINANCE_UNMATCHED", params: { code: "9.9.9", amount: "1000" } },
      { row: 9, code: "FINANCE_AMBIGUOUS", params: { code: "6221", count: 2 } },
      { row: 10, code: "FINANCE_NO_DATE", params: { text: "" } },
      { row: 11, code: "FINANCE_NEGATIVE", params: { text: "-3 000" } },
      { row: 12, code: "FINANCE_DECIMALS", params: { text: "12,5", currency: "XOF" } },
      { row: 13, code: "FINANCE_NO_STAGE", params: { text: "Réservation" } },
      { row: 14, code: "FINANCE_TOO_LARGE", params: { text: "5000000000000000" } },
      { row: 15, code: "FINANCE_NO_AMOUNT", params: { code: "1.1.2" } },
      { row: 16, code: "FINANCE_BAD_AMOUNT", params: { text: "#DIV/0!", currency: "XOF" } },
    ]);
    expect(read(exported)?.rows).toBe(12);
  });

  it("gives the same fingerprints when the same export is read again, and tells apart two identical rows of one file", () => {
    const twice = grid([
      ["Date", "Code", "Type", "Montant"],
      ["2023-03-01", "1.1.2", "paiement", 1000],
      ["2023-03-01", "1.1.2", "paiement", 1000],
    ]);
    const first = read(twice)?.transactions.map((t) => t.fingerprint);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(read(twice)?.transactions.map((t) => t.fingerprint)).toEqual(first);
  });
});

describe("readFinanceExport, other layouts", () => {
  it("reads one column per stage into one transaction per amount", () => {
    const reading = read(
      grid([
        ["Ligne budgétaire", "Date", "Montant engagé", "Montant liquidé", "Montant mandaté", "Fournisseur"],
        ["1.3.1", "05/04/2023", "20 402 501", "20 402 581", "20 402 581", "Agence de voyage"],
        ["4.1.1", "12/09/2023", "44 000 000", "", "-", "CFAO Motors"],
      ]),
    );
    expect(reading?.transactions.map((t) => [t.row, t.stage, t.amount])).toEqual([
      [2, "commitment", "20402501"],
      [2, "liquidation", "20402581"],
      [2, "payment", "20402581"],
      [3, "commitment", "44000000"],
    ]);
    expect(reading?.findings).toEqual([]);
  });

  it("takes the stage the user gives for an export without one, and reads English headers", () => {
    const payments = grid([
      ["Transaction date", "Account code", "Amount", "Payee"],
      ["2023-06-15", "2245", "44,000,000", "CFAO"],
    ]);
    expect(read(payments)?.findings.map((f) => f.code)).toEqual(["FINANCE_NO_STAGE"]);
    expect(read(payments, "payment")?.transactions.map((t) => [t.stage, t.amount, t.lineId])).toEqual([
      ["payment", "44000000", "l-2245"],
    ]);
  });

  it("is no finance export without a code and an amount column", () => {
    expect(
      read(
        grid([
          ["Date", "Observations"],
          ["2023-01-01", "RAS"],
        ]),
      ),
    ).toBeNull();
  });

  it("reads the stage words people write", () => {
    expect(
      [
        "Engagement",
        "ENGAGÉ",
        "commitment",
        "Liquidation",
        "liquidé",
        "Mandat",
        "mandaté",
        "Paiement",
        "Décaissement",
        "payment",
        "Réglé",
      ].map(stageOf),
    ).toEqual([
      "commitment",
      "commitment",
      "commitment",
      "liquidation",
      "liquidation",
      "payment",
      "payment",
      "payment",
      "payment",
      "payment",
      "payment",
    ]);
    expect(stageOf("Réservation")).toBeNull();
  });
});

// Many layouts of one model: shuffled columns, header synonyms, date and amount styles,
// spacer and total rows. What is read must be the model, whatever the layout.
describe("readFinanceExport, generated layouts of one model", () => {
  const HEADERS = {
    date: ["Date", "Date opération", "DATE DE MANDAT", "Transaction date"],
    reference: ["Référence", "N° mandat", "Voucher", "Réf."],
    code: ["Code", "Imputation", "Ligne budgétaire", "Account code", "Code activité"],
    stage: ["Étape", "Type", "Nature de l'opération", "Stage"],
    amount: ["Montant", "Amount", "Montant (FCFA)", "Valeur"],
    supplier: ["Fournisseur", "Bénéficiaire", "Payee", "Tiers"],
  } as const;
  const STAGES = {
    commitment: ["Engagement", "engagé", "Commitment"],
    liquidation: ["Liquidation", "liquidé"],
    payment: ["Mandat", "Paiement", "payé", "Décaissement"],
  };
  const MODEL = [
    { code: "1.1.2", stage: "commitment", date: "2023-01-20", amount: 2_000_000, supplier: "Hôtel de l'Amitié" },
    { code: "2245", stage: "payment", date: "2023-06-15", amount: 44_000_000, supplier: "CFAO Motors" },
    { code: "1.3.1", stage: "liquidation", date: "2023-04-05", amount: 20_402_581, supplier: "Agence Sahel Voyages" },
    { code: "6132", stage: "commitment", date: "2023-11-30", amount: 750, supplier: "Librairie du Fleuve" },
  ] as const;

  it("reads 200 layouts back to the model", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const rng = seeded(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
      const fields = (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).sort(() => rng() - 0.5);
      const dateStyle = pick(["iso", "fr", "excel"] as const);
      const amountStyle = pick(["number", "spaces", "nbsp", "dots"] as const);
      const cell = (field: keyof typeof HEADERS, t: (typeof MODEL)[number], i: number): CellValue => {
        if (field === "date") {
          const [y, m, d] = t.date.split("-");
          return dateStyle === "iso"
            ? t.date
            : dateStyle === "fr"
              ? `${d}/${m}/${y}`
              : new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
        }
        if (field === "amount") {
          const grouped = String(t.amount).replace(
            /\B(?=(\d{3})+(?!\d))/g,
            amountStyle === "dots" ? "." : amountStyle === "nbsp" ? "\u00A0" : " ",
          );
          return amountStyle === "number" ? t.amount : `${grouped}${rng() < 0.3 ? " FCFA" : ""}`;
        }
        if (field === "stage") return pick(STAGES[t.stage]);
        if (field === "code") return rng() < 0.2 ? ` ${t.code} ` : t.code;
        if (field === "reference") return `REF-${i}`;
        return t.supplier;
      };
      const rows: CellValue[][] = [];
      if (rng() < 0.5) rows.push(["Situation d'exécution du budget 2023"], []);
      rows.push(fields.map((f) => pick(HEADERS[f])));
      MODEL.forEach((t, i) => {
        rows.push(fields.map((f) => cell(f, t, i)));
        if (rng() < 0.2) rows.push([]);
      });
      if (rng() < 0.5) rows.push(fields.map((f) => (f === "code" ? "TOTAL" : f === "amount" ? 66_403_331 : null)));
      const reading = read(grid(rows));
      const got = reading?.transactions.map((t) => `${t.code.trim()} ${t.stage} ${t.date} ${t.amount} ${t.supplier}`);
      const want = MODEL.map((t) => `${t.code} ${t.stage} ${t.date} ${t.amount} ${t.supplier}`);
      if (JSON.stringify(got) !== JSON.stringify(want) || (reading?.findings.length ?? 1) > 0) {
        failures.push(
          `seed ${seed}: ${JSON.stringify(rows[rows.findIndex((r) => r.length > 1)])} → ${JSON.stringify(got)} ${JSON.stringify(reading?.findings)}`,
        );
      }
    }
    expect(failures).toEqual([]);
  });
});
