// The web app in Debian's Chromium against a real server, as its users would
// use it. Screenshots go to artifacts/screenshots (not committed).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { pgsmSampleText } from "../../server/test/fixtures/workplans.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, amount, apiSession, cell, cspViolations, gridRow, grouped, hasChromium, openPgsmPlan, pageErrors, rawCodes, planTotal, type Running, SCREENSHOTS, signIn, startAppAndBrowser, typeInto, watch } from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

describe.skipIf(!hasChromium)("the web app in a real browser", { timeout: 180_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("offers an accessible sign-in screen and refuses a wrong password with a clear message", async () => {
    const context = await running.browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    watch(page, "anonymous");
    await page.goto(running.url);
    await page.getByLabel("Adresse électronique").fill("editor@baara.example");
    expect(await accessibilityProblems(page), "sign-in").toEqual([]);
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/mot de passe/i);
    await context.close();
  });

  it("shows the editor the PGSM plan: 465 000 000 F CFA and the flagged quantity × price row", async () => {
    const { page, context } = await signIn(running, "editor");
    await expect.poll(() => page.getByRole("row").filter({ hasText: "PGSM" }).textContent()).toMatch(amount("465 000 000 F CFA"));
    await shot(page, "portfolio");
    expect(await accessibilityProblems(page), "portfolio").toEqual([]);
    await page.getByRole("link", { name: "PGSM", exact: true }).click();
    await page.getByRole("tree", { name: "Cadre de résultats" }).waitFor();
    await shot(page, "project");
    expect(await accessibilityProblems(page), "project").toEqual([]);
    await page.getByRole("link", { name: /PTBA 2022/ }).first().click();
    await page.getByRole("grid").waitFor();
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    // Titles wrap over several lines: B1 folded brings B2's lines into view.
    await page.getByRole("button", { name: "Replier B1" }).click();
    const flagged = cell(page, "Étude sectorielle sur l'emploi", "amount");
    await expect.poll(() => flagged.getAttribute("class")).toContain("has-finding");
    expect(await page.getByRole("listitem").filter({ hasText: "Montant saisi différent de quantité × prix unitaire" }).count()).toBe(1);
    expect(await rawCodes(page), "codes on the plan screen").toEqual([]);
    await shot(page, "workplan-grid");
    expect(await accessibilityProblems(page), "plan").toEqual([]);
    await context.close();
  });

  it("recomputes sub-totals and total when the editor changes a quantity, and undoes it", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    await typeInto(page, "multiplier les rapports ITIE", "quantity", "4 000");
    // 4 000 × 4 000 = 16 000 000 instead of 12 000 000: B1 and the total move by 4 000 000.
    await expect.poll(() => cell(page, "multiplier les rapports ITIE", "amount").textContent()).toMatch(amount("16 000 000"));
    await expect.poll(() => cell(page, "Amélioration de la transparence", "amount", "node").textContent()).toMatch(amount("131 000 000"));
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("469 000 000 F CFA"));
    // The change reached the server: another session sees it.
    const other = await signIn(running, "manager");
    await openPgsmPlan(other.page);
    await expect.poll(() => other.page.getByTestId("plan-total").textContent()).toMatch(amount("469 000 000 F CFA"));
    await other.context.close();
    await cell(page, "multiplier les rapports ITIE", "label").click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    await expect.poll(() => cell(page, "multiplier les rapports ITIE", "quantity").textContent()).toMatch(amount("3 000"));
    await page.reload();
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    await context.close();
  });

  it("refuses a bad value at its cell with a message, keeps the cell's value and the page, and reads « 4 500 FCFA »", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    const row = "multiplier les rapports ITIE";
    const cases: ["quantity" | "unitCost" | "amount", string, RegExp][] = [
      ["quantity", "-5", /« -5 » est négatif/],
      ["unitCost", "1.234,5", /« 1\.234,5 » a des décimales, or les montants en XOF sont entiers/],
      ["amount", "douze", /« douze » n'est pas un nombre/],
      ["quantity", "0,1234", /plus de 3 décimales/],
      ["unitCost", "12 %", /« 12 % » n'est pas un nombre/],
    ];
    for (const [column, value, message] of cases) {
      const before = await cell(page, row, column).textContent();
      await typeInto(page, row, column, value);
      await expect.poll(() => page.getByRole("alert").filter({ hasText: message }).count(), { message: `${column} ${value}` }).toBe(1);
      expect(await cell(page, row, column).textContent()).toBe(before);
      await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    }
    await shot(page, "workplan-bad-cell");
    await typeInto(page, row, "unitCost", "4 500 FCFA");
    await expect.poll(() => cell(page, row, "amount").textContent()).toMatch(amount("13 500 000"));
    await cell(page, row, "label").click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    await context.close();
  });

  it("pastes a 3×3 block copied from Excel into quantities, unit costs and amounts", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    const before = await planTotal(page);
    const b1Before = Number((await cell(page, "Amélioration de la transparence", "amount", "node").textContent())?.replace(/\D/g, ""));
    const replaced = async () => {
      let sum = 0;
      for (const text of ["Dissiminer les rapport ITIE 2019", "restituer l'étude", "multiplier les rapports ITIE"]) {
        sum += Number((await cell(page, text, "amount").textContent())?.replace(/\D/g, ""));
      }
      return sum;
    };
    const oldAmounts = await replaced();
    // A block selected with shift+click goes to Excel as tab-separated raw values.
    await cell(page, "Dissiminer les rapport ITIE 2019", "quantity").click();
    await cell(page, "restituer l'étude", "amount").click({ modifiers: ["Shift"] });
    await expect.poll(() => page.locator(".in-range").count()).toBe(6);
    await page.keyboard.press("Control+c");
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("1\t35000000\t35000000\n2\t15000000\t30000000");
    await page.keyboard.press("Escape");
    await cell(page, "Dissiminer les rapport ITIE 2019", "quantity").click();
    const block = "2\t10 000 000\t20 000 000\n3\t5 000 000\t15 000 000\n2000\t3 000\t6 000 000\n";
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, block);
    await expect.poll(() => page.getByRole("status").textContent()).toContain("9 cellules collées");
    await expect.poll(() => cell(page, "Dissiminer les rapport ITIE 2019", "unitCost").textContent()).toMatch(amount("10 000 000"));
    await expect.poll(() => cell(page, "restituer l'étude", "amount").textContent()).toMatch(amount("15 000 000"));
    await expect.poll(() => cell(page, "multiplier les rapports ITIE", "quantity").textContent()).toMatch(amount("2 000"));
    // The three lines now hold 20 + 15 + 6 = 41 M: B1 and the total move by the same difference.
    const delta = 41_000_000 - oldAmounts;
    await expect.poll(() => cell(page, "Amélioration de la transparence", "amount", "node").textContent()).toMatch(grouped(b1Before + delta));
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(grouped(before + delta));
    await context.close();
  });

  it("shows a stale edit as a conflict with the other person's value, and loses neither", async () => {
    const first = await signIn(running, "editor");
    const second = await signIn(running, "manager");
    await openPgsmPlan(first.page);
    await openPgsmPlan(second.page);
    const before = await planTotal(first.page);
    const quantityBefore = Number(await cell(first.page, "produire le rapport ITIE 2021", "quantity").textContent());
    expect(quantityBefore).toBe(1);
    await typeInto(first.page, "produire le rapport ITIE 2021", "quantity", "2");
    // One more report at 50 M.
    await expect.poll(() => first.page.getByTestId("plan-total").textContent()).toMatch(grouped(before + 50_000_000));
    // The second session still holds the old version of the line.
    await typeInto(second.page, "produire le rapport ITIE 2021", "quantity", "3");
    const dialog = second.page.getByRole("dialog", { name: "Modification concurrente" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Valeur actuelle : 2\b.*Votre saisie : 3\b/);
    await shot(second.page, "conflict");
    await dialog.getByRole("button", { name: "Appliquer ma valeur" }).click();
    await expect.poll(() => cell(second.page, "produire le rapport ITIE 2021", "quantity").textContent()).toBe("3");
    await first.page.reload();
    await expect.poll(() => cell(first.page, "produire le rapport ITIE 2021", "quantity").textContent()).toBe("3");
    await first.context.close();
    await second.context.close();
  });

  it("toggles months in the chronogram", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    await page.getByRole("tab", { name: "Chronogramme" }).click();
    const march = page.getByRole("button", { name: /Production d'un skech : mars/ });
    const before = await march.getAttribute("aria-pressed");
    await march.click();
    await expect.poll(() => march.getAttribute("aria-pressed")).toBe(before === "true" ? "false" : "true");
    await shot(page, "chronogram");
    expect(await accessibilityProblems(page), "chronogram").toEqual([]);
    await page.getByRole("tab", { name: "Totaux" }).click();
    await page.getByRole("table", { name: "Par trimestre" }).waitFor();
    await shot(page, "totals");
    expect(await accessibilityProblems(page), "totals").toEqual([]);
    await context.close();
  });

  it("lets the editor submit and the approver approve; the plan is then read only", async () => {
    const editor = await signIn(running, "editor");
    await openPgsmPlan(editor.page);
    await editor.page.getByRole("button", { name: "Soumettre" }).click();
    await editor.page.getByRole("dialog").getByLabel("Commentaire (facultatif)").fill("Plan prêt pour revue");
    await editor.page.getByRole("button", { name: "Confirmer" }).click();
    await editor.page.getByText("Soumis", { exact: true }).waitFor();
    await editor.context.close();

    const approver = await signIn(running, "approver");
    await openPgsmPlan(approver.page);
    await approver.page.getByRole("button", { name: "Approuver" }).click();
    await approver.page.getByRole("button", { name: "Confirmer" }).click();
    await approver.page.getByText("Approuvé", { exact: true }).waitFor();
    await approver.page.getByText(/Lecture seule : ce plan est approuvé/).waitFor();
    // The history in past participles, with the time of day.
    await approver.page.getByRole("tab", { name: "Historique" }).click();
    const at = String.raw`le \d{1,2}(er)?\s\p{L}+\s\d{4} à \d{2}:\d{2}`;
    const history = approver.page.getByRole("tabpanel", { name: "Historique" });
    await history.getByText(new RegExp(`^Soumis par Fatoumata Keïta ${at}$`, "u")).waitFor();
    await history.getByText(new RegExp(`^Approuvé par Ibrahim Coulibaly ${at}$`, "u")).waitFor();
    await history.getByText("Plan prêt pour revue").waitFor();
    expect(await history.getByText(/^(Créé|Importé|Copié) /).count()).toBe(1);
    expect(await history.textContent()).not.toMatch(/Soumettre|Approuver par/);
    await shot(approver.page, "history");
    await approver.context.close();
  });

  it("shows a viewer no edit control", async () => {
    const { page, context } = await signIn(running, "viewer");
    await openPgsmPlan(page);
    for (const name of ["Soumettre", "Approuver", "Ajouter une activité", "Ajouter une ligne budgétaire", "Nouvelle version", "Supprimer la ligne"]) {
      expect(await page.getByRole("button", { name }).count(), name).toBe(0);
    }
    await cell(page, "multiplier les rapports ITIE", "quantity").dblclick();
    expect(await page.getByRole("grid").locator("input").count()).toBe(0);
    await page.getByRole("link", { name: /PGSM —/ }).click();
    // The screen says who starts plans instead of showing nothing.
    await page.getByText("Les plans de ce projet sont créés par ses éditeurs, gestionnaires et administrateurs.").waitFor();
    expect(await page.getByRole("button", { name: "Importer un fichier Excel" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Renommer/ }).count()).toBe(0);
    await context.close();
  });

  it("lets an editor start a plan, proposing a year inside the project's period and warning outside it", async () => {
    const { page, context } = await signIn(running, "editor");
    await page.getByRole("link", { name: "PBF/MLI/A-2", exact: true }).click();
    await page.getByRole("button", { name: "Nouveau plan" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau plan" });
    // The project ran 2020–2021: not today's year.
    await expect.poll(() => dialog.getByLabel("Année").inputValue()).toBe("2021");
    expect(await dialog.getByText(/Hors de la période du projet/).count()).toBe(0);
    await dialog.getByLabel("Année").fill("2026");
    await dialog.getByText(/Hors de la période du projet \(1er\sjanvier\s2020\s→\s31\sdécembre\s2021\)/).waitFor();
    await shot(page, "new-plan-outside-period");
    await dialog.getByLabel("Année").fill("2021");
    await dialog.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { name: /2021/ }).waitFor();
    await page.getByRole("grid").waitFor();
    await context.close();
  });

  it("opens a new version and compares it with the approved one, as the editor who writes the plans", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    await page.getByRole("button", { name: "Nouvelle version" }).click();
    // A revision keeps its plan's title; the version is said once, after it.
    await page.getByRole("heading", { name: "PTBA 2022 – Composante B — version 2" }).waitFor();
    const before = await planTotal(page);
    const quantity = Number(await cell(page, "produire le rapport ITIE 2021", "quantity").textContent());
    await typeInto(page, "produire le rapport ITIE 2021", "unitCost", "51 000 000");
    // Each report costs 1 M more.
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(grouped(before + quantity * 1_000_000));
    await page.getByRole("tab", { name: "Comparer" }).click();
    await expect.poll(() => page.getByTestId("compare-difference").textContent()).toMatch(amount(`+${String(quantity * 1_000_000).replace(/\B(?=(\d{3})+(?!\d))/g, " ")}`));
    const changed = page.getByRole("row").filter({ hasText: "Modifiée" }).filter({ hasText: "produire le rapport ITIE 2021" });
    expect(await changed.count()).toBe(1);
    // The changed field with its own before and after, not the line's amounts under « Champs ».
    expect(await changed.getByTestId("compare-change").allTextContents()).toEqual([expect.stringMatching(amount("Prix unitaire : 50 000 000 → 51 000 000"))]);
    await shot(page, "comparison");
    await page.getByRole("tab", { name: "Historique" }).click();
    await page.getByText(/^Copié de la version 1 par Fatoumata Keïta le .+ à \d{2}:\d{2}$/).waitFor();
    await context.close();
  });

  it("imports the PGSM sheet through the wizard as an editor: year from the file name, columns, preview, a new version", async () => {
    const { page, context } = await signIn(running, "editor");
    await page.getByRole("link", { name: "PGSM", exact: true }).click();
    await page.getByRole("button", { name: "Importer un fichier Excel" }).click();
    const wizard = page.getByRole("dialog", { name: "Importer un plan de travail" });
    await wizard.locator("input[type=file]").setInputFiles({
      name: "pgsm-ptba-2022.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(pgsmSampleText(), "utf8"),
    });
    // The year comes from the file's name, not from today's date.
    await expect.poll(() => wizard.getByLabel("Année du plan").inputValue()).toBe("2022");
    await wizard.getByRole("button", { name: "Lire le fichier" }).click();
    // The detected mapping, which the user may correct.
    await expect.poll(() => wizard.getByLabel("Signification : QTE", { exact: true }).inputValue()).toBe("Quantité");
    await wizard.getByRole("button", { name: "Relire avec ces colonnes" }).click();
    await expect.poll(() => wizard.textContent()).toMatch(/15 lignes budgétaires, total 465\s000\s000\sF\sCFA/);
    expect(await wizard.getByRole("row").filter({ hasText: "Montant saisi différent de quantité × prix unitaire" }).count()).toBe(1);
    expect(await rawCodes(page), "codes in the import preview").toEqual([]);
    await shot(page, "import-preview");
    await wizard.getByRole("button", { name: "Importer comme nouvelle version" }).click();
    await page.getByRole("grid").waitFor();
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("465 000 000 F CFA"));
    // Named after its file, with the version once.
    expect(await page.getByRole("heading", { name: /^pgsm-ptba-2022 — version \d+$/ }).textContent()).toMatch(/version ([2-9]|\d{2,})$/);
    await page.getByRole("tab", { name: "Historique" }).click();
    await page.getByText(/^Importé depuis « pgsm-ptba-2022\.txt » par Fatoumata Keïta le .+ à \d{2}:\d{2}$/).waitFor();
    await context.close();
  });

  it("moves a budget line and an activity with one request each, and the order holds after a reload", async () => {
    const api = await apiSession(running, "manager");
    const projects = (await api.get("/projects?q=PGSM")) as { items: { id: string }[] };
    const plan = (await api.post(`/projects/${projects.items[0]?.id ?? ""}/workplans`, { year: 2031 })) as { id: string };
    for (const title of ["Activité Alpha", "Activité Bêta"]) {
      await api.post(`/workplans/${plan.id}/activities`, {
        title,
        budgetLines: ["un", "deux", "trois"].map((n) => ({ description: `${title} ligne ${n}`, quantity: "1", unitCost: "1000" })),
      });
    }
    const { page, context } = await signIn(running, "editor");
    const moves: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "GET" && request.url().includes("/api/v1/")) moves.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await page.goto(`${running.url}/workplans/${plan.id}`);
    await page.getByRole("grid").waitFor();
    const order = async (pattern: RegExp, kind = "line") =>
      (await page.locator(`[role=row].row-${kind}`).allTextContents()).map((t) => t.match(pattern)?.[0]).filter(Boolean);
    await cell(page, "Activité Alpha ligne deux", "label").click();
    await page.getByRole("button", { name: "Monter" }).click();
    await expect.poll(() => order(/Activité Alpha ligne (un|deux|trois)/)).toEqual(["Activité Alpha ligne deux", "Activité Alpha ligne un", "Activité Alpha ligne trois"]);
    await cell(page, "Activité Bêta", "label", "activity").click();
    await page.getByRole("button", { name: "Monter" }).click();
    await expect.poll(() => order(/Activité (Alpha|Bêta)/, "activity")).toEqual(["Activité Bêta", "Activité Alpha"]);
    expect(moves.filter((m) => m.endsWith("/move"))).toHaveLength(2);
    expect(moves.filter((m) => m.startsWith("PATCH"))).toEqual([]);
    await page.reload();
    await page.getByRole("grid").waitFor();
    // The activities sit under the project's whole framework, whose titles wrap: to the end of the grid.
    await page.getByRole("grid").evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
    await expect.poll(() => order(/Activité (Alpha|Bêta)/, "activity")).toEqual(["Activité Bêta", "Activité Alpha"]);
    expect((await order(/Activité Alpha ligne (un|deux|trois)/))[0]).toBe("Activité Alpha ligne deux");
    await context.close();
  });

  it("keeps a 5 000-line plan responsive: rows are virtualised and the last line is reachable", async () => {
    const api = await apiSession(running, "manager");
    const projects = (await api.get("/projects?q=PGSM")) as { items: { id: string }[] };
    const projectId = projects.items[0]?.id ?? "";
    const plan = (await api.post(`/projects/${projectId}/workplans`, { year: 2030 })) as { id: string };
    for (let a = 0; a < 10; a++) {
      await api.post(`/workplans/${plan.id}/activities`, {
        title: `Activité de charge ${a + 1}`,
        budgetLines: Array.from({ length: 500 }, (_, i) => ({ description: `Ligne ${a + 1}.${i + 1}`, quantity: "1", unitCost: "1000" })),
      });
    }
    const { page, context } = await signIn(running, "editor");
    const started = Date.now();
    await page.goto(`${running.url}/workplans/${plan.id}`);
    await expect.poll(() => page.getByTestId("plan-total").textContent()).toMatch(amount("5 000 000 F CFA"));
    const opened = Date.now() - started;
    const rendered = await page.getByRole("row").count();
    const declared = Number(await page.getByRole("grid").getAttribute("aria-rowcount"));
    expect(declared).toBeGreaterThan(5000);
    expect(rendered).toBeLessThan(150);
    await cell(page, "Ligne 1.1", "label").click();
    const scrollStart = Date.now();
    await page.keyboard.press("Control+End");
    await gridRow(page, "Ligne 10.500").waitFor();
    const scrolled = Date.now() - scrollStart;
    console.info(`${declared}-row plan: opened in ${opened} ms, ${rendered} of ${declared} rows in the DOM, last line reached in ${scrolled} ms`);
    await context.close();
  });

  it("shows the pages outside the plan (an unknown address, the API documentation) under the same policy", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.goto(`${running.url}/nulle-part`);
    await page.getByText("Cette page n'existe pas ou vous n'y avez pas accès.").waitFor();
    await page.goto(`${running.url}/api/docs`);
    await page.getByText("Baara API").first().waitFor();
    await context.close();
  });

  it("switches to English, and back to the sign-in screen when the session ends", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.locator("label").filter({ hasText: /^EN$/ }).click();
    await page.getByRole("heading", { name: "Project portfolio" }).waitFor();
    await expect.poll(() => page.getByRole("row").filter({ hasText: "PGSM" }).textContent()).toMatch(/F\sCFA\s\d{1,3}(,\d{3})+/);
    await page.getByRole("link", { name: "PGSM", exact: true }).click();
    await page.getByRole("heading", { name: "Results framework", exact: true }).waitFor();
    await shot(page, "project-en");
    // The session ends (expired, or signed out elsewhere): the next request brings the sign-in screen back.
    // Every panel of the project page has been read first, so that the next request is the click's.
    await page.waitForLoadState("networkidle");
    await context.clearCookies();
    await page.getByRole("link", { name: /2022/ }).filter({ visible: true }).first().click();
    await page.getByText(/Your session has expired/).waitFor();
    await context.close();
  });

  it("stays usable on a 1280×720 laptop and read only on a phone", async () => {
    const laptop = await signIn(running, "editor", { width: 1280, height: 720 });
    await openPgsmPlan(laptop.page);
    await shot(laptop.page, "workplan-1280");
    await laptop.context.close();
    const phone = await signIn(running, "approver", { width: 390, height: 844 });
    await openPgsmPlan(phone.page);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone.page, "workplan-phone");
    await phone.context.close();
  });
});
