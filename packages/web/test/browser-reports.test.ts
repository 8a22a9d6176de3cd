// The CPS cell's 2023 annual report in a real browser: its editor starts it
// from the project, reads the figures the preview states (fourteen activities
// of twenty-two, 63,64 %), writes the introduction with its counter moving,
// is stopped at a field's limit with the field and the limit named, saves
// with Ctrl+S, has the Word file written in the background and downloads it,
// and submits; the approver approves it. Screenshots at 1366×768 and on a
// 390-pixel phone.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  amount,
  apiSession,
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

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** What the screen shows where it is scrolled to (the preview stays beside the fields and scrolls on its own). */
const view = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const TITLE = "Rapport d'activités et plan d'action (cellule de planification) 2023";
const INTRODUCTION = "La CPS/SCI présente son rapport d'activités 2023.";

/** Portfolio → CPS-SCI-PA → its reports. */
async function openReports(page: Page, screenshot?: string): Promise<void> {
  await page.getByRole("link", { name: "CPS-SCI-PA", exact: true }).click();
  await page.getByRole("heading", { name: "Rapports", exact: true }).waitFor();
  const open = page.getByRole("link", { name: "Ouvrir les rapports" });
  if (screenshot) {
    await open.scrollIntoViewIfNeeded();
    await view(page, screenshot);
  }
  await open.click();
  await page.getByRole("heading", { name: "Rapports", level: 2 }).waitFor();
}

