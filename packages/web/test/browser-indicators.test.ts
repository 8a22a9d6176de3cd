// The results framework in a real browser: the PBF table with its figures and
// colours, then an editor entering a value broken down by sex on the entry
// screen, an approver validating it, and the indicator's status changing.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  amount,
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
const row = (page: Page, code: string) =>
  page
    .getByRole("table", { name: "Cadre de résultats et indicateurs" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: code, exact: true }) });
const cells = async (page: Page, code: string) =>
  (await row(page, code).getByRole("cell").allTextContents()).map((c) => c.replace(/\s+/g, " ").trim());

async function openFramework(page: Page): Promise<void> {
  await page.getByRole("link", { name: "PBF/MLI/A-2", exact: true }).click();
  await page.getByRole("link", { name: "Ouvrir le cadre de résultats" }).click();
  await page.getByRole("table", { name: "Cadre de résultats et indicateurs" }).waitFor();
}

describe.skipIf(!hasChromium)("indicators in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("shows a viewer the PBF framework as the report gives it, with achievement, breakdown and status", async () => {
    const { page, context } = await signIn(running, "viewer");
    await openFramework(page);
    const trained = await cells(page, "1.1.1");
    expect(trained[0]).toContain("Nombre des personnes formées");
    expect(trained[4]).toMatch(amount("15dont 6 femmes (40,00 %)"));
    expect(trained[5]).toMatch(amount("50,00 %"));
    expect(trained[6]).toBe("En bonne voie");
    expect((await cells(page, "1.2.2"))[5]).toMatch(amount("37,50 %"));
    expect((await cells(page, "1.2.1"))[6]).toBe("En retard");
    // A viewer reads: no entry or definition buttons.
    expect(await page.getByRole("button", { name: "Ajouter un indicateur" }).count()).toBe(0);
    await shot(page, "indicators-framework");
    expect(await rawCodes(page), "codes on the framework screen").toEqual([]);
    expect(await accessibilityProblems(page), "framework").toEqual([]);

    await page.getByRole("link", { name: "1.1.1", exact: true }).click();
    await page.getByRole("heading", { name: /^1\.1\.1 — Nombre des personnes formées/ }).waitFor();
    await page.getByRole("table", { name: "Ventilation de la valeur actuelle" }).getByText("Femmes").waitFor();
    await shot(page, "indicator-page");
    expect(await accessibilityProblems(page), "indicator page").toEqual([]);
    await context.close();
  });

  it("has an editor enter a disaggregated value, an approver validate it, and the status change", async () => {
    const editor = await signIn(running, "editor");
    await openFramework(editor.page);
    await editor.page.getByRole("link", { name: "Saisir les valeurs" }).click();
    await editor.page.getByRole("textbox", { name: "Année" }).fill("2021");
    await editor.page.getByRole("combobox", { name: "Période" }).click();
    await editor.page.getByRole("option", { name: /1er semestre 2021/ }).click();
    await editor.page.getByRole("heading", { name: "Saisie des valeurs — 1er semestre 2021" }).waitFor();
    await editor.page.waitForLoadState("networkidle");
    await editor.page.getByRole("textbox", { name: "1.1.1 — Valeur" }).fill("22");
    await editor.page.getByRole("textbox", { name: "1.1.1 — Femmes" }).fill("10");
    await editor.page.getByRole("textbox", { name: "1.1.1 — Commentaire" }).fill("Deux sessions à Mopti");
    await editor.page.getByRole("button", { name: "1.1.1 — Enregistrer" }).click();
    const card = editor.page.locator("[data-indicator=\"1.1.1\"]");
    await card.getByText("Saisie", { exact: true }).waitFor();
    // Not validated yet: the approver's buttons are not the editor's.
    expect(await card.getByRole("button", { name: "1.1.1 — Valider" }).count()).toBe(0);
    await shot(editor.page, "indicators-entry-editor");
    expect(await accessibilityProblems(editor.page), "entry screen").toEqual([]);
    await editor.page.getByRole("link", { name: /Retour au cadre de résultats/ }).click();
    await expect.poll(async () => (await cells(editor.page, "1.1.1"))[0]).toMatch(amount("22 à valider"));
    expect((await cells(editor.page, "1.1.1"))[6]).toBe("En bonne voie");
    await editor.context.close();

    const approver = await signIn(running, "approver");
    await approver.page.goto(
      `${running.url}/projects/${await projectId(approver.page, running.url)}/indicators/saisie?year=2021&period=S1`,
    );
    const approverCard = approver.page.locator("[data-indicator=\"1.1.1\"]");
    expect(await approverCard.getByRole("textbox", { name: "1.1.1 — Valeur" }).inputValue()).toBe("22");
    await approverCard.getByRole("button", { name: "1.1.1 — Valider" }).click();
    await approverCard.getByText("Validée", { exact: true }).waitFor();
    await approver.page.getByRole("link", { name: /Retour au cadre de résultats/ }).click();
    await expect.poll(async () => (await cells(approver.page, "1.1.1"))[6]).toBe("À risque");
    const after = await cells(approver.page, "1.1.1");
    expect(after[4]).toMatch(amount("22dont 10 femmes (45,45 %)"));
    expect(after[5]).toMatch(amount("73,33 %"));
    await shot(approver.page, "indicators-after-validation");
    await approver.context.close();
  });
});

async function projectId(page: Page, base: string): Promise<string> {
  const response = await page.request.get(`${base}/api/v1/projects?q=PBF`);
  const body = (await response.json()) as { items: { id: string; code: string }[] };
  return body.items.find((p) => p.code === "PBF/MLI/A-2")!.id;
}
