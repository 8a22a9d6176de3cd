// Every word a user reads goes through i18n: no bare text between JSX tags and
// no literal labels in the attributes people and screen readers read (checked
// on the TypeScript syntax tree of every screen).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
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
