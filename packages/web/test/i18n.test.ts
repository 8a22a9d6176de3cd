// Every word a user reads goes through i18n: no bare text between JSX tags and
// no literal labels in the attributes people and screen readers read (checked
// on the TypeScript syntax tree of every screen).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import {
  ACTIVITY_STATUSES,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  CAPABILITIES,
  catalogue,
  CREDIT_KINDS,
  FINANCIAL_RATE_KEYS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  PHYSICAL_RATES,
  PRIORITIES,
  RECOMMENDATION_ORIGINS,
  RECOMMENDATION_STATUSES,
  TRANSACTION_STAGES,
} from "@baara/core";
import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.ts";
import { fr } from "../src/i18n/fr.ts";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsxFiles(join(dir, entry.name)) : entry.name.endsWith(".tsx") ? [join(dir, entry.name)] : [],
  );
}

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("labels", () => {
  it("has no bare words in JSX", () => {
    const problems: string[] = [];
    const LABELS = new Set(["aria-label", "label", "title", "placeholder", "description", "alt"]);
    for (const file of tsxFiles(SRC)) {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const where = (node: ts.Node) => `${file.slice(SRC.length)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node) => {
        // Symbols such as "▾", "+" or "↑" are fine; a word is not.
        if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.text)) problems.push(`${where(node)} "${node.text.trim()}"`);
        if (ts.isJsxAttribute(node) && LABELS.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)
          && /\p{L}{2,}/u.test(node.initializer.text)) {
          problems.push(`${where(node)} ${node.getText()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
  });

  it("exist in French and English alike", () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });
});

/** Every string of a catalogue, with its key. */
function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${prefix}.${i}`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** Web labels that spell a shared term, each for its reason. */
const SAME_WORD_OTHER_MEANING = new Set([
  "imports.field.activity", // the column roles of an import are listed together, one label per field
  "plan.col.responsible", // the person in charge of an activity, not a partner's role
  "imports.field.responsible",
  "imports.field.unit", // a unit of measure, not a kind of organisation
  "portfolio.partner", // the filter on a project's partners
  "plan.col.indicator", // a work plan's column of indicator text beside an activity, not a results table's column
  "imports.field.indicator",
  "indicators.field.unit", // an indicator's unit of measure
  "indicators.field.responsible", // who collects an indicator
  "indicators.field.textValue", // the words entered for a text indicator, not the kind of measure
  "committees.overdue", // an action item past its due date, not an indicator's status
  "project.year", // the year of a plan, of a value or a table's year column, not a report's period « a year »
  "execution.kind.year",
  "indicators.year",
  "executionDashboard.year",
]);

describe("the shared catalogue", () => {
  it("exists in French and English alike", () => {
    expect(keys(catalogue.en).sort()).toEqual(keys(catalogue.fr).sort());
    for (const [key, text] of leaves(catalogue.en)) expect(text, key).not.toBe("");
  });

  it("is not redefined by the web app: no key of it, and none of its terms under another key", () => {
    const shared = new Set(Object.keys(catalogue.fr));
    expect(Object.keys(fr).filter((k) => shared.has(k))).toEqual([]);
    for (const [catalogueOf, web] of [[catalogue.fr, fr], [catalogue.en, en]] as const) {
      // The portfolio export's headers and words are those of a file's columns, which the screens name too (« Montant »,
      // « Oui »): kept with the file they make, like the messages, they are not terms the screens should take from there.
      // So are the fixed words of generated reports (« Total », « Observations », the PBF form's « Oui », « Budget »).
      const {
        messages: _messages,
        portfolioExport: _portfolioExport,
        committeeExport: _committeeExport,
        reportExport: _reportExport,
        pbfReport: _pbfReport,
        awpReport: _awpReport,
        ...terms
      } = catalogueOf;
      const termKeys = new Map(
        leaves(terms)
          .filter(([, text]) => text.length > 2)
          .map(([key, text]) => [text.toLowerCase(), key]),
      );
      const redefined = leaves(web)
        .filter(([key, text]) => termKeys.has(text.toLowerCase()) && !SAME_WORD_OTHER_MEANING.has(key))
        .map(([key, text]) => `${key} « ${text} » is ${termKeys.get(text.toLowerCase())}`);
      expect(redefined).toEqual([]);
    }
  });
});

describe("words for the domain's lists", () => {
  it("names every capability, activity status, stage, credit kind, rate and committee term in both languages", () => {
    const missing: string[] = [];
    const has = (lang: "fr" | "en", path: string) => {
      const node = path.split(".").reduce<unknown>(
        (at, part) => (at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined),
        { ...catalogue[lang], ...(lang === "fr" ? fr : en) },
      );
      if (typeof node !== "string") missing.push(`${lang}: ${path}`);
    };
    for (const lang of ["fr", "en"] as const) {
      for (const capability of CAPABILITIES) has(lang, `help.capability.${capability}`);
      for (const status of ACTIVITY_STATUSES) has(lang, `activityStatus.${status}`);
      for (const stage of TRANSACTION_STAGES) has(lang, `transactionStage.${stage}`);
      for (const kind of CREDIT_KINDS) has(lang, `creditKind.${kind}`);
      const committeeTerms = {
        bodyKind: BODY_KINDS,
        memberRole: MEMBER_ROLES,
        meetingStatus: MEETING_STATUSES,
        attendanceStatus: ATTENDANCE_STATUSES,
        recommendationOrigin: RECOMMENDATION_ORIGINS,
        recommendationStatus: RECOMMENDATION_STATUSES,
        priority: PRIORITIES,
      };
      for (const [list, values] of Object.entries(committeeTerms)) for (const value of values) has(lang, `${list}.${value}`);
      for (const rate of [...PHYSICAL_RATES, ...FINANCIAL_RATE_KEYS]) {
        has(lang, `rate.${rate}.name`);
        has(lang, `rate.${rate}.formula`);
      }
    }
    expect(missing).toEqual([]);
  });
});
