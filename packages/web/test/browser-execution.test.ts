// The execution of an approved plan in a real browser: the CPS/SCI's 2023
// figures as the report gives them, then an editor recording an activity as
// done with an observation and a payment, and the node and plan rates moving.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, amount, cspViolations, hasChromium, pageErrors, rawCodes, type Running, SCREENSHOTS, signIn, startAppAndBrowser } from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

/** Portfolio → CPS-SCI-PA → its 2023 plan → the Exécution tab. */
async function openCps2023Execution(page: Page): Promise<void> {
  await page.getByRole("link", { name: "CPS-SCI-PA", exact: true }).click();
  await page.getByRole("heading", { name: "Plans de travail" }).waitFor();
  await page.getByRole("link", { name: /Plan d'action 2023/ }).first().click();
  await page.getByRole("tab", { name: "Exécution" }).click();
  await page.getByTestId("rate-physical").waitFor();
}

const value = (page: Page, card: string) => page.getByTestId(`${card}-value`).textContent();
const nodeRate = (page: Page, code: string) => page.getByTestId("node-rates").locator(`tr[data-node="${code}"] td`).nth(2).textContent();

describe.skipIf(!hasChromium)("execution in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("shows a viewer the CPS/SCI 2023 rates with their formulas, 2022's rate, the objectives and the BSI / operating split", async () => {
    const { page, context } = await signIn(running, "viewer");
    await openCps2023Execution(page);
    await expect.poll(() => value(page, "rate-physical")).toMatch(amount("63,64 %"));
    const physical = page.getByTestId("rate-physical");
    expect(await physical.textContent()).toContain("activités réalisées ÷ activités programmées");
    expect(await physical.textContent()).toMatch(amount("14 / 22 activités"));
    expect(await physical.textContent()).toMatch(amount("64,71 % en 2022"));
    expect(await value(page, "rate-committed")).toMatch(amount("76,49 %"));
    expect(await page.getByTestId("rate-committed").textContent()).toContain("engagé ÷ crédit de paiement");
    expect(await value(page, "rate-paid")).toMatch(amount("42,33 %"));
    // A viewer reads; nothing is editable.
    expect(await page.getByRole("combobox", { name: /^Statut — 1\.1\.1/ }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: /Crédits/ }).count()).toBe(0);
    await shot(page, "execution-rates");
    await page.getByRole("table", { name: "Activités" }).screenshot({ path: join(SCREENSHOTS, "execution-activities.png") });
    expect(await rawCodes(page), "codes on the execution screen").toEqual([]);
    expect(await accessibilityProblems(page), "execution").toEqual([]);

    await page.getByRole("tab", { name: "Par élément du cadre" }).click();
    await expect.poll(() => nodeRate(page, "1")).toMatch(amount("91,67 %"));
    expect(await nodeRate(page, "5")).toMatch(amount("33,33 %"));
    expect(await nodeRate(page, "6")).toMatch(amount("0,00 %"));
    expect(await nodeRate(page, "4")).toMatch(amount("100,00 %"));
    await shot(page, "execution-nodes");

    await page.getByRole("tab", { name: "Dépenses" }).click();
    const split = page.getByTestId("by-category");
    await expect.poll(() => split.getByRole("row").filter({ hasText: "BSI" }).textContent()).toMatch(amount("90 402 501"));
    expect(await split.getByRole("row").filter({ hasText: "FONCT" }).textContent()).toMatch(amount("8 113 130"));
    await page.getByRole("tab", { name: /Alertes/ }).click();
    await page.getByText(/Liquidé 20\s402\s581\sF\sCFA, au-delà de l'engagé 20\s402\s501\sF\sCFA/).waitFor();
    await context.close();
  });

  it("lets the editor record an activity as done with an observation and a payment; the node and plan rates follow", async () => {
    const { page, context } = await signIn(running, "editor");
    await openCps2023Execution(page);
    await expect.poll(() => value(page, "rate-physical")).toMatch(amount("63,64 %"));
    // 1.3.2 was not executed (budget constraints): record it done for the year.
    await page.getByRole("combobox", { name: /^Statut — 1\.3\.2/ }).click();
    await page.getByRole("option", { name: "Réalisée" }).click();
    await page.getByText(/1\.3\.2 : enregistré pour Année 2023/).waitFor();
    await expect.poll(() => value(page, "rate-physical")).toMatch(amount("68,18 %"));
    expect(await page.getByTestId("rate-physical").textContent()).toMatch(amount("15 / 22 activités"));
    const observations = page.getByRole("textbox", { name: /^Observations — 1\.3\.2/ });
    await observations.fill("Mission conjointe avec la DGME");
    await observations.press("Enter");
    await expect.poll(() => observations.inputValue()).toBe("Mission conjointe avec la DGME");
    await page.getByText(/1\.3\.2 : enregistré pour Année 2023/).waitFor();

    // A payment on its line, from the activity's details.
    await page.getByRole("button", { name: /^Détails et dépenses — 1\.3\.2/ }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("combobox", { name: "Ligne budgétaire" }).click();
    await page.getByRole("option", { name: /Participation aux missions de suivi/ }).click();
    await drawer.getByRole("combobox", { name: "Étape" }).click();
    await page.getByRole("option", { name: "Engagement" }).click();
    await drawer.getByLabel("Date").fill("2023-11-20");
    // A bad amount is refused in the form, naming the value; nothing is sent, the page stays.
    await drawer.getByLabel("Montant").fill("4 500 000,5");
    await drawer.getByRole("button", { name: "Ajouter" }).click();
    await drawer.getByRole("alert").filter({ hasText: /« 4 500 000,5 » a des décimales, or les montants en XOF sont entiers/ }).waitFor();
    await drawer.getByLabel("Montant").fill("4 500 000");
    await drawer.getByLabel("Référence").fill("ENG-2023-132");
    await drawer.getByRole("button", { name: "Ajouter" }).click();
    await drawer.getByRole("row").filter({ hasText: "ENG-2023-132" }).waitFor();
    await drawer.getByText(/engagé 4\s500\s000\sF\sCFA/).waitFor();
    // The mission's report as evidence, downloadable from the list.
    await drawer.locator("input[type=file]").setInputFiles({ name: "rapport-mission-132.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 rapport") });
    await drawer.getByLabel("Intitulé (facultatif)").fill("Rapport de mission");
    await drawer.getByRole("button", { name: "Joindre" }).click();
    await drawer.getByRole("link", { name: "Rapport de mission" }).waitFor();
    await shot(page, "execution-drawer");
    await page.keyboard.press("Escape");

    // Committed 98 515 631 + 4 500 000 = 103 015 631 over the 128 799 000 payment credit.
    await expect.poll(() => value(page, "rate-committed")).toMatch(amount("79,98 %"));
    await page.getByRole("tab", { name: "Par élément du cadre" }).click();
    await expect.poll(() => nodeRate(page, "1")).toMatch(amount("100,00 %"));
    await shot(page, "execution-after-entry");

    // The other session sees it after a reload: it reached the server.
    await page.reload();
    await page.getByRole("tab", { name: "Exécution" }).click();
    await expect.poll(() => value(page, "rate-physical")).toMatch(amount("68,18 %"));
    await context.close();
  });

  it("enters a quarter as its own period and marks what changed since the previous one", async () => {
    const { page, context } = await signIn(running, "editor");
    await openCps2023Execution(page);
    await page.getByRole("radiogroup", { name: "Période de suivi" }).getByText("Trimestre").click();
    await page.getByRole("combobox", { name: "Période", exact: true }).click();
    await page.getByRole("option", { name: "4e trimestre 2023" }).click();
    await page.getByText(/Saisie pour 4e trimestre 2023/).waitFor();
    const status = page.getByRole("combobox", { name: /^Statut — 3\.1\.3/ });
    await status.click();
    await page.getByRole("option", { name: "En cours" }).click();
    await page.getByText(/3\.1\.3 : enregistré pour 4e trimestre 2023/).waitFor();
    await page.getByRole("radiogroup", { name: "Afficher" }).getByText("Modifiées depuis la période précédente").click();
    await expect.poll(() => page.getByTestId("execution-row").count()).toBeGreaterThan(0);
    // The saved message shows before the plan's execution is read again.
    const changed = page.getByTestId("execution-row").filter({ hasText: "3.1.3" }).getByTestId("changed");
    await changed.first().waitFor();
    expect(await changed.count()).toBe(1);
    await shot(page, "execution-quarter");
    await context.close();
  });

  it("imports an export of the finance system: previews it, writes it once, and lists the row that matches nothing", async () => {
    const { page, context } = await signIn(running, "editor");
    await openCps2023Execution(page);
    await page.getByRole("tab", { name: "Dépenses" }).click();
    const csv = [
      "Date;Imputation;Nature de l'opération;Montant;Référence;Bénéficiaire",
      "05/12/2023;3.1.3;Engagement;2 000 000;ENG-2023-313;Bibliothèque numérique SARL",
      "20/12/2023;3.1.3;Mandat;2 000 000;MDT-2023-313;Bibliothèque numérique SARL",
      "21/12/2023;9.9;Mandat;500 000;MDT-2023-X;Inconnu",
    ].join("\n");
    const importOnce = async () => {
      await page.getByRole("button", { name: "Importer un export du système financier…" }).click();
      const dialog = page.getByRole("dialog", { name: "Importer les engagements, liquidations et paiements" });
      await dialog.locator("input[type=file]").setInputFiles({ name: "situation-dfm.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await dialog.getByRole("button", { name: "Lire le fichier" }).click();
      await dialog.getByTestId("finance-to-write").waitFor();
      return dialog;
    };
    const dialog = await importOnce();
    expect(await dialog.getByTestId("finance-to-write").textContent()).toBe("2");
    expect(await dialog.getByTestId("finance-findings").textContent()).toBe("1");
    await dialog.getByText(/Ligne 4 — Code « 9\.9 » : ni une activité, ni le compte d'une ligne budgétaire/).waitFor();
    await shot(page, "execution-finance-import");
    await dialog.getByRole("button", { name: "Enregistrer 2 opérations" }).click();
    await dialog.getByText(/2 opération\(s\) enregistrée\(s\) ; 0 déjà importée/).waitFor();
    await dialog.getByRole("button", { name: "Fermer" }).click();
    // 103 015 631 + 2 000 000 committed over the 128 799 000 payment credit.
    await expect.poll(() => value(page, "rate-committed")).toMatch(amount("81,53 %"));

    const again = await importOnce();
    expect(await again.getByTestId("finance-to-write").textContent()).toBe("0");
    expect(await again.getByTestId("finance-already").textContent()).toBe("2");
    expect(await again.getByRole("button", { name: /Enregistrer 0 opération/ }).isDisabled()).toBe(true);
    await context.close();
  });
});
