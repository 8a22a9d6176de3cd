// A real Baara server (PGlite + demo data, serving the built web app) and
// Debian's Chromium, for the browser tests.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildApp } from "../../server/src/app.ts";
import { createTestDatabase } from "../../server/test/helpers/databases.ts";
import { loadDemo } from "../../server/src/demo/load.ts";
import { DEMO_PASSWORD } from "../../server/src/demo/organisations.ts";
import { ensureWebBuild } from "../../server/test/helpers/web-build.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
const WEB_ROOT = fileURLToPath(new URL("../dist", import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL("../../../artifacts/screenshots", import.meta.url));

/** Uncaught errors of every page; the tests expect none. */
export const pageErrors: string[] = [];
/** What the server's Content-Security-Policy refused on any page; the tests expect nothing. */
export const cspViolations: string[] = [];

/** Collects a page's uncaught errors and the CSP's refusals (Chromium reports them on the console). */
export function watch(page: Page, who: string): void {
  page.on("pageerror", (error) => pageErrors.push(`${who}: ${error.message}`));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${who} on ${page.url()}: ${message.text()}`);
  });
}

export interface Running {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startAppAndBrowser(): Promise<Running> {
  await ensureWebBuild();
  const database = await createTestDatabase("pglite");
  await loadDemo(database.db);
  const app = await buildApp({ database, webRoot: WEB_ROOT });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox as root in CI; no background traffic on a closed network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

/** The API as a demo user, from the test process (to prepare data quickly). */
export async function apiSession(running: Running, who: string) {
  const login = await fetch(`${running.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `${who}@baara.example`, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/api/v1${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown) => call("POST", path, body),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
  };
}

/** A fresh browser profile signed in as a demo user, on the portfolio. */
export async function signIn(
  running: Running,
  who: string,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await running.browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: "fr-FR",
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = await context.newPage();
  // The suite shares two cores with the database suites: be patient, never retry.
  page.setDefaultTimeout(60_000);
  watch(page, who);
  await page.goto(running.url);
  await page.getByLabel("Adresse électronique").fill(`${who}@baara.example`);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { name: "Portefeuille de projets" }).waitFor();
  return { context, page };
}

/** Portfolio → PGSM → its 2022 plan (version 1). */
export async function openPgsmPlan(page: Page): Promise<void> {
  await page.getByRole("link", { name: "PGSM", exact: true }).click();
  await page.getByRole("heading", { name: "Plans de travail" }).waitFor();
  await page.getByRole("link", { name: /PTBA 2022/ }).first().click();
  await page.getByRole("grid").waitFor();
}

type RowKind = "node" | "activity" | "line";

/** The first grid row of a kind (group, activity or budget line) whose text contains `text`. */
export function gridRow(page: Page, text: string | RegExp, kind: RowKind = "line") {
  return page.locator(`[role=row].row-${kind}`).filter({ hasText: text }).first();
}

export const COL = { code: 0, label: 1, indicator: 2, deadline: 3, quantity: 4, unitCost: 5, amount: 6 } as const;

export function cell(page: Page, text: string | RegExp, column: keyof typeof COL, kind: RowKind = "line") {
  return gridRow(page, text, kind).getByRole("gridcell").nth(COL[column]);
}

/** Opens the cell's editor, replaces its value and commits with Enter. */
export async function typeInto(page: Page, text: string | RegExp, column: keyof typeof COL, value: string): Promise<void> {
  await cell(page, text, column).dblclick();
  const input = page.getByRole("grid").locator("input");
  await input.waitFor();
  await input.fill(value);
  await input.press("Enter");
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2 A/AA problems axe-core finds on the page that are serious or critical (contrast, names, roles…). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, not as an inline <script> the CSP would refuse.
  await page.evaluate(axeSource);
  type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<Result> } }).axe.run(document, {
      runOnly: ["wcag2a", "wcag2aa"],
    }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The plan total shown on the page, in francs. */
export async function planTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId("plan-total").textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

/** 465000000 → "465 000 000": the French grouping the page shows. */
export function grouped(n: number): RegExp {
  return amount(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " "));
}

/** French amounts use non-breaking spaces; tests write plain ones. */
export function amount(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s"));
}

/** Codes meant for programs (QTY_PRICE_MISMATCH, MISSING_AMOUNT…) that reached the screen's text instead of words. */
export async function rawCodes(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return [...new Set(text.match(/\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/g) ?? [])];
}
