// The execution dashboards in a real browser: the CPS/SCI's years on its
// project page (64,71 % in 2022, 63,64 % in 2023, each rate with its formula),
// 2023 quarter by quarter and by objective, the link to the plan's execution;
// the portfolio's execution view with the CPS/SCI row, its organisations and
// the total; at 1366 × 768 and at 390 px.
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

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });

/** The text of a year's cell on a rate's row of the project's table of years. */
const yearCell = (page: Page, rate: string, year: number) =>
  page.getByTestId("execution-years").locator(`tr[data-rate="${rate}"] td[data-year="${year}"]`).textContent();
const quarterRow = (page: Page, quarter: number) => page.getByTestId("quarter-figures").locator(`tr[data-quarter="${quarter}"]`).textContent();

async function openCpsProject(page: Page): Promise<void> {
  await page.getByRole("link", { name: "CPS-SCI-PA", exact: true }).click();
  await page.getByTestId("execution-years").waitFor();
}

describe.skipIf(!hasChromium)("execution dashboards in a real browser", { timeout: 240_000 }, () => {
  let running: Running;
  beforeAll(async () => {
    running = await startAppAndBrowser();
  }, 120_000);
  afterAll(async () => {
    await running?.close();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it("shows the CPS/SCI's years side by side and 2023 by quarter and by objective", async () => {
    const { page, context } = await signIn(running, "viewer");
    await openCpsProject(page);
    await expect.poll(() => yearCell(page, "byCount", 2022)).toMatch(amount("64,71 %"));
    expect(await yearCell(page, "byCount", 2023)).toMatch(amount("63,64 %"));
    expect(await yearCell(page, "byCount", 2023)).toMatch(/−1,07\spt par rapport à 2022/);
    expect(await yearCell(page, "committedOfPaymentCredit", 2023)).toMatch(amount("76,49 %"));
    const table = page.getByTestId("execution-years");
    expect(await table.textContent()).toContain("activités réalisées ÷ activités programmées");
    expect(await table.textContent()).toContain("engagé ÷ crédit de paiement");

    // The latest year (2024) is followed by default; 2023 on request.
    await page.getByRole("radiogroup", { name: "Année suivie par trimestre" }).getByText("2023", { exact: true }).click();
    await page.getByText("Avancement physique et financier 2023, par trimestre").waitFor();
    await expect.poll(() => quarterRow(page, 4)).toMatch(amount("63,64 %"));
    expect(await quarterRow(page, 4)).toMatch(amount("76,49 %"));
    expect(await quarterRow(page, 1)).toMatch(amount("4 000 000"));
    // The chart is drawn: four bars' worth of quarters and two lines.
    const chart = page.getByTestId("quarter-chart");
    await chart.locator(".recharts-surface").first().waitFor();
    // The chart draws its lines and axes after its surface.
    await expect.poll(() => chart.locator(".recharts-line").count()).toBe(2);
    await expect.poll(() => chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick").count()).toBe(4);
    await page.getByTestId("node-chart").locator(".recharts-surface").first().waitFor();
    await page.getByTestId("project-execution").scrollIntoViewIfNeeded();
    await shot(page, "execution-dashboard-project");
    await page.getByTestId("project-execution").screenshot({ path: join(SCREENSHOTS, "execution-dashboard-project-section.png") });
    expect(await rawCodes(page), "codes on the project page").toEqual([]);
    expect(await accessibilityProblems(page), "project execution").toEqual([]);

    // One objective quarter by quarter, against its budget.
    await page.getByRole("combobox", { name: "Périmètre" }).click();
    await page.getByRole("option", { name: /^1 Planifier/ }).click();
    await expect.poll(() => quarterRow(page, 4)).toMatch(amount("91,67 %"));

    // Each year links to its plan's execution tab.
    await page.getByTestId("execution-years").locator("th[data-year='2023']").getByRole("link").click();
    await expect.poll(() => page.getByTestId("rate-physical-value").textContent()).toMatch(amount("63,64 %"));
    await context.close();
  });

  it("lists the portfolio's execution rates with the CPS/SCI row, its organisations and the total", async () => {
    const { page, context } = await signIn(running, "viewer");
    await page.getByRole("radiogroup", { name: "Affichage" }).getByText("Exécution", { exact: true }).click();
    const table = page.getByTestId("portfolio-execution");
    await table.waitFor();
    await page.getByRole("combobox", { name: "Année", exact: true }).click();
    await page.getByRole("option", { name: "2023", exact: true }).click();
    const cps = table.locator("tr[data-project='CPS-SCI-PA']");
    await expect.poll(() => cps.textContent()).toMatch(amount("63,64 %"));
    expect(await cps.textContent()).toMatch(amount("14 / 22"));
    expect(await table.locator("tr[data-organisation='CPS-SCI']").textContent()).toMatch(amount("63,64 %"));
    expect(await table.locator("tr[data-total]").textContent()).toMatch(amount("63,64 %"));
    expect(await table.locator("tr[data-total]").textContent()).toMatch(amount("143 035 000 F CFA"));
    // The rate's formula is told in its header.
    const header = table.getByRole("button", { name: "Taux d'exécution physique" });
    await header.hover();
    await page.getByRole("tooltip").getByText("activités réalisées ÷ activités programmées").waitFor();
    await header.click();
    expect(await table.locator("th[aria-sort='descending']").textContent()).toContain("Taux d'exécution physique");
    await shot(page, "execution-dashboard-portfolio");
    expect(await rawCodes(page), "codes on the portfolio").toEqual([]);
    expect(await accessibilityProblems(page), "portfolio execution").toEqual([]);
    await context.close();
  });

  it("fits a 390 px screen", async () => {
    const { page, context } = await signIn(running, "viewer", { width: 390, height: 844 });
    await page.goto(`${running.url}/?vue=execution`);
    await page.getByTestId("portfolio-execution").waitFor();
    await shot(page, "execution-dashboard-portfolio-390", true);
    await page.getByRole("link", { name: "CPS-SCI-PA", exact: true }).click();
    await page.getByTestId("quarter-chart").locator(".recharts-surface").first().waitFor();
    await page.getByTestId("execution-years").scrollIntoViewIfNeeded();
    await shot(page, "execution-dashboard-project-390-years");
    await page.getByTestId("quarter-chart").scrollIntoViewIfNeeded();
    await shot(page, "execution-dashboard-project-390-chart");
    // Nothing wider than the screen but the tables, which scroll inside their frame (the pointer leaves the chart
    // first: a hover tooltip left where the click landed is not part of the page).
    await page.mouse.move(1, 1);
    await page.getByTestId("quarter-chart").locator(".recharts-tooltip-wrapper").first().waitFor({ state: "hidden" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityProblems(page), "project execution at 390 px").toEqual([]);
    await context.close();
  });
});
