// The plan editor's import wizard and plan versions in Debian's Chromium, as a
// planning officer meets them: a file dropped or browsed for, what each column
// holds, the tree the import will create with its findings in place, what
// happens to the year's versions; then which version of a year is in force.
// Screenshots go to artifacts/screenshots (not committed).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awpXlsx, pgsmSampleText } from "../../server/test/fixtures/workplans.ts";
import {
  accessibilityProblems, amount, apiSession, cell, cspViolations, hasChromium, pageErrors, rawCodes, type Running, SCREENSHOTS,
  signIn, startAppAndBrowser,
} from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const SAMPLES = new URL("../../../../shared/samples/", import.meta.url);
const CPS_FIXTURE = new URL("../../core/src/import/fixtures/cps-plan-action-2024.txt", import.meta.url);

/** The CPS 2024 action plan as a user copies it out of the shared report (its table only), else the same table kept in core. */
function cpsPlanText(): string {
  const report = new URL("cps-sci-rapport-2023-plan-action-2024.txt", SAMPLES);
  if (!existsSync(report)) return readFileSync(CPS_FIXTURE, "utf8");
  const lines = readFileSync(report, "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("OBJECTIFS\tRESULTATS\tACTIVITES\tINDICATEURS"));
  const end = lines.findIndex((l) => l.startsWith("COUT TOTAL DES ACTIVITES"));
  return lines.slice(start, end + 1).join("\n");
}

/** The PGSM 2022 plan as the team shares it (the sample beside the repository), else the same sheet kept with the tests. */
function pgsmText(): string {
  const sample = new URL("pgsm-ptba-2022-composante-b.txt", SAMPLES);
  return existsSync(sample) ? readFileSync(sample, "utf8") : pgsmSampleText();
}

/** Drops a file on the wizard's drop zone, as a file dragged from the desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId("drop-zone").evaluate((zone, [fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content ?? ""], fileName ?? "", { type: "text/plain" }));
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
}

async function openWizard(page: Page, project: string) {
  await page.getByRole("link", { name: project, exact: true }).click();
  await page.getByRole("button", { name: "Importer un fichier Excel" }).click();
  return page.getByRole("dialog", { name: "Importer un plan de travail" });
}

describe.skipIf(!hasChromium)("the import wizard and plan versions in a real browser", { timeout: 180_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("imports the PGSM sample dropped on the wizard: samples under each column, the tree with totals and findings in place, the versions", async () => {
    const { page, context } = await signIn(running, "editor");
    const wizard = await openWizard(page, "PGSM");
    await wizard.getByText("Déposez le fichier du plan ici").waitFor();
    await wizard.getByRole("button", { name: "Parcourir…" }).waitFor();
    await dropFile(page, "PTBA 2022 v2.txt", pgsmText());
    await wizard.getByText(/PTBA 2022 v2\.txt \(\d+ Ko\)/).waitFor();
    await expect.poll(() => wizard.getByLabel("Année du plan").inputValue()).toBe("2022");
    await wizard.getByRole("button", { name: "Lire le fichier" }).click();

    // Each column's first values under its meaning.
    const quantity = wizard.getByLabel("Signification : QTE", { exact: true });
    await expect.poll(() => quantity.inputValue()).toBe("Quantité");
    const samplesOf = (header: string) => wizard.getByRole("row").filter({ hasText: header }).getByTestId("column-samples").textContent();
    expect(await samplesOf("QTE")).toBe("Exemples : 1 · 2 · 3000");
    expect(await samplesOf("Date limite de réalisation")).toMatch(/^Exemples : fevrier 2022 · Mar-22/);
    await shot(page, "import-columns");
    expect(await accessibilityProblems(page), "column step").toEqual([]);
    await wizard.getByRole("button", { name: "Relire avec ces colonnes" }).click();

    const tree = wizard.getByTestId("import-tree");
    await tree.waitFor();
    await expect.poll(() => wizard.textContent()).toMatch(/9 activités, 15 lignes budgétaires, total 465\s000\s000\sF\sCFA/);
    // The outlook reads the project's plans, loaded beside the import.
    await expect
      .poll(() => wizard.getByTestId("version-outlook").textContent())
      .toBe(
        "Le plan sera importé comme version 2 de 2022, en brouillon. La version 1 (brouillon) reste inchangée ; quand la version 2 sera approuvée, elle la remplacera.",
      );
    // Groups, activities and lines with their totals: B1 127 000 000, B2 338 000 000.
    const treeRow = (text: string | RegExp) => tree.locator("tr").filter({ hasText: text }).first();
    expect(await treeRow(/^▾B1/).textContent()).toMatch(amount("127 000 000"));
    expect(await treeRow(/^▾B2/).textContent()).toMatch(amount("338 000 000"));
    // The study's line has no label of its own in the sheet: it takes the activity's title, and its finding sits under it.
    const study = tree.locator("tr[data-kind=line]").filter({ hasText: "Réalisation d'une étude sectorielle sur l'emploi" });
    expect(await study.count()).toBe(1);
    const under = study.locator("xpath=following-sibling::tr[1]");
    expect(await under.textContent()).toMatch(/Montant saisi différent de quantité × prix unitaire.*Ligne 16, colonne G/);
    // Folding a group hides what it holds.
    const lines = await tree.locator("tr[data-kind=line]").count();
    await tree.getByRole("button", { name: "Replier B1" }).click();
    await expect.poll(() => tree.locator("tr[data-kind=line]").count()).toBe(lines - 4);
    await tree.getByRole("button", { name: "Déplier B1" }).click();
    expect(await wizard.getByLabel("Titre du plan").inputValue()).toBe("PTBA 2022");
    expect(await rawCodes(page), "codes in the import preview").toEqual([]);
    await shot(page, "import-tree");
    expect(await accessibilityProblems(page), "preview step").toEqual([]);

    await wizard.getByRole("button", { name: "Importer comme nouvelle version" }).click();
    await page.getByRole("heading", { name: "PTBA 2022 — version 2" }).waitFor();
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    await page.getByRole("button", { name: "Replier B1" }).click();
    expect(await cell(page, "Réalisation d'une étude sectorielle sur l'emploi", "label").textContent()).toBe(
      "Réalisation d'une étude sectorielle sur l'emploi généré par le secteur extractif",
    );
    // The project's list: the year, the title once, the version in its own column.
    await page.getByRole("link", { name: /PGSM —/ }).click();
    const list = page.getByRole("table", { name: "Plans de travail" });
    await list.getByRole("row").nth(1).waitFor();
    expect(await list.locator("th").allTextContents()).toEqual(["Année", "Plan", "Version", "Statut du plan", "Situation"]);
    // The list kept from the first visit may show until it is read again: wait for the new version on top.
    await expect
      .poll(() => list.getByRole("row").nth(1).locator("td").allTextContents())
      .toEqual(["2022", "PTBA 2022", "2", "Brouillon", ""]);
    await context.close();
  });

  it("imports the CPS action plan pasted from the report and a UNDP AWP workbook browsed for", async () => {
    const { page, context } = await signIn(running, "editor");
    let wizard = await openWizard(page, "CPS-SCI-PA");
    await wizard.getByLabel("… ou collez les cellules copiées depuis Excel").fill(cpsPlanText());
    await wizard.getByLabel("Année du plan").fill("2024");
    await wizard.getByRole("button", { name: "Lire le fichier" }).click();
    await wizard.getByRole("button", { name: "Relire avec ces colonnes" }).click();
    const tree = wizard.getByTestId("import-tree");
    await tree.waitFor();
    await expect.poll(() => wizard.textContent()).toMatch(/20 activités, \d+ lignes budgétaires, total 71\s500\s000\sF\sCFA/);
    await expect
      .poll(() => wizard.getByTestId("version-outlook").textContent())
      .toMatch(/version 2 de 2024.*La version 1 \(approuvée, en vigueur\) reste inchangée/);
    expect(await tree.locator("tr[data-kind=activity]").filter({ hasText: "PM" }).count()).toBeGreaterThan(3);
    await shot(page, "import-cps-tree");
    await wizard.getByRole("button", { name: "Annuler" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Portefeuille" }).click();

    // A UNDP AWP workbook: outputs, activities, budget lines named by their accounts.
    wizard = await openWizard(page, "PBF/MLI/A-2");
    const { buffer } = await awpXlsx();
    await wizard.locator("input[type=file]").setInputFiles({ name: "AWP_2021_final_v3.xlsx", mimeType: "application/octet-stream", buffer });
    await wizard.getByRole("button", { name: "Lire le fichier" }).click();
    await wizard.getByRole("button", { name: "Relire avec ces colonnes" }).click();
    const awpTree = wizard.getByTestId("import-tree");
    await awpTree.waitFor();
    expect(await awpTree.locator("tr[data-kind=line]").filter({ hasText: /\d{5}/ }).count()).toBeGreaterThan(0);
    expect(await wizard.getByTestId("version-outlook").textContent()).toMatch(/C'est le premier plan de \d{4} pour ce projet\./);
    expect(await wizard.getByLabel("Titre du plan").inputValue()).toBe("AWP 2021 final");
    await shot(page, "import-awp-tree");
    await context.close();
  });

  it("marks the versions an approval supersedes, on the project's list and the plan page, and closes them", async () => {
    const editorApi = await apiSession(running, "editor");
    const approverApi = await apiSession(running, "approver");
    const [project] = ((await editorApi.get("/projects?q=PBF")) as { items: { id: string }[] }).items;
    type Plan = { id: string; version: number; planVersion: number };
    const v1 = (await editorApi.post(`/projects/${project?.id}/workplans`, { year: 2021 })) as Plan;
    const nodes = (await editorApi.get(`/projects/${project?.id}/nodes`)) as { id: string; code: string }[];
    const outcome = nodes.find((n) => n.code === "1");
    await editorApi.post(`/workplans/${v1.id}/activities`, {
      title: "Atelier régional de lancement",
      resultNodeId: outcome?.id,
      budgetLines: [{ description: "Salle", quantity: "1", unitCost: "900" }],
    });
    const v2 = (await editorApi.post(`/projects/${project?.id}/workplans`, { year: 2021, copyFromId: v1.id })) as Plan;
    const submitted = (await editorApi.post(`/workplans/${v2.id}/transitions`, { action: "submit", version: v2.version })) as Plan;
    await approverApi.post(`/workplans/${v2.id}/transitions`, { action: "approve", version: submitted.version });

    const { page, context } = await signIn(running, "editor");
    await page.getByRole("link", { name: "PBF/MLI/A-2", exact: true }).click();
    const list = page.getByRole("table", { name: "Plans de travail" });
    const row = (version: string) => list.getByRole("row").filter({ has: page.getByRole("cell", { name: version, exact: true }) }).filter({ hasText: "2021" });
    await expect.poll(() => row("2").textContent()).toMatch(/Approuvé.*En vigueur/i);
    expect(await row("1").textContent()).toMatch(/Brouillon.*Remplacé par la version 2/);
    await shot(page, "plan-versions");
    expect(await accessibilityProblems(page), "plan list").toEqual([]);

    await row("1").getByRole("link").click();
    await page.getByRole("grid").waitFor();
    await page.getByTestId("superseded").getByText("Remplacé par la version 2, approuvée : ce plan est conservé pour mémoire et ne se modifie plus.").waitFor();
    for (const name of ["Soumettre", "Ajouter une activité", "Nouvelle version"]) expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    await cell(page, "Salle", "quantity").dblclick();
    expect(await page.getByRole("grid").locator("input").count()).toBe(0);
    await shot(page, "plan-superseded");
    await page.getByRole("link", { name: "Ouvrir la version 2" }).click();
    await page.getByRole("heading", { name: "PTBA 2021 — version 2" }).waitFor();
    await page.getByTestId("standing").getByText("En vigueur").waitFor();
    await context.close();
  });
});
