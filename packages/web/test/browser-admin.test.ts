// The inbox, the administration screens, the glossary and the field limits in
// Debian's Chromium against a real server with the demo, as their users would
// use them. Screenshots go to artifacts/screenshots (not committed).
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  apiSession,
  cspViolations,
  hasChromium,
  openPgsmPlan,
  pageErrors,
  rawCodes,
  type Running,
  SCREENSHOTS,
  signIn,
  startAppAndBrowser,
  watch,
} from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
const AT = String.raw`le \d{1,2}(er)?\s\p{L}+\s\d{4} à \d{2}:\d{2}`;

describe.skipIf(!hasChromium)("inbox, administration, glossary and limits in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("lists in the approver's inbox the plan an editor submits, and returns it to the editor with the reason", async () => {
    const before = await signIn(running, "approver");
    const inbox = before.page.getByRole("region", { name: "À traiter" });
    // The demo's CPS plan is approved: it waits for its endorsement.
    await inbox.getByText("À entériner : 1").waitFor();
    await inbox.getByText("À approuver : 0").waitFor();
    await before.context.close();

    const editor = await signIn(running, "editor");
    await openPgsmPlan(editor.page);
    await editor.page.getByRole("button", { name: "Soumettre" }).click();
    await editor.page.getByRole("dialog").getByLabel("Commentaire (facultatif)").fill("Prêt pour le comité");
    await editor.page.getByRole("button", { name: "Confirmer" }).click();
    await editor.page.getByText("Soumis", { exact: true }).waitFor();
    await editor.context.close();

    const { page, context } = await signIn(running, "approver");
    const list = page.getByRole("region", { name: "Plans soumis, à approuver (1)" });
    await list.getByRole("link", { name: "PTBA 2022 · version 1" }).waitFor();
    await list.getByText(new RegExp(`^Soumis par Fatoumata Keïta ${AT}$`, "u")).waitFor();
    expect(await list.textContent()).toMatch(/PGSM — /);
    await page.getByRole("region", { name: "À traiter" }).getByText("À approuver : 1").waitFor();
    await page.getByRole("region", { name: "Plans approuvés, à entériner (1)" }).getByText(/CPS-SCI-PA/).waitFor();
    expect(await rawCodes(page), "codes on the home screen").toEqual([]);
    expect(await accessibilityProblems(page), "inbox").toEqual([]);
    await shot(page, "inbox");
    await list.getByRole("link", { name: "PTBA 2022 · version 1" }).click();
    await page.getByRole("heading", { name: "PTBA 2022 – Composante B — version 1" }).waitFor();
    await page.getByRole("button", { name: "Renvoyer pour corrections" }).click();
    await page.getByRole("dialog").getByLabel("Commentaire (facultatif)").fill("Chiffrer l'étude sectorielle");
    await page.getByRole("button", { name: "Confirmer" }).click();
    await page.getByText("Brouillon", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Baara" }).click();
    await page.getByRole("region", { name: "À traiter" }).getByText("À approuver : 0").waitFor();
    await context.close();

    const back = await signIn(running, "editor", { width: 390, height: 844 });
    const returned = back.page.getByRole("region", { name: "Plans renvoyés pour corrections (1)" });
    await returned.getByText(new RegExp(`^Renvoyé par Ibrahim Coulibaly ${AT} : « Chiffrer l'étude sectorielle »$`, "u")).waitFor();
    const overflow = await back.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(back.page, "inbox-phone");
    await back.context.close();
  });

  it("lets the administrator invite someone, give them a role, and deactivate them so they can no longer sign in", async () => {
    const { page, context } = await signIn(running, "admin");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { name: "Administration" }).waitFor();
    await page.getByRole("button", { name: /Ministère des Mines/ }).click();
    await page.getByRole("button", { name: "Ajouter une sous-organisation" }).waitFor();
    await page.getByRole("table", { name: "Rôles donnés ici" }).or(page.getByText("Aucun rôle donné ici.")).waitFor();
    expect(await accessibilityProblems(page), "organisations").toEqual([]);
    await shot(page, "admin-organisations");

    await page.getByRole("tab", { name: "Personnes" }).click();
    await page.getByRole("button", { name: "Inviter une personne" }).click();
    const invite = page.getByRole("dialog", { name: "Inviter une personne" });
    await invite.getByLabel("Nom").fill("Aminata Traoré");
    await invite.getByLabel("Adresse électronique").fill("aminata@baara.example");
    await invite.getByLabel("Premier mot de passe").fill("bienvenue-2024");
    await shot(page, "admin-invite");
    await invite.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByText("Compte créé pour Aminata Traoré (aminata@baara.example).", { exact: false }).waitFor();
    expect(await accessibilityProblems(page), "people").toEqual([]);

    // A role on the CPS/SCI: its action plan becomes hers to write.
    await page.getByRole("tab", { name: "Organisations" }).click();
    await page.getByRole("button", { name: /Cellule de planification et de statistique/ }).click();
    await page.getByRole("button", { name: "Donner un rôle" }).click();
    const grant = page.getByRole("dialog", { name: /Donner un rôle : Cellule de planification/ });
    await grant.getByLabel("Personne").fill("Aminata");
    await page.getByRole("option", { name: /Aminata Traoré — aminata@baara.example/ }).click();
    await grant.getByLabel("Rôle", { exact: true }).click();
    await page.getByRole("option", { name: "Rédacteur" }).click();
    await grant.getByText("Rédige les plans", { exact: false }).waitFor();
    await grant.getByRole("button", { name: "Donner un rôle" }).click();
    const members = page.getByRole("table", { name: "Rôles donnés ici" });
    await members.getByRole("row").filter({ hasText: "Aminata Traoré" }).filter({ hasText: "Rédacteur" }).waitFor();

    const aminata = await signInAs(running, "aminata@baara.example", "bienvenue-2024");
    await aminata.page.getByRole("link", { name: "CPS-SCI-PA", exact: true }).waitFor();
    expect(await aminata.page.getByRole("link", { name: "Administration" }).count()).toBe(0);

    await page.getByRole("tab", { name: "Personnes" }).click();
    await page.getByLabel("Rechercher une personne (nom ou adresse)").fill("aminata");
    // The server searches names and addresses: one person, under the header row.
    await expect.poll(() => page.getByRole("table", { name: "Personnes" }).getByRole("row").count()).toBe(2);
    await page.getByRole("button", { name: "Actions : Aminata Traoré" }).click();
    await page.getByRole("menuitem", { name: "Désactiver le compte" }).click();
    await page.getByText(/Aminata Traoré : compte désactivé/).waitFor();
    await page.getByRole("row").filter({ hasText: "aminata@baara.example" }).getByText("Désactivé").waitFor();
    await shot(page, "admin-people");

    // Her open session ends, and she cannot sign in again.
    await aminata.page.reload();
    await aminata.page.getByRole("button", { name: "Se connecter" }).waitFor();
    await aminata.page.getByLabel("Adresse électronique").fill("aminata@baara.example");
    await aminata.page.getByLabel("Mot de passe").fill("bienvenue-2024");
    await aminata.page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => aminata.page.getByRole("alert").textContent()).toMatch(/mot de passe/i);
    await aminata.context.close();

    await page.getByRole("tab", { name: "Qui peut faire quoi" }).click();
    const rules = page.getByRole("table", { name: "Droits de chaque rôle" });
    const approve = rules.getByRole("row").filter({ hasText: "approuver, entériner ou renvoyer un plan" });
    // The tab's table renders after the click: wait for it rather than count at once.
    await expect.poll(() => approve.getByRole("cell", { name: "Oui" }).count()).toBe(1);
    await shot(page, "admin-rules");
    await context.close();
  });

  it("lets an organisation's administrator manage their organisation only, and invite with a role there", async () => {
    // The platform administrator makes the CPS/SCI's administrator through the API.
    const platform = await apiSession(running, "admin");
    const organisations = (await platform.get("/organisations?q=CPS-SCI&pageSize=10")) as { items: { id: string; code: string }[] };
    const cps = organisations.items.find((o) => o.code === "CPS-SCI");
    await platform.post("/users", {
      email: "cps.admin@baara.example",
      name: "Kadiatou Maïga",
      password: "admin-de-la-cps",
      membership: { organisationId: cps?.id, role: "admin" },
    });
    const { page, context } = await signInAs(running, "cps.admin@baara.example", "admin-de-la-cps");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByText(/Vous administrez une ou plusieurs organisations/).waitFor();
    expect(await page.getByRole("button", { name: "Nouvelle organisation de premier niveau" }).count()).toBe(0);
    await page.getByRole("button", { name: /Ministère des Mines/ }).click();
    await page.getByText("Vous ne gérez pas cette organisation : elle est affichée pour information.").waitFor();
    expect(await page.getByRole("button", { name: "Donner un rôle" }).count()).toBe(0);
    await page.getByRole("button", { name: /Unité Statistique/ }).click();
    await page.getByRole("button", { name: "Modifier ou déplacer" }).click();
    const edit = page.getByRole("dialog", { name: "Modifier ou déplacer" });
    await edit.getByLabel("Nom").fill("Unité Statistique et Études");
    await edit.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("button", { name: /Unité Statistique et Études/ }).waitFor();

    await page.getByRole("tab", { name: "Personnes" }).click();
    await page.getByText(/Désactiver un compte ou changer son mot de passe revient à l'administrateur de la plateforme/).waitFor();
    await page.getByRole("button", { name: "Inviter une personne" }).click();
    const invite = page.getByRole("dialog", { name: "Inviter une personne" });
    await invite.getByLabel("Nom").fill("Boubacar Touré");
    await invite.getByLabel("Adresse électronique").fill("boubacar@baara.example");
    await invite.getByLabel("Premier mot de passe").fill("bienvenue-2024");
    // Without a role the person would be invisible to this administrator: one is asked for.
    await invite.getByRole("button", { name: "Créer le compte" }).click();
    await invite.getByText("Choisissez l'organisation où la personne aura son rôle.").waitFor();
    await invite.getByLabel("Premier rôle, sur l'organisation").click();
    await page.getByRole("option", { name: /Unité Planification/ }).waitFor();
    expect(await page.getByRole("option", { name: /Ministère des Mines/ }).count()).toBe(0);
    await page.getByRole("option", { name: /Unité Planification/ }).click();
    await invite.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByText(/Compte créé pour Boubacar Touré/).waitFor();
    await page.getByRole("table", { name: "Personnes" }).getByRole("row").filter({ hasText: "boubacar@baara.example" }).waitFor();
    expect(await accessibilityProblems(page), "people, as an organisation's administrator").toEqual([]);
    await shot(page, "admin-people-organisation");
    await context.close();
  });

  it("tells someone who is not an administrator that the administration is not for them", async () => {
    const { page, context } = await signIn(running, "manager");
    expect(await page.getByRole("link", { name: "Administration" }).count()).toBe(0);
    await page.goto(`${running.url}/admin`);
    await page.getByRole("heading", { name: "Accès réservé aux administrateurs" }).waitFor();
    await page.getByText(/adressez-vous à l'administrateur de votre organisation/).waitFor();
    expect(await page.getByRole("tab").count()).toBe(0);
    // The server refuses the administration's requests anyway.
    const status = await page.evaluate(async () => (await fetch("/api/v1/users")).status);
    expect(status).toBe(403);
    expect(await accessibilityProblems(page), "not allowed").toEqual([]);
    await shot(page, "admin-not-allowed");
    await context.close();
  });

  it("opens the glossary from the header, from the « saisi » badge and from the findings, in French and English", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.getByRole("link", { name: "Aide" }).click();
    await page.getByRole("heading", { name: "Aide et glossaire" }).waitFor();
    for (const term of ["PTBA", "AWP", "Montant saisi (badge « saisi »)", "Sous-total déclaré", "PM (pour mémoire)", "Entériner", "Brouillon"]) {
      await page.getByRole("term").filter({ hasText: term }).first().waitFor();
    }
    expect(await accessibilityProblems(page), "glossary").toEqual([]);
    expect(await rawCodes(page)).toEqual([]);

    await page.getByRole("link", { name: "Portefeuille" }).click();
    await openPgsmPlan(page);
    const badge = page.getByRole("link", { name: "saisi" }).first();
    const [glossary] = await Promise.all([context.waitForEvent("page"), badge.click()]);
    watch(glossary, "viewer");
    await glossary.getByRole("heading", { name: "Aide et glossaire" }).waitFor();
    expect(new URL(glossary.url()).hash).toBe("#typed");
    const entry = glossary.locator("#typed");
    await expect.poll(() => entry.getAttribute("data-current")).toBe("true");
    // Scrolled to: the entry is in the upper part of the window, under the header.
    await expect.poll(() => entry.evaluate((e) => Math.round(e.getBoundingClientRect().top))).toBeGreaterThan(0);
    expect(await entry.evaluate((e) => e.getBoundingClientRect().top)).toBeLessThan(400);
    expect(await entry.textContent()).toMatch(/diffère de quantité × prix unitaire/);
    await shot(glossary, "glossary-typed");

    const findingsHelp = page.getByRole("link", { name: "Aide : Constats" });
    const [findings] = await Promise.all([context.waitForEvent("page"), findingsHelp.click()]);
    watch(findings, "viewer");
    await findings.locator("#finding[data-current]").waitFor();

    await findings.locator("label").filter({ hasText: /^EN$/ }).click();
    await findings.getByRole("heading", { name: "Help and glossary" }).waitFor();
    await findings.getByRole("term").filter({ hasText: "Typed amount (“typed” badge)" }).waitFor();
    await findings.getByRole("term").filter({ hasText: "Return for changes" }).waitFor();
    expect(await rawCodes(findings)).toEqual([]);
    await shot(findings, "glossary-en");
    // The language is the user's own setting: put it back for the next tests.
    await findings.locator("label").filter({ hasText: /^FR$/ }).click();
    await findings.getByRole("heading", { name: "Aide et glossaire" }).waitFor();
    await context.close();
  });

  it("shows a title field's limit with a live counter and refuses text beyond it", async () => {
    const { page, context } = await signIn(running, "editor");
    await page.getByRole("link", { name: "PBF/MLI/A-2", exact: true }).click();
    await page.getByRole("button", { name: "Nouveau plan" }).click();
    const dialog = page.getByRole("dialog", { name: "Nouveau plan" });
    const title = dialog.getByLabel("Intitulé (facultatif)");
    await dialog.getByText("0 / 300 caractères").waitFor();
    await title.fill("PTBA 2021 révisé");
    await dialog.getByText("16 / 300 caractères").waitFor();
    // A pasted text longer than the limit is cut at it, and the field says so.
    await title.fill("x".repeat(310));
    expect((await title.inputValue()).length).toBe(300);
    await dialog.getByText("300 / 300 caractères").waitFor();
    await dialog.getByText("300 / 300 caractères — limite atteinte, la suite n'a pas été prise.").waitFor();
    await title.press("End");
    await page.keyboard.type("yz");
    expect(await title.inputValue()).toBe("x".repeat(300));
    await shot(page, "limit-counter");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await context.close();
  });
});

/** A fresh browser signed in with any account (the demo's signIn takes a demo name). */
async function signInAs(running: Running, email: string, password: string) {
  const context = await running.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "fr-FR" });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  watch(page, email);
  await page.goto(running.url);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: "Portefeuille de projets" }).waitFor();
  return { context, page };
}