describe.skipIf(!hasChromium)("a report in a real browser", { timeout: 300_000 }, () => {
  let running: Running;
  let reportUrl = "";
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("has the CPS editor start, write, save, generate as Word and submit the 2023 annual report", async () => {
    const { page, context } = await signIn(running, "cps.editor");
    await openReports(page, "project-reports-panel");
    await page
      .getByRole("table", { name: "Rapports du projet" })
      .or(page.getByText("Aucun rapport pour ce projet."))
      .waitFor();
    await view(page, "reports-start");
    await page.getByRole("textbox", { name: "Année du rapport" }).fill("2023");
    await page.getByRole("button", { name: "Commencer le rapport" }).click();
    await page.getByRole("heading", { name: TITLE, level: 2 }).waitFor();
    reportUrl = page.url();
    expect(reportUrl).toMatch(/\/rapports\/[\w-]+$/);

    // The preview states the year's figures in words and figures.
    const preview = page.getByRole("region", { name: "Aperçu du document" });
    await preview
      .getByText(/quatorze \(14\) ont été réalisées/)
      .first()
      .waitFor();
    expect(await preview.textContent()).toMatch(amount("soit un taux d'exécution physique de 63,64 %"));
    const plan = preview.getByRole("region", { name: "Plan d'action 2024" });
    const total = plan.getByRole("row").last();
    expect(await total.getByRole("cell").nth(2).textContent()).toMatch(amount("71 500"));
    expect(
      await total
        .getByRole("cell")
        .nth(2)
        .evaluate((td) => getComputedStyle(td).textAlign),
    ).toMatch(/right|end/);
    expect(
      await total
        .getByRole("cell")
        .first()
        .evaluate((td) => getComputedStyle(td).fontWeight),
    ).toBe("700");

    // The introduction's counter moves as it is typed.
    const introduction = page.getByRole("textbox", { name: "Introduction" });
    const fields = page.getByRole("region", { name: "Rédaction" });
    await fields.getByText(amount("0 / 20 000 caractères")).first().waitFor();
    await introduction.pressSequentially(INTRODUCTION);
    await fields.getByText(amount(`${INTRODUCTION.length} / 20 000 caractères`)).waitFor();
    await fields.getByText("Modifications non enregistrées").waitFor();

    // Text over a field's limit is not taken, and the message names the field and the limit.
    const difficulties = page.getByRole("textbox", { name: "Difficultés rencontrées" });
    await difficulties.fill("x".repeat(20_001));
    await fields
      .getByText(amount("« Difficultés rencontrées » : au plus 20 000 caractères, la suite n'a pas été prise."))
      .waitFor();
    expect((await difficulties.inputValue()).length).toBe(20_000);
    await view(page, "report-limit");
    await difficulties.fill("- Contraintes budgétaires\n- Retards de décaissement");

    // Someone else saves meanwhile: Ctrl+S says so, reads their version and keeps what was typed here, to save again.
    const colleague = await apiSession(running, "cps.editor");
    const id = reportUrl.split("/").pop() ?? "";
    const { version } = (await colleague.get(`/reports/${id}`)) as { version: number };
    await colleague.patch(`/reports/${id}`, { narrative: { missions: "Missions écrites par un collègue." }, version });
    await page.keyboard.press("Control+s");
    await fields.getByText(/Quelqu'un d'autre a enregistré ce rapport entre-temps/).waitFor();
    const missions = page.getByRole("textbox", { name: "Rappel des missions et attributions" });
    await expect.poll(() => missions.inputValue()).toBe("Missions écrites par un collègue.");
    expect(await introduction.inputValue()).toBe(INTRODUCTION);
    await view(page, "report-conflict");

    // Ctrl+S saves; the preview then has the text.
    await page.keyboard.press("Control+s");
    await fields.getByText(/^Enregistré à/).waitFor();
    expect(await fields.getByRole("alert").count()).toBe(0);
    await preview.getByText(INTRODUCTION).waitFor();
    await preview.getByRole("listitem").filter({ hasText: "Retards de décaissement" }).waitFor();
    expect(await rawCodes(page), "codes on the report screen").toEqual([]);
    expect(await accessibilityProblems(page), "report screen").toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await view(page, "report-draft");
    await preview.getByRole("region", { name: "Plan d'action 2024" }).scrollIntoViewIfNeeded();
    await view(page, "report-preview-table");

    // The Word file is written in the background, then offered for download.
    const documents = page.getByRole("region", { name: "Documents" });
    await documents.getByRole("button", { name: "Word", exact: true }).click();
    const link = documents.getByRole("link", { name: /^Télécharger .*\.docx/ });
    await link.waitFor({ timeout: 120_000 });
    expect(await documents.getByRole("row").nth(1).textContent()).toContain("Brouillon");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path()) ?? "");
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
    const text = xml.replace(/<[^>]+>/g, "").replace(/&apos;/g, "'");
    expect(text.includes("cent vingt-huit millions"), "the credit in words in the Word file").toBe(true);
    expect(text.includes(INTRODUCTION), "the introduction in the Word file").toBe(true);
    await shot(page, "report-documents");

    // Submitted: confirmed first, then read only with the reason said.
    await page.getByRole("button", { name: "Soumettre" }).click();
    const confirm = page.getByRole("dialog", { name: "Soumettre" });
    await confirm.getByText(/Ses chiffres seront arrêtés à ce jour/).waitFor();
    await confirm.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText(/^Soumis par Oumar Dembélé, le /).waitFor();
    await expect.poll(() => introduction.getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: "Enregistrer" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Approuver" }).count()).toBe(0);
    await shot(page, "report-submitted");

    // The same report again: the form says it exists and opens it; a year out of range is said, not changed.
    await page.getByRole("link", { name: /Retour aux rapports du projet/ }).click();
    const year = page.getByRole("textbox", { name: "Année du rapport" });
    await year.fill("1999");
    await page.getByRole("button", { name: "Commencer le rapport" }).click();
    await page.getByText("« Année du rapport » : une année entre 2000 et 2100.").waitFor();
    expect(await year.inputValue()).toBe("1999");
    await year.fill("2023");
    await page.getByRole("button", { name: "Commencer le rapport" }).click();
    await page.getByRole("alert").getByText(`Le rapport « ${TITLE} » existe déjà pour ce projet.`).waitFor();
    await view(page, "reports-start-exists");
    await page.getByRole("link", { name: "Ouvrir ce rapport" }).click();
    await page.getByRole("heading", { name: TITLE, level: 2 }).waitFor();
    await context.close();
  });

  it("fits a 390-pixel phone: the fields, then the document, its wide tables scrolling sideways", async () => {
    const { page, context } = await signIn(running, "cps.editor", { width: 390, height: 844 });
    await page.goto(reportUrl);
    await page.getByRole("heading", { name: TITLE, level: 2 }).waitFor();
    const preview = page.getByRole("region", { name: "Aperçu du document" });
    await preview.getByText(INTRODUCTION).waitFor();
    // Nothing wider than the screen but the tables' own scrolling areas.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await view(page, "report-390-top");
    await page.getByRole("textbox", { name: "Difficultés rencontrées" }).scrollIntoViewIfNeeded();
    await view(page, "report-390-fields");
    await preview.getByRole("heading", { name: "Aperçu du document" }).scrollIntoViewIfNeeded();
    await view(page, "report-390-preview");
    await preview.getByRole("region", { name: "Plan d'action 2024" }).scrollIntoViewIfNeeded();
    await view(page, "report-390-table");
    await page.getByRole("link", { name: /Retour aux rapports du projet/ }).click();
    await page.getByRole("table", { name: "Rapports du projet" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await view(page, "reports-list-390");
    await context.close();
  });

  it("has the approver approve the submitted report", async () => {
    const { page, context } = await signIn(running, "approver");
    await openReports(page);
    const row = page.getByRole("table", { name: "Rapports du projet" }).getByRole("row").filter({ hasText: TITLE });
    await row.getByText("Soumis", { exact: true }).waitFor();
    await row.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: TITLE, level: 2 }).waitFor();
    // An approver reads and decides; writing the documents is the writers'.
    expect(await page.getByRole("button", { name: "Word", exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Approuver" }).click();
    const confirm = page.getByRole("dialog", { name: "Approuver" });
    await confirm.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText(/^Approuvé par Ibrahim Coulibaly, le /).waitFor();
    expect(await page.getByRole("button", { name: "Renvoyer pour corrections" }).count()).toBe(0);
    expect(await accessibilityProblems(page), "approved report").toEqual([]);
    await shot(page, "report-approved");

    await page.getByRole("link", { name: /Retour aux rapports du projet/ }).click();
    const listed = page.getByRole("table", { name: "Rapports du projet" }).getByRole("row").filter({ hasText: TITLE });
    await listed.getByText("Approuvé", { exact: true }).waitFor();
    // Who submitted and approved it, and when.
    expect(await listed.textContent()).toMatch(/Oumar Dembélé, le \S.*Ibrahim Coulibaly, le \S/);
    await shot(page, "reports-list");
    await context.close();
  });
});
