import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDocument, describeDocumentFinding } from "./index.ts";

// The real CPS annual report, kept beside the repository (see the samples' README), or where BAARA_SAMPLES_DIR says.
const SAMPLES = process.env.BAARA_SAMPLES_DIR ?? fileURLToPath(new URL("../../../../../shared/samples/", import.meta.url));
const CPS = `${SAMPLES}/cps-sci-rapport-2023-plan-action-2024.txt`;
const present = existsSync(CPS);
if (!present)
  console.warn(`Skipping the CPS sample's check: ${CPS} is absent (set BAARA_SAMPLES_DIR to the samples folder).`);

describe.skipIf(!present)("the CPS annual report 2023", () => {
  const findings = present ? checkDocument(readFileSync(CPS, "utf8")) : [];
  const at = (fragment: string) => findings.filter((f) => f.sentence.includes(fragment));

  it("finds the BSI credit written 128 650 000 before (120 650 000): an error", () => {
    expect(at("pour le BSI et huit millions cent quarante-neuf mille")).toEqual([
      expect.objectContaining({ kind: "words_figure_mismatch", severity: "error", figures: ["120 650 000"] }),
    ]);
  });

  it("finds 76,49 % given as the rate of the liquidated amount: committed ÷ credit; liquidated ÷ credit is 42,33 %", () => {
    expect(at("liquidés à hauteur de")).toEqual([
      expect.objectContaining({
        kind: "rate_mismatch",
        severity: "error",
        figures: ["76,49 %", "54 515 711", "98 515 631", "128 799 000"],
        params: expect.objectContaining({ numerator: "98 515 631", denominator: "128 799 000" }),
      }),
    ]);
    expect(describeDocumentFinding(at("liquidés à hauteur de")[0]!, "fr")).toContain("donne 42,33\u00a0%");
  });

  it("finds « six cent trente un » for 631: a warning", () => {
    expect(at("six cent trente un")).toEqual([
      expect.objectContaining({
        kind: "words_spelling",
        severity: "warning",
        figures: ["98 515 631"],
        params: expect.objectContaining({ details: "trente un → trente et un" }),
      }),
    ]);
  });

  it("finds « cent vingt-huit million » and « cent quarante-trois million » without the plural: warnings", () => {
    const singular = findings.filter((f) => f.params.details === "million → millions");
    expect(singular.map((f) => [f.severity, f.figures])).toEqual([
      ["warning", ["143 035 000"]],
      ["warning", ["128 797 500"]],
    ]);
  });

  it("finds nothing else but spelling warnings: the correct rates and totals pass", () => {
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(2);
    expect(at("soit un taux de 63,64%")).toEqual([]);
    expect(at("soit un taux d'exécution de 63,64%")).toEqual([]);
    // The other warnings: « vingt-un (21) », « deux cent millions (200 000 000) », « quatre (4 000 000) millions ».
    expect(findings.filter((f) => f.severity === "warning").map((f) => f.figures[0])).toEqual([
      "21",
      "143 035 000",
      "128 797 500",
      "4 000 000",
      "98 515 631",
      "200 000 000",
    ]);
  });
});

// The other real documents: their figures hold no slip of these kinds, so nothing may be reported on them.
const OTHERS = [
  "pbf-rapport-progres-annuel-2020.txt",
  "pgsm-ptba-2022-composante-b.txt",
  "stabilisation-cr-comite-technique-2024-06-21.txt",
].map((name) => `${SAMPLES}/${name}`);
describe.skipIf(!OTHERS.every((file) => existsSync(file)))("the other sample documents", () => {
  it.each(OTHERS)("%s gives no finding", (file) => {
    expect(checkDocument(readFileSync(file, "utf8"))).toEqual([]);
  });
});
