// « Vérifier un document » in Debian's Chromium against a real server with the demo:
// pasted text and a Word file, their findings listed with words, never codes.
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  cspViolations,
  hasChromium,
  pageErrors,
  rawCodes,
  type Running,
  SCREENSHOTS,
  signIn,
  startAppAndBrowser,
} from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const REPORT = [
  "Dans le cadre de l'exécution de ses activités, la Cellule avait bénéficié d'un crédit de paiement de cent vingt-huit millions sept cent quatre-vingt-dix-neuf mille (128 799 000) francs CFA, dont cent vingt-huit millions six cent cinquante mille (120 650 000) francs CFA pour le BSI et huit millions cent quarante-neuf mille (8 149 000) francs CFA pour le fonctionnement en 2023.",
  "Cependant, le crédit engagé est de quatre-vingt-dix-huit millions cinq cent quinze mille six cent trente un (98 515 631) francs CFA.",
  "Les crédits engagés au 31 décembre 2023 ont été liquidés à hauteur de cinquante-quatre millions cinq cent quinze mille sept cent onze (54 515 711) francs CFA, soit un taux d'exécution de 76,49%.",
];

describe.skipIf(!hasChromium)("checking a document in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("lists the slips of pasted text, then of a Word file", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.getByRole("link", { name: "Vérifier un document" }).click();
    await page.getByRole("heading", { name: "Vérifier un document" }).waitFor();
    await page.getByLabel("Texte du rapport").fill(REPORT.join("\n"));
    await page.getByRole("button", { name: "Vérifier" }).click();
    const results = page.getByRole("region", { name: "Constats" });
    await results.getByText("2 erreur(s), 1 avertissement(s)").waitFor();
    const findings = results.getByRole("article");
    expect(await findings.count()).toBe(3);
    await findings.nth(0).getByText("Lettres et chiffres en désaccord").waitFor();
    await findings
      .nth(0)
      .getByText(/vaut 128\s650\s000, mais le chiffre à côté est \(120 650 000\)/)
      .waitFor();
    await findings.nth(1).getByText("Nombre en lettres mal orthographié").waitFor();
    await findings
      .nth(2)
      .getByText(/76,49 % est 98 515 631 ÷ 128 799 000.*donne 42,33\s%/)
      .waitFor();
    expect(await rawCodes(page)).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "check-document.png"), fullPage: true });

    const doc = new Document({ sections: [{ children: [new Paragraph(REPORT[1] ?? "")] }] });
    await page.locator("input[type=file]").setInputFiles({
      name: "rapport-2023.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: await Packer.toBuffer(doc),
    });
    await page.getByText("rapport-2023.docx").waitFor();
    expect(await page.getByLabel("Texte du rapport").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await results.getByText("0 erreur(s), 1 avertissement(s)").waitFor();
    await results.getByText(/on écrit « quatre-vingt-dix-huit millions .* trente et un »/).waitFor();
    await context.close();
  });
});
