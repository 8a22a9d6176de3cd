// The plan grid in Debian's Chromium, as a planning officer uses it: the hint
// above it, adding an activity where it belongs, pasting cells from Excel with
// the real keyboard (Ctrl+V) and undoing it, and the layout on a 1 366 × 768
// laptop and a 390-pixel phone. Screenshots go to artifacts/screenshots.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems, amount, apiSession, cell, cspViolations, gridRow, hasChromium, openPgsmPlan, pageErrors, planTotal,
  rawCodes, type Running, SCREENSHOTS, signIn, startAppAndBrowser,
} from "./browser-app.ts";

if (!hasChromium) console.warn("Chromium is not installed (/usr/bin/chromium): the browser tests are skipped.");

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const LINES = ["Dissiminer les rapport ITIE 2019", "restituer l'étude", "multiplier les rapports ITIE"];
const numberIn = async (page: Page, text: string, column: "quantity" | "unitCost" | "amount") =>
  Number((await cell(page, text, column).textContent())?.replace(/\D/g, ""));

/** Puts text on the system clipboard, as Excel does when cells are copied. */
const copyToClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

describe.skipIf(!hasChromium)("the plan grid in a real browser", { timeout: 180_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("pastes a block copied from Excel with Ctrl+V on a cell selected by one click, and undoes it in one step", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    const total = await planTotal(page);
    await cell(page, LINES[0] ?? "", "quantity").click();
    await copyToClipboard(page, "7\t1 000\r\n8\t2 000\r\n");
    await page.keyboard.press("Control+V");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("4 cellules collées");
    // Spread over the cells, not typed into the cell's editor.
    expect(await page.getByRole("grid").locator("input").count()).toBe(0);
    expect([await numberIn(page, LINES[0] ?? "", "quantity"), await numberIn(page, LINES[0] ?? "", "unitCost")]).toEqual([7, 1000]);
    expect([await numberIn(page, LINES[1] ?? "", "quantity"), await numberIn(page, LINES[1] ?? "", "unitCost")]).toEqual([8, 2000]);
    await expect.poll(() => numberIn(page, LINES[1] ?? "", "amount")).toBe(16_000);
    await shot(page, "paste-keyboard");
    await page.keyboard.press("Control+z");
    await expect.poll(() => planTotal(page)).toBe(total);
    expect([await numberIn(page, LINES[0] ?? "", "quantity"), await numberIn(page, LINES[1] ?? "", "quantity")]).toEqual([1, 2]);
    await context.close();
  });

  it("pastes with Ctrl+V over a selected range: one value fills it, a block starts at its top left", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    const total = await planTotal(page);
    const before = await Promise.all(LINES.map((l) => numberIn(page, l, "quantity")));
    await cell(page, LINES[0] ?? "", "quantity").click();
    await cell(page, LINES[2] ?? "", "quantity").click({ modifiers: ["Shift"] });
    await expect.poll(() => page.locator(".in-range").count()).toBe(3);
    await copyToClipboard(page, "5");
    await page.keyboard.press("Control+V");
    await expect.poll(() => page.getByRole("status").textContent()).toContain("3 cellules collées");
    await expect.poll(() => Promise.all(LINES.map((l) => numberIn(page, l, "quantity")))).toEqual([5, 5, 5]);
    await page.keyboard.press("Control+z");
    await expect.poll(() => Promise.all(LINES.map((l) => numberIn(page, l, "quantity")))).toEqual(before);
    // A bottom-up selection: the block still lands from its top left.
    await cell(page, LINES[1] ?? "", "unitCost").click();
    await cell(page, LINES[0] ?? "", "quantity").click({ modifiers: ["Shift"] });
    await copyToClipboard(page, "3\t100\n4\t200");
    await page.keyboard.press("Control+V");
    await expect.poll(() => numberIn(page, LINES[1] ?? "", "unitCost")).toBe(200);
    expect(await numberIn(page, LINES[0] ?? "", "quantity")).toBe(3);
    await page.keyboard.press("Control+z");
    await expect.poll(() => planTotal(page)).toBe(total);
    await context.close();
  });

  it("says how to edit above the grid, and adds an activity under the selected result or asks where", async () => {
    const { page, context } = await signIn(running, "editor");
    await openPgsmPlan(page);
    // The editing hint once the user's rights have arrived (the read-only one shows until then).
    await expect
      .poll(() => page.getByTestId("grid-hint").textContent())
      .toMatch(/Double-cliquez.*Ctrl\+V colle des cellules copiées depuis Excel.*Ctrl\+Z annule/);
    // Where each activity went, as the server has it: the code of its element of the framework.
    const api = await apiSession(running, "editor");
    const planId = page.url().split("/").pop() ?? "";
    const nodeOf = async (title: string) => {
      const content = (await api.get(`/workplans/${planId}/content`)) as { nodes: { id: string; code: string }[]; activities: { title: string; resultNodeId: string }[] };
      const activity = content.activities.find((a) => a.title === title);
      return content.nodes.find((n) => n.id === activity?.resultNodeId)?.code;
    };

    // Nothing selected: the editor is asked under which element the activity goes.
    await page.getByRole("button", { name: "Ajouter une activité" }).click();
    const dialog = page.getByRole("dialog", { name: "Où ajouter l'activité ?" });
    await dialog.getByLabel("Sous l'élément").click();
    await page.getByRole("option", { name: /B\.1\.1 — Renforcement du mécanisme/ }).click();
    await shot(page, "add-activity-where");
    await dialog.getByRole("button", { name: "Ajouter une activité" }).click();
    // Its title's editor opens on the new row, under B.1.1.
    const title = page.getByRole("grid").locator("input");
    await title.waitFor();
    await title.fill("Atelier de restitution régional");
    await title.press("Enter");
    await gridRow(page, "Atelier de restitution régional", "activity").waitFor();
    await expect.poll(() => nodeOf("Atelier de restitution régional")).toBe("B.1.1");
    const inOrder = await page.locator("[role=row]").allTextContents();
    expect(inOrder.findIndex((t) => t.includes("Atelier de restitution régional"))).toBeGreaterThan(inOrder.findIndex((t) => t.includes("produire le rapport ITIE 2021")));

    // An activity of B.2.2 selected: the new one goes under B.2.2 directly, without a question.
    await page.getByRole("button", { name: "Replier B1" }).click();
    await page.getByRole("button", { name: "Replier B.2.1" }).click();
    await cell(page, "Organisation d'un atelier élargi", "label", "activity").click();
    await page.getByRole("button", { name: "Ajouter une activité" }).click();
    await page.getByRole("grid").locator("input").waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    await page.getByRole("grid").locator("input").press("Escape");
    await expect.poll(() => nodeOf("Nouvelle activité")).toBe("B.2.2");
    await context.close();
  });

  it("fits a 1 366 × 768 laptop: every column in view, long titles wrapped, widths remembered per person", async () => {
    const { page, context } = await signIn(running, "editor");
    const badge = page.getByRole("row").filter({ hasText: "PBF/MLI/A-2" }).getByText("Aucun plan");
    expect(await badge.evaluate((b) => b.scrollWidth <= b.clientWidth + 1)).toBe(true);
    await openPgsmPlan(page);
    const grid = page.getByRole("grid");
    for (const name of ["Compte", "Fonds", "Responsable", "Contrôles"]) {
      const header = grid.getByRole("columnheader", { name, exact: true });
      const box = await header.boundingBox();
      expect(box && box.x + box.width <= 1366, name).toBe(true);
      // Its text is as wide as it needs, within the cell (a clipped header would be shown with "…").
      const fits = await header.evaluate((h) => {
        const range = document.createRange();
        range.selectNodeContents([...h.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? h);
        const style = getComputedStyle(h);
        const room = h.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
        return range.getBoundingClientRect().width <= room;
      });
      expect(fits, `${name} whole`).toBe(true);
    }
    // A 70-character title is shown whole, over several lines, not cut at 30 characters.
    const long = cell(page, "Amélioration du mécanisme de divulgation des transferts", "label", "activity").locator(".label");
    expect(await long.evaluate((l) => l.scrollHeight <= l.clientHeight + 1 && l.getClientRects().length > 0)).toBe(true);
    expect(await long.evaluate((l) => l.clientHeight)).toBeGreaterThan(30);
    expect(await rawCodes(page)).toEqual([]);
    await shot(page, "workplan-1366");
    expect(await accessibilityProblems(page), "plan at 1366").toEqual([]);

    // Dragging the indicator column's edge widens it; the width stays after a reload, for this person only.
    const header = grid.getByRole("columnheader", { name: "Indicateur", exact: true });
    const box = (await header.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 78, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const widened = Math.round((await header.boundingBox())?.width ?? 0);
    expect(widened).toBeGreaterThan(box.width + 60);
    await page.reload();
    await page.getByRole("grid").waitFor();
    await expect.poll(async () => Math.round((await page.getByRole("columnheader", { name: "Indicateur", exact: true }).boundingBox())?.width ?? 0)).toBe(widened);
    const other = await signIn(running, "manager");
    await openPgsmPlan(other.page);
    expect(Math.round((await other.page.getByRole("columnheader", { name: "Indicateur", exact: true }).boundingBox())?.width ?? 0)).toBe(Math.round(box.width));
    await other.context.close();

    // The chronogram's code column names each activity by its code, or by its element of the framework.
    await page.getByRole("tab", { name: "Chronogramme" }).click();
    await page.locator(".chronogram tbody tr").first().waitFor();
    const codes = await page.locator(".chronogram tbody tr td:first-child").allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => /^B\.\d\.\d$/.test(c))).toBe(true);
    await context.close();
  });

  it("keeps the portfolio link on a 390-pixel phone, and scrolls the grid sideways instead of cutting it", async () => {
    const { page, context } = await signIn(running, "approver", { width: 390, height: 844 });
    await page.getByRole("banner").getByRole("link", { name: "Portefeuille" }).waitFor();
    await openPgsmPlan(page);
    const grid = page.getByRole("grid");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await grid.evaluate((g) => g.scrollWidth > g.clientWidth)).toBe(true);
    // Scrolled sideways, the amounts come into view (columns out of view are not drawn: cells are found by their indexes).
    const rowIndex = await gridRow(page, LINES[0] ?? "").getAttribute("aria-rowindex");
    await grid.evaluate((g) => g.scrollTo({ left: 560 }));
    const amountCell = grid.locator(`[role=row][aria-rowindex="${rowIndex}"] [role=gridcell][aria-colindex="7"]`);
    await expect.poll(() => amountCell.textContent()).toMatch(amount("35 000 000"));
    const box = await amountCell.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 391).toBe(true);
    await shot(page, "workplan-390-scrolled");
    await grid.evaluate((g) => g.scrollTo({ left: g.scrollWidth }));
    await expect.poll(() => grid.getByRole("columnheader", { name: "Contrôles", exact: true }).count()).toBe(1);
    const amountHeader = await grid.getByRole("columnheader", { name: "Contrôles", exact: true }).boundingBox();
    expect(amountHeader && amountHeader.x >= 0 && amountHeader.x + amountHeader.width <= 391).toBe(true);
    await shot(page, "workplan-390");
    await page.getByRole("button", { name: "Menu" }).click();
    const signOut = page.getByRole("menuitem", { name: "Se déconnecter" });
    // Once the menu has faded in.
    await expect.poll(() => signOut.evaluate((item) => getComputedStyle(item.closest("[role=menu]") ?? item).opacity)).toBe("1");
    await shot(page, "menu-390");
    await context.close();
  });
});
