import { describe, expect, it } from "vitest";
import { catalogue } from "../i18n/messages.ts";
import { checkDocument, DOCUMENT_FINDING_KINDS, describeDocumentFinding } from "./index.ts";

describe("the words of a document's findings", () => {
  it("name every kind and severity in French and English", () => {
    for (const lang of ["fr", "en"] as const) {
      for (const kind of DOCUMENT_FINDING_KINDS)
        expect(catalogue[lang].documentCheck.kind[kind], `${lang} ${kind}`).toBeTruthy();
      expect(catalogue[lang].documentCheck.severity.error).toBeTruthy();
      expect(catalogue[lang].documentCheck.severity.warning).toBeTruthy();
    }
  });

  it("have a message in both languages for every code a check gives, with every parameter filled", () => {
    const text = [
      "Il en a réalisé 14, soit 60 %.",
      "Le crédit est de cent (120) francs et de trente un (31) francs.",
      "Le coût est de quatre (4 000 000) millions francs.",
      "Le crédit est de 200 francs. Il a engagé 100 francs. Il a liquidé 40 francs, soit 50 %.",
      "Sur 22 activités, 14 ont été réalisées, soit 61 %.",
      "Ateliers 1 000 F CFA, missions 500 F CFA, soit un total de 1 600 F CFA.",
    ].join("\n");
    const findings = checkDocument(text);
    const codes = new Set(findings.map((f) => f.code));
    expect([...codes].sort()).toEqual(
      Object.keys(catalogue.fr.messages)
        .filter((code) => code.startsWith("DOC_"))
        .sort(),
    );
    for (const finding of findings)
      for (const lang of ["fr", "en"] as const) {
        const message = describeDocumentFinding(finding, lang);
        expect(message, `${lang} ${finding.code}`).not.toMatch(/\{\{|DOC_/);
      }
  });
});
