// A committee session held in a real browser: the secretary opens the CPS/SCI
// coordination committee's next session, finds the five recommendations of
// the 2023 session to follow up, records two new statuses at once, adds a
// recommendation, and downloads the minutes as Word.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
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

/** The option of the open list (each select of the follow-up keeps its own list in the page). */
const option = (page: Page, name: string) => page.getByRole("option", { name, exact: true }).filter({ visible: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe.skipIf(!hasChromium)("a committee session in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("holds the next session: follows up the five recommendations, records two statuses and a new one, exports the minutes", async () => {
    const { page, context } = await signIn(running, "editor");
    // The home screen reminds the editor (a member of the ministry above the MAECI) of its overdue items.
    await page.getByRole("heading", { name: "Vos points d'action à échéance" }).waitFor();
    expect(await accessibilityProblems(page), "home with reminders").toEqual([]);

    await page.getByRole("link", { name: "Comités", exact: true }).click();
    await page.getByRole("link", { name: "Comité de coordination de la CPS/SCI" }).click();
    await page.getByRole("heading", { name: "Comité de coordination de la CPS/SCI" }).waitFor();
    await page.getByLabel("Intitulé de la session").fill("Première session 2024");
    await page.getByLabel(/^Date/).fill("2024-01-25");
    await page.getByRole("button", { name: "Créer la session" }).click();
    await page.getByRole("heading", { name: "Première session 2024" }).waitFor();

    const followUp = page.getByRole("region", { name: "Suivi des recommandations des sessions précédentes" });
    await expect.poll(() => followUp.getByRole("row").count()).toBe(6);
    expect(await followUp.textContent()).toContain("0 exécutée(s), 3 en cours, 2 non exécutée(s) sur 5");

    await followUp.getByRole("combobox", { name: "Nouvelle situation — N° 1" }).click();
    await option(page, "Exécutée").click();
    await followUp.getByRole("textbox", { name: "Commentaire — N° 1" }).fill("Implication effective depuis mars");
    await followUp.getByRole("combobox", { name: "Nouvelle situation — N° 3" }).click();
    await option(page, "En cours").click();
    await followUp.getByRole("button", { name: "Enregistrer le suivi" }).click();
    await expect.poll(() => followUp.textContent()).toContain("1 exécutée(s), 3 en cours, 1 non exécutée(s) sur 5");

    const agenda = page.getByRole("region", { name: "Ordre du jour et compte rendu" });
    await agenda.getByLabel("Nouveau point de l'ordre du jour").fill("Rapport d'activités 2023");
    await agenda.getByRole("button", { name: "Ajouter" }).click();
    const point = agenda.getByRole("region", { name: "02. Rapport d'activités 2023" });
    await point.getByLabel("Points de discussion").fill("- Le rapport est adopté sous réserve des corrections.");
    await point.getByRole("button", { name: "Enregistrer ce point" }).click();
    await point.getByText("Enregistré.").waitFor();

    const actions = page.getByRole("region", { name: "Recommandations et points d'action de la session" });
    await actions
      .getByLabel("Texte de la recommandation")
      .fill("Renforcer le système de suivi-évaluation physique des projets");
    await actions.getByLabel("Structures ou personnes responsables").fill("MAECI et MMEIA");
    await actions.getByRole("button", { name: "Ajouter" }).click();
    await actions.getByRole("cell", { name: "Renforcer le système de suivi-évaluation physique des projets" }).waitFor();

    // The participant list pasted from the minutes' table, then one person marked excused.
    const attendance = page.getByRole("region", { name: "Liste de présence" });
    await attendance
      .getByLabel("Coller la liste des participants")
      .fill(
        "N°\tNOMS ET PRENOMS\tFONCTIONS\tSTRUCTURES\n01\tAwa Traoré\tSecrétaire générale\tMAECI\n02\tIbrahima Cissé\tChef de division\tDNPD",
      );
    await attendance.getByText("2 participant(s) lu(s).").waitFor();
    await attendance.getByRole("button", { name: "Remplacer la liste par ce tableau" }).click();
    await attendance.getByRole("cell", { name: "Ibrahima Cissé" }).waitFor();
    await attendance.getByRole("combobox", { name: "Présence — Ibrahima Cissé" }).click();
    await option(page, "Excusé").click();
    await expect
      .poll(() => attendance.getByRole("combobox", { name: "Présence — Ibrahima Cissé" }).inputValue())
      .toBe("Excusé");

    expect(await rawCodes(page), "codes on the session screen").toEqual([]);
    expect(await accessibilityProblems(page), "session").toEqual([]);
    await shot(page, "committee-session");

    await page.getByRole("button", { name: "Télécharger" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("menuitem", { name: "Compte rendu (Word)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("compte-rendu-2024-01-25.docx");
    const bytes = await readFile((await download.path()) ?? "");
    const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("Renforcer le système de suivi-évaluation physique des projets");
    expect(xml).toContain("Implication effective depuis mars");
    expect(xml).toContain("Le rapport est adopté sous réserve des corrections.");
    expect(xml).toMatch(/Ibrahima Cissé[\s\S]*Excusé/);
    await context.close();
  });

  it("lists the recommendations with filters and their overall situation", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.getByRole("link", { name: "Suivi des recommandations" }).click();
    await page.getByRole("heading", { name: "Recommandations et points d'action" }).waitFor();
    await page.getByLabel("Structures ou personnes responsables").fill("MEF");
    await expect.poll(() => page.getByRole("row").count()).toBe(2);
    expect(await page.getByRole("row").nth(1).textContent()).toContain("Maintenir le budget accordé à la CPS/SCI");
    expect(await accessibilityProblems(page), "recommendations").toEqual([]);
    // Its dated history: where the annual report put it.
    await page.getByRole("button", { name: "Maintenir le budget accordé à la CPS/SCI" }).click();
    const drawer = page.getByRole("dialog", { name: "Recommandation" });
    await drawer.getByRole("cell", { name: "État d'exécution présenté au rapport d'activités 2023." }).waitFor();
    expect(await drawer.getByRole("row").nth(1).textContent()).toContain("Non exécutée");
    await context.close();
  });
});
